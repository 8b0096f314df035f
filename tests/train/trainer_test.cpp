// The trainer on generated films with a learnable signal: a bright disc means "Disc", a bar "Bar".
#include "shapes_data.h"
#include "temp_dir.h"

#include "hilum/ai/analyzer.h"
#include "hilum/film/loader.h"
#include "hilum/train/evaluate.h"
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
using hilum::test::TempDir;
using hilum::test::writeShapesData;


TEST_CASE("a small CNN learns the shapes: validation AUC above 0.9, pack usable", "[train][trainer]") {
  TempDir dir;
  auto config = train::readTrainConfig(writeShapesData(dir, 6));
  REQUIRE(config.ok());
  std::vector<train::EpochReport> epochs;
  train::TrainCallbacks callbacks;
  callbacks.epochEnded = [&](const train::EpochReport& r) { epochs.push_back(r); };
  const auto summary = train::trainModel(config.value(), callbacks);
  INFO((summary.ok() ? std::string() : summary.error().message()));
  REQUIRE(summary.ok());
  REQUIRE(epochs.size() == 6);
  CHECK(epochs.back().trainLoss < epochs.front().trainLoss);
  CHECK(summary.value().bestValidationAuc > 0.9);
  CHECK(epochs.back().meanAveragePrecision > 0.7);  // PR-AUC per epoch, kept beside ROC AUC
  CHECK(epochs.back().meanAveragePrecision <= 1.0);
  CHECK(summary.value().testMeanAuc > 0.85);
  REQUIRE(summary.value().testRoc.size() == 2);
  CHECK(summary.value().testRoc[0].back().truePositiveRate == 1.0);
  CHECK(summary.value().testConfusion.empty());  // multi-label

  // The exported pack is a pack like any other: the Analyzer opens it, evaluate scores it.
  auto analyzer = ai::Analyzer::open(summary.value().packDirectory);
  REQUIRE(analyzer.ok());
  const auto& manifest = analyzer.value()->manifest();
  CHECK(manifest.labels.size() == 2);
  CHECK(manifest.operatingPoints[0].sensitivity.has_value());
  CHECK_THAT(manifest.provenanceCommand, Catch::Matchers::Contains("config.json"));
  CHECK_THAT(manifest.provenanceSoftware, Catch::Matchers::StartsWith("hilum "));
  CHECK_FALSE(manifest.metricsJson.empty());
  // Calibrated on validation and given an out-of-distribution detector, with no extra step.
  CHECK(manifest.calibration.scales.size() == 2);
  CHECK(manifest.calibration.eceAfter <= manifest.calibration.eceBefore + 1e-9);
  REQUIRE(manifest.ood.has_value());
  CHECK(manifest.ood->threshold > 0);
  const auto film = film::loadFilm(dir.file("p0_0.png"));
  REQUIRE(film.ok());
  const auto findings = analyzer.value()->analyze(film.value());
  REQUIRE(findings.ok());
  CHECK(findings.value().oodScore.has_value());
  train::CsvSpec spec;
  spec.csv = dir.file("labels.csv");
  const auto data = train::readCsvDataset(spec);
  REQUIRE(data.ok());
  const auto evaluation = train::evaluatePack(summary.value().packDirectory, data.value());
  REQUIRE(evaluation.ok());
  CHECK(evaluation.value().meanAuc > 0.85);
}

TEST_CASE("a run stopped after an epoch and resumed ends where an uninterrupted run ends", "[train][trainer]") {
  TempDir whole, halves;
  auto a = train::readTrainConfig(writeShapesData(whole, 3)).value();
  auto b = train::readTrainConfig(writeShapesData(halves, 3)).value();
  const auto uninterrupted = train::trainModel(a);
  REQUIRE(uninterrupted.ok());
  train::TrainCallbacks kill;
  kill.stopAfterEpoch = 1;
  const auto stopped = train::trainModel(b, kill);
  REQUIRE_FALSE(stopped.ok());
  CHECK(stopped.error().code() == ErrorCode::Cancelled);
  const auto resumed = train::trainModel(b, {}, /*resume=*/true);
  REQUIRE(resumed.ok());
  REQUIRE(resumed.value().history.size() == 3);
  for (std::size_t e = 0; e < 3; ++e)
    CHECK(resumed.value().history[e].trainLoss == Approx(uninterrupted.value().history[e].trainLoss).epsilon(1e-9));
  const auto wa = ai::readManifest(uninterrupted.value().packDirectory).value();
  const auto wb = ai::readManifest(resumed.value().packDirectory).value();
  CHECK(wa.weightsSha256 == wb.weightsSha256);
}

