#pragma once
// LungSegmenter: one loaded segmentation pack (segmenter.json + U-Net weights) outlining the lung
// fields of many films. open() validates the manifest and the weights' sha256 before reading them;
// segment() runs the film through the same display pipeline and resize as classification
// (preprocess.h), and maps the network's probability map back to film resolution
// (segmentation.h): mask, bounding box and one outline per lung.
//
// The masks it learned from were themselves model outputs (see the pack's MODEL_CARD.md): an
// outline is a drawing aid and a crop hint, never a measurement to report.
//
// Thread safety: segment() and probabilities() may be called from any thread; calls on one
// LungSegmenter are serialised.
#include "hilum/ai/preprocess.h"
#include "hilum/ai/segmentation.h"
#include "hilum/ai/segmentation_manifest.h"
#include "hilum/base/result.h"
#include "hilum/film/film.h"

#include <memory>
#include <string>
#include <vector>

namespace hilum::ai {

class LungSegmenter {
public:
  // threads > 0 sets LibTorch's intra-op thread count for the process (as Analyzer does); 0 leaves it.
  static Result<std::unique_ptr<LungSegmenter>> open(const std::string& packDirectory, int threads = 0);
  ~LungSegmenter();
  LungSegmenter(const LungSegmenter&) = delete;
  LungSegmenter& operator=(const LungSegmenter&) = delete;

  const SegmentationManifest& manifest() const;

  // The film's segmentation at its own resolution. Errors name the film (a preview, an unrenderable film).
  Result<Segmentation> segment(const film::Film& film);
  // The per-pixel probability (size x size, row-major) for an already prepared picture of
  // manifest().inputSize (training-time evaluation, tests).
  Result<std::vector<float>> probabilities(const InputPicture& picture);

private:
  class Impl;
  explicit LungSegmenter(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> d;
};

}  // namespace hilum::ai
