// Lung-area crop in training and analysis: a tiny U-Net learns generated lungs, then two classifiers
// learn a label that only a bright bar at the film's left edge (outside the lungs) tells. The one
// that crops to the lungs cannot see the bar; the one that sees the whole film learns it. The
// cropping pack pins its segmenter, carries a copy beside itself and refuses any other.
#include "lung_films.h"
#include "tiny_segmenter.h"
#include "temp_dir.h"

#include "hilum/ai/analyzer.h"
#include "hilum/ai/lung_crop.h"
#include "hilum/ai/segmentation_manifest.h"
#include "hilum/base/atomic_file.h"
#include "hilum/film/loader.h"
#include "hilum/train/evaluate.h"
#include "hilum/train/segmentation_trainer.h"
#include "hilum/train/trainer.h"

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
using Catch::Matchers::StartsWith;
using test::TempDir;

namespace {

// Whether a patient's films carry the bright bar down their left edge ("Marked").
bool marked(int patient) { return std::mt19937(static_cast<unsigned>(patient) * 7919u + 21u)() % 2 == 0; }

// 40 patients x 2 generated chest films (96 x 80) with lung masks, the marked patients' films with
// the bar (the segmenter learns the bar is no lung), and a lung segmenter trained on them.
std::string trainSegmenter(const TempDir& dir) {
  test::LungFilmsOptions options;
  options.seed = 5;
  options.mark = [](cv::Mat& film, int patient) {
    if (marked(patient)) cv::rectangle(film, cv::Rect(0, 0, 5, film.rows), cv::Scalar(255), cv::FILLED);
  };
  test::writeGeneratedLungs(dir, 40, options);
  auto c = test::tinySegmenterConfig(dir, "segmenter-run");
  c.inputSize = 48;  // the crop's box must be right to the pixel: the bar is 5 px from it
  c.epochs = 10;
  c.validationFraction = 0.15;
  c.testFraction = 0.15;
  c.command = "lung_crop_test";
  const auto run = train::trainSegmenter(c, {});
  REQUIRE(run.ok());
  // Where packs live: a folder named after the pack.
  const std::string pack = dir.file("packs/test-lungs");
  std::filesystem::create_directories(dir.file("packs"));
  std::filesystem::copy(run.value().packDirectory, pack, std::filesystem::copy_options::recursive);
  return pack;
}

// The films labelled by their bar; returns the training config's path (`segmenter` empty: no lung crop).
std::string writeMarkedData(const TempDir& dir, const std::string& segmenter, const std::string& output) {
  std::ofstream csv(dir.file("marked.csv"));
  csv << "image,patient_id,finding_labels\n";
  for (int p = 0; p < 40; ++p)
    for (int f = 0; f < 2; ++f)
      csv << "p" << p << "_" << f << ".png,P" << p << "," << (marked(p) ? "Marked" : "No Finding") << "\n";
  nlohmann::json model = {{"name", "marked"}, {"architecture", "smallcnn"}, {"input_size", 48}, {"channels", 1}, {"normalization", "unit"}};
  if (!segmenter.empty()) model["lung_crop"] = {{"segmenter", segmenter}, {"margin", 0.1}};
  const nlohmann::json config = {
      {"data", {{"csv", "marked.csv"}, {"root", "images"}}},
      {"split", {{"validation", 0.2}, {"test", 0.2}, {"seed", 3}}},
      {"model", model},
      {"train", {{"epochs", 6}, {"batch_size", 16}, {"lr", 0.03}, {"optimizer", "adam"}, {"scheduler", "none"},
                 {"early_stopping", 0}, {"seed", 9}, {"threads", 1}}},
      {"augment", {{"enabled", false}}},
      {"output", output},
  };
  const std::string path = dir.file(output + ".json");
  std::ofstream(path) << config.dump(2);
  return path;
}

}  // namespace

TEST_CASE("the lungs' box grows by the margin and stays on the film; an implausible one means the whole film", "[train][lungcrop]") {
  auto lungs = [](ai::PixelBox box, int regions) {
    ai::Segmentation s;
    s.columns = 100;
    s.rows = 80;
    s.boundingBox = box;
    s.outlines.resize(static_cast<std::size_t>(regions));
    return s;
  };
  const auto grown = ai::lungFieldOfView(lungs({20, 10, 60, 50}, 2), 0.1).region;
  REQUIRE(grown);
  CHECK(grown->x == 14);
  CHECK(grown->y == 5);
  CHECK(grown->width == 72);
  CHECK(grown->height == 60);
  const auto clipped = ai::lungFieldOfView(lungs({2, 1, 96, 78}, 2), 0.2).region;
  REQUIRE(clipped);
  CHECK(clipped->x == 0);
  CHECK(clipped->y == 0);
  CHECK(clipped->width == 100);
  CHECK(clipped->height == 80);
  CHECK(ai::lungFieldOfView(lungs({20, 10, 60, 50}, 2), 0.1).description == "lungs, 72 x 60 px of 100 x 80");
  CHECK(ai::lungFieldOfView(lungs({}, 0), 0.1).description == "whole film: no lung area found");
  const auto narrow = ai::lungFieldOfView(lungs({40, 10, 20, 60}, 2), 0.1);  // a fifth of the width: not two lungs
  CHECK_FALSE(narrow.region);
  CHECK_THAT(narrow.description, Contains("implausibly small"));
  const auto oneLung = ai::lungFieldOfView(lungs({10, 10, 35, 60}, 1), 0.1);  // the other may be the sick one
  CHECK_FALSE(oneLung.region);
  CHECK(oneLung.description == "whole film: only one lung found");
  CHECK(ai::lungFieldOfView(lungs({10, 10, 70, 60}, 1), 0.1).region);  // two lungs touching in the mask
}

