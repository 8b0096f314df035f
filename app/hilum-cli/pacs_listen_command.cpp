#include "arguments.h"
#include "cli.h"
#include "commands_p.h"
#include "pacs_cli_p.h"

#include "hilum/pacs/storage_server.h"

#include <mutex>
#include <ostream>

namespace hilum::cli {

int pacsListenCommand(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  const char* const synopsis = "pacs listen --port P --to DIR [--aet AE] [--bind ADDRESS] [--timeout S]";
  std::string problem;
  std::set<std::string> valued = pacsCommonOptions();
  valued.insert({"--port", "--to", "--bind"});
  const auto parsed = Arguments::parse(args, valued, {}, problem);
  if (!parsed) return usageError(err, problem, synopsis);
  if (!parsed->positional().empty()) return usageError(err, "pacs listen takes no positional arguments", synopsis);
  const auto options = scuOptions(*parsed, problem);
  if (!options) return usageError(err, problem, synopsis);
  const auto port = parsed->intAtLeast("--port", 1, 0);
  if (!port || *port == 0 || *port > 65535) return usageError(err, "pacs listen needs --port P (1-65535)", synopsis);
  const auto toDir = parsed->value("--to");
  if (!toDir || toDir->empty()) return usageError(err, "pacs listen needs --to DIR", synopsis);

  const pacs::StorageServerOptions serverOptions = storageServerOptions(*parsed, *options, *port, *toDir);
  StopSignals stopSignals;  // before the server thread starts: it inherits the mask

  std::mutex mutex;
  std::size_t failures = 0;
  pacs::StorageServer server(serverOptions, [&](const pacs::InstanceOutcome& o) {
    std::lock_guard<std::mutex> lock(mutex);
    out << pacs::toString(o.status) << " " << (o.path.empty() ? o.sopInstanceUid : o.path) << " from "
        << o.callingAeTitle;
    if (o.status == pacs::InstanceStatus::Failed) {
      out << ": " << o.reason;
      ++failures;
    }
    out << std::endl;  // one line per instance, as it arrives
  });
  if (Status s = server.start(); !s.ok()) return reportError(err, s.error());
  err << "hilum-cli: " << serverOptions.aeTitle << " listening on " << serverOptions.bindAddress << ":" << server.port()
      << ", storing into " << *toDir << " (Ctrl+C stops)" << std::endl;
  const char* signal = stopSignals.wait();
  server.stop();
  err << "hilum-cli: stopped (" << signal << ")" << std::endl;
  return failures == 0 ? kExitOk : kExitFailed;
}

}  // namespace hilum::cli
