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

std::vector<PackEntry> findModelPacks(const std::vector<std::string>& roots) {
  std::vector<PackEntry> packs;
  for (const auto& root : roots) {
    std::error_code ec;
    std::vector<fs::path> folders;
    for (const auto& entry : fs::directory_iterator(root, ec))
      if (entry.is_directory(ec) && fs::exists(entry.path() / "model.json", ec)) folders.push_back(entry.path());
    std::sort(folders.begin(), folders.end());
    for (const auto& folder : folders) {
      PackEntry pack;
      pack.directory = folder.string();
      auto manifest = readManifest(pack.directory);
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
  std::string where;
  for (const auto& root : roots) where += (where.empty() ? "" : ", ") + root;
  return Error(Module::Ai, ErrorCode::NotFound, "no model pack found (looked in " + where + "); pass --model DIR");
}

std::vector<SegmentationPackEntry> findSegmentationPacks(const std::vector<std::string>& roots) {
  std::vector<SegmentationPackEntry> packs;
  for (const auto& root : roots) {
    std::error_code ec;
    std::vector<fs::path> folders;
    for (const auto& entry : fs::directory_iterator(root, ec))
      if (entry.is_directory(ec) && fs::exists(entry.path() / kSegmentationManifestFile, ec)) folders.push_back(entry.path());
    std::sort(folders.begin(), folders.end());
    for (const auto& folder : folders) {
      SegmentationPackEntry pack;
      pack.directory = folder.string();
      auto manifest = readSegmentationManifest(pack.directory);
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

Result<std::string> defaultLungPack() {
  if (const char* env = std::getenv("HILUM_LUNG_MODEL"); env != nullptr && *env != '\0') return std::string(env);
  const auto roots = modelSearchPaths();
  for (const auto& pack : findSegmentationPacks(roots))
    if (pack.problem.empty() && pack.manifest->structure == "lungs") return pack.directory;
  std::string where;
  for (const auto& root : roots) where += (where.empty() ? "" : ", ") + root;
  return Error(Module::Ai, ErrorCode::NotFound, "no lung segmentation pack found (looked in " + where + "); pass --model DIR");
}

Component torchComponent() { return {"LibTorch", TORCH_VERSION, "BSD-3-Clause"}; }

}  // namespace hilum::ai