TEST_CASE("a pack that crops to the lungs cannot learn what lies outside them, and pins its segmenter", "[train][lungcrop]") {
  TempDir dir;
  const std::string segmenter = trainSegmenter(dir);
  const auto cropConfig = train::readTrainConfig(writeMarkedData(dir, segmenter, "cropped"));
  const auto wholeConfig = train::readTrainConfig(writeMarkedData(dir, "", "whole"));
  REQUIRE(cropConfig.ok());
  REQUIRE(wholeConfig.ok());
  CHECK(cropConfig.value().lungCropSegmenter == segmenter);
  std::vector<std::string> log;
  train::TrainCallbacks callbacks;
  callbacks.log = [&log](const std::string& line) { log.push_back(line); };
  const auto cropped = train::trainModel(cropConfig.value(), callbacks);
  const auto whole = train::trainModel(wholeConfig.value(), {});
  INFO((cropped.ok() ? std::string() : cropped.error().message()));
  REQUIRE(cropped.ok());
  REQUIRE(whole.ok());
  INFO("test AUC cropped " << cropped.value().testMeanAuc << ", whole film " << whole.value().testMeanAuc);
  CHECK(whole.value().testMeanAuc > 0.9);     // the bar is the label
  CHECK(cropped.value().testMeanAuc < 0.75);  // it never saw the bar: chance, give or take 16 films
  bool logged = false;
  for (const auto& line : log) logged = logged || line.find("cropped to the lungs by test-lungs 1.0.0: 80 films; 0 seen whole") != std::string::npos;
  CHECK(logged);

  // The pack pins the segmenter by name and weights, and carries a copy beside itself.
  const std::string pack = cropped.value().packDirectory;
  const auto segmenterManifest = ai::readSegmentationManifest(segmenter);
  REQUIRE(segmenterManifest.ok());
  auto analyzer = ai::Analyzer::open(pack);
  REQUIRE(analyzer.ok());
  const auto& crop = analyzer.value()->manifest().lungCrop;
  REQUIRE(crop);
  CHECK(crop->segmenter == "test-lungs");
  CHECK(crop->sha256 == segmenterManifest.value().weightsSha256);
  CHECK(crop->margin == 0.1);
  CHECK(std::filesystem::exists(dir.file("cropped/test-lungs/segmenter.json")));

  // Analysis looks at the lungs and says so; the heatmap lies over the crop, not the whole film.
  const auto film = film::loadFilm(dir.file("images/p0_0.png"));
  REQUIRE(film.ok());
  const auto findings = analyzer.value()->analyze(film.value());
  REQUIRE(findings.ok());
  CHECK_THAT(findings.value().fieldOfView, StartsWith("lungs, ") && Contains(" px of 96 x 80 (test-lungs 1.0.0)"));
  REQUIRE_FALSE(findings.value().heatmaps.empty());
  const auto& geometry = findings.value().heatmaps[0].geometry;
  CHECK(geometry.filmX > 5);
  CHECK(geometry.filmWidth < 90);
  const auto evaluation = train::evaluatePack(pack, cropped.value().testSet);
  REQUIRE(evaluation.ok());
  CHECK(evaluation.value().meanAuc == Approx(cropped.value().testMeanAuc).margin(1e-4));  // the same crops

  // (No SECTIONs below: each would train all three networks again.)
  // A segmenter of that name is accepted when its manifest changes but its weights are the pinned ones...
  auto other = segmenterManifest.value();
  other.directory = dir.file("cropped/test-lungs");
  other.threshold = 0.4;
  REQUIRE(writeFileAtomically(dir.file("cropped/test-lungs/segmenter.json"), ai::toJson(other)).ok());
  CHECK(ai::Analyzer::open(pack).ok());
  // ...and refused with other weights.
  setenv("HILUM_MODEL_PATH", dir.file("nowhere").c_str(), 1);
  test::writeBytes(dir.file("cropped/test-lungs/weights.pt"), test::readBytes(dir.file("cropped/test-lungs/weights.pt")) + "x");
  const auto hash = ai::sha256File(dir.file("cropped/test-lungs/weights.pt"));
  REQUIRE(hash.ok());
  other.weightsSha256 = hash.value();
  REQUIRE(writeFileAtomically(dir.file("cropped/test-lungs/segmenter.json"), ai::toJson(other)).ok());
  const auto otherWeights = ai::Analyzer::open(pack);
  REQUIRE_FALSE(otherWeights.ok());
  CHECK_THAT(otherWeights.error().message(), Contains("test-lungs") && Contains("holds other weights"));
  // Without it, the pack is refused naming what it needs.
  std::filesystem::remove_all(dir.file("cropped/test-lungs"));
  const auto missing = ai::Analyzer::open(pack);
  unsetenv("HILUM_MODEL_PATH");
  REQUIRE_FALSE(missing.ok());
  CHECK_THAT(missing.error().message(), Contains("pack") && Contains("test-lungs") && Contains("neither beside it"));
}
