#include "arguments.h"
#include "cli.h"
#include "commands_p.h"
#include "pacs_cli_p.h"

#include "hilum/pacs/echo.h"

#include <chrono>
#include <ostream>

namespace hilum::cli {

int pacsEchoCommand(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  const char* const synopsis = "pacs echo NODE [--aet AE] [--timeout S]";
  std::string problem;
  const auto parsed = Arguments::parse(args, pacsCommonOptions(), {}, problem);
  if (!parsed) return usageError(err, problem, synopsis);
  if (parsed->positional().size() != 1) return usageError(err, "pacs echo takes one NODE (AET@host:port)", synopsis);
  const auto node = nodeArgument(parsed->positional()[0], problem);
  const auto options = node ? scuOptions(*parsed, problem) : std::nullopt;
  if (!node || !options) return usageError(err, problem, synopsis);

  const auto start = std::chrono::steady_clock::now();
  const Status s = pacs::echo(*node, *options);
  if (!s.ok()) return reportError(err, s.error());
  const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
  out << node->toString() << ": C-ECHO ok (" << static_cast<int>(ms + 0.5) << " ms)\n";
  return kExitOk;
}

}  // namespace hilum::cli
