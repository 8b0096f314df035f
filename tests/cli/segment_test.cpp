// train-lungs, segment, evaluate-lungs and models on generated films: two dark ellipses ("lungs") in
// a brighter body with their masks, written by the test. Nothing from outside the test is read.
#include "cli_run.h"
#include "lung_films.h"
#include "temp_dir.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <opencv2/core.hpp>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>

using Catch::Matchers::Contains;
using hilum::test::TempDir;

namespace {

hilum::test::CliRun cli(const std::vector<std::string>& args) { return hilum::test::runCli(args); }

// The CLI's films: patient 0's licence is "unspecified", so --licences has something to leave out.
void writeLungFilms(const TempDir& dir, int patients) {
  hilum::test::LungFilmsOptions options;
  options.seed = 7;
  options.licence = [](int p) { return std::string(p == 0 ? "unspecified" : "CC BY 4.0"); };
  hilum::test::writeGeneratedLungs(dir, patients, options);
}

}  // namespace

TEST_CASE("train-lungs makes a pack that segment, evaluate-lungs and models use", "[cli][segmentation]") {
  TempDir dir;
  writeLungFilms(dir, 24);
  const std::vector<std::string> data = {"--images", dir.file("images"), "--masks", dir.file("masks"), "--labels", dir.file("labels.csv")};
  std::vector<std::string> train = {"train-lungs", "--out", dir.file("run"), "--size", "32", "--epochs", "8", "--lr", "0.01",
                                    "--threads", "2", "--seed", "3", "--licences", "CC BY 4.0", "--name", "cli-lungs"};
  train.insert(train.end(), data.begin(), data.end());
  const auto trained = cli(train);
  INFO(trained.err);
  REQUIRE(trained.code == 0);
  const auto summary = nlohmann::json::parse(trained.out);
  const int films = summary["films"]["train"].get<int>() + summary["films"]["validation"].get<int>() + summary["films"]["test"].get<int>();
  CHECK(films == 46);  // patient P0's two "unspecified" films left out
  CHECK_THAT(trained.err, Contains("epoch 8:"));
  CHECK(summary["test"]["dice_mean"].get<double>() > 0.8);
  const std::string pack = dir.file("run/pack");

  const auto segmented = cli({"segment", dir.file("images/p5_1.png"), "--model", pack, "--png", dir.file("overlay.png"), "--outline"});
  INFO(segmented.err);
  REQUIRE(segmented.code == 0);
  const auto j = nlohmann::json::parse(segmented.out);
  CHECK(j["model"] == "cli-lungs 1.0.0");
  CHECK(j["columns"] == 96);
  CHECK(j["regions"] == 2);
  CHECK(j["outlines"].size() == 2);
  CHECK(j["bounding_box"]["x"].get<int>() == Approx(18).margin(6));
  CHECK(j["area_fraction"].get<double>() == Approx(0.22).margin(0.08));
  const cv::Mat overlay = cv::imread(dir.file("overlay.png"));
  REQUIRE_FALSE(overlay.empty());
  CHECK(overlay.cols >= 96);

  std::vector<std::string> evaluate = {"evaluate-lungs", "--model", pack, "--split", dir.file("run/split.json"), "--side", "test"};
  evaluate.insert(evaluate.end(), data.begin(), data.end());
  const auto scored = cli(evaluate);
  INFO(scored.err);
  REQUIRE(scored.code == 0);
  const auto s = nlohmann::json::parse(scored.out);
  CHECK(s["films"] == summary["films"]["test"]);
  CHECK(s["dice_mean"].get<double>() == Approx(summary["test"]["dice_mean"].get<double>()));
  CHECK(s["per_film"].size() == s["films"].get<std::size_t>());

  setenv("HILUM_MODEL_PATH", dir.file("run").c_str(), 1);
  const auto models = cli({"models", "--json"});
  const auto listed = cli({"models"});
  unsetenv("HILUM_MODEL_PATH");
  REQUIRE(models.code == 0);
  const auto list = nlohmann::json::parse(models.out);
  REQUIRE(list.size() == 1);
  CHECK(list[0]["kind"] == "segmentation");
  CHECK(list[0]["structure"] == "lungs");
  CHECK_THAT(listed.out, Contains("cli-lungs") && Contains("segmentation of the lungs"));

  // A damaged pack is refused, naming the weights file.
  std::string bytes = hilum::test::readBytes(pack + "/weights.pt");
  bytes[bytes.size() / 3] = static_cast<char>(bytes[bytes.size() / 3] ^ 0x21);
  hilum::test::writeBytes(pack + "/weights.pt", bytes);
  const auto refused = cli({"segment", dir.file("images/p5_1.png"), "--model", pack});
  CHECK(refused.code == 1);
  CHECK_THAT(refused.err, Contains("weights.pt") && Contains("sha256"));
}

TEST_CASE("train-lungs and segment name what is wrong", "[cli][segmentation]") {
  TempDir dir;
  writeLungFilms(dir, 3);
  CHECK(cli({"segment"}).code == 2);
  CHECK(cli({"train-lungs", "--images", dir.file("images")}).code == 2);
  CHECK(cli({"train-lungs", "--images", "a", "--masks", "b", "--labels", "c", "--out", "d", "--size", "30"}).code == 2);
  cv::imwrite(dir.file("masks/p1_1.png"), cv::Mat::zeros(10, 10, CV_8U));
  const auto bad = cli({"train-lungs", "--images", dir.file("images"), "--masks", dir.file("masks"), "--labels", dir.file("labels.csv"),
                        "--out", dir.file("run"), "--size", "32", "--epochs", "1"});
  CHECK(bad.code == 1);
  CHECK_THAT(bad.err, Contains("p1_1.png") && Contains("10 x 10"));
  const auto noPack = cli({"segment", dir.file("images/p0_0.png"), "--model", dir.file("nowhere")});
  CHECK(noPack.code == 1);
  CHECK_THAT(noPack.err, Contains("nowhere") && Contains("segmenter.json"));
}
