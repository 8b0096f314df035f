// Segmentation packs without a network: segmenter.json validation, and the post-processing that
// turns a probability map into a film-size mask, a bounding box and outlines.
#include "hilum/ai/model_packs.h"
#include "hilum/ai/segmentation.h"
#include "hilum/ai/segmentation_manifest.h"
#include "temp_dir.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>
#include <functional>

using namespace hilum::ai;
using Catch::Matchers::Contains;
using hilum::test::TempDir;
using hilum::test::writeBytes;

namespace {

nlohmann::json validSegmenter() {
  return nlohmann::json::parse(R"({
    "format_version": 1, "name": "lungs-unet-128", "version": "1.0.0", "structure": "lungs",
    "network": {"architecture": "unet", "base_channels": 16, "levels": 4},
    "input": {"size": 128, "channels": 1},
    "preprocessing": {"resize": "squash", "window": "default", "normalization": {"mean": 0.5, "std": 0.25}},
    "output": {"threshold": 0.4, "keep_components": 2},
    "weights": {"file": "weights.pt", "format": "state-dict",
                "sha256": "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"},
    "provenance": {"data": "generated", "command": "hilum-cli train-lungs ...", "date": "2026-11-26"},
    "metrics": {"test": {"dice_mean": 0.9}}
  })");
}

// A mask of `columns` x `rows` with the given rectangles set to 255.
std::vector<std::uint8_t> maskWith(int columns, int rows, const std::vector<PixelBox>& boxes) {
  std::vector<std::uint8_t> mask(static_cast<std::size_t>(columns * rows), 0);
  for (const auto& b : boxes)
    for (int y = b.y; y < b.y + b.height; ++y)
      for (int x = b.x; x < b.x + b.width; ++x) mask[static_cast<std::size_t>(y * columns + x)] = 255;
  return mask;
}

bool inside(const FilmPoint& p, const PixelBox& b) {
  return p.x >= b.x && p.x <= b.x + b.width && p.y >= b.y && p.y <= b.y + b.height;
}

}  // namespace

TEST_CASE("a valid segmentation manifest is read completely and round-trips", "[ai][segmentation][manifest]") {
  const auto m = parseSegmentationManifest(validSegmenter().dump(), "segmenter.json");
  REQUIRE(m.ok());
  const auto& v = m.value();
  CHECK(v.name == "lungs-unet-128");
  CHECK(v.structure == "lungs");
  CHECK(v.inputSize == 128);
  CHECK(v.levels == 4);
  CHECK(v.threshold == 0.4);
  CHECK(v.std == 0.25);
  CHECK_THAT(v.metricsJson, Contains("0.9"));
  const ModelManifest asInput = v.asModelManifest();
  CHECK(asInput.inputChannels == 1);
  CHECK(asInput.normalization.mean == std::vector<double>{0.5});
  const auto again = parseSegmentationManifest(toJson(v), "again.json");
  REQUIRE(again.ok());
  CHECK(again.value().threshold == 0.4);
  CHECK(again.value().weightsSha256 == v.weightsSha256);
  CHECK(again.value().provenanceCommand == v.provenanceCommand);
}

TEST_CASE("broken segmentation manifests are refused naming the file and the reason", "[ai][segmentation][manifest]") {
  struct Case { const char* what; std::function<void(nlohmann::json&)> breakIt; const char* says; };
  const std::vector<Case> cases = {
      {"no structure", [](auto& j) { j.erase("structure"); }, "\"structure\""},
      {"unknown architecture", [](auto& j) { j["network"]["architecture"] = "segformer"; }, "segformer"},
      {"size not divisible by the depth", [](auto& j) { j["input"]["size"] = 100; }, "divisible by 8"},
      {"three channels", [](auto& j) { j["input"]["channels"] = 3; }, "one input channel"},
      {"threshold of 1", [](auto& j) { j["output"]["threshold"] = 1.0; }, "threshold"},
      {"no regions kept", [](auto& j) { j["output"]["keep_components"] = 0; }, "keep_components"},
      {"zero std", [](auto& j) { j["preprocessing"]["normalization"]["std"] = 0; }, "std must be positive"},
      {"short sha256", [](auto& j) { j["weights"]["sha256"] = "abc"; }, "sha256"},
      {"upper-case sha256", [](auto& j) { j["weights"]["sha256"] = std::string(64, 'A'); }, "sha256"},
      {"weights outside the pack", [](auto& j) { j["weights"]["file"] = "../x/weights.pt"; }, "inside the pack"},
      {"TorchScript weights", [](auto& j) { j["weights"]["format"] = "torchscript"; }, "state dict"},
      {"newer format", [](auto& j) { j["format_version"] = 2; }, "newer"},
      {"wrong type", [](auto& j) { j["input"]["size"] = "large"; }, "wrong type"},
      {"unknown resize", [](auto& j) { j["preprocessing"]["resize"] = "stretch"; }, "stretch"},
  };
  for (const Case& c : cases) {
    DYNAMIC_SECTION(c.what) {
      auto j = validSegmenter();
      c.breakIt(j);
      const auto m = parseSegmentationManifest(j.dump(), "/packs/lungs/segmenter.json");
      REQUIRE_FALSE(m.ok());
      CHECK_THAT(m.error().message(), Contains("segmenter.json") && Contains(c.says));
    }
  }
  const auto notJson = parseSegmentationManifest("[1, 2", "segmenter.json");
  REQUIRE_FALSE(notJson.ok());
  CHECK_THAT(notJson.error().reason(), Contains("not valid JSON"));
}

