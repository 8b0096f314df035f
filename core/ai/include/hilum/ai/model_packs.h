#pragma once
// Where model packs live and which one is the default: $HILUM_MODEL_PATH (colon-separated folders)
// when set, else the installed share/hilum/models beside the executable, then the source tree's
// models/ (developer builds). Each folder holds one sub-folder per pack.
#include "hilum/ai/model_manifest.h"
#include "hilum/ai/segmentation_manifest.h"
#include "hilum/base/components.h"

#include <optional>
#include <string>
#include <vector>

namespace hilum::ai {

struct PackEntry {
  std::string directory;
  std::string name;     // the manifest's name, or the folder name when the manifest is broken
  std::string problem;  // empty when the manifest is valid
  std::optional<ModelManifest> manifest;  // read once here, so listings need not read it again
};

std::vector<std::string> modelSearchPaths();
// The folders Hilum itself ships packs in: the installed share/hilum/models beside the executable,
// else (a build run from its build folder) the checkout's models/. $HILUM_MODEL_PATH changes where
// packs are looked for, not these; packs here may be TorchScript without asking (pack_trust.h).
std::vector<std::string> shippedModelFolders();
std::vector<PackEntry> findModelPacks(const std::vector<std::string>& roots = modelSearchPaths());

// $HILUM_DEFAULT_MODEL when set, else the pack marked default in models/DEFAULT, else the first
// valid pack by name. An error says where Hilum looked.
Result<std::string> defaultModelPack();

// Segmentation packs (a segmenter.json instead of a model.json) in the same folders, listed apart:
// a segmentation pack is never a default classification pack, nor the other way round.
struct SegmentationPackEntry {
  std::string directory;
  std::string name;     // the manifest's name, or the folder name when the manifest is broken
  std::string problem;  // empty when the manifest is valid
  std::optional<SegmentationManifest> manifest;
};
std::vector<SegmentationPackEntry> findSegmentationPacks(const std::vector<std::string>& roots = modelSearchPaths());
// $HILUM_LUNG_MODEL when set, else the first valid segmentation pack for "lungs" by folder name; an
// Error saying where Hilum looked when there is none.
Result<std::string> defaultLungPack();

// LibTorch, as the About dialog lists it.
Component torchComponent();

}  // namespace hilum::ai
