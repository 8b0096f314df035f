// The whole pipeline on real films written through DCMTK: what the viewer shows.
#include "dicom_fixture.h"
#include "temp_dir.h"

#include "hilum/display/png_writer.h"
#include "hilum/display/renderer.h"
#include "hilum/display/voi_preset.h"
#include "hilum/film/loader.h"

#include <catch2/catch.hpp>
#include <opencv2/core.hpp>
#include <opencv2/imgcodecs.hpp>

using namespace hilum::display;
using namespace hilum::test;

namespace {

// Writes the spec as a DICOM and loads it back through the real loader.
hilum::film::Film written(const TempDir& dir, const DicomSpec& spec) {
  writeDicom(spec, dir.file("film.dcm"));
  auto film = hilum::film::loadFilm(dir.file("film.dcm"));
  REQUIRE(film.ok());
  return std::move(film).value();
}

// A one-row film of the given stored values.
DicomSpec row(std::vector<int> pixels) {
  DicomSpec spec;
  spec.rows = 1;
  spec.columns = static_cast<int>(pixels.size());
  spec.pixels = std::move(pixels);
  return spec;
}

// A 2 x 1 film with one dark and one bright pixel, plus attributes.
hilum::film::Film twoPixels(const TempDir& dir, const std::string& photometric,
                            std::vector<std::pair<std::string, std::string>> attributes = {}) {
  DicomSpec spec = row({0, 4095});
  spec.photometric = photometric;
  spec.attributes = std::move(attributes);
  return written(dir, spec);
}

GrayImage show(const hilum::film::Film& film, DisplaySettings settings = {}) {
  auto image = render(film, settings);
  REQUIRE(image.ok());
  return std::move(image).value();
}

}  // namespace

TEST_CASE("MONOCHROME2 shows low values dark, MONOCHROME1 shows them bright", "[display][render]") {
  TempDir dir;
  const auto mono2 = show(twoPixels(dir, "MONOCHROME2"));
  CHECK(mono2.at(0, 0) == 0);
  CHECK(mono2.at(1, 0) == 255);
  const auto mono1 = show(twoPixels(dir, "MONOCHROME1"));
  CHECK(mono1.at(0, 0) == 255);
  CHECK(mono1.at(1, 0) == 0);
}

TEST_CASE("MONOCHROME1 with Presentation LUT Shape INVERSE inverts once, not twice", "[display][render]") {
  TempDir dir;
  const auto image = show(twoPixels(dir, "MONOCHROME1", {{"PresentationLUTShape", "INVERSE"}}));
  CHECK(image.at(0, 0) == 255);
  CHECK(image.at(1, 0) == 0);
}

TEST_CASE("INVERSE on MONOCHROME2 inverts, and the user's toggle inverts again", "[display][render]") {
  TempDir dir;
  const auto film = twoPixels(dir, "MONOCHROME2", {{"PresentationLUTShape", "INVERSE"}});
  CHECK(show(film).at(0, 0) == 255);
  DisplaySettings toggled;
  toggled.invert = true;
  CHECK(show(film, toggled).at(0, 0) == 0);
}

TEST_CASE("the file's first window is the default and every window is a preset", "[display][presets]") {
  TempDir dir;
  const auto film = twoPixels(dir, "MONOCHROME2",
                              {{"WindowCenter", "1000\\3000"}, {"WindowWidth", "500\\2000"},
                               {"WindowCenterWidthExplanation", "NARROW\\WIDE"}});
  const auto presets = voiPresets(film);
  REQUIRE(presets.size() == 7);  // two file windows, full range, auto and three chest windows
  CHECK(presets[0].name == "NARROW");
  CHECK(presets[1].name == "WIDE");
  CHECK(presets[2].kind == VoiPreset::Kind::FullRange);
  CHECK(defaultPresetIndex(film, presets) == 0);
  DisplaySettings wide;
  wide.presetIndex = 1;
  // 0 is below 2000 - 1000, so black; 4095 above 4000, so white.
  CHECK(show(film, wide).at(0, 0) == 0);
  CHECK(show(film, wide).at(1, 0) == 255);
}

TEST_CASE("a window that misses every pixel is offered but not opened with", "[display][presets]") {
  TempDir dir;
  const auto film = twoPixels(dir, "MONOCHROME2", {{"WindowCenter", "40000"}, {"WindowWidth", "100"}});
  const auto presets = voiPresets(film);
  CHECK(presets.size() == 6);
  CHECK(defaultPresetIndex(film, presets) == 1);
}

TEST_CASE("without VOI attributes the full range is shown", "[display][presets]") {
  TempDir dir;
  const auto film = twoPixels(dir, "MONOCHROME2", {{"RescaleSlope", "2"}, {"RescaleIntercept", "-100"}});
  const VoiWindow w = fullRangeWindow(film);
  // Modality range -100 .. 8090: LINEAR width = range + 1.
  CHECK(w.width == Approx(8191));
  CHECK(w.center - 0.5 - (w.width - 1) / 2 == Approx(-100));
  const auto image = show(film);
  CHECK(image.at(0, 0) == 0);
  CHECK(image.at(1, 0) == 255);
}

