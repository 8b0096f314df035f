#include "folder_scan_p.h"

#include "film_header_p.h"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <set>
#include <sys/stat.h>
#include <utility>

namespace hilum::film::detail {
namespace {

namespace fs = std::filesystem;

struct Walk {
  bool recursive = true;
  std::vector<std::string> files;
  std::vector<IndexProblem> skipped;
  // Folders already listed, by device and inode: a symbolic link back up the tree must not loop.
  std::set<std::pair<dev_t, ino_t>> seen;
};

// Lists one folder, then its sub-folders. Returns false only when `folder` itself cannot be listed.
bool walk(const fs::path& folder, Walk& state, std::string& problem) {
  struct stat info {};
  if (::stat(folder.c_str(), &info) == 0 && !state.seen.insert({info.st_dev, info.st_ino}).second) return true;

  std::error_code ec;
  fs::directory_iterator it(folder, ec);
  if (ec) {
    problem = ec.message();
    return false;
  }
  std::vector<fs::path> subfolders;
  for (; it != fs::directory_iterator(); it.increment(ec)) {
    if (ec) break;
    const fs::path& path = it->path();
    const std::string name = path.filename().string();
    // Hidden entries (.DS_Store, macOS "._" shadow files, .git) are never films a user meant.
    if (name.empty() || name[0] == '.') continue;
    std::error_code typeEc;
    const fs::file_status status = it->status(typeEc);  // follows symbolic links
    if (fs::is_directory(status)) {
      subfolders.push_back(path);
    } else if (fs::is_regular_file(status)) {
      if (!isDicomDirName(name)) state.files.push_back(path.string());
    } else if (it->is_symlink(typeEc) && !fs::exists(status)) {
      state.skipped.push_back({path.string(), "symbolic link to nothing"});
    }
    // Sockets, pipes and devices are passed over: opening a pipe would block the scan.
  }
  if (ec) state.skipped.push_back({folder.string(), "folder listing stopped early: " + ec.message()});
  if (!state.recursive) return true;

  std::sort(subfolders.begin(), subfolders.end());
  for (const fs::path& sub : subfolders) {
    std::string subProblem;
    if (!walk(sub, state, subProblem)) state.skipped.push_back({sub.string(), "folder cannot be read: " + subProblem});
  }
  return true;
}

}  // namespace

bool isDicomDirName(const std::string& name) {
  if (name.size() != 8) return false;
  return std::equal(name.begin(), name.end(), "DICOMDIR",
                    [](char a, char b) { return std::toupper(static_cast<unsigned char>(a)) == b; });
}

Result<CollectedFiles> scanFolder(const std::string& folder, const IndexOptions& options) {
  Walk state;
  state.recursive = options.recursive;
  std::string problem;
  if (!walk(folder, state, problem))
    return Error(Module::Film, ErrorCode::Unreadable, "folder cannot be read: " + problem, folder);
  std::sort(state.files.begin(), state.files.end());

  CollectedFiles collected;
  collected.skipped = std::move(state.skipped);
  const std::size_t total = state.files.size();
  for (std::size_t i = 0; i < total; ++i) {
    const std::string& path = state.files[i];
    auto header = readFilmHeader(path, true);
    if (header.ok()) {
      const fs::path parent = fs::path(path).parent_path();
      IndexEntry entry;
      entry.header = std::move(header).value();
      const FilmMetadata& m = entry.header.metadata;
      // Files without UIDs (every raster, some damaged exports) are grouped by their folder.
      entry.studyKey = m.studyInstanceUid.empty() ? "folder:" + parent.string() : m.studyInstanceUid;
      entry.seriesKey = m.seriesInstanceUid.empty() ? "folder:" + parent.string() : m.seriesInstanceUid;
      entry.folderName = parent.filename().string();
      collected.entries.push_back(std::move(entry));
    } else {
      collected.skipped.push_back({path, header.error().reason()});
    }
    const Status going = reportProgress(options, i + 1, total, folder);
    if (!going.ok()) return going.error();
  }
  return collected;
}

}  // namespace hilum::film::detail
