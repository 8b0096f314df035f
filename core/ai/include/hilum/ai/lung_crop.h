#pragma once
// LungCrop: the field of view of a classification pack that looks at the lungs only
// (model_manifest.h LungCropSpec). It runs the pack's pinned segmentation pack on the film, grows
// the lungs' bounding box by the pack's margin and hands that region to preprocess(); training,
// evaluation and analysis all go through it, so a model sees at analysis the crop it learned from.
//
// A film where no plausible lung area is found (nothing segmented, a box under a quarter of the
// film's width or height, or a single lung) is analysed whole, and the field of view says so: a
// crop is a hint that removes the film's borders, markers and labels, never a reason to refuse a
// film, and a lung the segmenter missed (opaque, collapsed) must not be cropped away.
//
// Thread safety: fieldOfView() may be called from any thread (the segmenter serialises its calls).
#include "hilum/ai/lung_segmenter.h"
#include "hilum/ai/model_manifest.h"
#include "hilum/base/result.h"
#include "hilum/display/renderer.h"
#include "hilum/film/film.h"

#include <memory>
#include <optional>
#include <string>

namespace hilum::ai {

struct FieldOfView {
  std::optional<display::Region> region;  // film pixels; none: the whole film
  // What the model looked at, as a reader reads it: "lungs, 1712 x 1630 px of 2048 x 2048
  // (lungs-unet-128 1.0.0)" or "whole film: only one lung found (lungs-unet-128 1.0.0)".
  std::string description;
};

// The lungs' box grown by `margin` of its width (height) on each side and clipped to the film; no
// region when it is implausible for a frontal chest film (empty, under a quarter of a side, or one
// region under 45 % of the film's width: one lung found, the other may be the diseased one), and
// the description then says which.
FieldOfView lungFieldOfView(const Segmentation& lungs, double margin);

class LungCrop {
public:
  // For a pack whose manifest has a lung_crop: finds the named segmentation pack beside the
  // classification pack (a sibling folder), else in the model search path, and refuses one whose
  // weights are not the pinned ones. The error names the classification pack and what is missing.
  static Result<std::unique_ptr<LungCrop>> forPack(const ModelManifest& classifier, int threads = 0);
  // For training: the segmentation pack folder given directly; spec() then pins its weights.
  static Result<std::unique_ptr<LungCrop>> open(const std::string& segmenterDirectory, double margin, int threads = 0);
  ~LungCrop();
  LungCrop(const LungCrop&) = delete;
  LungCrop& operator=(const LungCrop&) = delete;

  // What a pack trained with this crop records in its manifest.
  const LungCropSpec& spec() const;
  std::string segmenterName() const;  // "lungs-unet-128 1.0.0"

  // The film's field of view; an error only when the film cannot be segmented at all (a preview).
  Result<FieldOfView> fieldOfView(const film::Film& film);

private:
  LungCrop(std::unique_ptr<LungSegmenter> segmenter, LungCropSpec spec);
  std::unique_ptr<LungSegmenter> m_segmenter;
  LungCropSpec m_spec;
};

}  // namespace hilum::ai