TEST_CASE("pixel padding is left out of the full range", "[display][presets]") {
  TempDir dir;
  DicomSpec spec = row({4095, 1000, 2000});  // the first pixel is collimator padding
  spec.attributes = {{"PixelPaddingValue", "4095"}};
  const auto film = written(dir, spec);
  CHECK(film.maxStoredValue() == 2000);
  CHECK(film.minStoredValue() == 1000);
  const auto image = show(film);
  CHECK(image.at(1, 0) == 0);
  CHECK(image.at(2, 0) == 255);
  CHECK(image.at(0, 0) == 255);  // padding itself clamps to the top
}

TEST_CASE("a VOI LUT preset maps through the LUT", "[display][render]") {
  TempDir dir;
  DicomSpec spec = row({0, 1, 2});
  spec.voiLuts = {LutSpec{0, 8, {0, 255, 51}, "ZIGZAG"}};
  const auto film = written(dir, spec);
  const auto presets = voiPresets(film);
  REQUIRE(presets.front().kind == VoiPreset::Kind::Lut);
  const auto image = show(film);
  CHECK(image.at(0, 0) == 0);
  CHECK(image.at(1, 0) == 255);
  CHECK(image.at(2, 0) == 51);
}

TEST_CASE("signed pixels with rescale render through the right table entries", "[display][render]") {
  TempDir dir;
  DicomSpec spec = row({-1000, 0, 1000});
  spec.isSigned = true;
  spec.bitsStored = 16;
  spec.attributes = {{"WindowCenter", "0"}, {"WindowWidth", "2001"}};
  const auto image = show(written(dir, spec));
  CHECK(image.at(0, 0) == 0);
  CHECK(image.at(1, 0) == 128);
  CHECK(image.at(2, 0) == 255);
}

TEST_CASE("a custom window overrides presets", "[display][render]") {
  TempDir dir;
  const auto film = twoPixels(dir, "MONOCHROME2");
  DisplaySettings settings;
  settings.customWindow = VoiWindow{4096, 2, hilum::film::VoiFunction::Linear};
  const auto image = show(film, settings);
  CHECK(image.at(0, 0) == 0);
  CHECK(image.at(1, 0) == 0);
}

TEST_CASE("a preset index out of range is an error, not a crash", "[display][render]") {
  TempDir dir;
  const auto film = twoPixels(dir, "MONOCHROME2");
  DisplaySettings settings;
  settings.presetIndex = 7;
  const auto image = render(film, settings);
  REQUIRE_FALSE(image.ok());
  CHECK(image.error().code() == hilum::ErrorCode::InvalidArgument);
}

TEST_CASE("max size downsamples by area and keeps the aspect ratio", "[display][render]") {
  TempDir dir;
  DicomSpec spec;
  spec.rows = 200;
  spec.columns = 400;
  spec.bitsAllocated = spec.bitsStored = 8;
  spec.pixels.resize(200 * 400);
  for (int y = 0; y < 200; ++y)
    for (int x = 0; x < 400; ++x) spec.pixels[static_cast<std::size_t>(y) * 400 + x] = (x + y) % 2 ? 255 : 0;
  writeDicom(spec, dir.file("checker.dcm"));
  const auto film = hilum::film::loadFilm(dir.file("checker.dcm"));
  REQUIRE(film.ok());
  RenderOptions options;
  options.maxSizePx = 100;
  const auto image = render(film.value(), {}, options);
  REQUIRE(image.ok());
  CHECK(image.value().width == 100);
  CHECK(image.value().height == 50);
  // A one-pixel checkerboard averages to mid-gray, not to aliasing stripes.
  CHECK(std::abs(image.value().at(50, 25) - 128) <= 2);
  options.maxSizePx = 200;  // 2 x 2 blocks: the unrolled path
  const auto half = render(film.value(), {}, options);
  REQUIRE(half.ok());
  CHECK(half.value().width == 200);
  CHECK(half.value().height == 100);
  CHECK(std::abs(half.value().at(37, 12) - 128) <= 1);
  options.maxSizePx = 133;  // 3 x 3 blocks, then a fractional step
  const auto third = render(film.value(), {}, options);
  REQUIRE(third.ok());
  CHECK(third.value().width == 133);
  CHECK(std::abs(third.value().at(60, 30) - 128) <= 30);
}

TEST_CASE("a region renders only that part of the film", "[display][render]") {
  TempDir dir;
  const auto film = twoPixels(dir, "MONOCHROME2");
  RenderOptions options;
  options.region = Region{1, 0, 5, 1};  // clipped to the film
  const auto image = render(film, {}, options);
  REQUIRE(image.ok());
  CHECK(image.value().width == 1);
  CHECK(image.value().at(0, 0) == 255);
  options.region = Region{10, 10, 2, 2};
  CHECK_FALSE(render(film, {}, options).ok());
}

