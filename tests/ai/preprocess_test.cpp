// The one film -> tensor path shared by training and inference, pinned to exact values.
#include "tiny_pack.h"

#include "hilum/ai/preprocess.h"

#include <catch2/catch.hpp>

using namespace hilum;

namespace {

// 32 x 16 film: left half stored 0, right half 4095 (12 bits).
film::Film halves() {
  film::PixelBuffer pixels;
  pixels.columns = 32;
  pixels.rows = 16;
  for (int y = 0; y < 16; ++y)
    for (int x = 0; x < 32; ++x) pixels.data.push_back(x < 16 ? 0 : 4095);
  film::FilmMetadata m;
  m.bitsStored = 12;
  return film::Film("halves", std::move(pixels), {}, {}, m);
}

ai::ModelManifest manifest(ai::ResizePolicy resize, const std::string& normalization, int channels) {
  auto m = test::tinyManifest();
  m.inputSize = 16;
  m.inputChannels = channels;
  m.resize = resize;
  if (normalization == "imagenet") m.normalization = {"imagenet", {0.485, 0.456, 0.406}, {0.229, 0.224, 0.225}, 1.0, 0.0};
  else if (normalization == "xrv") m.normalization = {"xrv", {0, 0, 0}, {1, 1, 1}, 2048.0, -1024.0};
  return m;
}

}  // namespace

TEST_CASE("squash + ImageNet normalisation gives pinned values", "[ai][preprocess]") {
  const auto input = ai::preprocess(halves(), manifest(ai::ResizePolicy::Squash, "imagenet", 3));
  REQUIRE(input.ok());
  const auto& v = input.value().values;
  REQUIRE(v.size() == 3u * 16 * 16);
  // Pixel (0, 0) black, (15, 0) white, per channel (x - mean) / std.
  CHECK(v[0] == Approx((0.0 - 0.485) / 0.229).epsilon(1e-6));
  CHECK(v[15] == Approx((1.0 - 0.485) / 0.229).epsilon(1e-6));
  CHECK(v[256 + 15] == Approx((1.0 - 0.456) / 0.224).epsilon(1e-6));
  CHECK(v[512 + 0] == Approx((0.0 - 0.406) / 0.225).epsilon(1e-6));
  // The boundary column averages black and white exactly as the area filter says.
  CHECK(v[7] == Approx((0.0 - 0.485) / 0.229).epsilon(1e-6));
  CHECK(v[8] == Approx((1.0 - 0.485) / 0.229).epsilon(1e-6));
}

TEST_CASE("xrv normalisation maps black to -1024 and white to 1024", "[ai][preprocess]") {
  const auto input = ai::preprocess(halves(), manifest(ai::ResizePolicy::Squash, "xrv", 1));
  REQUIRE(input.ok());
  CHECK(input.value().values[0] == Approx(-1024.0f));
  CHECK(input.value().values[15] == Approx(1024.0f));
}

TEST_CASE("letterbox keeps the aspect ratio and records where the film went", "[ai][preprocess]") {
  const auto picture = ai::filmToPicture(halves(), manifest(ai::ResizePolicy::Letterbox, "unit", 1));
  REQUIRE(picture.ok());
  const auto& g = picture.value().geometry;
  CHECK(g.contentWidth == 16);
  CHECK(g.contentHeight == 8);
  CHECK(g.contentY == 4);
  const auto& px = picture.value().pixels;
  CHECK(px[0 * 16 + 15] == 0);    // border row above the film
  CHECK(px[4 * 16 + 15] == 255);  // first film row, right half
}

TEST_CASE("centre crop takes the middle square of the film", "[ai][preprocess]") {
  const auto picture = ai::filmToPicture(halves(), manifest(ai::ResizePolicy::CenterCrop, "unit", 1));
  REQUIRE(picture.ok());
  const auto& g = picture.value().geometry;
  CHECK(g.filmX == 8);
  CHECK(g.filmWidth == 16);
  CHECK(picture.value().pixels[0] == 0);
  CHECK(picture.value().pixels[15] == 255);
}

