#include "hilum/train/calibration.h"
#include "hilum/train/metrics.h"

#include <catch2/catch.hpp>

#include <cmath>
#include <cstdint>

using namespace hilum::train;

TEST_CASE("ROC AUC counts ordered pairs, ties as one half", "[train][metrics]") {
  CHECK(*rocAuc({0.1f, 0.4f, 0.35f, 0.8f}, {0, 0, 1, 1}) == Approx(0.75));
  CHECK(*rocAuc({0.9f, 0.8f, 0.2f, 0.1f}, {1, 1, 0, 0}) == Approx(1.0));
  CHECK(*rocAuc({0.9f, 0.8f, 0.2f, 0.1f}, {0, 0, 1, 1}) == Approx(0.0));
  CHECK(*rocAuc({0.5f, 0.5f, 0.5f, 0.5f}, {0, 1, 0, 1}) == Approx(0.5));
  CHECK_FALSE(rocAuc({0.1f, 0.2f}, {1, 1}).has_value());
}

TEST_CASE("average precision and the ROC curve", "[train][metrics]") {
  // Ranked: 1 (hit), 0, 1 (hit): AP = (1/1 + 2/3) / 2.
  CHECK(*averagePrecision({0.9f, 0.8f, 0.7f}, {1, 0, 1}) == Approx((1.0 + 2.0 / 3.0) / 2.0));
  const auto roc = rocCurve({0.9f, 0.8f, 0.7f}, {1, 0, 1});
  REQUIRE(roc.size() == 4);
  CHECK(roc.back().truePositiveRate == 1.0);
  CHECK(roc.back().falsePositiveRate == 1.0);
}

TEST_CASE("Youden's point separates perfectly separable scores", "[train][metrics]") {
  const auto op = youdenPoint({0.1f, 0.2f, 0.3f, 0.7f, 0.8f}, {0, 0, 0, 1, 1});
  CHECK(op.threshold == Approx(0.7f));
  CHECK(op.sensitivity == 1.0);
  CHECK(op.specificity == 1.0);
  const auto at = atThreshold({0.1f, 0.2f, 0.3f, 0.7f, 0.8f}, {0, 0, 1, 1, 1}, 0.15);
  CHECK(at.sensitivity == Approx(1.0));
  CHECK(at.specificity == Approx(0.5));
}

TEST_CASE("the bootstrap interval brackets the AUC", "[train][metrics]") {
  std::vector<float> scores, truth;
  for (int i = 0; i < 200; ++i) {
    truth.push_back(i % 2 ? 1.0f : 0.0f);
    scores.push_back(static_cast<float>((i % 2 ? 0.6 : 0.4) + 0.5 * ((i * 37) % 100) / 100.0 - 0.25));
  }
  const double auc = *rocAuc(scores, truth);
  const auto ci = bootstrapAucInterval(scores, truth, 500, 3);
  REQUIRE(ci.has_value());
  CHECK(ci->low < auc);
  CHECK(ci->high > auc);
  CHECK(ci->high - ci->low < 0.3);
}

TEST_CASE("expected calibration error is the weighted gap between confidence and frequency", "[train][metrics][calibration]") {
  // Ten films at 0.9, half of them positive: a gap of 0.4 in one bin.
  CHECK(hilum::train::expectedCalibrationError(std::vector<float>(10, 0.9f), {1, 1, 1, 1, 1, 0, 0, 0, 0, 0}) == Approx(0.4));
  // Four at 0.25, one positive: calibrated.
  CHECK(hilum::train::expectedCalibrationError({0.25f, 0.25f, 0.25f, 0.25f}, {1, 0, 0, 0}) == Approx(0.0).margin(1e-6));
}

TEST_CASE("temperature scaling recovers the temperature that generated the labels", "[train][calibration]") {
  // Logits spread over [-6, 6]; labels drawn with probability sigmoid(z / 3) from a fixed sequence.
  std::vector<float> z, y;
  std::uint32_t state = 17;
  for (int i = 0; i < 20000; ++i) {
    const float logit = -6.0f + 12.0f * static_cast<float>(i % 1000) / 1000.0f;
    state = state * 1664525u + 1013904223u;
    const double u = (state >> 8) / 16777216.0;
    z.push_back(logit);
    y.push_back(u < 1.0 / (1.0 + std::exp(-logit / 3.0)) ? 1.0f : 0.0f);
  }
  CHECK(hilum::train::fitTemperature(z, y) == Approx(3.0).epsilon(0.1));
  // Platt: labels drawn with sigmoid(z / 3 - 1) give back the slope and the offset.
  std::vector<float> shifted;
  for (std::size_t i = 0; i < z.size(); ++i) {
    state = state * 1664525u + 1013904223u;
    shifted.push_back((state >> 8) / 16777216.0 < 1.0 / (1.0 + std::exp(-(z[i] / 3.0 - 1.0))) ? 1.0f : 0.0f);
  }
  const auto platt = hilum::train::fitPlatt(z, shifted);
  CHECK(platt.scale == Approx(1.0 / 3.0).epsilon(0.1));
  CHECK(platt.offset == Approx(-1.0).epsilon(0.1));
  CHECK(hilum::train::thresholdAfterPlatt(0.5, platt) == Approx(1.0 / (1.0 + std::exp(1.0))).epsilon(0.1));
  // Operating points move with the temperature; 0.5 stays 0.5.
  CHECK(hilum::train::thresholdAfterTemperature(0.5, 2.0) == Approx(0.5));
  CHECK(hilum::train::thresholdAfterTemperature(0.8, 2.0) == Approx(1.0 / (1.0 + std::exp(-std::log(4.0) / 2.0))));
  // Softmax: two classes, the first scored 2 z, truth drawn with sigmoid(z): T = 2.
  std::vector<std::vector<float>> logits;
  std::vector<int> truth;
  for (std::size_t i = 0; i < z.size(); ++i) {
    logits.push_back({2.0f * z[i], 0.0f});
    state = state * 1664525u + 1013904223u;
    truth.push_back((state >> 8) / 16777216.0 < 1.0 / (1.0 + std::exp(-z[i])) ? 0 : 1);
  }
  CHECK(hilum::train::fitSoftmaxTemperature(logits, truth) == Approx(2.0).epsilon(0.1));
}
