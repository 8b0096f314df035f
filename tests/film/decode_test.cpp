// Every transfer syntax, photometric and bit depth Hilum supports, encoded by DCMTK's own encoders
// (OpenJPEG for JPEG 2000), decoded by loadFilm and compared value by value.
#include "dicom_fixture.h"
#include "temp_dir.h"

#include "hilum/film/loader.h"

#include <catch2/catch.hpp>

#include <cstdlib>

using hilum::film::loadFilm;
using namespace hilum::test;

namespace {

// Largest absolute difference between the first frame's decoded and written values.
int maxError(const hilum::film::Film& film, const std::vector<int>& written) {
  int worst = 0;
  const auto n = static_cast<std::size_t>(film.columns()) * film.rows();
  for (std::size_t i = 0; i < n; ++i) worst = std::max(worst, std::abs(film.pixels().value(i) - written[i]));
  return worst;
}

}  // namespace

TEST_CASE("every supported transfer syntax decodes to the stored values", "[film][decode]") {
  struct Case { Syntax syntax; int bitsAllocated; int bitsStored; bool isSigned; int tolerance; };
  const Case cases[] = {
      {Syntax::ImplicitLE, 16, 12, false, 0},       {Syntax::ExplicitLE, 16, 16, false, 0},
      {Syntax::ExplicitLE, 16, 16, true, 0},        {Syntax::ExplicitLE, 16, 12, true, 0},
      {Syntax::ExplicitLE, 8, 8, false, 0},         {Syntax::ExplicitBE, 16, 12, false, 0},
      {Syntax::ExplicitBE, 16, 16, true, 0},        {Syntax::DeflatedLE, 16, 10, false, 0},
      {Syntax::JpegBaseline, 8, 8, false, 6},       {Syntax::JpegExtended, 16, 12, false, 90},
      {Syntax::JpegLossless, 16, 16, false, 0},     {Syntax::JpegLosslessSV1, 16, 12, false, 0},
      {Syntax::JpegLosslessSV1, 8, 8, false, 0},    {Syntax::JpegLsLossless, 16, 12, false, 0},
      {Syntax::JpegLsLossless, 16, 16, false, 0},   {Syntax::JpegLsNearLossless, 16, 12, false, 2},
      {Syntax::Rle, 16, 16, false, 0},              {Syntax::Rle, 8, 8, false, 0},
      {Syntax::Rle, 16, 12, true, 0},               {Syntax::J2kLossless, 16, 12, false, 0},
      {Syntax::J2kLossless, 16, 16, false, 0},      {Syntax::J2kLossless, 16, 12, true, 0},
      {Syntax::J2kLossless, 8, 8, false, 0},        {Syntax::J2k, 16, 12, false, 120},
  };
  TempDir dir;
  for (const Case& c : cases) {
    DYNAMIC_SECTION(syntaxName(c.syntax) << ", " << c.bitsStored << " of " << c.bitsAllocated << " bits"
                                         << (c.isSigned ? " signed" : " unsigned")) {
      DicomSpec spec;
      spec.syntax = c.syntax;
      spec.bitsAllocated = c.bitsAllocated;
      spec.bitsStored = c.bitsStored;
      spec.isSigned = c.isSigned;
      spec.pixels = patternPixels(spec, !isLossless(c.syntax));
      const std::string path = dir.file("film.dcm");
      writeDicom(spec, path);

      const auto film = loadFilm(path);
      REQUIRE(film.ok());
      CHECK(film.value().columns() == spec.columns);
      CHECK(film.value().rows() == spec.rows);
      CHECK(film.value().pixels().isSigned == c.isSigned);
      CHECK(film.value().metadata().bitsStored == c.bitsStored);
      CHECK(maxError(film.value(), spec.pixels) <= c.tolerance);
      if (c.tolerance == 0) {
        // The pattern puts the extremes of the stored range at pixels 0 and 1.
        const auto [lo, hi] = storedRange(spec);
        CHECK(film.value().pixels().value(0) == lo);
        CHECK(film.value().pixels().value(1) == hi);
      }
    }
  }
}

