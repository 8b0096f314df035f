// hilum-cli watch: the AI triage worklist as a service. A storage SCP receives films, each is
// analysed as it arrives and printed as a worklist row; with --send-results-to, its SR and
// Secondary Capture go back to the PACS. The same TriageWorklist the viewer's Worklist tab runs.
#include "arguments.h"
#include "cli.h"
#include "commands_p.h"
#include "gui_session.h"
#include "pacs_cli_p.h"

#include "hilum/pacs/storage_server.h"
#include "hilum/triage/worklist.h"

#include <filesystem>
#include <iomanip>
#include <mutex>
#include <ostream>
#include <sstream>

namespace hilum::cli {
namespace {

const char* const kSynopsis =
    "watch --scp PORT --store DIR [--aet AE] [--bind ADDRESS] [--model DIR] [--allow-torchscript]\n"
    "                      [--priority LABEL=W,...] [--send-results-to NODE] [--timeout S]";

std::string rowOf(const triage::TriageStudy& s, const triage::TriageFilm& f) {
  std::ostringstream row;
  row << std::left << std::setw(12) << triage::toString(f.state) << " study " << s.studyInstanceUid;
  if (f.state == triage::FilmState::Done) {
    row << "  " << (f.urgency.positive ? "POSITIVE " : "negative ") << f.urgency.finding << " " << std::fixed
        << std::setprecision(2) << f.urgency.probability;
    if (f.outOfDistribution) row << "  (unlike the films the model was trained on)";
  } else if (!f.reason.empty()) {
    row << "  " << f.reason;
  }
  row << "  " << std::fixed << std::setprecision(0) << f.latencyMs << " ms";
  if (f.resultsSent) row << "  results sent";
  if (!f.sendError.empty()) row << "  results NOT sent: " << f.sendError;
  return row.str();
}

}  // namespace

int watchCommand(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  std::string problem;
  std::set<std::string> valued = pacsCommonOptions();
  valued.insert({"--scp", "--store", "--bind", "--model", "--priority", "--send-results-to"});
  const auto parsed = Arguments::parse(args, valued, {kAllowTorchScript}, problem);
  if (!parsed) return usageError(err, problem, kSynopsis);
  const auto options = scuOptions(*parsed, problem);
  if (!options) return usageError(err, problem, kSynopsis);
  const auto port = parsed->intAtLeast("--scp", 1, 0);
  if (!port || *port == 0 || *port > 65535) return usageError(err, "watch needs --scp PORT (1-65535)", kSynopsis);
  const auto store = parsed->value("--store");
  if (!store || store->empty()) return usageError(err, "watch needs --store DIR", kSynopsis);

  triage::WorklistOptions worklistOptions;
  const auto pack = packArgument(*parsed);
  if (!pack.ok()) return reportError(err, pack.error());
  worklistOptions.packDirectory = pack.value();
  if (const auto priority = parsed->value("--priority")) {
    auto policy = triage::parsePolicy(*priority);
    if (!policy.ok()) return usageError(err, policy.error().reason(), kSynopsis);
    worklistOptions.policy = policy.value();
  }
  if (const auto node = parsed->value("--send-results-to")) {
    auto resolved = nodeArgument(*node, problem);
    if (!resolved) return usageError(err, problem, kSynopsis);
    worklistOptions.sendResultsTo = *resolved;
    worklistOptions.scu = *options;
    worklistOptions.resultsDirectory = (std::filesystem::path(*store) / "results").string();
  }
  worklistOptions.ledgerPath = (std::filesystem::path(*store) / "worklist.json").string();
  // Before any thread starts (Qt's, the worklist's, the server's): each inherits the mask, so a
  // Ctrl+C reaches the sigwait below instead of killing the process mid-write.
  StopSignals stopSignals;
  ensureGuiApplication();  // the Secondary Capture's caption needs fonts

  std::mutex mutex;
  triage::TriageWorklist worklist(worklistOptions, [&](const triage::TriageStudy& study) {
    std::lock_guard<std::mutex> lock(mutex);
    out << rowOf(study, study.films.back()) << std::endl;
  });
  if (Status s = worklist.start(); !s.ok()) return reportError(err, s.error());

  const pacs::StorageServerOptions serverOptions =
      storageServerOptions(*parsed, *options, *port, (std::filesystem::path(*store) / "films").string());
  pacs::StorageServer server(serverOptions, [&](const pacs::InstanceOutcome& o) {
    if (o.status == pacs::InstanceStatus::Stored) worklist.submit(o.path);
  });
  if (Status s = server.start(); !s.ok()) return reportError(err, s.error());
  err << "hilum-cli: " << serverOptions.aeTitle << " listening on " << serverOptions.bindAddress << ":" << server.port()
      << ", triage with " << worklist.model() << " (decision support, not a diagnosis); Ctrl+C stops" << std::endl;
  stopSignals.wait();
  server.stop();
  err << "hilum-cli: stopping after " << worklist.pending() << " queued film(s) are analysed" << std::endl;
  worklist.waitUntilIdle(std::chrono::minutes(5));
  return kExitOk;
}

}  // namespace hilum::cli
