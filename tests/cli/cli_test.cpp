// hilum-cli's contract: command names, JSON keys, exit codes and error lines that scripts rely on.
#include "cli.h"
#include "dicom_fixture.h"
#include "temp_dir.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <opencv2/core.hpp>
#include <opencv2/imgcodecs.hpp>

#include <sstream>

using namespace hilum::test;
using Catch::Matchers::Contains;
using Catch::Matchers::StartsWith;

namespace {

struct Run {
  int code;
  std::string out;
  std::string err;
};

Run cli(const std::vector<std::string>& args) {
  std::ostringstream out, err;
  const int code = hilum::cli::run(args, out, err);
  return {code, out.str(), err.str()};
}

std::string writeFilm(const TempDir& dir) {
  DicomSpec spec;
  spec.rows = 300;
  spec.columns = 200;
  spec.photometric = "MONOCHROME1";
  spec.attributes = {{"ImagerPixelSpacing", "0.15\\0.15"}, {"ViewPosition", "PA"},
                     {"WindowCenter", "2048"},          {"WindowWidth", "4096"}};
  writeDicom(spec, dir.file("chest.dcm"));
  return dir.file("chest.dcm");
}

}  // namespace

TEST_CASE("info --json has the contract keys", "[cli][info]") {
  TempDir dir;
  const std::string path = writeFilm(dir);
  const Run r = cli({"info", path, "--json"});
  REQUIRE(r.code == 0);
  const auto j = nlohmann::json::parse(r.out);
  for (const char* key : {"file", "modality", "photometric", "rows", "columns", "bits_stored", "frames",
                          "transfer_syntax", "pixel_spacing_mm", "spacing_source", "window_presets", "view_position"})
    CHECK(j.contains(key));
  CHECK(j["file"] == path);
  CHECK(j["modality"] == "DX");
  CHECK(j["photometric"] == "MONOCHROME1");
  CHECK(j["rows"] == 300);
  CHECK(j["columns"] == 200);
  CHECK(j["bits_stored"] == 12);
  CHECK(j["frames"] == 1);
  CHECK(j["transfer_syntax"] == "1.2.840.10008.1.2.1");
  CHECK(j["pixel_spacing_mm"][0] == Approx(0.15));
  CHECK(j["spacing_source"] == "detector");
  CHECK(j["view_position"] == "PA");
  REQUIRE(j["window_presets"].size() == 2);
  CHECK(j["window_presets"][0]["center"] == Approx(2048));
  CHECK(j["window_presets"][1]["kind"] == "full-range");
  CHECK(j["shown_inverted"] == true);
}

TEST_CASE("info without --json prints readable lines", "[cli][info]") {
  TempDir dir;
  const Run r = cli({"info", writeFilm(dir)});
  REQUIRE(r.code == 0);
  CHECK_THAT(r.out, Contains("200 x 300") && Contains("MONOCHROME1 (shown inverted)") && Contains("detector"));
}

TEST_CASE("render writes the 8-bit PNG the viewer would show", "[cli][render]") {
  TempDir dir;
  const std::string path = writeFilm(dir);
  const std::string out = dir.file("out.png");
  Run r = cli({"render", path, "-o", out, "--max-size", "150"});
  REQUIRE(r.code == 0);
  const cv::Mat image = cv::imread(out, cv::IMREAD_UNCHANGED);
  REQUIRE(image.type() == CV_8UC1);
  CHECK(image.rows == 150);
  CHECK(image.cols == 100);
  // MONOCHROME1: the minimum stored value (first pixel) is shown white.
  r = cli({"render", path, "-o", out});
  REQUIRE(r.code == 0);
  CHECK(cv::imread(out, cv::IMREAD_UNCHANGED).at<std::uint8_t>(0, 0) == 255);
  r = cli({"render", path, "-o", out, "--invert"});
  REQUIRE(r.code == 0);
  CHECK(cv::imread(out, cv::IMREAD_UNCHANGED).at<std::uint8_t>(0, 0) == 0);
  r = cli({"render", path, "-o", out, "--window", "100,10", "--max-size=50"});
  REQUIRE(r.code == 0);
  r = cli({"render", path, "-o", out, "--preset", "1"});
  REQUIRE(r.code == 0);
}

TEST_CASE("usage errors exit 2 and say what was wrong", "[cli][usage]") {
  TempDir dir;
  const std::string path = writeFilm(dir);
  const std::vector<std::vector<std::string>> bad = {
      {},
      {"frobnicate"},
      {"info"},
      {"info", path, "--colour"},
      {"render", path},
      {"render", path, "-o", dir.file("x.png"), "--window", "40"},
      {"render", path, "-o", dir.file("x.png"), "--max-size", "big"},
      {"render", path, "-o", dir.file("x.png"), "--preset", "-1"},
      {"bench", "open"},
      {"bench", "nothing", path},
      {"bench", "open", path, "--runs", "0"},
  };
  for (const auto& args : bad) {
    const Run r = cli(args);
    INFO("args: " << (args.empty() ? "(none)" : args[0]) << " ... (" << args.size() << ")");
    CHECK(r.code == 2);
    CHECK_THAT(r.err, StartsWith("hilum-cli: ") || Contains("usage"));
  }
}

TEST_CASE("file errors exit 1 with 'hilum-cli: FILE: reason'", "[cli][errors]") {
  TempDir dir;
  const std::string missing = dir.file("missing.dcm");
  Run r = cli({"info", missing});
  CHECK(r.code == 1);
  CHECK(r.err == "hilum-cli: " + missing + ": no such file\n");
  writeBytes(dir.file("junk.dcm"), std::string(300, '\x07'));
  r = cli({"render", dir.file("junk.dcm"), "-o", dir.file("x.png")});
  CHECK(r.code == 1);
  CHECK_THAT(r.err, StartsWith("hilum-cli: " + dir.file("junk.dcm") + ": "));
  r = cli({"render", writeFilm(dir), "-o", dir.file("x.png"), "--preset", "9"});
  CHECK(r.code == 1);
  CHECK_THAT(r.err, Contains("preset 9 does not exist"));
}

TEST_CASE("bench open reports median, min and max", "[cli][bench]") {
  TempDir dir;
  const std::string path = writeFilm(dir);
  Run r = cli({"bench", "open", path, "--runs", "3"});
  REQUIRE(r.code == 0);
  CHECK_THAT(r.out, Contains("median") && Contains("min") && Contains("max") && Contains("3 runs"));
  r = cli({"bench", "open", path, "--runs", "3", "--json"});
  REQUIRE(r.code == 0);
  const auto j = nlohmann::json::parse(r.out);
  CHECK(j["runs"] == 3);
  CHECK(j["ms"]["total"]["median"].get<double>() >= j["ms"]["total"]["min"].get<double>());
  CHECK(j["ms"]["total"]["max"].get<double>() >= j["ms"]["total"]["median"].get<double>());
}

TEST_CASE("version and help exit 0", "[cli]") {
  CHECK(cli({"version"}).code == 0);
  const Run help = cli({"help"});
  CHECK(help.code == 0);
  CHECK_THAT(help.out, Contains("render") && Contains("bench open"));
}