TEST_CASE("a lossy codec does not pass for lossless: the comparison can fail", "[film][decode]") {
  TempDir dir;
  DicomSpec spec;
  spec.syntax = Syntax::JpegBaseline;
  spec.bitsAllocated = spec.bitsStored = 8;
  spec.pixels = patternPixels(spec, false);  // noise survives baseline JPEG only approximately
  writeDicom(spec, dir.file("noisy.dcm"));
  const auto film = loadFilm(dir.file("noisy.dcm"));
  REQUIRE(film.ok());
  CHECK(maxError(film.value(), spec.pixels) > 0);
}

TEST_CASE("High Bit below the top bit: stored bits are shifted down and masked", "[film][decode]") {
  TempDir dir;
  DicomSpec spec;
  spec.bitsStored = 12;
  spec.highBit = 15;  // stored in the top 12 bits of each word
  spec.pixels = patternPixels(spec, false);
  writeDicom(spec, dir.file("shifted.dcm"));
  const auto film = loadFilm(dir.file("shifted.dcm"));
  REQUIRE(film.ok());
  CHECK(maxError(film.value(), spec.pixels) == 0);
  CHECK(film.value().maxStoredValue() == 4095);
}

TEST_CASE("files without preamble and File Meta are read", "[film][decode]") {
  TempDir dir;
  for (Syntax syntax : {Syntax::ImplicitLE, Syntax::ExplicitLE}) {
    DYNAMIC_SECTION(syntaxName(syntax)) {
      DicomSpec spec;
      spec.syntax = syntax;
      spec.fileMeta = false;
      spec.photometric = "MONOCHROME1";
      spec.pixels = patternPixels(spec, false);
      writeDicom(spec, dir.file("bare.dcm"));
      REQUIRE(readBytes(dir.file("bare.dcm")).substr(128, 4) != "DICM");
      const auto film = loadFilm(dir.file("bare.dcm"));
      REQUIRE(film.ok());
      CHECK(maxError(film.value(), spec.pixels) == 0);
      CHECK(film.value().display().monochrome1);
    }
  }
}

TEST_CASE("multi-frame files give the first frame and the frame count", "[film][decode]") {
  TempDir dir;
  for (Syntax syntax : {Syntax::ExplicitLE, Syntax::Rle, Syntax::JpegLsLossless, Syntax::J2kLossless}) {
    DYNAMIC_SECTION(syntaxName(syntax)) {
      DicomSpec spec;
      spec.syntax = syntax;
      spec.frames = 3;
      spec.pixels = patternPixels(spec, false);
      writeDicom(spec, dir.file("multi.dcm"));
      const auto film = loadFilm(dir.file("multi.dcm"));
      REQUIRE(film.ok());
      CHECK(film.value().metadata().frames == 3);
      CHECK(maxError(film.value(), spec.pixels) == 0);
    }
  }
}

TEST_CASE("RGB and YBR films become gray luminance", "[film][decode]") {
  TempDir dir;
  DicomSpec spec;
  spec.photometric = "RGB";
  spec.bitsAllocated = spec.bitsStored = 8;
  spec.rows = 8;
  spec.columns = 8;
  for (int i = 0; i < 64; ++i) {  // left half pure red, right half pure white
    const bool white = i % 8 >= 4;
    spec.pixels.insert(spec.pixels.end(), {255, white ? 255 : 0, white ? 255 : 0});
  }
  for (Syntax syntax : {Syntax::ExplicitLE, Syntax::Rle, Syntax::JpegBaseline}) {
    DYNAMIC_SECTION(syntaxName(syntax)) {  // JPEG baseline stores the colours as YBR_FULL_422
      spec.syntax = syntax;
      writeDicom(spec, dir.file("rgb.dcm"));
      const auto film = loadFilm(dir.file("rgb.dcm"));
      INFO((film.ok() ? std::string() : film.error().message()));
      REQUIRE(film.ok());
      CHECK(film.value().metadata().samplesPerPixel == 3);
      CHECK(std::abs(film.value().pixels().value(0, 3) - 76) <= 8);  // 0.299 * 255
      CHECK(std::abs(film.value().pixels().value(7, 3) - 255) <= 8);
      CHECK_FALSE(film.value().display().monochrome1);
    }
  }
}

