#pragma once
// A segmentation pack's manifest (models/<name>/segmenter.json): a network that outlines one
// structure on a film (today: the lung fields), with everything needed to run its weights the way
// they were trained. A file of its own beside classification packs' model.json, so neither kind of
// pack can be opened as the other. Plain values; no torch.
//
// Thread safety: pure functions; any thread.
#include "hilum/ai/model_manifest.h"
#include "hilum/base/result.h"

#include <string>

namespace hilum::ai {

// The manifest's file name inside a pack folder.
inline constexpr const char* kSegmentationManifestFile = "segmenter.json";

struct SegmentationManifest {
  std::string directory;  // where the pack was read from
  std::string name;
  std::string version;
  std::string structure = "lungs";    // what the mask outlines
  std::string architecture = "unet";  // the only one today (core/ai internal/unet.h)
  int baseChannels = 16;              // U-Net width of the first level
  int levels = 4;                     // U-Net depth; inputSize must be divisible by 2^(levels-1)
  int inputSize = 128;                // square, one channel
  ResizePolicy resize = ResizePolicy::Squash;
  FilmWindow window = FilmWindow::Default;
  double mean = 0.5, std = 0.25;  // (pixel / 255 - mean) / std
  double threshold = 0.5;         // probability at or above which a pixel is inside
  int keepComponents = 2;         // the largest connected regions kept (two lungs)
  std::string weightsFile;        // a state dict (the U-Net's registered names)
  std::string weightsSha256;      // lower-case hex
  std::string provenanceData, provenanceCommand, provenanceDate, provenanceSoftware;
  std::string metricsJson;  // held-out metrics, kept verbatim for cards and `models`

  std::string weightsPath() const { return directory + "/" + weightsFile; }
  // The same input geometry and normalisation as a classification manifest, so a film reaches the
  // network through exactly the preprocessing path classification uses (preprocess.h).
  ModelManifest asModelManifest() const;
};

// Parses and validates segmenter.json text. `path` names the file in errors.
Result<SegmentationManifest> parseSegmentationManifest(const std::string& text, const std::string& path);
// Reads <directory>/segmenter.json.
Result<SegmentationManifest> readSegmentationManifest(const std::string& directory);
// The manifest as JSON text; parseSegmentationManifest(toJson(m)) gives m back.
std::string toJson(const SegmentationManifest& manifest);

}  // namespace hilum::ai
