#include "result_sender_p.h"

#include "hilum/pacs/send.h"
#include "hilum/report/export_bundle.h"

#include <filesystem>

namespace hilum::triage::detail {

Status sendResults(std::shared_ptr<const film::Film> film, std::shared_ptr<const ai::Findings> findings,
                   const pacs::Node& node, const pacs::ScuOptions& options, const std::string& resultsDirectory) {
  const auto& m = film->metadata();
  const std::filesystem::path folder = std::filesystem::path(resultsDirectory) / (m.studyInstanceUid.empty() ? "unknown" : m.studyInstanceUid);
  std::error_code ec;
  std::filesystem::create_directories(folder, ec);
  if (ec) return Error(Module::Pacs, ErrorCode::WriteFailed, ec.message(), folder.string());

  report::ReportRequest request;
  report::ReportFilm rf;
  rf.film = std::move(film);
  rf.findings = std::move(findings);
  rf.selectedFinding = rf.findings->ranked.empty() ? -1 : 0;  // the most likely finding, as the viewer selects it
  request.films.push_back(rf);
  request.software = QStringLiteral("Hilum %1").arg(HILUM_VERSION);
  const std::string stem = (folder / (m.sopInstanceUid.empty() ? "film" : m.sopInstanceUid)).string();
  report::ExportTargets targets;
  targets.structuredReport = stem + "-sr.dcm";
  targets.secondaryCapture = stem + "-sc.dcm";
  auto written = report::exportBundle(request, targets);
  if (!written.ok()) return written.error();

  auto sent = pacs::store(node, {*targets.structuredReport, *targets.secondaryCapture}, options);
  if (!sent.ok()) return sent.error();
  if (!sent.value().complete()) {
    if (sent.value().interruption) return *sent.value().interruption;
    for (const auto& i : sent.value().instances)
      if (i.status == pacs::InstanceStatus::Failed)
        return Error(Module::Pacs, ErrorCode::WriteFailed, node.toString() + " did not store the result: " + i.reason, i.path);
  }
  return Status::success();
}

}  // namespace hilum::triage::detail
