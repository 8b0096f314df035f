#include "hilum/pacs/pacs_config.h"

#include "hilum/base/atomic_file.h"

#include <nlohmann/json.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

namespace hilum::pacs {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

// The file format's keys: snake_case as in every other Hilum JSON file. Unknown keys are ignored so
// that an older Hilum reads a newer file.
constexpr const char* kLocalAeTitle = "local_ae_title";
constexpr const char* kNodes = "nodes";
constexpr const char* kStorageScp = "storage_scp";
constexpr const char* kTriage = "triage";

std::string envOr(const char* name) {
  const char* value = std::getenv(name);
  return value && *value ? value : std::string();
}

std::string homeFolder() {
  const std::string home = envOr("HOME");
  return home.empty() ? std::string(".") : home;
}

Error malformed(const std::string& path, const std::string& reason) {
  return Error(Module::Pacs, ErrorCode::Malformed, reason, path);
}

// The checks load and save share, so a file Hilum wrote always loads. `where` prefixes each reason
// ("node 'Orthanc': port 0 is outside 1-65535").
std::optional<std::string> problemWith(const PacsConfig& config) {
  if (Status s = validateAeTitle(config.localAeTitle); !s.ok()) return "local AE title: " + s.error().reason();
  std::set<std::string> names;
  for (const auto& named : config.nodes) {
    if (named.name.empty()) return std::string("a node has an empty name");
    const std::string where = "node '" + named.name + "': ";
    if (!names.insert(named.name).second) return "two nodes are named '" + named.name + "'";
    if (Status s = validateAeTitle(named.node.aeTitle); !s.ok()) return where + s.error().reason();
    if (named.node.host.empty()) return where + "no host";
    if (named.node.host.size() > 57) return where + "host name longer than 57 characters";
    if (named.node.port < 1 || named.node.port > 65535)
      return where + "port " + std::to_string(named.node.port) + " is outside 1-65535";
  }
  if (config.scpPort < 1 || config.scpPort > 65535)
    return "storage SCP port " + std::to_string(config.scpPort) + " is outside 1-65535";
  if (config.scpBindAddress.empty()) return std::string("storage SCP bind address is empty");
  if (!config.resultsNode.empty() && names.count(config.resultsNode) == 0)
    return "results node '" + config.resultsNode + "' is not a configured node";
  return std::nullopt;
}

// Typed reads that name the key on a type mismatch (nlohmann's own messages name no key).
template <typename T>
void read(const json& object, const char* key, T& into, const std::string& where) {
  const auto it = object.find(key);
  if (it == object.end() || it->is_null()) return;
  if constexpr (std::is_same_v<T, bool>) {
    if (!it->is_boolean()) throw std::runtime_error(where + key + " must be true or false");
  } else if constexpr (std::is_same_v<T, int>) {
    if (!it->is_number_integer()) throw std::runtime_error(where + key + " must be a whole number");
  } else {
    if (!it->is_string()) throw std::runtime_error(where + key + " must be text");
  }
  into = it->get<T>();
}

PacsConfig fromJson(const json& root) {
  if (!root.is_object()) throw std::runtime_error("the file must hold a JSON object");
  PacsConfig config;
  read(root, kLocalAeTitle, config.localAeTitle, "");
  if (const auto nodes = root.find(kNodes); nodes != root.end() && !nodes->is_null()) {
    if (!nodes->is_array()) throw std::runtime_error("nodes must be a list");
    for (std::size_t i = 0; i < nodes->size(); ++i) {
      const json& entry = (*nodes)[i];
      const std::string where = "node " + std::to_string(i + 1) + ": ";
      if (!entry.is_object()) throw std::runtime_error(where + "must be an object");
      NamedNode named;
      read(entry, "name", named.name, where);
      read(entry, "ae_title", named.node.aeTitle, where);
      read(entry, "host", named.node.host, where);
      named.node.port = 0;  // a node without a port is an error, not port 104 by accident
      read(entry, "port", named.node.port, where);
      read(entry, "dicomweb_url", named.node.dicomWebUrl, where);
      config.nodes.push_back(std::move(named));
    }
  }
  if (const auto scp = root.find(kStorageScp); scp != root.end() && !scp->is_null()) {
    if (!scp->is_object()) throw std::runtime_error("storage_scp must be an object");
    read(*scp, "enabled", config.scpEnabled, "storage_scp.");
    read(*scp, "port", config.scpPort, "storage_scp.");
    read(*scp, "bind_address", config.scpBindAddress, "storage_scp.");
    read(*scp, "store_folder", config.storeFolder, "storage_scp.");
  }
  if (const auto triage = root.find(kTriage); triage != root.end() && !triage->is_null()) {
    if (!triage->is_object()) throw std::runtime_error("triage must be an object");
    read(*triage, "results_node", config.resultsNode, "triage.");
    read(*triage, "priorities", config.priorities, "triage.");
  }
  return config;
}

json toJson(const PacsConfig& config) {
  json nodes = json::array();
  for (const auto& named : config.nodes) {
    json entry = {{"name", named.name},
                  {"ae_title", named.node.aeTitle},
                  {"host", named.node.host},
                  {"port", named.node.port}};
    if (!named.node.dicomWebUrl.empty()) entry["dicomweb_url"] = named.node.dicomWebUrl;
    nodes.push_back(std::move(entry));
  }
  return {{kLocalAeTitle, config.localAeTitle},
          {kNodes, std::move(nodes)},
          {kStorageScp,
           {{"enabled", config.scpEnabled},
            {"port", config.scpPort},
            {"bind_address", config.scpBindAddress},
            {"store_folder", config.storeFolder}}},
          {kTriage, {{"results_node", config.resultsNode}, {"priorities", config.priorities}}}};
}

}  // namespace

