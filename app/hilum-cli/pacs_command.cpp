#include "cli.h"
#include "commands_p.h"
#include "pacs_cli_p.h"

#include <ostream>

namespace hilum::cli {

int pacsCommand(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  const char* const synopsis = "pacs echo|find|get|send|listen|nodes|add-node|remove-node ...";
  if (args.empty()) return usageError(err, "pacs needs a sub-command", synopsis);
  const std::string& sub = args.front();
  const std::vector<std::string> rest(args.begin() + 1, args.end());
  if (sub == "echo") return pacsEchoCommand(rest, out, err);
  if (sub == "find") return pacsFindCommand(rest, out, err);
  if (sub == "get") return pacsGetCommand(rest, out, err);
  if (sub == "send") return pacsSendCommand(rest, out, err);
  if (sub == "listen") return pacsListenCommand(rest, out, err);
  if (sub == "nodes") return pacsNodesCommand(rest, out, err);
  if (sub == "add-node") return pacsAddNodeCommand(rest, out, err);
  if (sub == "remove-node") return pacsRemoveNodeCommand(rest, out, err);
  return usageError(err, "unknown pacs sub-command '" + sub + "'", synopsis);
}

}  // namespace hilum::cli
