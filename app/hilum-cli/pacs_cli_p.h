#pragma once
// What the `pacs` sub-commands share: the NODE argument, --aet and --timeout, the store report, and
// progress lines on stderr.
#include "hilum/pacs/node.h"
#include "hilum/pacs/options.h"
#include "hilum/pacs/pacs_config.h"
#include "hilum/pacs/outcome.h"
#include "hilum/pacs/storage_server.h"

#include <csignal>

#include <iosfwd>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace hilum::cli {

class Arguments;

// Options every pacs sub-command takes (values).
const std::set<std::string>& pacsCommonOptions();

// The user's PACS configuration (pacs::defaultConfigPath()); nothing, with `problem` naming the file
// and the reason, when it is malformed.
std::optional<pacs::PacsConfig> pacsConfig(std::string& problem);

// --aet (default: the configuration's local AE title, HILUM unless changed) and --timeout S
// (connect and response timeouts; defaults 10 s and 30 s). Nothing, with `problem` set, when a value is invalid.
std::optional<pacs::ScuOptions> scuOptions(const Arguments& parsed, std::string& problem);

// A node named in the configuration (the viewer's PACS settings), or "AET@host:port".
std::optional<pacs::Node> nodeArgument(const std::string& text, std::string& problem);

// pacs nodes [--json], pacs add-node NAME AET@host:port, pacs remove-node NAME: list and edit the
// configured nodes (the file is rewritten atomically).
int pacsNodesCommand(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);
int pacsAddNodeCommand(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);
int pacsRemoveNodeCommand(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

// "CR,DX" as its items; empty ones are dropped (--modality).
std::vector<std::string> splitList(const std::string& text);

// "[3/12] what" on stderr.
pacs::ProgressCallback progressPrinter(std::ostream& err);

// One line per instance on `out` ("stored PATH", "already present PATH", "failed WHAT: reason"),
// a summary and the interruption on `err`; returns the exit code (0 only when all went well).
int printTransfer(const pacs::TransferReport& report, std::ostream& out, std::ostream& err);

// The storage SCP of `pacs listen` and `watch`: our AE title and timeout from the SCU options, the
// port given, --bind (default 127.0.0.1), storing under `root`.
pacs::StorageServerOptions storageServerOptions(const Arguments& parsed, const pacs::ScuOptions& options, int port,
                                                const std::string& root);

// SIGINT / SIGTERM blocked for this object's life -- create it before any thread, which inherits
// the mask -- and taken synchronously by wait(): no handler, no polling. The previous mask comes
// back on destruction.
class StopSignals {
public:
  StopSignals();
  ~StopSignals();
  StopSignals(const StopSignals&) = delete;
  StopSignals& operator=(const StopSignals&) = delete;
  const char* wait();  // "SIGINT" or "SIGTERM"

private:
  sigset_t m_set, m_previous;
};

}  // namespace hilum::cli