TEST_CASE("MONOCHROME1 films reach the model as they are shown: bones bright", "[ai][preprocess]") {
  film::PixelBuffer pixels;
  pixels.columns = pixels.rows = 16;
  pixels.data.assign(256, 0);
  pixels.data[255] = 4095;
  film::DisplayAttributes mono1;
  mono1.monochrome1 = true;
  const film::Film film("m1", std::move(pixels), mono1, {}, {});
  const auto picture = ai::filmToPicture(film, manifest(ai::ResizePolicy::Squash, "unit", 1));
  REQUIRE(picture.ok());
  CHECK(picture.value().pixels[0] == 255);
  CHECK(picture.value().pixels[255] == 0);
}

TEST_CASE("a preview film is not analysed", "[ai][preprocess]") {
  film::PixelBuffer pixels;
  pixels.columns = pixels.rows = 16;
  pixels.data.assign(256, 0);
  const film::Film preview("p", std::move(pixels), {}, {}, {}, 1);
  const auto input = ai::preprocess(preview, manifest(ai::ResizePolicy::Squash, "unit", 1));
  REQUIRE_FALSE(input.ok());
  CHECK(input.error().code() == ErrorCode::InvalidArgument);
}

TEST_CASE("a field of view is a film of its own to the resize policy, and the geometry maps it back", "[ai][preprocess][lungcrop]") {
  const display::Region straddling{8, 0, 16, 16};  // 8 black columns, 8 white
  const auto picture = ai::filmToPicture(halves(), manifest(ai::ResizePolicy::Squash, "unit", 1), straddling);
  REQUIRE(picture.ok());
  CHECK(picture.value().pixels[0] == 0);
  CHECK(picture.value().pixels[7] == 0);
  CHECK(picture.value().pixels[8] == 255);
  const auto& g = picture.value().geometry;
  CHECK(g.filmX == 8);
  CHECK(g.filmY == 0);
  CHECK(g.filmWidth == 16);
  CHECK(g.filmHeight == 16);
  CHECK(g.filmColumns == 32);
  // Centre crop inside a wide field of view takes that view's middle square.
  const auto crop = ai::filmToPicture(halves(), manifest(ai::ResizePolicy::CenterCrop, "unit", 1), display::Region{0, 4, 32, 8});
  REQUIRE(crop.ok());
  CHECK(crop.value().geometry.filmX == 12);
  CHECK(crop.value().geometry.filmY == 4);
  CHECK(crop.value().geometry.filmWidth == 8);
  // A view off the film is refused, not rendered from nothing.
  const auto off = ai::filmToPicture(halves(), manifest(ai::ResizePolicy::Squash, "unit", 1), display::Region{40, 0, 8, 8});
  REQUIRE_FALSE(off.ok());
  CHECK_THAT(off.error().message(), Catch::Matchers::Contains("field of view"));
}

TEST_CASE("a marker outside the field of view does not set its contrast; a header window still does", "[ai][preprocess][lungcrop]") {
  // 32 x 16: a ramp 0..1728 over columns 0-27, a burned-in marker (4095) in columns 28-31.
  auto marked = [](bool headerWindow) {
    film::PixelBuffer pixels;
    pixels.columns = 32;
    pixels.rows = 16;
    for (int y = 0; y < 16; ++y)
      for (int x = 0; x < 32; ++x) pixels.data.push_back(static_cast<std::uint16_t>(x < 28 ? x * 64 : 4095));
    film::FilmMetadata m;
    m.bitsStored = 12;
    film::DisplayAttributes a;
    if (headerWindow) a.windows.push_back({2048.0, 4096.0, ""});
    return film::Film("marked", std::move(pixels), a, {}, m);
  };
  auto m = manifest(ai::ResizePolicy::Squash, "unit", 1);
  m.window = ai::FilmWindow::Default;  // the film's own window, where it has one
  const display::Region ramp{0, 0, 28, 16};
  const auto own = ai::filmToPicture(marked(false), m, ramp);
  REQUIRE(own.ok());
  CHECK(+own.value().pixels[0] <= 8);
  CHECK(+own.value().pixels[15] >= 245);  // the ramp's top is the crop's white
  const auto whole = ai::filmToPicture(marked(false), m);
  REQUIRE(whole.ok());
  CHECK(+whole.value().pixels[13] < 120);  // on the whole film the marker is the white
  const auto header = ai::filmToPicture(marked(true), m, ramp);
  REQUIRE(header.ok());
  CHECK(+header.value().pixels[15] < 120);  // the film's own window is kept
}