TEST_CASE("segmentation packs are listed apart from classification packs", "[ai][segmentation][packs]") {
  TempDir root;
  std::filesystem::create_directories(root.file("lungs"));
  std::filesystem::create_directories(root.file("broken"));
  writeBytes(root.file("lungs/segmenter.json"), validSegmenter().dump());
  writeBytes(root.file("broken/segmenter.json"), "{}");
  const auto packs = findSegmentationPacks({root.path()});
  REQUIRE(packs.size() == 2);
  CHECK(packs[0].name == "broken");
  CHECK_THAT(packs[0].problem, Contains("segmenter.json") && Contains("lacks"));
  CHECK(packs[1].name == "lungs-unet-128");
  CHECK(packs[1].problem.empty());
  CHECK(findModelPacks({root.path()}).empty());  // never mistaken for a classifier
  const auto missing = readSegmentationManifest(root.file("nothing"));
  REQUIRE_FALSE(missing.ok());
  CHECK_THAT(missing.error().message(), Contains("nothing") && Contains("segmenter.json"));
}

TEST_CASE("the two largest regions are kept with their bounding box and outlines", "[ai][segmentation]") {
  const PixelBox left{10, 20, 30, 60}, right{60, 25, 25, 50}, small{45, 90, 8, 6}, speck{2, 2, 1, 1};
  const auto mask = maskWith(100, 110, {left, right, small, speck});
  const Segmentation s = regionsFromMask(mask, 100, 110, 2);
  REQUIRE(s.outlines.size() == 2);
  CHECK(s.boundingBox.x == 10);
  CHECK(s.boundingBox.y == 20);
  CHECK(s.boundingBox.width == 75);   // 10 .. 84
  CHECK(s.boundingBox.height == 60);  // 20 .. 79
  CHECK(s.areaFraction == Approx((30.0 * 60 + 25 * 50) / (100.0 * 110)));
  // The largest region first; a rectangle's outline is its four corners (through pixel centres).
  CHECK(s.outlines[0].size() == 4);
  for (const auto& p : s.outlines[0]) CHECK(inside(p, left));
  for (const auto& p : s.outlines[1]) CHECK(inside(p, right));
  const auto xs = std::minmax_element(s.outlines[0].begin(), s.outlines[0].end(), [](auto& a, auto& b) { return a.x < b.x; });
  CHECK(xs.first->x == 10.5);
  CHECK(xs.second->x == 39.5);
  // The small region and the speck are not in the mask.
  CHECK(s.mask[static_cast<std::size_t>(92 * 100 + 48)] == 0);
  CHECK(s.mask[static_cast<std::size_t>(2 * 100 + 2)] == 0);
  CHECK(s.mask[static_cast<std::size_t>(50 * 100 + 20)] == 255);

  const Segmentation one = regionsFromMask(mask, 100, 110, 1);
  CHECK(one.outlines.size() == 1);
  CHECK(one.boundingBox.width == 30);
  const Segmentation none = regionsFromMask(std::vector<std::uint8_t>(100 * 110, 0), 100, 110, 2);
  CHECK(none.outlines.empty());
  CHECK(none.boundingBox.empty());
  CHECK(none.areaFraction == 0);
}

TEST_CASE("a probability map returns to the film through the input geometry", "[ai][segmentation]") {
  // A 64 px input of a 200 x 100 film, letterboxed: content rows 16..47, film 200 x 100.
  InputGeometry g;
  g.filmColumns = 200;
  g.filmRows = 100;
  g.contentX = 0;
  g.contentY = 16;
  g.contentWidth = 64;
  g.contentHeight = 32;
  g.filmWidth = 200;
  g.filmHeight = 100;
  std::vector<float> p(64 * 64, 0.0f);
  // Inside: input x 8..23, y 24..39 -> film x 25..75, y 25..75 (scale 3.125).
  for (int y = 24; y < 40; ++y)
    for (int x = 8; x < 24; ++x) p[static_cast<std::size_t>(y * 64 + x)] = 0.9f;
  const Segmentation s = segmentationFromProbabilities(p, 64, g, 0.5, 2);
  REQUIRE(s.columns == 200);
  REQUIRE(s.rows == 100);
  REQUIRE(s.outlines.size() == 1);
  CHECK(s.boundingBox.x == Approx(25).margin(2));
  CHECK(s.boundingBox.y == Approx(25).margin(2));
  CHECK(s.boundingBox.width == Approx(50).margin(3));
  CHECK(s.boundingBox.height == Approx(50).margin(3));
  // And the mask back into the input lands where it came from.
  const auto back = maskToInput(s.mask, 200, 100, g, 64);
  CHECK(back[static_cast<std::size_t>(30 * 64 + 15)] == 255);
  CHECK(back[static_cast<std::size_t>(5 * 64 + 15)] == 0);  // the letterbox border
  const Segmentation high = segmentationFromProbabilities(p, 64, g, 0.95, 2);
  CHECK(high.outlines.empty());
}

TEST_CASE("Dice and IoU of two masks", "[ai][segmentation]") {
  const auto a = maskWith(10, 10, {{0, 0, 5, 10}});
  const auto b = maskWith(10, 10, {{0, 0, 10, 5}});
  CHECK(diceCoefficient(a, a) == 1.0);
  CHECK(diceCoefficient(a, b) == Approx(0.5));
  CHECK(intersectionOverUnion(a, b) == Approx(25.0 / 75.0));
  const std::vector<std::uint8_t> empty(100, 0);
  CHECK(diceCoefficient(empty, empty) == 1.0);
  CHECK(diceCoefficient(a, empty) == 0.0);
}
