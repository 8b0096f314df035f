// The pointing game on generated films: a pack trained on discs points at the disc, not elsewhere.
#include "shapes_data.h"
#include "temp_dir.h"

#include "hilum/train/pointing_game.h"
#include "hilum/train/trainer.h"

#include <catch2/catch.hpp>
#include <opencv2/core.hpp>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <fstream>

using namespace hilum;
using hilum::test::TempDir;

TEST_CASE("the pointing game: peaks in the disc's box, not in the opposite corner's", "[train][pointing]") {
  TempDir dir;
  auto config = train::readTrainConfig(test::writeShapesData(dir, 6));
  REQUIRE(config.ok());
  config.value().exportCalibration = config.value().exportOod = false;
  const auto trained = train::trainModel(config.value());
  REQUIRE(trained.ok());

  // Six new films, a disc in a different place on each: its box, and the same box mirrored to the
  // opposite corner, both labelled Disc; a box of a label the pack lacks.
  const int centres[6][2] = {{16, 16}, {48, 18}, {18, 46}, {46, 46}, {20, 30}, {44, 32}};
  std::ofstream csv(dir.file("boxes.csv"));
  csv << "image,finding_label,x,y,w,h\n";
  cv::RNG noise(11);
  for (int i = 0; i < 6; ++i) {
    cv::Mat film(64, 64, CV_8U, cv::Scalar(40));
    noise.fill(film, cv::RNG::NORMAL, 50, 8);
    const int cx = centres[i][0], cy = centres[i][1];
    cv::circle(film, {cx, cy}, 7, cv::Scalar(230), cv::FILLED);
    const std::string name = "g" + std::to_string(i) + ".png";
    cv::imwrite(dir.file(name), film);
    csv << name << ",Disc," << cx - 12 << "," << cy - 12 << ",24,24\n";
    csv << name << ",Disc," << 64 - cx - 12 << "," << 64 - cy - 12 << ",24,24\n";
  }
  csv << "g0.png,Cat,1,1,5,5\n";
  csv.close();

  const auto boxes = train::readBoxCsv(dir.file("boxes.csv"));
  REQUIRE(boxes.ok());
  REQUIRE(boxes.value().size() == 13);
  const auto game = train::pointingGame(trained.value().packDirectory, boxes.value());
  INFO((game.ok() ? std::string() : game.error().message()));
  REQUIRE(game.ok());
  const auto& g = game.value();
  REQUIRE(g.boxes.size() == 12);
  REQUIRE(g.skipped == std::vector<std::string>{"Cat (1)"});
  int onDisc = 0, opposite = 0;
  for (std::size_t b = 0; b < g.boxes.size(); ++b) (b % 2 == 0 ? onDisc : opposite) += g.boxes[b].hit ? 1 : 0;
  CHECK(onDisc >= 5);
  CHECK(opposite <= 1);
  CHECK(g.hits == onDisc + opposite);
  CHECK(g.chance == Approx(24.0 * 24.0 / (64.0 * 64.0)));  // every box lies inside its film
  REQUIRE(g.labels.size() == 1);
  CHECK(g.labels[0].label == "Disc");
  CHECK(g.labels[0].boxes == 12);
}

TEST_CASE("box files: NIH's own spellings are read, bad rows are refused with their line", "[train][pointing]") {
  TempDir dir;
  std::ofstream(dir.file("nih.csv")) << "Image Index,Finding Label,Bbox [x,y,w,h]\n00000001_000.png,Atelectasis,225.08,547.01,86.78,79.18\n";
  const auto nih = train::readBoxCsv(dir.file("nih.csv"), "/data/images");
  REQUIRE(nih.ok());
  REQUIRE(nih.value().size() == 1);
  CHECK(nih.value()[0].image == "/data/images/00000001_000.png");
  CHECK(nih.value()[0].label == "Atelectasis");
  CHECK(nih.value()[0].height == Approx(79.18));

  std::ofstream(dir.file("bad.csv")) << "image,finding_label,x,y,w,h\na.png,Mass,1,2,3,4\nb.png,Mass,1,2,three,4\n";
  const auto bad = train::readBoxCsv(dir.file("bad.csv"));
  REQUIRE_FALSE(bad.ok());
  CHECK(bad.error().reason().find("line 3") != std::string::npos);
  std::ofstream(dir.file("empty-box.csv")) << "image,finding_label,x,y,w,h\na.png,Mass,1,2,0,4\n";
  CHECK_FALSE(train::readBoxCsv(dir.file("empty-box.csv")).ok());
  std::ofstream(dir.file("columns.csv")) << "image,x,y\na.png,1,2\n";
  CHECK(train::readBoxCsv(dir.file("columns.csv")).error().reason().find("needs columns") != std::string::npos);
}
