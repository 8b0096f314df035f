#include "hilum/ai/pack_trust.h"

#include "hilum/ai/model_packs.h"

#include <filesystem>
#include <mutex>
#include <set>
#include <utility>

namespace hilum::ai {
namespace {
namespace fs = std::filesystem;

// Absolute, links and ".." resolved, without a trailing slash: one spelling per folder.
fs::path resolved(const std::string& directory) {
  std::error_code ec;
  fs::path path = fs::weakly_canonical(fs::absolute(directory, ec), ec);
  if (ec) path = fs::absolute(directory, ec).lexically_normal();
  if (!path.has_filename() && path.has_parent_path() && path != path.root_path()) path = path.parent_path();
  return path;
}

bool isInside(const fs::path& path, const fs::path& root) {
  auto p = path.begin();
  for (auto r = root.begin(); r != root.end(); ++r, ++p) {
    if (r->empty()) continue;  // a trailing separator on the root
    if (p == path.end() || *p != *r) return false;
  }
  return true;
}

// The choices made in this process: resolved folder and weights hash.
struct Allowed {
  std::mutex mutex;
  std::set<std::pair<std::string, std::string>> packs;
};

Allowed& allowed() {
  static Allowed instance;
  return instance;
}

}  // namespace

bool isShippedPack(const std::string& packDirectory) {
  const fs::path pack = resolved(packDirectory);
  for (const auto& root : shippedModelFolders())
    if (isInside(pack, resolved(root))) return true;
  return false;
}

void allowTorchScript(const std::string& packDirectory, const std::string& weightsSha256) {
  Allowed& a = allowed();
  std::lock_guard<std::mutex> lock(a.mutex);
  a.packs.insert({resolved(packDirectory).string(), weightsSha256});
}

Status allowTorchScript(const std::string& packDirectory) {
  auto manifest = readManifest(packDirectory);
  if (!manifest.ok()) return manifest.error();
  allowTorchScript(packDirectory, manifest.value().weightsSha256);
  return Status::success();
}

std::optional<Error> torchScriptRefusal(const ModelManifest& manifest) {
  if (manifest.weightsFormat != WeightsFormat::TorchScript || isShippedPack(manifest.directory)) return std::nullopt;
  {
    Allowed& a = allowed();
    std::lock_guard<std::mutex> lock(a.mutex);
    if (a.packs.count({resolved(manifest.directory).string(), manifest.weightsSha256}) > 0) return std::nullopt;
  }
  return Error(Module::Ai, ErrorCode::Unsupported,
               "TorchScript model pack from outside Hilum's model folders: loading it runs the code it contains, "
               "with your rights. Open it only if you trust where it came from: hilum-cli --allow-torchscript, "
               "or answer Yes when the viewer asks",
               resolved(manifest.directory).string());
}

}  // namespace hilum::ai
