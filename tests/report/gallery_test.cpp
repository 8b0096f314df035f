// The held-out gallery: each film's tile, how its call is judged against its labels, the order.
#include "temp_dir.h"
#include "tiny_pack.h"

#include "hilum/ai/analyzer.h"
#include "hilum/report/film_picture.h"
#include "hilum/report/gallery.h"

#include <catch2/catch.hpp>

#include <QImage>

#include <filesystem>

using namespace hilum;

TEST_CASE("a gallery case judges the call against the film's labels and draws its tile", "[report][gallery]") {
  test::TempDir dir;
  std::filesystem::create_directories(dir.file("pack"));
  test::writeTinyPack(dir.file("pack"));
  auto analyzer = ai::Analyzer::open(dir.file("pack"));
  REQUIRE(analyzer.ok());
  test::writeFilmDicom(test::shapesFilm(0.3, 0.5), dir.file("disc.dcm"));  // a disc, no bar

  // Labelled with its own finding: nothing missed.
  auto right = report::galleryCase(*analyzer.value(), dir.file("disc.dcm"), {"Disc"}, 200);
  REQUIRE(right.ok());
  CHECK(right.value().predicted == std::vector<std::string>{"Disc"});
  CHECK(right.value().missed.empty());
  CHECK_FALSE(right.value().mistaken);
  CHECK(right.value().heatmapLabel == "Disc");
  CHECK(right.value().tile.size() == QSize(200, 200));

  // Labelled with a bar it does not show: the bar is missed and the disc is an extra call. A label
  // the pack does not know (Cardiomegaly) is not held against it.
  auto wrong = report::galleryCase(*analyzer.value(), dir.file("disc.dcm"), {"Bar", "Cardiomegaly"}, 200);
  REQUIRE(wrong.ok());
  CHECK(wrong.value().missed == std::vector<std::string>{"Bar"});
  CHECK(wrong.value().extra == std::vector<std::string>{"Disc"});
  CHECK(wrong.value().mistaken);
  CHECK(wrong.value().confidence > 0.5);

  std::vector<report::GalleryCase> cases{right.value(), wrong.value()};
  report::orderGallery(cases);
  CHECK(cases.front().mistaken);  // mistakes lead

  const QImage sheet = report::contactSheet(cases, 2, "title");
  CHECK(sheet.width() > 400);
  REQUIRE(report::writePng(sheet, dir.file("sheet.png")).ok());
  CHECK(QImage(QString::fromStdString(dir.file("sheet.png"))).size() == sheet.size());

  auto missing = report::galleryCase(*analyzer.value(), dir.file("absent.dcm"), {}, 200);
  REQUIRE_FALSE(missing.ok());
  CHECK_THAT(missing.error().message(), Catch::Matchers::Contains("absent.dcm"));
}
