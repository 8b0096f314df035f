// Patient covariates in training: a pack learns what only age and sex tell, evaluation passes the
// data set's values, and a covariate no film knows is refused before any work.
#include "temp_dir.h"

#include "hilum/ai/analyzer.h"
#include "hilum/film/loader.h"
#include "hilum/train/evaluate.h"
#include "hilum/train/trainer.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <opencv2/core.hpp>
#include <opencv2/imgcodecs.hpp>

#include <fstream>
#include <random>
#include <sstream>

using namespace hilum;
using hilum::test::TempDir;
using Catch::Matchers::Contains;

namespace {

// 80 patients x 2 films of pure noise: nothing in the pixels. "Male" is the patient's sex and "Old"
// an age of 60 or more, so only a pack that reads the covariates can learn them.
std::string writeCovariateData(const TempDir& dir, const nlohmann::json& covariates) {
  std::mt19937 random(11);
  std::uniform_int_distribution<int> age(20, 89);
  std::bernoulli_distribution coin(0.5);
  cv::RNG noise(11);
  std::ofstream csv(dir.file("labels.csv"));
  csv << "image,patient_id,finding_labels,age,sex,view\n";
  for (int p = 0; p < 80; ++p) {
    const int years = age(random);
    const bool male = coin(random);
    for (int f = 0; f < 2; ++f) {
      cv::Mat film(48, 48, CV_8U);
      noise.fill(film, cv::RNG::NORMAL, 100, 30);
      const std::string name = "p" + std::to_string(p) + "_" + std::to_string(f) + ".png";
      cv::imwrite(dir.file(name), film);
      std::string labels = male && years >= 60 ? "Male|Old" : male ? "Male" : years >= 60 ? "Old" : "No Finding";
      csv << name << ",P" << p << "," << labels << "," << years << "," << (male ? "M" : "F") << "," << (coin(random) ? "PA" : "AP") << "\n";
    }
  }
  csv.close();
  nlohmann::json model = {{"name", "covariates"}, {"architecture", "smallcnn"}, {"input_size", 32}, {"channels", 1}, {"normalization", "unit"}};
  if (!covariates.is_null()) model["covariates"] = covariates;
  const nlohmann::json config = {
      {"data", {{"csv", "labels.csv"}}},
      {"split", {{"validation", 0.2}, {"test", 0.2}, {"seed", 3}}},
      {"model", model},
      {"train", {{"epochs", 6}, {"batch_size", 16}, {"lr", 0.03}, {"optimizer", "adam"}, {"scheduler", "none"},
                 {"early_stopping", 0}, {"seed", 9}, {"threads", 1}}},
      {"output", "run"},
  };
  std::ofstream(dir.file("config.json")) << config.dump(2);
  return dir.file("config.json");
}

}  // namespace

TEST_CASE("with age and sex in the head a pack learns what the pixels do not show", "[train][covariates]") {
  TempDir with, without;
  const auto withConfig = train::readTrainConfig(writeCovariateData(with, {"age", "sex", "view"}));
  const auto withoutConfig = train::readTrainConfig(writeCovariateData(without, nullptr));
  REQUIRE(withConfig.ok());
  REQUIRE(withoutConfig.ok());
  CHECK(withConfig.value().model.covariates.size() == 3);
  const auto learnt = train::trainModel(withConfig.value(), {});
  const auto blind = train::trainModel(withoutConfig.value(), {});
  INFO((learnt.ok() ? std::string() : learnt.error().message()));
  REQUIRE(learnt.ok());
  REQUIRE(blind.ok());
  CHECK(learnt.value().testMeanAuc > 0.9);
  CHECK(blind.value().testMeanAuc < 0.75);  // noise: chance, give or take the small test split

  // The pack says what it reads; evaluation feeds it the CSV's age, sex and view (PNGs have no header).
  auto analyzer = ai::Analyzer::open(learnt.value().packDirectory);
  REQUIRE(analyzer.ok());
  CHECK(analyzer.value()->manifest().covariates == std::vector<std::string>{"age", "sex", "view"});
  const auto evaluation = train::evaluatePack(learnt.value().packDirectory, learnt.value().testSet);
  REQUIRE(evaluation.ok());
  CHECK(evaluation.value().meanAuc > 0.9);

  // In the viewer's path the film's header (none here) or the reader's values decide.
  const auto film = film::loadFilm(with.file("p0_0.png"));
  REQUIRE(film.ok());
  ai::AnalyzeOptions options;
  options.heatmaps = false;
  auto old = [&](const std::string& sex, double age) {
    options.patient = ai::PatientCovariates{age, sex, "PA"};
    const auto f = analyzer.value()->analyze(film.value(), options);
    REQUIRE(f.ok());
    for (const auto& r : f.value().ranked)
      if (r.label == "Old") return r.probability;
    return -1.0;
  };
  CHECK(old("F", 85) > old("F", 25) + 0.3);
}

TEST_CASE("a covariate the data does not carry is refused before training", "[train][covariates]") {
  TempDir dir;
  writeCovariateData(dir, {"age"});
  // The same films without an age column.
  std::ifstream in(dir.file("labels.csv"));
  std::ofstream out(dir.file("no_age.csv"));
  std::string line;
  while (std::getline(in, line)) {
    std::vector<std::string> cells;
    std::stringstream row(line);
    for (std::string cell; std::getline(row, cell, ',');) cells.push_back(cell);
    out << cells[0] << "," << cells[1] << "," << cells[2] << "," << cells[4] << "\n";
  }
  out.close();
  auto config = train::readTrainConfig(dir.file("config.json"));
  REQUIRE(config.ok());
  config.value().sources[0].csv = dir.file("no_age.csv");
  const auto run = train::trainModel(config.value(), {});
  REQUIRE_FALSE(run.ok());
  CHECK_THAT(run.error().message(), Contains("covariate \"age\" is known for none of the 160 films"));

  // And a misspelt covariate in the config is refused when the config is read.
  auto text = nlohmann::json::parse(std::ifstream(dir.file("config.json")));
  text["model"]["covariates"] = {"age", "height"};
  std::ofstream(dir.file("bad.json")) << text.dump();
  const auto bad = train::readTrainConfig(dir.file("bad.json"));
  REQUIRE_FALSE(bad.ok());
  CHECK_THAT(bad.error().message(), Contains("bad.json") && Contains("\"height\" is unknown"));
}