TEST_CASE("JPEG 2000 previews decode only the wavelet levels a view needs", "[film][decode][preview]") {
  TempDir dir;
  DicomSpec spec;
  spec.rows = 256;
  spec.columns = 200;
  spec.syntax = Syntax::J2kLossless;  // three resolution levels: previews at 1/2 and 1/4
  spec.pixels = patternPixels(spec, true);
  spec.attributes = {{"ImagerPixelSpacing", "0.1\\0.1"}};
  writeDicom(spec, dir.file("j2k.dcm"));

  const auto preview = hilum::film::loadFilmPreview(dir.file("j2k.dcm"), 64);
  REQUIRE(preview.ok());
  CHECK(preview.value().isPreview());
  CHECK(preview.value().resolutionReduction() == 2);
  CHECK(preview.value().rows() == 64);
  CHECK(preview.value().columns() == 50);
  CHECK(preview.value().spacing().rowMm == Approx(0.4));
  // The low-pass band of a smooth gradient is the gradient, sampled every fourth pixel.
  const int expected = spec.pixels[static_cast<std::size_t>(40) * spec.columns + 40];
  CHECK(std::abs(preview.value().pixels().value(10, 10) - expected) < 4095 / 50);

  const auto coarse = hilum::film::loadFilmPreview(dir.file("j2k.dcm"), 200);
  REQUIRE(coarse.ok());
  CHECK(coarse.value().resolutionReduction() == 0);  // 256 / 2 = 128 would be smaller than asked
}

TEST_CASE("codecs without resolution levels give the full film as the preview", "[film][decode][preview]") {
  TempDir dir;
  DicomSpec spec;
  spec.syntax = Syntax::JpegLsLossless;
  spec.pixels = patternPixels(spec, false);
  writeDicom(spec, dir.file("jls.dcm"));
  const auto preview = hilum::film::loadFilmPreview(dir.file("jls.dcm"), 8);
  REQUIRE(preview.ok());
  CHECK_FALSE(preview.value().isPreview());
  CHECK(maxError(preview.value(), spec.pixels) == 0);
}

TEST_CASE("YBR_FULL films give Y as gray; PALETTE COLOR films give the palette's luma", "[film][decode]") {
  TempDir dir;
  SECTION("YBR_FULL, uncompressed") {
    DicomSpec spec;
    spec.photometric = "YBR_FULL";
    spec.bitsAllocated = spec.bitsStored = 8;
    spec.rows = spec.columns = 4;
    for (int i = 0; i < 16; ++i) spec.pixels.insert(spec.pixels.end(), {i < 8 ? 40 : 200, 128, 128});
    writeDicom(spec, dir.file("ybr.dcm"));
    const auto film = loadFilm(dir.file("ybr.dcm"));
    INFO((film.ok() ? std::string() : film.error().message()));
    REQUIRE(film.ok());
    CHECK(std::abs(film.value().pixels().value(0) - 40) <= 2);
    CHECK(std::abs(film.value().pixels().value(15) - 200) <= 2);
  }
  SECTION("PALETTE COLOR, 8-bit indices") {
    DicomSpec spec;
    spec.photometric = "PALETTE COLOR";
    spec.bitsAllocated = spec.bitsStored = 8;
    spec.rows = 1;
    spec.columns = 2;
    spec.pixels = {0, 255};
    for (int i = 0; i < 256; ++i) {  // index i -> red i, green 255 - i, blue 0
      spec.paletteRed.push_back(static_cast<std::uint16_t>(i * 257));
      spec.paletteGreen.push_back(static_cast<std::uint16_t>((255 - i) * 257));
      spec.paletteBlue.push_back(0);
    }
    writeDicom(spec, dir.file("palette.dcm"));
    const auto film = loadFilm(dir.file("palette.dcm"));
    INFO((film.ok() ? std::string() : film.error().message()));
    REQUIRE(film.ok());
    CHECK(std::abs(film.value().pixels().value(0) - 150) <= 3);  // 0.587 * 255
    CHECK(std::abs(film.value().pixels().value(1) - 76) <= 3);   // 0.299 * 255
  }
}
