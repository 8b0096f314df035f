// The segmentation trainer on generated films: two dark ellipses ("lungs") in a brighter body, their
// masks written beside them. A tiny U-Net learns them in seconds; the exported pack is then scored,
// opened, damaged and refused. Nothing is read from outside the test's own folder.
#include "hilum/ai/lung_segmenter.h"
#include "hilum/ai/segmentation_manifest.h"
#include "hilum/base/atomic_file.h"
#include "hilum/film/loader.h"
#include "hilum/train/segmentation_trainer.h"
#include "lung_films.h"
#include "tiny_segmenter.h"
#include "temp_dir.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <opencv2/core.hpp>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <filesystem>
#include <fstream>
#include <random>

using namespace hilum;
using Catch::Matchers::Contains;
using test::TempDir;

namespace {

// The trainer's films: the shared generator with grain and two CC BY licences.
void writeLungFilms(const TempDir& dir, int patients) {
  test::LungFilmsOptions options;
  options.seed = 11;
  options.grain = true;
  options.licence = [](int p) { return std::string("CC BY ") + (p % 2 ? "4.0" : "3.0"); };
  test::writeGeneratedLungs(dir, patients, options);
}

train::SegmentationTrainConfig tinyConfig(const TempDir& dir) {
  auto c = test::tinySegmenterConfig(dir);
  c.command = "segmentation_trainer_test";
  return c;
}

}  // namespace

TEST_CASE("a tiny U-Net learns generated lungs: Dice above 0.8 on held-out films at film resolution", "[train][segmentation]") {
  TempDir dir;
  writeLungFilms(dir, 30);
  int epochs = 0;
  train::SegmentationCallbacks callbacks;
  callbacks.epochEnded = [&](const train::SegmentationEpoch&) { ++epochs; };
  const auto summary = train::trainSegmenter(tinyConfig(dir), callbacks);
  INFO((summary.ok() ? "" : summary.error().message()));
  REQUIRE(summary.ok());
  const auto& s = summary.value();
  CHECK(epochs == 8);
  CHECK(s.trainFilms + s.validationFilms + s.testFilms == 60);
  REQUIRE(s.test.films > 0);
  CHECK(s.test.films == s.testFilms);
  INFO("test Dice " << s.test.meanDice << ", IoU " << s.test.meanIou);
  CHECK(s.test.meanDice > 0.8);
  CHECK(s.test.medianDice > 0.8);
  CHECK(s.test.meanIou > 0.65);
  CHECK(s.licences.at("CC BY 3.0") + s.licences.at("CC BY 4.0") == s.trainFilms + s.validationFilms);

  // The pack says what it is and how it did.
  const auto manifest = ai::readSegmentationManifest(s.packDirectory);
  REQUIRE(manifest.ok());
  CHECK(manifest.value().name == "test-lungs");
  CHECK(manifest.value().inputSize == 32);
  CHECK(manifest.value().provenanceCommand == "segmentation_trainer_test");
  const auto metrics = nlohmann::json::parse(manifest.value().metricsJson);
  CHECK(metrics["test"]["films"] == s.testFilms);
  CHECK(metrics["test"]["dice_mean"].get<double>() == Approx(s.test.meanDice));
  CHECK(std::filesystem::exists(dir.file("run/split.json")));
  CHECK(std::filesystem::exists(dir.file("run/checkpoint.pt")));

  // A film through LungSegmenter: two lungs, a box around them, an outline per lung.
  auto segmenter = ai::LungSegmenter::open(s.packDirectory);
  REQUIRE(segmenter.ok());
  auto film = film::loadFilm(dir.file("images/p0_0.png"));
  REQUIRE(film.ok());
  const auto seg = segmenter.value()->segment(film.value());
  REQUIRE(seg.ok());
  CHECK(seg.value().columns == 96);
  CHECK(seg.value().rows == 80);
  CHECK(seg.value().outlines.size() == 2);
  CHECK(seg.value().boundingBox.x == Approx(18).margin(6));
  CHECK(seg.value().boundingBox.width == Approx(62).margin(10));
  CHECK(seg.value().model == "test-lungs 1.0.0");

  SECTION("a damaged weights file is refused before it is read") {
    std::string bytes = test::readBytes(s.packDirectory + "/weights.pt");
    bytes[bytes.size() / 2] = static_cast<char>(bytes[bytes.size() / 2] ^ 0x5a);
    test::writeBytes(s.packDirectory + "/weights.pt", bytes);
    const auto refused = ai::LungSegmenter::open(s.packDirectory);
    REQUIRE_FALSE(refused.ok());
    CHECK_THAT(refused.error().message(), Contains("weights.pt") && Contains("sha256"));
  }
  SECTION("weights of another shape are refused naming the file, even with a matching sha256") {
    auto other = manifest.value();
    other.directory = s.packDirectory;
    other.baseChannels = 4;
    REQUIRE(writeFileAtomically(s.packDirectory + "/segmenter.json", ai::toJson(other)).ok());
    const auto refused = ai::LungSegmenter::open(s.packDirectory);
    REQUIRE_FALSE(refused.ok());
    CHECK_THAT(refused.error().message(), Contains("weights.pt"));
  }
}

