#include "hilum/train/calibration.h"

#include "hilum/base/atomic_file.h"
#include "hilum/train/metrics.h"

#include <algorithm>
#include <cmath>

namespace hilum::train {
namespace {

double sigmoid(double z) { return 1.0 / (1.0 + std::exp(-z)); }

// Golden-section search for the minimum of a unimodal f over [lo, hi] (in log T).
template <typename F>
double goldenMinimum(F f, double lo, double hi) {
  const double ratio = (std::sqrt(5.0) - 1.0) / 2.0;
  double a = lo, b = hi, c = b - ratio * (b - a), d = a + ratio * (b - a);
  double fc = f(c), fd = f(d);
  for (int i = 0; i < 80; ++i) {
    if (fc < fd) {
      b = d, d = c, fd = fc;
      c = b - ratio * (b - a);
      fc = f(c);
    } else {
      a = c, c = d, fc = fd;
      d = a + ratio * (b - a);
      fd = f(d);
    }
  }
  return (a + b) / 2.0;
}

constexpr double kLogLow = -3.0, kLogHigh = 3.0;  // T from 0.05 to 20

}  // namespace

double fitTemperature(const std::vector<float>& logits, const std::vector<float>& truth) {
  if (logits.empty()) return 1.0;
  auto loss = [&](double logT) {
    const double t = std::exp(logT);
    double sum = 0.0;
    for (std::size_t i = 0; i < logits.size(); ++i) {
      const double p = std::clamp(sigmoid(logits[i] / t), 1e-12, 1.0 - 1e-12);
      sum -= truth[i] > 0.5f ? std::log(p) : std::log(1.0 - p);
    }
    return sum;
  };
  return std::exp(goldenMinimum(loss, std::log(0.05), std::log(20.0)));
}

double fitSoftmaxTemperature(const std::vector<std::vector<float>>& logits, const std::vector<int>& truth) {
  if (logits.empty()) return 1.0;
  auto loss = [&](double logT) {
    const double t = std::exp(logT);
    double sum = 0.0;
    for (std::size_t i = 0; i < logits.size(); ++i) {
      double top = -1e300;
      for (float z : logits[i]) top = std::max(top, z / t);
      double normaliser = 0.0;
      for (float z : logits[i]) normaliser += std::exp(z / t - top);
      sum -= logits[i][static_cast<std::size_t>(truth[i])] / t - top - std::log(normaliser);
    }
    return sum;
  };
  return std::exp(goldenMinimum(loss, kLogLow, kLogHigh));
}

Platt fitPlatt(const std::vector<float>& logits, const std::vector<float>& truth) {
  // Damped Newton on the penalised log-likelihood of a one-feature logistic regression: a full
  // Newton step from the identity can overshoot on saturated logits, so each step is halved until
  // the objective improves.
  const double lambda = 1.0;  // the pull towards identity, in units of one film's log-likelihood
  auto objective = [&](double a, double b) {
    double sum = -0.5 * lambda * ((a - 1.0) * (a - 1.0) + b * b);
    for (std::size_t i = 0; i < logits.size(); ++i) {
      const double x = a * logits[i] + b;
      // log sigmoid(x) and log(1 - sigmoid(x)), computed without overflow
      const double logP = -std::log1p(std::exp(-std::abs(x))) + std::min(0.0, x);
      sum += truth[i] > 0.5f ? logP : logP - x;
    }
    return sum;
  };
  double a = 1.0, b = 0.0, current = objective(a, b);
  for (int iteration = 0; iteration < 100; ++iteration) {
    double ga = -lambda * (a - 1.0), gb = -lambda * b;
    double haa = -lambda, hab = 0.0, hbb = -lambda;
    for (std::size_t i = 0; i < logits.size(); ++i) {
      const double z = logits[i], p = sigmoid(a * z + b), r = truth[i] - p, w = p * (1.0 - p);
      ga += r * z;
      gb += r;
      haa -= w * z * z;
      hab -= w * z;
      hbb -= w;
    }
    const double det = haa * hbb - hab * hab;
    if (std::abs(det) < 1e-12) break;
    const double da = (hbb * ga - hab * gb) / det, db = (haa * gb - hab * ga) / det;
    double step = 1.0, next = objective(a - da, b - db);
    while (next < current && step > 1e-6) {
      step /= 2;
      next = objective(a - step * da, b - step * db);
    }
    if (next < current) break;
    a -= step * da;
    b -= step * db;
    const bool converged = current - next > -1e-12 && std::abs(step * da) + std::abs(step * db) < 1e-9;
    current = next;
    if (converged) break;
  }
  if (!(a > 1e-3) || !std::isfinite(b)) return {};  // never reverse or flatten the ranking
  return {a, b};
}

double thresholdAfterPlatt(double threshold, const Platt& platt) {
  const double t = std::clamp(threshold, 1e-9, 1.0 - 1e-9);
  return sigmoid(platt.scale * std::log(t / (1.0 - t)) + platt.offset);
}

double thresholdAfterTemperature(double threshold, double temperature) {
  const double t = std::clamp(threshold, 1e-9, 1.0 - 1e-9);
  return sigmoid(std::log(t / (1.0 - t)) / temperature);
}

Result<CalibrationReport> calibratePack(const std::string& packDirectory, const std::vector<std::vector<float>>& logits,
                                        const std::vector<std::vector<float>>& targets) {
  auto manifest = ai::readManifest(packDirectory);
  if (!manifest.ok()) return manifest.error();
  ai::ModelManifest m = manifest.value();
  const std::size_t labels = m.labels.size();
  if (logits.empty() || logits.size() != targets.size())
    return Error(Module::Train, ErrorCode::InvalidArgument, "calibration needs logits and targets for the same films", packDirectory);
  for (std::size_t i = 0; i < logits.size(); ++i)
    if (logits[i].size() != labels || targets[i].size() != labels)
      return Error(Module::Train, ErrorCode::InvalidArgument, "every film needs one logit and one target per label", packDirectory);

  CalibrationReport report;
  report.films = static_cast<int>(logits.size());
  std::vector<float> pooledBefore, pooledAfter, pooledTruth;
  std::vector<double> before(labels), after(labels);
  if (m.task == ai::Task::MultiLabel) {
    // The operating points are kept on the probabilities the pack shows. A pack calibrated before
    // (recalibrated after new test-time views, or on other films) has them on its old calibration's
    // scale: bring them back to the raw one first, so each is mapped by exactly one calibration.
    if (m.calibration.scales.size() == labels)
      for (std::size_t k = 0; k < labels; ++k) {
        const double t = std::clamp(m.operatingPoints[k].threshold, 1e-9, 1.0 - 1e-9);
        m.operatingPoints[k].threshold = sigmoid((std::log(t / (1.0 - t)) - m.calibration.offsets[k]) / m.calibration.scales[k]);
      }
    for (std::size_t k = 0; k < labels; ++k) {
      std::vector<float> z, y, p0, p1;
      for (std::size_t i = 0; i < logits.size(); ++i) {
        z.push_back(logits[i][k]);
        y.push_back(targets[i][k]);
      }
      const Platt platt = fitPlatt(z, y);
      for (float v : z) {
        p0.push_back(static_cast<float>(sigmoid(v)));
        p1.push_back(static_cast<float>(sigmoid(platt.scale * v + platt.offset)));
      }
      report.scalings.push_back(platt);
      pooledBefore.insert(pooledBefore.end(), p0.begin(), p0.end());
      pooledAfter.insert(pooledAfter.end(), p1.begin(), p1.end());
      pooledTruth.insert(pooledTruth.end(), y.begin(), y.end());
      report.eceBefore.push_back(expectedCalibrationError(p0, y));
      report.eceAfter.push_back(expectedCalibrationError(p1, y));
      m.operatingPoints[k].threshold = thresholdAfterPlatt(m.operatingPoints[k].threshold, platt);
    }
  } else {
    std::vector<int> truth;
    for (const auto& row : targets) truth.push_back(static_cast<int>(std::max_element(row.begin(), row.end()) - row.begin()));
    const double t = fitSoftmaxTemperature(logits, truth);
    report.scalings.push_back({1.0 / t, 0.0});
    auto softmax = [](const std::vector<float>& z, double temperature) {
      const double top = *std::max_element(z.begin(), z.end()) / temperature;
      std::vector<double> e;
      double sum = 0;
      for (float v : z) sum += e.emplace_back(std::exp(v / temperature - top));
      for (double& v : e) v /= sum;
      return e;
    };
    for (std::size_t k = 0; k < labels; ++k) {
      std::vector<float> y, p0, p1;
      for (std::size_t i = 0; i < logits.size(); ++i) {
        y.push_back(targets[i][k]);
        p0.push_back(static_cast<float>(softmax(logits[i], 1.0)[k]));
        p1.push_back(static_cast<float>(softmax(logits[i], t)[k]));
      }
      pooledBefore.insert(pooledBefore.end(), p0.begin(), p0.end());
      pooledAfter.insert(pooledAfter.end(), p1.begin(), p1.end());
      pooledTruth.insert(pooledTruth.end(), y.begin(), y.end());
      report.eceBefore.push_back(expectedCalibrationError(p0, y));
      report.eceAfter.push_back(expectedCalibrationError(p1, y));
    }
  }
  for (std::size_t k = 0; k < labels; ++k) {
    report.meanEceBefore += report.eceBefore[k] / static_cast<double>(labels);
    report.meanEceAfter += report.eceAfter[k] / static_cast<double>(labels);
  }
  report.reliabilityBefore = reliability(pooledBefore, pooledTruth);
  report.reliabilityAfter = reliability(pooledAfter, pooledTruth);
  m.calibration.method = m.task == ai::Task::MultiLabel ? "platt" : "temperature";
  m.calibration.scales.clear();
  m.calibration.offsets.clear();
  for (const Platt& p : report.scalings) {
    m.calibration.scales.push_back(p.scale);
    m.calibration.offsets.push_back(p.offset);
  }
  m.calibration.eceBefore = report.meanEceBefore;
  m.calibration.eceAfter = report.meanEceAfter;
  m.calibration.films = report.films;
  if (const Status s = writeFileAtomically(packDirectory + "/model.json", ai::toJson(m)); !s.ok()) return s.error();
  return report;
}

}  // namespace hilum::train
