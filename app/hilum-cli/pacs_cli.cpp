#include "pacs_cli_p.h"

#include <pthread.h>

#include "arguments.h"
#include "cli.h"

#include "hilum/pacs/pacs_config.h"

#include <ostream>

namespace hilum::cli {

const std::set<std::string>& pacsCommonOptions() {
  static const std::set<std::string> kOptions = {"--aet", "--timeout"};
  return kOptions;
}

std::optional<pacs::PacsConfig> pacsConfig(std::string& problem) {
  auto config = pacs::loadPacsConfig();
  if (!config.ok()) {
    problem = config.error().path() + ": " + config.error().reason();
    return std::nullopt;
  }
  return std::move(config).value();
}

std::optional<pacs::ScuOptions> scuOptions(const Arguments& parsed, std::string& problem) {
  pacs::ScuOptions options;
  if (!parsed.value("--aet")) {
    const auto config = pacsConfig(problem);
    if (!config) return std::nullopt;
    options.callingAeTitle = config->localAeTitle;
  }
  if (const auto aet = parsed.value("--aet")) {
    if (Status s = pacs::validateAeTitle(*aet); !s.ok()) {
      problem = "--aet: " + s.error().reason();
      return std::nullopt;
    }
    options.callingAeTitle = *aet;
  }
  if (parsed.value("--timeout")) {
    const auto seconds = parsed.intAtLeast("--timeout", 1, 0);
    if (!seconds || *seconds > 3600) {
      problem = "--timeout takes seconds, 1-3600";
      return std::nullopt;
    }
    options.connectTimeoutS = *seconds;
    options.dimseTimeoutS = *seconds;
  }
  return options;
}

std::optional<pacs::Node> nodeArgument(const std::string& text, std::string& problem) {
  const auto config = pacsConfig(problem);
  if (!config) return std::nullopt;
  auto node = config->resolve(text);
  if (!node.ok()) {
    problem = node.error().reason();
    return std::nullopt;
  }
  return node.value();
}

std::vector<std::string> splitList(const std::string& text) {
  std::vector<std::string> items;
  std::size_t start = 0;
  while (start <= text.size()) {
    const auto comma = text.find(',', start);
    const std::string item = text.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
    if (!item.empty()) items.push_back(item);
    if (comma == std::string::npos) break;
    start = comma + 1;
  }
  return items;
}

pacs::ProgressCallback progressPrinter(std::ostream& err) {
  return [&err](const pacs::Progress& p) {
    err << "[" << p.done << "/";
    if (p.total > 0) err << p.total;
    else err << "?";
    err << "] " << p.current << "\n";
  };
}

int printTransfer(const pacs::TransferReport& report, std::ostream& out, std::ostream& err) {
  for (const auto& o : report.instances) {
    const std::string what = o.path.empty() ? o.sopInstanceUid : o.path;
    out << pacs::toString(o.status) << " " << what;
    if (o.status == pacs::InstanceStatus::Failed) out << ": " << o.reason;
    out << "\n";
  }
  err << "hilum-cli: " << report.count(pacs::InstanceStatus::Stored) << " stored, "
      << report.count(pacs::InstanceStatus::AlreadyPresent) << " already present, "
      << report.count(pacs::InstanceStatus::Failed) << " failed\n";
  if (report.interruption) err << "hilum-cli: " << report.interruption->reason() << "\n";
  return report.complete() ? kExitOk : kExitFailed;
}

pacs::StorageServerOptions storageServerOptions(const Arguments& parsed, const pacs::ScuOptions& options, int port,
                                                const std::string& root) {
  pacs::StorageServerOptions server;
  server.aeTitle = options.callingAeTitle;
  server.port = port;
  server.root = root;
  server.bindAddress = parsed.value("--bind").value_or("127.0.0.1");
  server.dimseTimeoutS = options.dimseTimeoutS;
  return server;
}

StopSignals::StopSignals() {
  sigemptyset(&m_set);
  sigaddset(&m_set, SIGINT);
  sigaddset(&m_set, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &m_set, &m_previous);
}

StopSignals::~StopSignals() { pthread_sigmask(SIG_SETMASK, &m_previous, nullptr); }

const char* StopSignals::wait() {
  int signal = 0;
  sigwait(&m_set, &signal);
  return signal == SIGINT ? "SIGINT" : "SIGTERM";
}

}  // namespace hilum::cli
