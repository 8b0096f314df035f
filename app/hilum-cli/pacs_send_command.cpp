#include "arguments.h"
#include "cli.h"
#include "commands_p.h"
#include "pacs_cli_p.h"

#include "hilum/pacs/send.h"

#include <ostream>

namespace hilum::cli {

int pacsSendCommand(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  const char* const synopsis = "pacs send NODE FILE...|DIR... [--aet AE] [--timeout S]";
  std::string problem;
  const auto parsed = Arguments::parse(args, pacsCommonOptions(), {}, problem);
  if (!parsed) return usageError(err, problem, synopsis);
  if (parsed->positional().size() < 2) return usageError(err, "pacs send takes a NODE and files or folders", synopsis);
  const auto node = nodeArgument(parsed->positional()[0], problem);
  const auto options = node ? scuOptions(*parsed, problem) : std::nullopt;
  if (!node || !options) return usageError(err, problem, synopsis);

  const std::vector<std::string> paths(parsed->positional().begin() + 1, parsed->positional().end());
  const auto files = pacs::collectFiles(paths);
  if (!files.ok()) return reportError(err, files.error());
  if (files.value().empty()) {
    err << "hilum-cli: no files to send\n";
    return kExitFailed;
  }
  const auto report = pacs::store(*node, files.value(), *options, progressPrinter(err));
  if (!report.ok()) return reportError(err, report.error());
  return printTransfer(report.value(), out, err);
}

}  // namespace hilum::cli
