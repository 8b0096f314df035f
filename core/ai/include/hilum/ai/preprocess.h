#pragma once
// Film -> model input, the one code path shared by inference and training, so a model sees at
// analysis exactly what it saw while learning. The film goes through the display pipeline first
// (its own default window or the full range, MONOCHROME1 inverted: every film looks like a
// MONOCHROME2 one), is resized by the manifest's policy, then normalised. No torch here.
//
// Thread safety: pure function; any thread.
#include "hilum/ai/covariates.h"
#include "hilum/ai/model_manifest.h"
#include "hilum/base/result.h"
#include "hilum/display/renderer.h"
#include "hilum/film/film.h"

#include <optional>
#include <vector>

namespace hilum::ai {

// Where the film lies in the model input, to map heatmaps back onto the film.
struct InputGeometry {
  int filmColumns = 0, filmRows = 0;
  // The rectangle of the input (in input pixels) covered by film content. Letterboxing leaves
  // borders outside it; squash and centre crop fill the whole input.
  double contentX = 0, contentY = 0, contentWidth = 0, contentHeight = 0;
  // The rectangle of the film (in film pixels) that reached the input; centre crop drops the rest.
  double filmX = 0, filmY = 0, filmWidth = 0, filmHeight = 0;
};

struct ModelInput {
  int size = 0;       // square: size x size
  int channels = 0;
  std::vector<float> values;  // CHW, normalised
  InputGeometry geometry;
  // For packs that read patient covariates: what they were made from and their encoding
  // (covariates.h); the encoding is empty for image-only packs.
  PatientCovariates patient;
  std::vector<float> covariates;
  // What part of the film the model looked at, when not simply all of it (lung_crop.h): "lungs,
  // ... px of ... (lungs-unet-128 1.0.0)" or "whole film: only one lung found (...)"; else empty.
  std::string fieldOfView;
};

// Sets the input's covariates for the pack (nothing for an image-only pack). preprocess() takes them
// from the film's header; evaluation sets the data set's own values instead.
void setCovariates(ModelInput& input, const ModelManifest& manifest, const PatientCovariates& patient);

// The 8-bit picture step alone (display pipeline + resize to size x size, one channel), exposed for
// tests and for augmentation in training, which works on it before normalisation.
struct InputPicture {
  int size = 0;
  std::vector<std::uint8_t> pixels;  // size x size, row-major
  InputGeometry geometry;
};
// `fieldOfView` (film pixels, clipped to the film) restricts the picture to that part of the film,
// e.g. the lung area of a pack with a lung crop; the resize policy then applies to it.
Result<InputPicture> filmToPicture(const film::Film& film, const ModelManifest& manifest,
                                   const std::optional<display::Region>& fieldOfView = std::nullopt);
ModelInput normalise(const InputPicture& picture, const ModelManifest& manifest);

// The film's picture (of `fieldOfView`, when given), normalised, with the covariates its header
// gives (covariatesOf).
Result<ModelInput> preprocess(const film::Film& film, const ModelManifest& manifest,
                              const std::optional<display::Region>& fieldOfView = std::nullopt);

}  // namespace hilum::ai
