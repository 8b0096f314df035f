#include "hilum/film/study_index.h"

#include "dicomdir_reader_p.h"
#include "film_header_p.h"
#include "folder_scan_p.h"
#include "study_grouping_p.h"

#include <cerrno>
#include <cstring>
#include <exception>
#include <filesystem>
#include <new>
#include <optional>
#include <sys/stat.h>

namespace hilum::film {
namespace {

namespace fs = std::filesystem;

Error fail(ErrorCode code, std::string reason, const std::string& path) {
  return Error(Module::Film, code, std::move(reason), path);
}

std::optional<fs::path> dicomDirIn(const fs::path& folder) {
  std::error_code ec;
  for (fs::directory_iterator it(folder, ec), end; !ec && it != end; it.increment(ec)) {
    if (detail::isDicomDirName(it->path().filename().string()) && it->is_regular_file(ec)) return it->path();
  }
  return std::nullopt;
}

Result<StudyIndex> indexFolder(const fs::path& folder, const IndexOptions& options) {
  std::optional<IndexProblem> dicomDirProblem;
  if (const auto dicomDir = dicomDirIn(folder)) {
    auto files = detail::readDicomDir(dicomDir->string(), options);
    if (files.ok()) return detail::buildIndex(std::move(files).value());
    if (files.error().code() == ErrorCode::Cancelled) return files.error();
    // A damaged DICOMDIR should not hide the films beside it: scan them, and say why.
    dicomDirProblem = IndexProblem{dicomDir->string(), files.error().reason() + "; the folder was scanned instead"};
  }
  auto files = detail::scanFolder(folder.string(), options);
  if (!files.ok()) return files.error();
  if (dicomDirProblem) files.value().skipped.push_back(*dicomDirProblem);
  return detail::buildIndex(std::move(files).value());
}

Result<StudyIndex> indexFile(const fs::path& file, const IndexOptions& options) {
  if (detail::isDicomDirFile(file.string())) {
    auto files = detail::readDicomDir(file.string(), options);
    if (!files.ok()) return files.error();
    return detail::buildIndex(std::move(files).value());
  }
  auto header = detail::readFilmHeader(file.string(), false);
  if (!header.ok()) return header.error();
  detail::CollectedFiles files;
  detail::IndexEntry entry;
  entry.header = std::move(header).value();
  const FilmMetadata& m = entry.header.metadata;
  const fs::path parent = file.parent_path();
  entry.studyKey = m.studyInstanceUid.empty() ? "folder:" + parent.string() : m.studyInstanceUid;
  entry.seriesKey = m.seriesInstanceUid.empty() ? "folder:" + parent.string() : m.seriesInstanceUid;
  entry.folderName = parent.filename().string();
  files.entries.push_back(std::move(entry));
  const Status going = detail::reportProgress(options, 1, 1, file.string());
  if (!going.ok()) return going.error();
  return detail::buildIndex(std::move(files));
}

Result<StudyIndex> indexUnguarded(const std::string& path, const IndexOptions& options) {
  // std::filesystem would make "" the current folder; an empty path is a caller's mistake.
  if (path.empty()) return fail(ErrorCode::InvalidArgument, "no path given", path);
  std::error_code ec;
  fs::path absolute = fs::absolute(path, ec).lexically_normal();
  if (ec) return fail(ErrorCode::Unreadable, ec.message(), path);
  if (!absolute.has_filename() && absolute.has_parent_path() && absolute != absolute.root_path())
    absolute = absolute.parent_path();  // "/data/films/" -> "/data/films"

  struct stat info {};
  if (::stat(absolute.c_str(), &info) != 0)
    return fail(errno == ENOENT ? ErrorCode::NotFound : ErrorCode::Unreadable,
                errno == ENOENT ? "no such file or folder" : std::strerror(errno), path);
  if (S_ISDIR(info.st_mode)) return indexFolder(absolute, options);
  if (S_ISREG(info.st_mode)) return indexFile(absolute, options);
  return fail(ErrorCode::Unreadable, "not a file or a folder", path);
}

}  // namespace

std::size_t StudyIndex::filmCount() const {
  std::size_t count = 0;
  for (const auto& patient : patients)
    for (const auto& study : patient.studies)
      for (const auto& series : study.series) count += series.films.size();
  return count;
}

std::vector<std::string> StudyIndex::filmPaths() const {
  std::vector<std::string> paths;
  paths.reserve(filmCount());
  for (const auto& patient : patients)
    for (const auto& study : patient.studies)
      for (const auto& series : study.series)
        for (const auto& film : series.films) paths.push_back(film.path);
  return paths;
}

Result<StudyIndex> indexPath(const std::string& path, const IndexOptions& options) {
  // DCMTK does not throw by design, but allocation and std::filesystem can; nothing escapes.
  try {
    return indexUnguarded(path, options);
  } catch (const std::bad_alloc&) {
    return fail(ErrorCode::TooLarge, "out of memory while indexing", path);
  } catch (const std::exception& e) {
    return fail(ErrorCode::Internal, std::string("indexing failed: ") + e.what(), path);
  }
}

}  // namespace hilum::film
