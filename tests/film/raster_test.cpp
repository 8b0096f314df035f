// PNG, JPEG and TIFF films through OpenCV, written by the test with OpenCV.
#include "temp_dir.h"

#include "hilum/film/loader.h"

#include <catch2/catch.hpp>
#include <opencv2/core.hpp>
#include <opencv2/imgcodecs.hpp>

using hilum::film::loadFilm;
using hilum::film::SourceFormat;
using hilum::test::TempDir;

namespace {

cv::Mat ramp(int depth, int channels) {
  cv::Mat m(30, 40, CV_MAKETYPE(depth, channels));
  const double top = depth == CV_8U ? 255.0 : 65535.0;
  for (int y = 0; y < m.rows; ++y)
    for (int x = 0; x < m.cols; ++x) {
      const double v = top * (x + y * m.cols) / (m.total() - 1);
      if (channels == 1) {
        if (depth == CV_8U) m.at<std::uint8_t>(y, x) = cv::saturate_cast<std::uint8_t>(v);
        else m.at<std::uint16_t>(y, x) = cv::saturate_cast<std::uint16_t>(v);
      } else {
        m.at<cv::Vec3b>(y, x) = cv::Vec3b::all(cv::saturate_cast<std::uint8_t>(v));
      }
    }
  return m;
}

}  // namespace

TEST_CASE("8- and 16-bit gray PNG keep their values", "[film][raster]") {
  TempDir dir;
  for (int depth : {CV_8U, CV_16U}) {
    DYNAMIC_SECTION((depth == CV_8U ? "8-bit" : "16-bit")) {
      const cv::Mat image = ramp(depth, 1);
      REQUIRE(cv::imwrite(dir.file("f.png"), image));
      const auto film = loadFilm(dir.file("f.png"));
      REQUIRE(film.ok());
      CHECK(film.value().metadata().format == SourceFormat::Png);
      CHECK(film.value().columns() == 40);
      CHECK(film.value().rows() == 30);
      CHECK(film.value().metadata().bitsStored == (depth == CV_8U ? 8 : 16));
      CHECK(film.value().pixels().value(0) == 0);
      CHECK(film.value().pixels().value(1199) == (depth == CV_8U ? 255 : 65535));
      CHECK_FALSE(film.value().spacing().known());
    }
  }
}

TEST_CASE("colour PNG, JPEG and TIFF become gray", "[film][raster]") {
  TempDir dir;
  const cv::Mat image = ramp(CV_8U, 3);
  for (const char* name : {"c.png", "c.jpg", "c.tif"}) {
    DYNAMIC_SECTION(name) {
      REQUIRE(cv::imwrite(dir.file(name), image));
      const auto film = loadFilm(dir.file(name));
      REQUIRE(film.ok());
      CHECK(film.value().pixels().value(0) <= 3);
      CHECK(film.value().pixels().value(1199) >= 250);
    }
  }
}

TEST_CASE("content, not the extension, decides the format", "[film][raster]") {
  TempDir dir;
  REQUIRE(cv::imwrite(dir.file("real.png"), ramp(CV_8U, 1)));
  hilum::test::writeBytes(dir.file("named.dcm"), hilum::test::readBytes(dir.file("real.png")));
  const auto film = loadFilm(dir.file("named.dcm"));
  REQUIRE(film.ok());
  CHECK(film.value().metadata().format == SourceFormat::Png);
}
