#pragma once
// Hilum's PACS configuration, shared by the viewer's settings and hilum-cli: the PACS nodes by
// name, our own AE title, the storage SCP (off by default, loopback by default), the local store,
// and the AI triage worklist's options. Kept as JSON in the user's configuration folder
// ($XDG_CONFIG_HOME/hilum/pacs.json, else ~/.config/hilum/pacs.json), written atomically.
#include "hilum/base/result.h"
#include "hilum/pacs/node.h"

#include <optional>
#include <string>
#include <vector>

namespace hilum::pacs {

struct NamedNode {
  std::string name;  // what the user calls it ("Orthanc", "Main PACS")
  Node node;
};

struct PacsConfig {
  std::string localAeTitle = kDefaultAeTitle;
  std::vector<NamedNode> nodes;

  // Storage SCP
  bool scpEnabled = false;
  int scpPort = 11112;
  std::string scpBindAddress = "127.0.0.1";
  std::string storeFolder;  // empty: defaultStoreFolder()

  // AI triage worklist
  std::string resultsNode;   // a node name: send SR + SC of every analysed film there; empty: keep local
  std::string priorities;    // "Pneumothorax=3,Effusion=1.5" (triage::parsePolicy)

  // The local store: storeFolder, or defaultStoreFolder() when it is empty.
  std::string store() const;

  // A node by name (case-sensitive), or "AET@host:port" parsed. The error lists the known names.
  Result<Node> resolve(const std::string& nameOrAddress) const;
};

// The file's path (the folder need not exist yet).
std::string defaultConfigPath();
// $XDG_DATA_HOME/hilum/store, else ~/.local/share/hilum/store (HILUM_DATA_DIR/store when set).
std::string defaultStoreFolder();

// A missing file gives the defaults; a malformed one an Error naming it and the problem.
Result<PacsConfig> loadPacsConfig(const std::string& path = defaultConfigPath());
Status savePacsConfig(const PacsConfig& config, const std::string& path = defaultConfigPath());

}  // namespace hilum::pacs
