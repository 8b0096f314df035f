#include "hilum/ai/model_packs.h"

#include <torch/version.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace hilum::ai {
namespace fs = std::filesystem;

std::vector<std::string> shippedModelFolders() {
  std::vector<std::string> roots;
  std::error_code ec;
  const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  const fs::path installed = exe.parent_path().parent_path() / "share" / "hilum" / "models";
  if (!ec) roots.push_back(installed.string());
#ifdef HILUM_SOURCE_MODELS_DIR
  // A build run from its build folder finds the checkout's packs; an installed one only its own.
  if (ec || !fs::is_directory(installed, ec)) roots.push_back(HILUM_SOURCE_MODELS_DIR);
#endif
  return roots;
}

std::vector<std::string> modelSearchPaths() {
  std::vector<std::string> roots;
  if (const char* env = std::getenv("HILUM_MODEL_PATH")) {
    std::stringstream list(env);
    std::string item;
    while (std::getline(list, item, ':'))
      if (!item.empty()) roots.push_back(item);
    return roots;  // an explicit path replaces the built-in places (tests, site installs)
  }
  return shippedModelFolders();
}

namespace {

// Every sub-folder of the roots that holds `manifestFile`, sorted per root, with its manifest as
// `read` gives it or the reason it cannot be used (Entry: PackEntry or SegmentationPackEntry).
template <typename Entry, typename Read>
std::vector<Entry> findPacks(const std::vector<std::string>& roots, const char* manifestFile, Read read) {
  std::vector<Entry> packs;
  for (const auto& root : roots) {
    std::error_code ec;
    std::vector<fs::path> folders;
    for (const auto& entry : fs::directory_iterator(root, ec))
      if (entry.is_directory(ec) && fs::exists(entry.path() / manifestFile, ec)) folders.push_back(entry.path());
    std::sort(folders.begin(), folders.end());
    for (const auto& folder : folders) {
      Entry pack;
      pack.directory = folder.string();
      auto manifest = read(pack.directory);
      if (manifest.ok()) {
        pack.name = manifest.value().name;
        pack.manifest = std::move(manifest).value();
      } else {
        pack.name = folder.filename().string();
        pack.problem = manifest.error().message();
      }
      packs.push_back(std::move(pack));
    }
  }
  return packs;
}

Error noPackFound(const std::string& what, const std::vector<std::string>& roots) {
  std::string where;
  for (const auto& root : roots) where += (where.empty() ? "" : ", ") + root;
  return Error(Module::Ai, ErrorCode::NotFound, "no " + what + " found (looked in " + where + "); pass --model DIR");
}

}  // namespace

std::vector<PackEntry> findModelPacks(const std::vector<std::string>& roots) {
  return findPacks<PackEntry>(roots, "model.json", readManifest);
}

Result<std::string> defaultModelPack() {
  if (const char* env = std::getenv("HILUM_DEFAULT_MODEL"); env != nullptr && *env != '\0') return std::string(env);
  const auto roots = modelSearchPaths();
  for (const auto& root : roots) {
    std::ifstream marker(root + "/DEFAULT");
    std::string name;
    if (marker >> name) {
      const std::string dir = root + "/" + name;
      if (std::filesystem::exists(dir + "/model.json")) return dir;
    }
  }
  for (const auto& pack : findModelPacks(roots))
    if (pack.problem.empty()) return pack.directory;
  return noPackFound("model pack", roots);
}

std::vector<SegmentationPackEntry> findSegmentationPacks(const std::vector<std::string>& roots) {
  return findPacks<SegmentationPackEntry>(roots, kSegmentationManifestFile, readSegmentationManifest);
}

Result<std::string> defaultLungPack() {
  if (const char* env = std::getenv("HILUM_LUNG_MODEL"); env != nullptr && *env != '\0') return std::string(env);
  const auto roots = modelSearchPaths();
  for (const auto& pack : findSegmentationPacks(roots))
    if (pack.problem.empty() && pack.manifest->structure == "lungs") return pack.directory;
  return noPackFound("lung segmentation pack", roots);
}

Component torchComponent() { return {"LibTorch", TORCH_VERSION, "BSD-3-Clause"}; }

}  // namespace hilum::ai