TEST_CASE("a segmentation run stopped after an epoch resumes where it stopped", "[train][segmentation]") {
  TempDir dir;
  writeLungFilms(dir, 10);
  auto config = tinyConfig(dir);
  config.epochs = 3;
  train::SegmentationCallbacks stopEarly;
  stopEarly.stopAfterEpoch = 1;
  const auto first = train::trainSegmenter(config, stopEarly);
  REQUIRE(first.ok());
  CHECK(first.value().packDirectory.empty());
  CHECK(first.value().epochsRun == 1);
  std::vector<int> seen;
  train::SegmentationCallbacks rest;
  rest.epochEnded = [&](const train::SegmentationEpoch& e) { seen.push_back(e.epoch); };
  const auto resumed = train::trainSegmenter(config, rest, /*resume=*/true);
  INFO((resumed.ok() ? "" : resumed.error().message()));
  REQUIRE(resumed.ok());
  CHECK(seen == std::vector<int>{2, 3});
  CHECK(resumed.value().history.size() == 3);
  CHECK_FALSE(resumed.value().packDirectory.empty());

  config.epochs = 5;  // another configuration: not the same run
  const auto other = train::trainSegmenter(config, {}, /*resume=*/true);
  REQUIRE_FALSE(other.ok());
  CHECK_THAT(other.error().message(), Contains("another configuration"));
}

TEST_CASE("missing and mis-sized masks are refused naming the file", "[train][segmentation]") {
  TempDir dir;
  writeLungFilms(dir, 3);
  SECTION("a row that says has_mask without its mask") {
    std::filesystem::remove(dir.file("masks/p1_0.png"));
    const auto films = train::readMaskedFilms(dir.file("labels.csv"), dir.file("images"), dir.file("masks"));
    REQUIRE_FALSE(films.ok());
    CHECK_THAT(films.error().message(), Contains("p1_0.png") && Contains("mask is missing") && Contains("line 4"));
  }
  SECTION("a mask of another size than its film") {
    cv::imwrite(dir.file("masks/p2_1.png"), cv::Mat::zeros(40, 48, CV_8U));
    const auto summary = train::trainSegmenter(tinyConfig(dir));
    REQUIRE_FALSE(summary.ok());
    CHECK_THAT(summary.error().message(), Contains("p2_1.png") && Contains("48 x 40") && Contains("96 x 80"));
  }
  SECTION("only rows under the licences asked for are taken") {
    const auto films = train::readMaskedFilms(dir.file("labels.csv"), dir.file("images"), dir.file("masks"), {"CC BY 4.0"});
    REQUIRE(films.ok());
    CHECK(films.value().size() == 2);  // patient P1's two films
    CHECK(films.value()[0].patientId == "P1");
    const auto none = train::readMaskedFilms(dir.file("labels.csv"), dir.file("images"), dir.file("masks"), {"CC0"});
    REQUIRE_FALSE(none.ok());
    CHECK_THAT(none.error().message(), Contains("labels.csv") && Contains("licences"));
  }
  SECTION("rows without has_mask are passed over") {
    std::ofstream csv(dir.file("labels.csv"), std::ios::app);
    csv << "extra.png,P9,CC BY 3.0,no\n";
    csv.close();
    const auto films = train::readMaskedFilms(dir.file("labels.csv"), dir.file("images"), dir.file("masks"));
    REQUIRE(films.ok());
    CHECK(films.value().size() == 6);
    CHECK(films.value()[0].license == "CC BY 3.0");
  }
}
