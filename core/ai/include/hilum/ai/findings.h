#pragma once
// What an analysis returns: plain values, no tensors. Every probability travels with the model that
// produced it (name, version, weights hash) so no screen or report can show one without saying so.
#include "hilum/ai/model_manifest.h"
#include "hilum/ai/preprocess.h"

#include <optional>
#include <string>
#include <vector>

namespace hilum::ai {

struct ModelIdentity {
  std::string name;
  std::string version;
  std::string sha256;
};

struct Finding {
  std::string label;
  std::string parent;
  double probability = 0.0;
  double threshold = 0.5;
  bool positive = false;  // probability >= threshold
  std::optional<double> sensitivity, specificity;  // of the operating point, on validation data
};

// A label's class activation map at the model's feature resolution, normalised to [0, 1], plus where
// the input lay on the film. Kept small on purpose: fourteen maps at a 3000 x 3000 film's resolution
// would be half a gigabyte of floats; atFilmResolution() upsamples one on demand.
struct Heatmap {
  std::string label;
  int width = 0, height = 0;
  std::vector<float> values;  // row-major, in input coordinates
  int inputSize = 0;
  InputGeometry geometry;

  // Bicubic upsampling onto the film's pixel grid, clamped to [0, 1]; film areas that never reached
  // the model (centre crop) are 0.
  std::vector<float> atFilmResolution() const;
  // The same onto a smaller grid with the film's aspect (for display and PNG export).
  std::vector<float> resampled(int columns, int rows) const;
};

// Children grouped under a parent label (hierarchical label sets). For single-label models the
// group's probability is the sum of its children's (softmax outputs are exclusive); for multi-label
// models it is the largest child's (any of them present).
struct FindingGroup {
  std::string name;
  double probability = 0.0;
  std::vector<std::string> children;
};

struct Timing {
  double preprocessMs = 0, inferenceMs = 0, heatmapsMs = 0, totalMs = 0;
};

struct Findings {
  ModelIdentity model;
  std::vector<LabelSpec> labels;  // the pack's labels with their display names (model_manifest.h)
  std::string device;  // "cpu", "cuda:0"
  Task task = Task::MultiLabel;
  std::vector<Finding> ranked;          // by probability, highest first
  std::vector<Heatmap> heatmaps;        // same order as ranked; empty when not asked for
  std::vector<FindingGroup> groups;
  std::optional<std::string> topLabel;  // single-label models: the most probable class
  Timing timing;
  // Whether the film is one the pack was trained for, and pixel quality warnings (film_gate.h).
  // Not accepted: the findings were asked for explicitly and are shown greyed with the reasons.
  bool accepted = true;
  std::vector<std::string> gateReasons;
  std::vector<std::string> qualityWarnings;
  // The pack's out-of-distribution score (model_manifest.h OodSpec), when the pack has a detector.
  std::optional<double> oodScore, oodThreshold;
  // For packs that read patient covariates: what the model was given beside the film, as a reader
  // reads it ("age 45 y, sex F, view unknown"); empty for image-only packs.
  std::string covariates;
  std::vector<std::string> unknownCovariates;  // of those, the ones the model had to do without
  // For packs that crop to the lungs: what part of the film the model looked at (ModelInput::
  // fieldOfView); empty when it saw the whole film as every pack does.
  std::string fieldOfView;
  // The covariates as a report states them: `covariates`, or for a report that hides the patient's
  // identity (age and sex identify) only which ones the model had to do without. Empty for
  // image-only packs.
  std::string covariatesForReport(bool anonymised) const;
  bool outOfDistribution() const { return oodScore && oodThreshold && *oodScore > *oodThreshold; }
  // What a reader sees for `label` in `language` (displayName of the pack's label; a label the pack
  // does not list, e.g. from an older result, gets defaultDisplayName).
  std::string displayName(const std::string& label, const std::string& language) const;
  // Shown with every result, in the UI and in reports.
  static constexpr const char* kDisclaimer = "Decision support only, not a diagnosis.";
};

}  // namespace hilum::ai
