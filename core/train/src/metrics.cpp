#include "hilum/train/metrics.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <random>

namespace hilum::train {
namespace {

std::vector<std::size_t> byScoreDescending(const std::vector<float>& scores) {
  std::vector<std::size_t> order(scores.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return scores[a] > scores[b]; });
  return order;
}

}  // namespace

std::optional<double> rocAuc(const std::vector<float>& scores, const std::vector<float>& truth) {
  // Rank-sum with average ranks for ties: AUC = (R_pos - n_pos (n_pos + 1) / 2) / (n_pos n_neg).
  std::vector<std::size_t> order(scores.size());
  std::iota(order.begin(), order.end(), 0);
  std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return scores[a] < scores[b]; });
  double rankSum = 0, positives = 0;
  for (std::size_t i = 0; i < order.size();) {
    std::size_t j = i;
    while (j < order.size() && scores[order[j]] == scores[order[i]]) ++j;
    const double averageRank = (static_cast<double>(i) + static_cast<double>(j) + 1.0) / 2.0;
    for (std::size_t k = i; k < j; ++k)
      if (truth[order[k]] > 0.5f) {
        rankSum += averageRank;
        positives += 1;
      }
    i = j;
  }
  const double negatives = static_cast<double>(scores.size()) - positives;
  if (positives == 0 || negatives == 0) return std::nullopt;
  return (rankSum - positives * (positives + 1) / 2.0) / (positives * negatives);
}

std::optional<double> averagePrecision(const std::vector<float>& scores, const std::vector<float>& truth) {
  const double positives = std::count_if(truth.begin(), truth.end(), [](float t) { return t > 0.5f; });
  if (positives == 0) return std::nullopt;
  double hits = 0, sum = 0;
  const auto order = byScoreDescending(scores);
  for (std::size_t i = 0; i < order.size(); ++i)
    if (truth[order[i]] > 0.5f) {
      hits += 1;
      sum += hits / static_cast<double>(i + 1);
    }
  return sum / positives;
}

std::vector<RocPoint> rocCurve(const std::vector<float>& scores, const std::vector<float>& truth) {
  const double positives = std::count_if(truth.begin(), truth.end(), [](float t) { return t > 0.5f; });
  const double negatives = static_cast<double>(truth.size()) - positives;
  std::vector<RocPoint> curve{{1.0 + 1e-9, 0.0, 0.0}};
  if (positives == 0 || negatives == 0) return curve;
  const auto order = byScoreDescending(scores);
  double tp = 0, fp = 0;
  for (std::size_t i = 0; i < order.size(); ++i) {
    if (truth[order[i]] > 0.5f) tp += 1;
    else fp += 1;
    if (i + 1 == order.size() || scores[order[i + 1]] != scores[order[i]])
      curve.push_back({scores[order[i]], fp / negatives, tp / positives});
  }
  return curve;
}

OperatingStats atThreshold(const std::vector<float>& scores, const std::vector<float>& truth, double threshold) {
  double tp = 0, fn = 0, tn = 0, fp = 0;
  for (std::size_t i = 0; i < scores.size(); ++i) {
    const bool called = scores[i] >= threshold;
    if (truth[i] > 0.5f) (called ? tp : fn) += 1;
    else (called ? fp : tn) += 1;
  }
  return {threshold, tp + fn > 0 ? tp / (tp + fn) : 0.0, tn + fp > 0 ? tn / (tn + fp) : 0.0};
}

OperatingStats youdenPoint(const std::vector<float>& scores, const std::vector<float>& truth) {
  OperatingStats best{0.5, 0, 0};
  double bestJ = -1;
  for (const RocPoint& p : rocCurve(scores, truth)) {
    if (p.threshold > 1.0) continue;
    const double j = p.truePositiveRate - p.falsePositiveRate;
    if (j > bestJ) {
      bestJ = j;
      best = {p.threshold, p.truePositiveRate, 1.0 - p.falsePositiveRate};
    }
  }
  return best;
}

std::optional<Interval> bootstrapAucInterval(const std::vector<float>& scores, const std::vector<float>& truth,
                                             int resamples, std::uint64_t seed) {
  if (!rocAuc(scores, truth)) return std::nullopt;
  std::mt19937_64 random(seed);
  std::uniform_int_distribution<std::size_t> pick(0, scores.size() - 1);
  std::vector<double> aucs;
  std::vector<float> s(scores.size()), t(scores.size());
  for (int r = 0; r < resamples; ++r) {
    for (std::size_t i = 0; i < scores.size(); ++i) {
      const std::size_t k = pick(random);
      s[i] = scores[k];
      t[i] = truth[k];
    }
    if (const auto auc = rocAuc(s, t)) aucs.push_back(*auc);
  }
  if (aucs.size() < 10) return std::nullopt;
  std::sort(aucs.begin(), aucs.end());
  auto at = [&](double q) { return aucs[static_cast<std::size_t>(q * static_cast<double>(aucs.size() - 1))]; };
  return Interval{at(0.025), at(0.975)};
}

std::vector<ReliabilityBin> reliability(const std::vector<float>& scores, const std::vector<float>& truth, int bins) {
  std::vector<ReliabilityBin> all(static_cast<std::size_t>(std::max(1, bins)));
  for (std::size_t i = 0; i < scores.size(); ++i) {
    auto& b = all[static_cast<std::size_t>(std::clamp(static_cast<int>(scores[i] * bins), 0, bins - 1))];
    b.predicted += scores[i];
    b.observed += truth[i];
    ++b.films;
  }
  std::vector<ReliabilityBin> used;
  for (auto& b : all)
    if (b.films > 0) used.push_back({b.predicted / b.films, b.observed / b.films, b.films});
  return used;
}

double expectedCalibrationError(const std::vector<float>& scores, const std::vector<float>& truth, int bins) {
  if (scores.empty() || bins <= 0) return 0.0;
  double ece = 0.0;
  for (const auto& b : reliability(scores, truth, bins))
    ece += std::abs(b.predicted - b.observed) * b.films / static_cast<double>(scores.size());
  return ece;
}

}  // namespace hilum::train
