#pragma once
// Probabilities that mean what they say, fitted on validation logits. Multi-label (sigmoid) packs
// get Platt scaling per label, p = sigmoid(a z + b): the offset matters, because class-weighted
// training (pos_weight) shifts every probability up and a temperature alone cannot move it back.
// Single-label (softmax) packs get one temperature (Guo et al. 2017). Calibration keeps every
// ranking and AUC, and the operating points move with it, so positives stay positives.
#include "hilum/ai/model_manifest.h"
#include "hilum/base/result.h"
#include "hilum/train/metrics.h"

#include <string>
#include <vector>

namespace hilum::train {

// The temperature minimising the binary cross-entropy of sigmoid(logit / T) against 0/1 truth,
// searched over T in [0.05, 20] (golden section on log T).
double fitTemperature(const std::vector<float>& logits, const std::vector<float>& truth);

// The same for a softmax: logits[film][class], truth[film] the true class.
double fitSoftmaxTemperature(const std::vector<std::vector<float>>& logits, const std::vector<int>& truth);

// Platt scaling: the (a, b) minimising the cross-entropy of sigmoid(a z + b), with a weak pull
// towards the identity (a = 1, b = 0) so a small or separable set cannot send them to infinity.
// a stays positive.
struct Platt {
  double scale = 1.0, offset = 0.0;
};
Platt fitPlatt(const std::vector<float>& logits, const std::vector<float>& truth);

// A sigmoid threshold t chosen on uncalibrated probabilities, as a calibrated one.
double thresholdAfterTemperature(double threshold, double temperature);
double thresholdAfterPlatt(double threshold, const Platt& platt);

struct CalibrationReport {
  std::vector<Platt> scalings;                 // per label (multi-label) or one temperature (single-label)
  std::vector<double> eceBefore, eceAfter;     // per label, on the fitting films
  double meanEceBefore = 0, meanEceAfter = 0;
  int films = 0;
  // Every label's probabilities pooled, before and after: the reliability diagram a reader checks.
  std::vector<ReliabilityBin> reliabilityBefore, reliabilityAfter;
};

// Fits the scalings from raw logits (films x labels) and 0/1 targets, writes them and the moved
// operating points into the pack's model.json (atomically) and says what changed.
Result<CalibrationReport> calibratePack(const std::string& packDirectory, const std::vector<std::vector<float>>& logits,
                                        const std::vector<std::vector<float>>& targets);

}  // namespace hilum::train