TEST_CASE("PNG output round-trips and replaces the old file atomically", "[display][png]") {
  TempDir dir;
  GrayImage image{3, 2, {0, 10, 20, 30, 40, 255}};
  hilum::test::writeBytes(dir.file("out.png"), "old");
  REQUIRE(writePng(image, dir.file("out.png")).ok());
  const cv::Mat back = cv::imread(dir.file("out.png"), cv::IMREAD_UNCHANGED);
  REQUIRE(back.type() == CV_8UC1);
  CHECK(back.at<std::uint8_t>(1, 2) == 255);
  CHECK(back.at<std::uint8_t>(0, 1) == 10);
  const auto failed = writePng(image, dir.file("no-such-folder/out.png"));
  REQUIRE_FALSE(failed.ok());
  CHECK(failed.error().code() == hilum::ErrorCode::WriteFailed);
}

TEST_CASE("derived windows are percentile ranges in display brightness", "[display][voi]") {
  // Stored values 0..999, each pixel once: percentiles are the values themselves.
  hilum::film::PixelBuffer pixels;
  pixels.columns = 1000;
  pixels.rows = 2;  // the histogram samples every second row and column
  for (int y = 0; y < 2; ++y)
    for (int x = 0; x < 1000; ++x) pixels.data.push_back(static_cast<std::uint16_t>((x / 2) * 2 + (y ? 1 : 0)));
  hilum::film::DisplayAttributes mono2;
  const hilum::film::Film film("ramp", pixels, mono2, {}, {});
  const auto presets = voiPresets(film);
  REQUIRE(presets.size() == 5);
  CHECK(presets[1].name == "Auto (1-99 %)");
  CHECK(presets[1].kind == VoiPreset::Kind::Derived);
  // 1st to 99th percentile of 0..998 (even values sampled): about 10 to 988.
  CHECK(presets[1].window.center - presets[1].window.width / 2 == Approx(10).margin(4));
  CHECK(presets[1].window.center + presets[1].window.width / 2 == Approx(989).margin(4));
  const auto lung = percentileWindow(film, 2, 65);
  CHECK(lung.center - lung.width / 2 == Approx(20).margin(4));
  CHECK(lung.center + lung.width / 2 == Approx(650).margin(4));
  // MONOCHROME1: the lungs' dark display is the high values.
  hilum::film::DisplayAttributes mono1;
  mono1.monochrome1 = true;
  const hilum::film::Film inverted("ramp1", pixels, mono1, {}, {});
  const auto lung1 = percentileWindow(inverted, 2, 65);
  CHECK(lung1.center - lung1.width / 2 == Approx(350).margin(4));
  CHECK(lung1.center + lung1.width / 2 == Approx(980).margin(4));
  // Padding never counts.
  hilum::film::DisplayAttributes padded;
  padded.paddingValue = 0;
  hilum::film::PixelBuffer mostlyPadding = pixels;
  for (std::size_t i = 0; i < 600; ++i) mostlyPadding.data[i] = 0;  // 300 of the 500 sampled pixels
  const hilum::film::Film withPadding("pad", mostlyPadding, padded, {}, {});
  const auto padWindow = percentileWindow(withPadding, 1, 99);
  CHECK(padWindow.center - padWindow.width / 2 > 595);
}

TEST_CASE("a reduced film averages stored values per block, padding left out", "[display][render]") {
  hilum::film::PixelBuffer pixels;
  pixels.columns = 5;  // a partial last block: 5 = 2 + 2 + 1
  pixels.rows = 2;
  pixels.isSigned = true;
  for (int v : {-4, -2, 10, 30, 7, 0, -2, 20, 999, 9}) pixels.data.push_back(static_cast<std::uint16_t>(static_cast<std::int16_t>(v)));
  hilum::film::DisplayAttributes attributes;
  attributes.paddingValue = 999;
  const hilum::film::PixelSpacing spacing{0.1, 0.2, hilum::film::SpacingSource::Detector, {}};
  const hilum::film::Film film("f", pixels, attributes, spacing, {});
  const auto reduced = reducedFilm(film, Region{0, 0, 5, 2}, 2);
  REQUIRE(reduced.columns() == 3);
  REQUIRE(reduced.rows() == 1);
  CHECK(reduced.pixels().value(0, 0) == -2);  // (-4 - 2 + 0 - 2) / 4
  CHECK(reduced.pixels().value(1, 0) == 20);  // (10 + 30 + 20) / 3: the padding 999 is not averaged in
  CHECK(reduced.pixels().value(2, 0) == 8);   // (7 + 9) / 2
  CHECK(reduced.spacing().columnMm == Approx(0.4));
  CHECK(reduced.spacing().rowMm == Approx(0.2));
}
