#include "arguments.h"
#include "cli.h"
#include "commands_p.h"
#include "pacs_cli_p.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <ostream>

namespace hilum::cli {
namespace {

int configProblem(std::ostream& err, const std::string& problem) {
  err << "hilum-cli: " << problem << "\n";
  return kExitFailed;
}

}  // namespace

int pacsNodesCommand(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  const char* const synopsis = "pacs nodes [--json]";
  std::string problem;
  const auto parsed = Arguments::parse(args, {}, {"--json"}, problem);
  if (!parsed) return usageError(err, problem, synopsis);
  if (!parsed->positional().empty()) return usageError(err, "pacs nodes takes no arguments", synopsis);
  const auto config = pacsConfig(problem);
  if (!config) return configProblem(err, problem);

  if (parsed->has("--json")) {
    nlohmann::json nodes = nlohmann::json::array();
    for (const auto& named : config->nodes)
      nodes.push_back({{"name", named.name},
                       {"ae_title", named.node.aeTitle},
                       {"host", named.node.host},
                       {"port", named.node.port},
                       {"address", named.node.toString()},
                       {"results_node", named.name == config->resultsNode}});
    out << nodes.dump(2) << "\n";
    return kExitOk;
  }
  if (config->nodes.empty()) {
    err << "hilum-cli: no PACS nodes configured in " << pacs::defaultConfigPath()
        << " (add one: hilum-cli pacs add-node NAME AET@host:port)\n";
    return kExitOk;
  }
  std::size_t width = 0;
  for (const auto& named : config->nodes) width = std::max(width, named.name.size());
  for (const auto& named : config->nodes) {
    out << named.name << std::string(width + 2 - named.name.size(), ' ') << named.node.toString();
    if (named.name == config->resultsNode) out << "  (AI results are sent here)";
    out << "\n";
  }
  return kExitOk;
}

int pacsAddNodeCommand(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  const char* const synopsis = "pacs add-node NAME AET@host:port";
  std::string problem;
  const auto parsed = Arguments::parse(args, {}, {}, problem);
  if (!parsed) return usageError(err, problem, synopsis);
  if (parsed->positional().size() != 2) return usageError(err, "pacs add-node takes a NAME and AET@host:port", synopsis);
  const std::string& name = parsed->positional()[0];
  if (name.empty()) return usageError(err, "the node's name is empty", synopsis);
  auto node = pacs::parseNode(parsed->positional()[1]);
  if (!node.ok()) return usageError(err, node.error().reason(), synopsis);

  auto config = pacsConfig(problem);
  if (!config) return configProblem(err, problem);
  for (const auto& named : config->nodes)
    if (named.name == name)
      return configProblem(err, "a node named '" + name + "' is already configured (" + named.node.toString() +
                                    "); remove-node it first");
  config->nodes.push_back({name, node.value()});
  if (Status s = pacs::savePacsConfig(*config); !s.ok()) return reportError(err, s.error());
  out << "added " << name << " " << node.value().toString() << "\n";
  return kExitOk;
}

int pacsRemoveNodeCommand(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  const char* const synopsis = "pacs remove-node NAME";
  std::string problem;
  const auto parsed = Arguments::parse(args, {}, {}, problem);
  if (!parsed) return usageError(err, problem, synopsis);
  if (parsed->positional().size() != 1) return usageError(err, "pacs remove-node takes one NAME", synopsis);
  const std::string& name = parsed->positional()[0];
  auto config = pacsConfig(problem);
  if (!config) return configProblem(err, problem);
  const auto it = std::find_if(config->nodes.begin(), config->nodes.end(),
                               [&](const pacs::NamedNode& named) { return named.name == name; });
  if (it == config->nodes.end()) return configProblem(err, "no node named '" + name + "' is configured");
  config->nodes.erase(it);
  // The worklist must not keep sending results to a node that no longer exists.
  const bool wasResultsNode = config->resultsNode == name;
  if (wasResultsNode) config->resultsNode.clear();
  if (Status s = pacs::savePacsConfig(*config); !s.ok()) return reportError(err, s.error());
  out << "removed " << name << "\n";
  if (wasResultsNode) err << "hilum-cli: AI results are now kept local (" << name << " was the results node)\n";
  return kExitOk;
}

}  // namespace hilum::cli
