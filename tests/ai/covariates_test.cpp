// Patient covariates: what a pack reads beside the film (age, sex, view), their encoding, where
// they come from in a DICOM header, and how model.json declares them.
#include "hilum/ai/covariates.h"
#include "hilum/ai/model_manifest.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

using namespace hilum::ai;
using Catch::Matchers::Contains;

TEST_CASE("covariates are encoded two values each, unknown as a value of its own", "[ai][covariates]") {
  const std::vector<std::string> all = {"age", "sex", "view"};
  CHECK(covariateWidth(all) == 6);
  CHECK(encodeCovariates(all, {70.0, "M", "PA"}) == std::vector<float>{1.0f, 0.0f, 1.0f, 0.0f, 1.0f, 0.0f});
  CHECK(encodeCovariates(all, {30.0, "female", "ap"}) == std::vector<float>{-1.0f, 0.0f, 0.0f, 1.0f, 0.0f, 1.0f});
  // Unknown: the age flag set, sex "O" and a lateral view count as unknown.
  CHECK(encodeCovariates(all, {std::nullopt, "O", "LL"}) == std::vector<float>{0.0f, 1.0f, 0.0f, 0.0f, 0.0f, 0.0f});
  // Ages far outside the training range are clamped, not extrapolated.
  CHECK(encodeCovariates({"age"}, {140.0, "", ""}).front() == 3.0f);
  // Only the listed covariates, in the listed order.
  CHECK(encodeCovariates({"view", "age"}, {50.0, "M", "AP"}) == std::vector<float>{0.0f, 1.0f, 0.0f, 0.0f});
  CHECK(unknownCovariates(all, {std::nullopt, "M", "LL"}) == std::vector<std::string>{"age", "view"});
  CHECK(describeCovariates(all, {45.0, "F", ""}) == "age 45 y, sex F, view unknown");
  CHECK(describeCovariates({"age"}, {0.5, "", ""}) == "age 0.5 y");
}

TEST_CASE("a DICOM header gives age (or birth and study date), sex and view", "[ai][covariates]") {
  hilum::film::FilmMetadata m;
  m.patientAge = "045Y";
  m.patientSex = "F";
  m.viewPosition = "PA";
  auto c = covariatesOf(m);
  REQUIRE(c.ageYears);
  CHECK(*c.ageYears == 45.0);
  CHECK(c.sex == "F");
  CHECK(c.view == "PA");

  m.patientAge = "";
  m.patientBirthDate = "19600615";
  m.studyDate = "20260614";  // the day before the 66th birthday
  c = covariatesOf(m);
  REQUIRE(c.ageYears);
  CHECK(*c.ageYears == 65.0);
  m.studyDate = "";
  m.acquisitionDate = "20260615";
  CHECK(*covariatesOf(m).ageYears == 66.0);

  // A raster image's empty header, and nonsense: all unknown.
  hilum::film::FilmMetadata none;
  none.patientAge = "45";
  none.patientBirthDate = "2030";
  none.patientSex = "O";
  none.viewPosition = "LATERAL";
  CHECK(unknownCovariates({"age", "sex", "view"}, covariatesOf(none)).size() == 3);
}

TEST_CASE("model.json lists the covariates a pack reads; unknown or repeated ones are refused", "[ai][covariates][manifest]") {
  auto j = nlohmann::json::parse(R"({
    "format_version": 1, "name": "cov", "version": "1", "architecture": "resnet18", "task": "multi-label",
    "labels": ["A"], "input": {"size": 64, "channels": 1},
    "weights": {"file": "weights.pt", "sha256": "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"}
  })");
  auto plain = parseManifest(j.dump(), "model.json");
  REQUIRE(plain.ok());
  CHECK(plain.value().covariates.empty());
  CHECK_THAT(toJson(plain.value()), !Contains("covariates"));

  j["covariates"] = {"sex", "age"};
  auto parsed = parseManifest(j.dump(), "model.json");
  REQUIRE(parsed.ok());
  CHECK(parsed.value().covariates == std::vector<std::string>{"sex", "age"});
  CHECK(parseManifest(toJson(parsed.value()), "again.json").value().covariates == parsed.value().covariates);

  j["covariates"] = {"age", "weight"};
  auto unknown = parseManifest(j.dump(), "packs/x/model.json");
  REQUIRE_FALSE(unknown.ok());
  CHECK_THAT(unknown.error().message(), Contains("model.json") && Contains("\"weight\" is unknown"));
  j["covariates"] = {"age", "age"};
  CHECK_THAT(parseManifest(j.dump(), "model.json").error().message(), Contains("listed twice"));
  j["covariates"] = {"age"};
  j["weights"]["format"] = "torchscript";
  CHECK_THAT(parseManifest(j.dump(), "model.json").error().message(), Contains("state-dict"));
}
