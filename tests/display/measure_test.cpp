// Measurements on films whose pixels and spacing the test chose, so every number is known exactly.
#include "hilum/measure/annotation_json.h"
#include "hilum/measure/measurements.h"
#include "temp_dir.h"

#include <catch2/catch.hpp>

#include <fstream>

using namespace hilum;
using measure::Annotation;
using measure::Kind;

namespace {

// A film whose stored value is column + 10 * row, with the given spacing (0: unknown).
film::Film rampFilm(int columns, int rows, double rowMm, double columnMm, double slope = 1.0, double intercept = 0.0) {
  film::PixelBuffer pixels;
  pixels.columns = columns;
  pixels.rows = rows;
  for (int r = 0; r < rows; ++r)
    for (int c = 0; c < columns; ++c) pixels.data.push_back(static_cast<std::uint16_t>(c + 10 * r));
  film::DisplayAttributes display;
  display.rescaleSlope = slope;
  display.rescaleIntercept = intercept;
  film::PixelSpacing spacing;
  if (rowMm > 0) spacing = {rowMm, columnMm, film::SpacingSource::Detector, {}};
  return film::Film("ramp", std::move(pixels), display, spacing, film::FilmMetadata{});
}

}  // namespace

TEST_CASE("distances use each axis's spacing and name its source", "[measure]") {
  const auto film = rampFilm(10, 10, 0.2, 0.1);
  const auto m = measure::measure(film, {Kind::Distance, {{0, 0}, {30, 40}}, {}});
  CHECK(m.lengthPx == Approx(50.0));
  REQUIRE(m.lengthMm);
  CHECK(*m.lengthMm == Approx(std::hypot(3.0, 8.0)));  // 30 px x 0.1 mm, 40 px x 0.2 mm
  CHECK(m.spacingSource == "detector");
  CHECK(measure::describe(m) == "8.5 mm (detector)");

  const auto unknown = measure::measure(rampFilm(10, 10, 0, 0), {Kind::Distance, {{0, 0}, {3, 4}}, {}});
  CHECK_FALSE(unknown.lengthMm);
  CHECK(measure::describe(unknown) == "5 px (no spacing)");
}

TEST_CASE("angles are measured at the vertex, 0 to 180 degrees", "[measure]") {
  const auto film = rampFilm(4, 4, 0, 0);
  CHECK(measure::measure(film, {Kind::Angle, {{10, 0}, {0, 0}, {0, 10}}, {}}).angleDegrees == Approx(90.0));
  CHECK(measure::measure(film, {Kind::Angle, {{10, 0}, {0, 0}, {-10, 0.0}}, {}}).angleDegrees == Approx(180.0));
  CHECK(measure::measure(film, {Kind::Angle, {{10, 0}, {0, 0}, {10, -10}}, {}}).angleDegrees == Approx(45.0));
  CHECK(measure::measure(film, {Kind::Angle, {{0, 0}, {0, 0}, {10, 0}}, {}}).angleDegrees == 0.0);  // no arm
}

TEST_CASE("rectangle statistics cover the pixels whose centres are inside, in modality values", "[measure]") {
  // Pixels (2..4, 1..2): values c + 10 r -> 12 13 14 22 23 24; rescaled by 2x - 5.
  const auto film = rampFilm(8, 6, 0.5, 0.5, 2.0, -5.0);
  const auto m = measure::measure(film, {Kind::Rectangle, {{5, 3}, {2, 1}}, {}});  // corners in any order
  REQUIRE(m.region.pixels == 6);
  CHECK(m.region.mean == Approx(2 * 18.0 - 5));
  CHECK(m.region.min == Approx(2 * 12.0 - 5));
  CHECK(m.region.max == Approx(2 * 24.0 - 5));
  CHECK(m.region.sd == Approx(2 * std::sqrt((36.0 + 25 + 16 + 16 + 25 + 36) / 6.0)));
  CHECK(m.areaPx == Approx(6.0));
  REQUIRE(m.areaMm2);
  CHECK(*m.areaMm2 == Approx(1.5));
}

