// model.json: what a pack declares, and every way a manifest can be wrong.
#include "hilum/ai/model_manifest.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

using namespace hilum::ai;
using Catch::Matchers::Contains;

namespace {

nlohmann::json valid() {
  return nlohmann::json::parse(R"({
    "format_version": 1, "name": "nih14", "version": "1.2", "architecture": "densenet121",
    "task": "multi-label",
    "labels": ["Atelectasis", {"name": "COVID-19", "parent": "Pneumonia"}],
    "input": {"size": 224, "channels": 3},
    "preprocessing": {"resize": "letterbox", "normalization": "xrv", "window": "full-range"},
    "operating_points": {"Atelectasis": {"threshold": 0.3, "sensitivity": 0.81, "specificity": 0.7}},
    "gradcam": {"target_layer": "features"},
    "weights": {"file": "weights.pt", "format": "state-dict",
                "sha256": "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"},
    "provenance": {"data": "NIH ChestX-ray14", "command": "hilum-cli train ...", "date": "2026-11-25"},
    "metrics": {"auc": {"Atelectasis": 0.8}}
  })");
}

}  // namespace

TEST_CASE("a valid manifest is read completely", "[ai][manifest]") {
  const auto m = parseManifest(valid().dump(), "model.json");
  REQUIRE(m.ok());
  const auto& v = m.value();
  CHECK(v.name == "nih14");
  CHECK(v.task == Task::MultiLabel);
  REQUIRE(v.labels.size() == 2);
  CHECK(v.labels[1].parent == "Pneumonia");
  CHECK(v.resize == ResizePolicy::Letterbox);
  CHECK(v.window == FilmWindow::FullRange);
  CHECK(v.normalization.scale == 2048.0);
  CHECK(v.normalization.offset == -1024.0);
  REQUIRE(v.operatingPoints.size() == 2);
  CHECK(v.operatingPoints[0].threshold == 0.3);
  CHECK(*v.operatingPoints[0].sensitivity == 0.81);
  CHECK(v.operatingPoints[1].threshold == 0.5);  // default
  CHECK_THAT(v.metricsJson, Contains("0.8"));
}

TEST_CASE("toJson and parseManifest round-trip", "[ai][manifest]") {
  const auto m = parseManifest(valid().dump(), "model.json").value();
  const auto again = parseManifest(toJson(m), "again.json");
  REQUIRE(again.ok());
  CHECK(again.value().labels[1].parent == "Pneumonia");
  CHECK(again.value().operatingPoints[0].specificity == m.operatingPoints[0].specificity);
  CHECK(again.value().normalization.name == "xrv");
  CHECK(again.value().weightsSha256 == m.weightsSha256);
}

TEST_CASE("broken manifests are refused with the reason", "[ai][manifest]") {
  struct Case { const char* what; std::function<void(nlohmann::json&)> breakIt; const char* says; };
  const std::vector<Case> cases = {
      {"no labels", [](auto& j) { j["labels"] = nlohmann::json::array(); }, "no labels"},
      {"duplicate label", [](auto& j) { j["labels"] = {"A", "A"}; }, "twice"},
      {"unknown task", [](auto& j) { j["task"] = "regression"; }, "regression"},
      {"threshold above 1", [](auto& j) { j["operating_points"]["Atelectasis"]["threshold"] = 1.5; }, "outside"},
      {"operating point for a stranger", [](auto& j) { j["operating_points"]["Mass"] = {{"threshold", 0.4}}; }, "Mass"},
      {"short sha256", [](auto& j) { j["weights"]["sha256"] = "abc"; }, "sha256"},
      {"weights outside the pack", [](auto& j) { j["weights"]["file"] = "../other/weights.pt"; }, "inside the pack"},
      {"newer format", [](auto& j) { j["format_version"] = 9; }, "newer"},
      {"unknown normalisation", [](auto& j) { j["preprocessing"]["normalization"] = "magic"; }, "magic"},
      {"custom normalisation of the wrong size", [](auto& j) { j["preprocessing"]["normalization"] = {{"mean", {0.5}}, {"std", {0.2}}}; }, "per input channel"},
      {"missing name", [](auto& j) { j.erase("name"); }, "\"name\""},
      {"wrong type", [](auto& j) { j["input"]["size"] = "large"; }, "wrong type"},
      {"single-label with one label", [](auto& j) { j["task"] = "single-label"; j["labels"] = {"Only"}; j["operating_points"] = nlohmann::json::object(); }, "two labels"},
      {"state dict without architecture", [](auto& j) { j.erase("architecture"); }, "architecture"},
      {"display names not an object", [](auto& j) { j["labels"][1]["display"] = "Lungenentzündung"; }, "not an object"},
      {"empty display name", [](auto& j) { j["labels"][1]["display"] = {{"de", ""}}; }, "empty display name"},
      {"display name not text", [](auto& j) { j["labels"][1]["display"] = {{"de", 3}}; }, "empty display name"},
  };
  for (const Case& c : cases) {
    DYNAMIC_SECTION(c.what) {
      auto j = valid();
      c.breakIt(j);
      const auto m = parseManifest(j.dump(), "/packs/x/model.json");
      REQUIRE_FALSE(m.ok());
      CHECK_THAT(m.error().message(), Contains("model.json") && Contains(c.says));
    }
  }
  const auto notJson = parseManifest("{ \"name\": ", "model.json");
  REQUIRE_FALSE(notJson.ok());
  CHECK_THAT(notJson.error().reason(), Contains("not valid JSON"));
}