TEST_CASE("training configs are checked before any work", "[train][config]") {
  TempDir dir;
  std::ofstream(dir.file("bad.json")) << R"({"data": {"csv": "x.csv"}, "model": {"architecture": "resnet18"},
    "train": {"optimizer": "lion"}, "output": "run"})";
  const auto config = train::readTrainConfig(dir.file("bad.json"));
  REQUIRE_FALSE(config.ok());
  CHECK_THAT(config.error().message(), Catch::Matchers::Contains("bad.json") && Catch::Matchers::Contains("lion"));
}

TEST_CASE("a config's data may list several sources", "[train][config]") {
  TempDir dir;
  std::ofstream(dir.file("two.json")) << R"({"task": "single-label",
    "data": [{"csv": "a.csv", "labels": ["X", "Y"], "label_map": {"x": "X"}, "where": {"license": ["CC BY"]}},
             {"csv": "sub/b.csv", "exclude": []}],
    "model": {"architecture": "smallcnn"}, "output": "run"})";
  const auto config = train::readTrainConfig(dir.file("two.json"));
  REQUIRE(config.ok());
  REQUIRE(config.value().sources.size() == 2);
  CHECK(config.value().sources[0].labelMap.at("x") == "X");
  CHECK(config.value().sources[0].where.at("license") == std::vector<std::string>{"CC BY"});
  CHECK(config.value().sources[1].csv == (std::filesystem::path(dir.path()) / "sub/b.csv").string());
  CHECK(config.value().sources[1].exclude.empty());
  CHECK(config.value().sources[1].task == ai::Task::SingleLabel);
}

TEST_CASE("a folder-per-class run is single-label: accuracy and a confusion matrix", "[train][trainer]") {
  TempDir dir;
  cv::RNG noise(7);
  std::mt19937 random(3);
  std::uniform_int_distribution<int> where(14, 50);
  for (const char* cls : {"Bar", "Disc"}) {
    std::filesystem::create_directories(dir.file(std::string("data/") + cls));
    for (int i = 0; i < 40; ++i) {
      cv::Mat film(64, 64, CV_8U);
      noise.fill(film, cv::RNG::NORMAL, 50, 8);
      if (std::string(cls) == "Disc") cv::circle(film, {where(random), where(random)}, 7, cv::Scalar(230), cv::FILLED);
      else cv::rectangle(film, cv::Rect(6, where(random), 52, 5), cv::Scalar(200), cv::FILLED);
      cv::imwrite(dir.file(std::string("data/") + cls + "/" + std::to_string(i) + ".png"), film);
    }
  }
  const nlohmann::json config = {
      {"data", {{"folder", "data"}}},
      {"split", {{"validation", 0.2}, {"test", 0.2}, {"seed", 3}}},
      {"model", {{"architecture", "smallcnn"}, {"input_size", 32}, {"channels", 1}, {"normalization", "unit"}}},
      {"train", {{"epochs", 4}, {"batch_size", 16}, {"lr", 0.01}, {"optimizer", "adam"}, {"scheduler", "none"}, {"threads", 1}}},
      {"output", "run"},
  };
  std::ofstream(dir.file("config.json")) << config.dump();
  const auto parsed = train::readTrainConfig(dir.file("config.json"));
  REQUIRE(parsed.ok());
  const auto summary = train::trainModel(parsed.value());
  INFO((summary.ok() ? std::string() : summary.error().message()));
  REQUIRE(summary.ok());
  const auto& confusion = summary.value().testConfusion;
  REQUIRE(confusion.size() == 2);
  const int total = confusion[0][0] + confusion[0][1] + confusion[1][0] + confusion[1][1];
  CHECK(total == 16);
  CHECK(confusion[0][0] + confusion[1][1] >= 13);  // accuracy >= 0.8 on 16 test films
  const auto manifest = ai::readManifest(summary.value().packDirectory).value();
  CHECK(manifest.task == ai::Task::SingleLabel);
}
