#include "hilum/triage/result_objects.h"

#include "hilum/report/export_bundle.h"

#include <filesystem>

namespace hilum::triage {

Result<std::vector<std::string>> writeResultObjects(const report::ReportFilm& film, const std::string& resultsDirectory) {
  if (!film.film || !film.findings)
    return Error(Module::Pacs, ErrorCode::InvalidArgument, "no AI result to send: the film has not been analysed");
  const auto& m = film.film->metadata();
  const std::filesystem::path folder = std::filesystem::path(resultsDirectory) / (m.studyInstanceUid.empty() ? "unknown" : m.studyInstanceUid);
  std::error_code ec;
  std::filesystem::create_directories(folder, ec);
  if (ec) return Error(Module::Pacs, ErrorCode::WriteFailed, ec.message(), folder.string());

  report::ReportRequest request;
  request.films.push_back(film);
  request.software = QStringLiteral("Hilum %1").arg(HILUM_VERSION);
  const std::string stem = (folder / (m.sopInstanceUid.empty() ? "film" : m.sopInstanceUid)).string();
  report::ExportTargets targets;
  targets.structuredReport = stem + "-sr.dcm";
  targets.secondaryCapture = stem + "-sc.dcm";
  auto written = report::exportBundle(request, targets);
  if (!written.ok()) return written.error();
  return std::vector<std::string>{*targets.structuredReport, *targets.secondaryCapture};
}

}  // namespace hilum::triage