TEST_CASE("display names are read per language and written back", "[ai][manifest]") {
  auto j = valid();
  j["labels"] = nlohmann::json::parse(R"([{"name": "Pleural_Thickening", "display": {"de": "Pleuraverdickung", "fr": "Épaississement pleural"}},
                                          {"name": "Effusion", "display": {"en": "Pleural effusion"}}])");
  j["operating_points"] = nlohmann::json::object();
  const auto m = parseManifest(j.dump(), "model.json");
  REQUIRE(m.ok());
  const auto& labels = m.value().labels;
  CHECK(labels[0].display.at("de") == "Pleuraverdickung");
  CHECK(displayName(labels[0], "de") == "Pleuraverdickung");
  CHECK(displayName(labels[0], "fr") == "Épaississement pleural");
  CHECK(displayName(labels[0], "en") == "Pleural thickening");  // no English given: the code, readable
  CHECK(displayName(labels[0], "it") == "Pleural thickening");  // a language the pack lacks: English
  CHECK(displayName(labels[1], "de") == "Pleural effusion");     // falls back to the pack's English
  CHECK(labels[1].name == "Effusion");                          // the code outputs carry is unchanged
  const auto again = parseManifest(toJson(m.value()), "again.json");
  REQUIRE(again.ok());
  CHECK(again.value().labels[0].display == labels[0].display);
  CHECK(again.value().labels[1].display == labels[1].display);
}

TEST_CASE("a label code reads as English text by default", "[ai][manifest]") {
  CHECK(defaultDisplayName("Pleural_Thickening") == "Pleural thickening");
  CHECK(defaultDisplayName("No_Finding") == "No finding");
  CHECK(defaultDisplayName("Effusion") == "Effusion");
  CHECK(defaultDisplayName("COVID-19") == "COVID-19");
  CHECK(defaultDisplayName("Lung_Opacity") == "Lung opacity");
  CHECK(defaultDisplayName("Post_COVID_Fibrosis") == "Post COVID fibrosis");
  CHECK(defaultDisplayName("Odd__Name_") == "Odd name");
  const LabelSpec plain{"Pneumothorax", "", {}};
  CHECK(displayName(plain, "de") == "Pneumothorax");
}

TEST_CASE("a number too large for a double is refused, not thrown", "[ai][manifest]") {
  // Found by fuzz_manifest: nlohmann's out_of_range (406, number overflow) escaped parseManifest,
  // which caught parse_error only, and ended the process.
  const auto m = parseManifest(R"({"name": "x", "calibration": {"offsets": [-1.8e23572204]}})", "big/model.json");
  REQUIRE_FALSE(m.ok());
  CHECK_THAT(m.error().message(), Contains("model.json") && Contains("not valid JSON"));
}

TEST_CASE("test-time augmentation views are read, written back and bounded", "[ai][manifest][tta]") {
  auto j = valid();
  CHECK(parseManifest(j.dump(), "model.json").value().testTimeAugmentation.empty());
  j["test_time_augmentation"] = nlohmann::json::parse(R"([{"scale": 1.05}, {"dx": 0.03}, {"dy": -0.03, "scale": 0.95}])");
  const auto parsed = parseManifest(j.dump(), "model.json");
  REQUIRE(parsed.ok());
  const auto& views = parsed.value().testTimeAugmentation;
  REQUIRE(views.size() == 3);
  CHECK(views[0] == TtaView{1.05, 0.0, 0.0});
  CHECK(views[2] == TtaView{0.95, 0.0, -0.03});
  CHECK(parseManifest(toJson(parsed.value()), "again.json").value().testTimeAugmentation == views);
  j["test_time_augmentation"] = nlohmann::json::parse(R"([{"dx": 0.5}])");
  CHECK_THAT(parseManifest(j.dump(), "model.json").error().message(), Contains("shifts of at most 0.25"));
  j["test_time_augmentation"] = nlohmann::json::parse(R"([{"scale": 0}])");
  CHECK_FALSE(parseManifest(j.dump(), "model.json").ok());
}

TEST_CASE("a lung crop names its segmenter by folder, pins its weights and bounds its margin", "[ai][manifest][lungcrop]") {
  auto j = valid();
  CHECK_FALSE(parseManifest(j.dump(), "model.json").value().lungCrop);
  const std::string sha(64, 'a');
  j["lung_crop"] = {{"segmenter", "lungs-unet-128"}, {"sha256", sha}, {"margin", 0.15}};
  const auto parsed = parseManifest(j.dump(), "model.json");
  REQUIRE(parsed.ok());
  REQUIRE(parsed.value().lungCrop);
  CHECK(*parsed.value().lungCrop == LungCropSpec{"lungs-unet-128", sha, 0.15});
  CHECK(parseManifest(toJson(parsed.value()), "again.json").value().lungCrop == parsed.value().lungCrop);
  j["lung_crop"]["segmenter"] = "../elsewhere";
  CHECK_THAT(parseManifest(j.dump(), "model.json").error().message(), Contains("by folder name"));
  j["lung_crop"]["segmenter"] = "lungs-unet-128";
  j["lung_crop"]["sha256"] = "abc";
  CHECK_THAT(parseManifest(j.dump(), "model.json").error().message(), Contains("64-digit"));
  j["lung_crop"]["sha256"] = sha;
  j["lung_crop"]["margin"] = 0.8;
  CHECK_THAT(parseManifest(j.dump(), "model.json").error().message(), Contains("margin"));
  j["lung_crop"].erase("margin");
  CHECK(parseManifest(j.dump(), "model.json").value().lungCrop->margin == 0.1);
}
