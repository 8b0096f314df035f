// Urgency from findings and the per-finding priorities.
#include "hilum/triage/policy.h"

#include <catch2/catch.hpp>

using namespace hilum;

namespace {
ai::Findings findingsOf(std::vector<std::tuple<std::string, double, bool>> list) {
  ai::Findings f;
  for (const auto& [label, p, positive] : list) {
    ai::Finding finding;
    finding.label = label;
    finding.probability = p;
    finding.positive = positive;
    f.ranked.push_back(finding);
  }
  return f;
}
}  // namespace

TEST_CASE("urgency is the most urgent positive finding, weighted by its priority", "[triage][policy]") {
  auto policy = triage::parsePolicy("Pneumothorax=3, Nodule = 0.5");
  REQUIRE(policy.ok());
  CHECK(policy.value().priorityOf("Pneumothorax") == 3.0);
  CHECK(policy.value().priorityOf("Nodule") == 0.5);
  CHECK(policy.value().priorityOf("Effusion") == 1.0);
  CHECK(policy.value().priorityOf("No Finding") == 0.0);

  const auto u = triage::urgencyOf(findingsOf({{"Effusion", 0.8, true}, {"Pneumothorax", 0.4, true}, {"Nodule", 0.9, true}}), policy.value());
  CHECK(u.positive);
  CHECK(u.finding == "Pneumothorax");  // 3 x 0.4 beats 1 x 0.8 and 0.5 x 0.9
  CHECK(u.score == Approx(1.2));

  // Any positive film ranks above every negative one, however high the negative's probability.
  const auto negative = triage::urgencyOf(findingsOf({{"Pneumothorax", 0.45, false}}), policy.value());
  const auto positive = triage::urgencyOf(findingsOf({{"Nodule", 0.3, true}}), policy.value());
  CHECK(triage::moreUrgent(positive, negative));
  CHECK_FALSE(triage::moreUrgent(negative, positive));

  // "Normal" never drives urgency.
  const auto normal = triage::urgencyOf(findingsOf({{"Normal", 0.99, true}, {"COVID-19", 0.01, false}}), triage::TriagePolicy{});
  CHECK(normal.finding == "COVID-19");
  CHECK_FALSE(normal.positive);
}

TEST_CASE("malformed priorities are refused, naming the item", "[triage][policy]") {
  for (const char* text : {"Pneumothorax", "=2", "Effusion=high", "Mass=-1", "Mass=2x"}) {
    const auto p = triage::parsePolicy(text);
    REQUIRE_FALSE(p.ok());
    CHECK_THAT(p.error().reason(), Catch::Matchers::Contains(text));
  }
  CHECK(triage::parsePolicy("").ok());
}