std::string PacsConfig::store() const { return storeFolder.empty() ? defaultStoreFolder() : storeFolder; }

Result<Node> PacsConfig::resolve(const std::string& nameOrAddress) const {
  for (const auto& named : nodes)
    if (named.name == nameOrAddress) return named.node;
  auto parsed = parseNode(nameOrAddress);
  if (parsed.ok()) return parsed;
  // Text with '@' was meant as an address: its own parse error says more than the list of names.
  if (nameOrAddress.find('@') != std::string::npos) return parsed;
  std::string known;
  for (const auto& named : nodes) known += (known.empty() ? "" : ", ") + named.name;
  return Error(Module::Pacs, ErrorCode::InvalidArgument,
               "'" + nameOrAddress + "' is neither a configured node (" +
                   (known.empty() ? std::string("none configured") : "known: " + known) + ") nor AET@host:port");
}

std::string defaultConfigPath() {
  const std::string xdg = envOr("XDG_CONFIG_HOME");
  const fs::path base = xdg.empty() ? fs::path(homeFolder()) / ".config" : fs::path(xdg);
  return (base / "hilum" / "pacs.json").string();
}

std::string defaultStoreFolder() {
  if (const std::string data = envOr("HILUM_DATA_DIR"); !data.empty()) return (fs::path(data) / "store").string();
  const std::string xdg = envOr("XDG_DATA_HOME");
  const fs::path base = xdg.empty() ? fs::path(homeFolder()) / ".local" / "share" : fs::path(xdg);
  return (base / "hilum" / "store").string();
}

Result<PacsConfig> loadPacsConfig(const std::string& path) {
  std::error_code ec;
  if (!fs::exists(path, ec)) return PacsConfig{};
  std::ifstream in(path, std::ios::binary);
  if (!in) return Error(Module::Pacs, ErrorCode::Unreadable, "cannot be read", path);
  std::ostringstream text;
  text << in.rdbuf();
  PacsConfig config;
  try {
    config = fromJson(json::parse(text.str()));
  } catch (const json::parse_error& e) {
    return malformed(path, std::string("not valid JSON (") + e.what() + ")");
  } catch (const std::exception& e) {
    return malformed(path, e.what());
  }
  if (const auto problem = problemWith(config)) return malformed(path, *problem);
  return config;
}

Status savePacsConfig(const PacsConfig& config, const std::string& path) {
  if (const auto problem = problemWith(config))
    return Error(Module::Pacs, ErrorCode::InvalidArgument, *problem, path);
  std::error_code ec;
  const fs::path parent = fs::path(path).parent_path();
  if (!parent.empty()) fs::create_directories(parent, ec);
  if (ec) return Error(Module::Pacs, ErrorCode::WriteFailed, "cannot create its folder: " + ec.message(), path);
  return writeFileAtomically(path, toJson(config).dump(2) + "\n");
}

}  // namespace hilum::pacs
