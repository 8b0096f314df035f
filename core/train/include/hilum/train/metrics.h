#pragma once
// Classification metrics for one label: scores against 0/1 truth. Pure functions, any thread.
#include <cstdint>
#include <optional>
#include <vector>

namespace hilum::train {

// ROC AUC by the Mann-Whitney statistic (ties count one half); nothing when a class is absent.
std::optional<double> rocAuc(const std::vector<float>& scores, const std::vector<float>& truth);

// Expected calibration error: the film-weighted mean gap between predicted probability and observed
// frequency over `bins` equal-width probability bins (Guo et al. 2017). 0 is perfect.
double expectedCalibrationError(const std::vector<float>& scores, const std::vector<float>& truth, int bins = 10);

// The reliability diagram behind it: per non-empty bin, the mean predicted probability, the observed
// frequency and how many films fell in.
struct ReliabilityBin {
  double predicted = 0, observed = 0;
  int films = 0;
};
std::vector<ReliabilityBin> reliability(const std::vector<float>& scores, const std::vector<float>& truth, int bins = 10);

// Average precision (area under the precision-recall curve, step interpolation).
std::optional<double> averagePrecision(const std::vector<float>& scores, const std::vector<float>& truth);

struct RocPoint {
  double threshold, falsePositiveRate, truePositiveRate;
};
std::vector<RocPoint> rocCurve(const std::vector<float>& scores, const std::vector<float>& truth);

struct OperatingStats {
  double threshold = 0.5, sensitivity = 0, specificity = 0;
};
// The threshold maximising sensitivity + specificity - 1 (Youden's J), chosen on validation data.
OperatingStats youdenPoint(const std::vector<float>& scores, const std::vector<float>& truth);
OperatingStats atThreshold(const std::vector<float>& scores, const std::vector<float>& truth, double threshold);

// 95 % percentile bootstrap interval of the ROC AUC (resampling films with replacement).
struct Interval { double low = 0, high = 0; };
std::optional<Interval> bootstrapAucInterval(const std::vector<float>& scores, const std::vector<float>& truth,
                                             int resamples = 1000, std::uint64_t seed = 1);

}  // namespace hilum::train
