#include "result_sender_p.h"

#include "hilum/pacs/send.h"
#include "hilum/triage/result_objects.h"

#include <filesystem>

namespace hilum::triage::detail {

Result<std::vector<std::string>> writeResults(std::shared_ptr<const film::Film> film,
                                              std::shared_ptr<const ai::Findings> findings,
                                              const std::string& resultsDirectory) {
  report::ReportFilm rf;
  rf.film = std::move(film);
  rf.findings = std::move(findings);
  rf.selectedFinding = rf.findings->ranked.empty() ? -1 : 0;  // the most likely finding, as the viewer selects it
  return writeResultObjects(rf, resultsDirectory);
}

Status sendResultFiles(const std::vector<std::string>& files, const pacs::Node& node, const pacs::ScuOptions& options) {
  std::error_code ec;
  for (const auto& file : files)
    if (!std::filesystem::exists(file, ec))
      return Error(Module::Pacs, ErrorCode::NotFound, "the result file to send is gone", file);
  auto sent = pacs::store(node, files, options);
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