TEST_CASE("ellipse statistics leave the corners of their box out, and padding everywhere", "[measure]") {
  auto film = rampFilm(20, 20, 0, 0);
  const auto box = measure::measure(film, {Kind::Rectangle, {{0, 0}, {20, 20}}, {}});
  const auto ellipse = measure::measure(film, {Kind::Ellipse, {{0, 0}, {20, 20}}, {}});
  CHECK(box.region.pixels == 400);
  CHECK(ellipse.region.pixels > 300);
  CHECK(ellipse.region.pixels < 330);  // pi * 100 = 314 centres inside
  CHECK(ellipse.areaPx == Approx(3.14159265 * 100));
  CHECK(ellipse.region.mean == Approx(9.5 + 95.0));  // symmetric about the centre

  film::DisplayAttributes padded = film.display();
  padded.paddingValue = 0;  // pixel (0, 0)
  const film::Film withPadding("padded", film.pixels(), padded, film.spacing(), film.metadata());
  CHECK(measure::measure(withPadding, {Kind::Rectangle, {{0, 0}, {20, 20}}, {}}).region.pixels == 399);
}

TEST_CASE("the cardiothoracic ratio divides the horizontal widths", "[measure]") {
  const auto film = rampFilm(10, 10, 0.1, 0.1);
  // The second point's row is ignored: widths are horizontal by definition.
  const auto m = measure::measure(film, {Kind::CardiothoracicRatio, {{100, 50}, {220, 58}, {40, 60}, {340, 60}}, {}});
  REQUIRE(m.ratio);
  CHECK(*m.ratio == Approx(0.4));
  CHECK(*m.heartMm == Approx(12.0));
  CHECK(*m.lengthMm == Approx(30.0));
  CHECK(measure::describe(m) == "CTR 0.40 (heart 12.0 mm / thorax 30.0 mm)");
  const auto flat = measure::measure(film, {Kind::CardiothoracicRatio, {{0, 0}, {5, 0}, {7, 1}, {7, 1}}, {}});
  CHECK_FALSE(flat.ratio);
}

TEST_CASE("annotation files round-trip, scale to other resolutions and reject nonsense", "[measure]") {
  hilum::test::TempDir dir;
  measure::AnnotationFile file;
  file.sopInstanceUid = "1.2.3";
  file.filmPath = "/films/a.dcm";
  file.columns = 2000;
  file.rows = 1000;
  file.annotations = {{Kind::Arrow, {{10, 20}, {30, 40}}, "nodule?"}, {Kind::Angle, {{1, 2}, {3, 4}, {5, 6}}, {}}};
  const std::string path = dir.file("a.json");
  REQUIRE(measure::writeAnnotations(path, file).ok());
  const auto back = measure::readAnnotations(path);
  REQUIRE(back.ok());
  CHECK(back.value().sopInstanceUid == "1.2.3");
  REQUIRE(back.value().annotations.size() == 2);
  CHECK(back.value().annotations[0].text == "nodule?");
  CHECK(back.value().annotations[1].points[2] == measure::Point{5, 6});
  const auto half = measure::annotationsFor(back.value(), 1000);
  CHECK(half[0].points[1] == measure::Point{15, 20});

  auto rejects = [](const std::string& text, const std::string& reason) {
    const auto result = measure::parseAnnotations(text, "bad.json");
    REQUIRE_FALSE(result.ok());
    CHECK_THAT(result.error().message(), Catch::Contains("bad.json") && Catch::Contains(reason));
  };
  rejects("[]", "not a JSON object");
  rejects(R"({"format":"other"})", "not a Hilum annotation file");
  rejects(R"({"format":"hilum-annotations","version":1,"film":{},"annotations":[{"kind":"circle","points":[]}]})",
          "unknown kind 'circle'");
  rejects(R"({"format":"hilum-annotations","version":1,"film":{},"annotations":[{"kind":"angle","points":[[1,2],[3,4]]}]})",
          "needs 3 points, found 2");
  rejects(R"({"format":"hilum-annotations","version":1,"film":{},"annotations":[{"kind":"distance","points":[[1,"x"],[3,4]]}]})",
          "unexpected structure");
  // Found by fuzz_annotations: a key of the wrong type threw past parseAnnotations (std::terminate).
  rejects(R"({"format":1,"film":{},"annotations":[]})", "unexpected structure");
  rejects(R"({"format":"hilum-annotations","version":"2","film":{},"annotations":[]})", "unexpected structure");
  rejects(R"({"format":"hilum-annotations","version":1,"film":{"path":7},"annotations":[]})", "unexpected structure");
  CHECK(measure::readAnnotations(dir.file("missing.json")).error().code() == ErrorCode::NotFound);
}
