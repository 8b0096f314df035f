#pragma once
// Scores a model pack on labelled films through the Analyzer, exactly as the viewer would run it.
#include "hilum/base/result.h"
#include "hilum/train/dataset.h"
#include "hilum/train/metrics.h"

#include <atomic>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace hilum::train {

struct LabelEvaluation {
  std::string label;
  int positives = 0, films = 0;
  std::optional<double> auc, averagePrecision;
  double ece = 0;  // expected calibration error of the pack's probabilities
  std::optional<Interval> auc95;
  OperatingStats atOperatingPoint;  // the pack's threshold
  std::vector<RocPoint> roc;
};

struct Evaluation {
  std::string model, version;
  int films = 0;
  std::vector<LabelEvaluation> labels;  // the data set's labels the pack also knows
  double meanAuc = 0;
  double meanEce = 0;
  std::optional<double> accuracy;                   // single-label
  std::vector<std::vector<int>> confusion;          // single-label: [truth][predicted]
};

Result<Evaluation> evaluatePack(const std::string& packDirectory, const Dataset& data,
                                const std::function<void(int done, int total)>& progress = {},
                                const std::atomic<bool>* cancel = nullptr);

}  // namespace hilum::train
