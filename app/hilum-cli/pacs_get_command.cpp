#include "arguments.h"
#include "cli.h"
#include "commands_p.h"
#include "pacs_cli_p.h"

#include "hilum/pacs/retrieve.h"
#include "hilum/pacs/storage_server.h"

#include <mutex>
#include <ostream>

namespace hilum::cli {

int pacsGetCommand(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  const char* const synopsis = "pacs get NODE STUDY_UID --to DIR [--move --port P] [--aet AE] [--timeout S]";
  std::string problem;
  std::set<std::string> valued = pacsCommonOptions();
  valued.insert({"--to", "--port"});
  const auto parsed = Arguments::parse(args, valued, {"--move"}, problem);
  if (!parsed) return usageError(err, problem, synopsis);
  if (parsed->positional().size() != 2) return usageError(err, "pacs get takes a NODE and a STUDY_UID", synopsis);
  const auto node = nodeArgument(parsed->positional()[0], problem);
  const auto options = node ? scuOptions(*parsed, problem) : std::nullopt;
  if (!node || !options) return usageError(err, problem, synopsis);
  const auto toDir = parsed->value("--to");
  if (!toDir || toDir->empty()) return usageError(err, "pacs get needs --to DIR", synopsis);
  const std::string& studyUid = parsed->positional()[1];

  if (!parsed->has("--move")) {
    if (parsed->value("--port")) return usageError(err, "--port goes with --move", synopsis);
    const auto report = pacs::retrieveGet(*node, studyUid, *toDir, *options, progressPrinter(err));
    if (!report.ok()) return reportError(err, report.error());
    return printTransfer(report.value(), out, err);
  }

  // C-MOVE: the PACS sends to our AE title, which it must know at this host and port.
  const auto port = parsed->intAtLeast("--port", 1, 0);
  if (!port || *port == 0 || *port > 65535) return usageError(err, "--move needs --port P (1-65535)", synopsis);
  pacs::StorageServerOptions serverOptions;
  serverOptions.aeTitle = options->callingAeTitle;
  serverOptions.port = *port;
  serverOptions.root = *toDir;
  serverOptions.dimseTimeoutS = options->dimseTimeoutS;
  std::mutex mutex;
  pacs::TransferReport received;
  pacs::StorageServer server(serverOptions, [&](const pacs::InstanceOutcome& o) {
    std::lock_guard<std::mutex> lock(mutex);
    received.instances.push_back(o);
    err << "[" << received.instances.size() << "/?] " << o.sopInstanceUid << "\n";
  });
  if (Status s = server.start(); !s.ok()) return reportError(err, s.error());
  const auto report = pacs::retrieveMove(*node, studyUid, options->callingAeTitle, *options);
  server.stop();  // joins the SCP thread: `received` is complete and no longer shared
  if (!report.ok()) return reportError(err, report.error());
  // The PACS's count of failures, and which instances, beside what actually arrived here.
  for (const auto& o : report.value().instances) received.instances.push_back(o);
  received.interruption = report.value().interruption;
  received.completed = report.value().completed;
  received.failed = report.value().failed;
  received.warnings = report.value().warnings;
  return printTransfer(received, out, err);
}

}  // namespace hilum::cli
