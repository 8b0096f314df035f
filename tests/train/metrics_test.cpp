#include "hilum/train/metrics.h"

#include <catch2/catch.hpp>

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
