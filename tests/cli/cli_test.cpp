// hilum-cli's contract: command names, JSON keys, exit codes and error lines that scripts rely on.
#include "cli_run.h"
#include "dicom_fixture.h"
#include "temp_dir.h"
#include "tiny_pack.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <opencv2/core.hpp>
#include <opencv2/imgcodecs.hpp>

#include <cstdlib>
#include <filesystem>
#include <sstream>

using namespace hilum::test;
using Catch::Matchers::Contains;
using Catch::Matchers::StartsWith;

namespace {

using Run = hilum::test::CliRun;
inline Run cli(const std::vector<std::string>& args) { return hilum::test::runCli(args); }

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
  REQUIRE(j["window_presets"].size() == 6);  // the file's window, full range, auto and three chest windows
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
  r = cli({"bench", "window", path, "--runs", "3", "--max-size", "64"});
  REQUIRE(r.code == 0);
  CHECK_THAT(r.out, Contains("3 frames") && Contains("frames/s"));
}

TEST_CASE("version and help exit 0", "[cli]") {
  CHECK(cli({"version"}).code == 0);
  const Run help = cli({"help"});
  CHECK(help.code == 0);
  CHECK_THAT(help.out, Contains("render") && Contains("bench open"));
}

namespace {

// A DICOM of the tiny pack's disc film, and the pack, made once for the analyze cases.
struct AnalyzeFixture {
  TempDir dir;
  std::string pack, film;
  AnalyzeFixture() {
    pack = dir.file("pack");
    std::filesystem::create_directories(pack);
    hilum::test::writeTinyPack(pack);
    film = dir.file("disc.dcm");
    hilum::test::writeFilmDicom(hilum::test::shapesFilm(0.3, 0.5), film);
  }
};

AnalyzeFixture& analyzeFixture() {
  static AnalyzeFixture fixture;
  return fixture;
}

}  // namespace

TEST_CASE("analyze --json prints the contract keys, findings ranked", "[cli][analyze]") {
  auto& f = analyzeFixture();
  const Run r = cli({"analyze", f.film, "--model", f.pack, "--json", "-", "--heatmaps", f.dir.file("maps")});
  INFO(r.err);
  REQUIRE(r.code == 0);
  const auto j = nlohmann::json::parse(r.out);
  CHECK(j["file"] == f.film);
  CHECK(j["model"]["name"] == "tiny-blobs");
  CHECK(j["model"]["sha256"].get<std::string>().size() == 64);
  CHECK(j["device"] == "cpu");
  CHECK_THAT(j["disclaimer"].get<std::string>(), Contains("not a diagnosis"));
  REQUIRE(j["findings"].size() == 2);
  CHECK(j["findings"][0]["label"] == "Disc");
  CHECK(j["findings"][0]["probability"].get<double>() >= j["findings"][1]["probability"].get<double>());
  for (const char* key : {"label", "probability", "threshold", "positive", "heatmap"}) CHECK(j["findings"][0].contains(key));
  CHECK(std::filesystem::exists(j["findings"][0]["heatmap"].get<std::string>()));
  for (const char* key : {"decode", "preprocess", "inference", "heatmaps", "total"}) CHECK(j["timing_ms"].contains(key));
}

TEST_CASE("analyze keeps going past a bad film and exits 1", "[cli][analyze]") {
  auto& f = analyzeFixture();
  const std::string missing = f.dir.file("missing.dcm");
  const Run r = cli({"analyze", missing, f.film, "--model", f.pack, "--json", f.dir.file("out.jsonl")});
  CHECK(r.code == 1);
  CHECK_THAT(r.err, Contains("hilum-cli: " + missing + ": no such file") && Contains("[2/2]"));
  const std::string lines = readBytes(f.dir.file("out.jsonl"));
  CHECK(nlohmann::json::parse(lines.substr(0, lines.find('\n')))["file"] == f.film);
}

TEST_CASE("analyze refuses a damaged pack by name", "[cli][analyze]") {
  auto& f = analyzeFixture();
  TempDir dir;
  const Run r = cli({"analyze", f.film, "--model", dir.path()});
  CHECK(r.code == 1);
  CHECK_THAT(r.err, Contains("model.json"));
  const Run device = cli({"analyze", f.film, "--model", f.pack, "--device", "tpu"});
  CHECK(device.code == 1);
  CHECK_THAT(device.err, Contains("tpu"));
}

TEST_CASE("a TorchScript pack from outside the shipped folders runs only with --allow-torchscript", "[cli][analyze]") {
  auto& f = analyzeFixture();
  TempDir dir;
  hilum::test::writeScriptPack(dir.path(), 2, true);
  const Run refused = cli({"analyze", f.film, "--model", dir.path()});
  CHECK(refused.code == 1);
  CHECK_THAT(refused.err, StartsWith("hilum-cli: ") && Contains(dir.path()) && Contains("TorchScript") &&
                              Contains("--allow-torchscript"));
  const Run report = cli({"report", f.film, "--model", dir.path(), "--png", dir.file("out.png")});
  CHECK(report.code == 1);
  CHECK_THAT(report.err, Contains("TorchScript"));
  const Run allowed = cli({"analyze", f.film, "--model", dir.path(), "--allow-torchscript", "--json", "-"});
  INFO(allowed.err);
  CHECK(allowed.code == 0);
  CHECK(nlohmann::json::parse(allowed.out)["model"]["name"] == "script-test");
}

TEST_CASE("models lists packs from HILUM_MODEL_PATH", "[cli][models]") {
  auto& f = analyzeFixture();
  setenv("HILUM_MODEL_PATH", f.dir.path().c_str(), 1);
  const Run r = cli({"models", "--json"});
  unsetenv("HILUM_MODEL_PATH");
  REQUIRE(r.code == 0);
  const auto j = nlohmann::json::parse(r.out);
  REQUIRE(j.size() == 1);
  CHECK(j[0]["name"] == "tiny-blobs");
  CHECK(j[0]["labels"] == 2);
  CHECK(j[0]["default"] == true);
}

TEST_CASE("evaluate scores a pack on a CSV of films", "[cli][evaluate]") {
  auto& f = analyzeFixture();
  TempDir dir;
  std::string csv = "image,finding_labels\n";
  for (int i = 0; i < 12; ++i) {
    const bool disc = i % 2 == 0, bar = i % 3 == 0;
    hilum::test::writeFilmDicom(hilum::test::shapesFilm(disc ? 0.3 + 0.03 * i : -1, 0.5, bar ? 0.8 : -1),
                                dir.file(std::to_string(i) + ".dcm"));
    csv += std::to_string(i) + ".dcm," + (disc && bar ? "Disc|Bar" : disc ? "Disc" : bar ? "Bar" : "No Finding") + "\n";
  }
  writeBytes(dir.file("labels.csv"), csv);
  const Run r = cli({"evaluate", "--model", f.pack, "--data", dir.file("labels.csv"), "--json", "-"});
  INFO(r.err);
  REQUIRE(r.code == 0);
  const auto j = nlohmann::json::parse(r.out);
  CHECK(j["films"] == 12);
  REQUIRE(j["labels"].size() == 2);
  CHECK(j["labels"][0].contains("auc_95ci"));
  CHECK(j["mean_auc"].get<double>() > 0.8);
}

TEST_CASE("evaluate --split scores one side of a saved split; gallery draws the calls", "[cli][evaluate][gallery]") {
  auto& f = analyzeFixture();
  TempDir dir;
  std::string csv = "image,finding_labels\n";
  nlohmann::json split = {{"train", nlohmann::json::array()}, {"validation", nlohmann::json::array()}, {"test", nlohmann::json::array()}};
  for (int i = 0; i < 8; ++i) {
    const bool disc = i % 2 == 0;
    hilum::test::writeFilmDicom(hilum::test::shapesFilm(disc ? 0.3 + 0.03 * i : -1, 0.5), dir.file(std::to_string(i) + ".dcm"));
    csv += std::to_string(i) + ".dcm," + (disc ? "Disc" : "No Finding") + "\n";
    split[i < 5 ? "train" : "test"].push_back(dir.file(std::to_string(i) + ".dcm"));
  }
  writeBytes(dir.file("labels.csv"), csv);
  writeBytes(dir.file("split.json"), split.dump());
  const Run e = cli({"evaluate", "--model", f.pack, "--data", dir.file("labels.csv"), "--split", dir.file("split.json"), "--json", "-"});
  INFO(e.err);
  REQUIRE(e.code == 0);
  CHECK(nlohmann::json::parse(e.out)["films"] == 3);
  const Run side = cli({"evaluate", "--model", f.pack, "--data", dir.file("labels.csv"), "--split", dir.file("split.json"), "--side", "holdout"});
  CHECK(side.code == 1);
  CHECK_THAT(side.err, Contains("split.json") && Contains("holdout"));

  const Run g = cli({"gallery", "--model", f.pack, "--data", dir.file("labels.csv"), "--out", dir.file("g.png"), "--columns", "4"});
  INFO(g.err);
  REQUIRE(g.code == 0);
  CHECK_THAT(g.out, Contains("8 films"));
  const cv::Mat sheet = cv::imread(dir.file("g.png"));
  REQUIRE_FALSE(sheet.empty());
  CHECK(sheet.cols > sheet.rows);  // 4 columns, 2 rows
  CHECK(cli({"gallery", "--model", f.pack, "--data", dir.file("labels.csv")}).code == 2);  // no --out
}

TEST_CASE("tags lists attributes as text and JSON", "[cli][tags]") {
  TempDir dir;
  const std::string path = writeFilm(dir);
  Run r = cli({"tags", path});
  REQUIRE(r.code == 0);
  CHECK_THAT(r.out, Contains("(0018,5101) CS ViewPosition [PA]"));
  r = cli({"tags", path, "--json"});
  REQUIRE(r.code == 0);
  const auto j = nlohmann::json::parse(r.out);
  CHECK(j.size() > 10);
  CHECK(cli({"tags", dir.file("none.dcm")}).code == 1);
}

TEST_CASE("index prints the study tree or JSON and lists skipped files", "[cli][index]") {
  TempDir dir;
  std::filesystem::create_directories(dir.file("study"));
  DicomSpec spec;
  spec.rows = 20;
  spec.columns = 10;
  spec.attributes = {{"PatientName", "DOE^JANE"},   {"PatientID", "P7"},
                     {"StudyInstanceUID", "1.2.826.3.1"}, {"StudyDate", "20240102"},
                     {"StudyDescription", "CHEST"}, {"SeriesInstanceUID", "1.2.826.3.1.1"},
                     {"SeriesNumber", "2"},         {"ViewPosition", "PA"},
                     {"InstanceNumber", "5"}};
  writeDicom(spec, dir.file("study/a.dcm"));
  spec.attributes.back().second = "4";
  writeDicom(spec, dir.file("study/b.dcm"));
  writeBytes(dir.file("study/readme.txt"), "films from the ward\n");

  Run r = cli({"index", dir.path()});
  REQUIRE(r.code == 0);
  CHECK_THAT(r.out, Contains("Patient DOE^JANE  id P7") && Contains("Study 20240102  CHEST") &&
                        Contains("Series 2  DX  [2 films]") && Contains(dir.file("study/a.dcm") + "  #5  DICOM 10 x 20  PA") &&
                        Contains("2 films in 1 patient, 1 study, 1 series; 1 file skipped"));
  CHECK(r.out.find("b.dcm") < r.out.find("a.dcm"));  // instance 4 before 5
  CHECK(r.err == "hilum-cli: " + dir.file("study/readme.txt") + ": not a DICOM file or a PNG/JPEG/TIFF image\n");

  r = cli({"index", dir.path(), "--json"});
  REQUIRE(r.code == 0);
  CHECK(r.err.empty());
  const auto j = nlohmann::json::parse(r.out);
  CHECK(j["path"] == dir.path());
  CHECK(j["films"] == 2);
  REQUIRE(j["patients"].size() == 1);
  const auto& patient = j["patients"][0];
  CHECK(patient["name"] == "DOE^JANE");
  CHECK(patient["id"] == "P7");
  CHECK(patient["birth_date"].is_null());
  const auto& study = patient["studies"].at(0);
  CHECK(study["study_instance_uid"] == "1.2.826.3.1");
  CHECK(study["date"] == "20240102");
  CHECK(study["description"] == "CHEST");
  const auto& series = study["series"].at(0);
  CHECK(series["series_instance_uid"] == "1.2.826.3.1.1");
  CHECK(series["number"] == 2);
  CHECK(series["modality"] == "DX");
  REQUIRE(series["films"].size() == 2);
  const auto& film = series["films"][0];
  CHECK(film["path"] == dir.file("study/b.dcm"));
  CHECK(film["instance_number"] == 4);
  CHECK(film["format"] == "DICOM");
  CHECK(film["rows"] == 20);
  CHECK(film["columns"] == 10);
  CHECK(film["frames"] == 1);
  CHECK(film["view_position"] == "PA");
  CHECK(film["laterality"].is_null());
  CHECK(film["sop_instance_uid"].is_string());
  REQUIRE(j["skipped"].size() == 1);
  CHECK(j["skipped"][0]["path"] == dir.file("study/readme.txt"));
  CHECK_THAT(j["skipped"][0]["reason"].get<std::string>(), Contains("not a DICOM file"));

  r = cli({"index", dir.file("missing")});
  CHECK(r.code == 1);
  CHECK(r.err == "hilum-cli: " + dir.file("missing") + ": no such file or folder\n");
  CHECK(cli({"index"}).code == 2);
  CHECK(cli({"index", dir.path(), dir.path()}).code == 2);
  CHECK(cli({"index", dir.path(), "--tree"}).code == 2);
  CHECK_THAT(cli({"help"}).out, Contains("index PATH [--json]"));
}

TEST_CASE("measure reports what the viewer's tools report, from a file or the command line", "[cli][measure]") {
  TempDir dir;
  const std::string path = writeFilm(dir);  // 0.15 mm detector spacing
  Run r = cli({"measure", path, "--distance", "0,0,100,0"});
  REQUIRE(r.code == 0);
  CHECK_THAT(r.out, Contains("1 distance: 15.0 mm (detector)"));
  r = cli({"measure", path, "--ctr", "40,100,100,100,10,120,160,120", "--json"});
  REQUIRE(r.code == 0);
  const auto j = nlohmann::json::parse(r.out);
  REQUIRE(j.size() == 1);
  CHECK(j[0]["ratio"].get<double>() == Approx(0.4));
  CHECK(j[0]["thorax_mm"].get<double>() == Approx(22.5));

  // An annotation file as the viewer saves it, drawn on this film.
  writeBytes(dir.file("a.json"),
             R"({"format":"hilum-annotations","version":1,"film":{"columns":200,"rows":300},"annotations":[)"
             R"({"kind":"rectangle","points":[[0,0],[10,10]]},{"kind":"arrow","points":[[5,5],[50,50]],"text":"look"}]})");
  r = cli({"measure", path, "--annotations", dir.file("a.json"), "--json"});
  REQUIRE(r.code == 0);
  const auto k = nlohmann::json::parse(r.out);
  REQUIRE(k.size() == 2);
  CHECK(k[0]["pixels"] == 100);
  CHECK(k[0]["area_mm2"].get<double>() == Approx(2.25));
  CHECK(k[1]["text"] == "look");

  CHECK(cli({"measure", path}).code == 2);                               // nothing to measure
  CHECK_THAT(cli({"measure", path, "--angle", "1,2,3"}).err, Contains("--angle needs 6"));
  writeBytes(dir.file("bad.json"), "{}");
  const Run bad = cli({"measure", path, "--annotations", dir.file("bad.json")});
  CHECK(bad.code == 1);
  CHECK_THAT(bad.err, Contains("bad.json"));
}

TEST_CASE("report writes the PDF, PNG and DICOM objects and refuses impossible requests", "[cli][report]") {
  TempDir packDir, dir;
  writeTinyPack(packDir.path());
  writeFilmDicom(shapesFilm(0.3, 0.5), dir.file("disc.dcm"));
  writeBytes(dir.file("a.json"),
             R"({"format":"hilum-annotations","version":1,"film":{"columns":128,"rows":128},"annotations":[)"
             R"({"kind":"distance","points":[[10,10],[60,10]]}]})");
  const std::string model = packDir.path();
  Run r = cli({"report", dir.file("disc.dcm"), "--model", model, "--pdf", dir.file("r.pdf"), "--png", dir.file("r.png"),
               "--sc", dir.file("sc.dcm"), "--sr", dir.file("sr.dcm"), "--encapsulated-pdf", dir.file("pdf.dcm"),
               "--gsps", dir.file("gsps.dcm"), "--annotations", dir.file("a.json"), "--impression", "Normal.", "--anonymize"});
  INFO(r.err);
  REQUIRE(r.code == 0);
  for (const char* name : {"r.pdf", "r.png", "sc.dcm", "sr.dcm", "pdf.dcm", "gsps.dcm"}) CHECK(std::filesystem::exists(dir.file(name)));
  CHECK_THAT(r.out, Contains("PDF report"));
  CHECK_THAT(r.out, Contains("DICOM Structured Report 2.25."));

  CHECK(cli({"report", dir.file("disc.dcm"), "--model", model}).code == 2);  // nothing to write
  CHECK_THAT(cli({"report", dir.file("disc.dcm"), "--model", model, "--encapsulated-pdf", dir.file("x.dcm")}).err,
             Contains("give --pdf too"));
  CHECK_THAT(cli({"report", dir.file("disc.dcm"), "--model", model, "--pdf", dir.file("y.pdf"), "--finding", "Nope"}).err,
             Contains("no finding 'Nope'"));
  CHECK_THAT(cli({"report", dir.file("disc.dcm"), "--model", model, "--gsps", dir.file("g.dcm")}).err, Contains("--gsps needs --annotations"));
  CHECK(cli({"report", dir.file("missing.dcm"), "--model", model, "--pdf", dir.file("z.pdf")}).code == 1);
}

TEST_CASE("anonymize copies a folder's films de-identified under neutral names, UIDs mapped consistently", "[cli][anonymize]") {
  TempDir dir;
  std::filesystem::create_directories(dir.file("Doe_Jane/study"));
  for (int i = 0; i < 2; ++i) {
    DicomSpec spec;
    spec.attributes = {{"PatientName", "Doe^Jane"}, {"PatientID", "MRN-42"}, {"StudyInstanceUID", "1.2.826.0.1.3680043.99.1"},
                       {"InstitutionName", "General Hospital"}, {"InstanceNumber", std::to_string(i + 1)}};
    writeDicom(spec, dir.file("Doe_Jane/study/f" + std::to_string(i) + ".dcm"));
  }
  writeBytes(dir.file("Doe_Jane/study/notes.txt"), "not a film");
  Run r = cli({"anonymize", dir.file("Doe_Jane"), "-o", dir.file("out"), "--json"});
  INFO(r.err);
  REQUIRE(r.code == 0);
  const auto j = nlohmann::json::parse(r.out);
  REQUIRE(j["written"].size() == 2);
  CHECK(j["skipped"].size() == 1);
  CHECK_THAT(j["written"][0]["file"].get<std::string>(), Contains("IMG0001.dcm"));
  std::string studies;
  for (const char* name : {"out/IMG0001.dcm", "out/IMG0002.dcm"}) {
    const Run info = cli({"info", dir.file(name), "--json"});
    REQUIRE(info.code == 0);
    CHECK_THAT(info.out, !Contains("Doe^Jane"));
    CHECK_THAT(info.out, !Contains("MRN-42"));
    CHECK_THAT(info.out, !Contains("General Hospital"));
    const Run tags = cli({"tags", dir.file(name)});
    const auto at = tags.out.find("StudyInstanceUID");
    REQUIRE(at != std::string::npos);
    const std::string line = tags.out.substr(at, tags.out.find('\n', at) - at);
    CHECK_THAT(line, !Contains("1.2.826.0.1.3680043.99.1"));
    if (studies.empty()) studies = line;
    else CHECK(line == studies);  // one study in, one (new) study out
  }
  CHECK(cli({"anonymize", dir.file("Doe_Jane")}).code == 2);  // needs -o
}

TEST_CASE("calibrate fits temperatures, keeps which findings are positive, and evaluate reports ECE", "[cli][calibrate]") {
  TempDir packDir, dir;
  writeTinyPack(packDir.path());
  std::string csv = "image,finding_labels\n";
  for (int i = 0; i < 16; ++i) {
    const bool disc = i % 2 == 0, bar = i % 3 == 0;
    writeFilmDicom(shapesFilm(disc ? 0.25 + 0.03 * i : -1, 0.5, bar ? 0.8 : -1), dir.file(std::to_string(i) + ".dcm"));
    csv += std::to_string(i) + ".dcm," + (disc && bar ? "Disc|Bar" : disc ? "Disc" : bar ? "Bar" : "No Finding") + "\n";
  }
  writeBytes(dir.file("labels.csv"), csv);
  auto positives = [&](const std::string& film) {
    const auto j = nlohmann::json::parse(cli({"analyze", film, "--model", packDir.path(), "--json", "-"}).out);
    std::vector<std::pair<std::string, bool>> out;
    for (const auto& f : j["findings"]) out.emplace_back(f["label"], f["positive"]);
    std::sort(out.begin(), out.end());
    return out;
  };
  const auto before0 = positives(dir.file("0.dcm")), before1 = positives(dir.file("1.dcm"));

  const Run r = cli({"calibrate", "--model", packDir.path(), "--data", dir.file("labels.csv")});
  INFO(r.err);
  REQUIRE(r.code == 0);
  CHECK_THAT(r.out, Contains("Platt scaling on 16 films"));
  const auto manifest = hilum::ai::readManifest(packDir.path());
  REQUIRE(manifest.ok());
  REQUIRE(manifest.value().calibration.scales.size() == 2);
  CHECK(manifest.value().calibration.method == "platt");
  CHECK(manifest.value().calibration.eceAfter <= manifest.value().calibration.eceBefore + 1e-9);
  CHECK(positives(dir.file("0.dcm")) == before0);
  CHECK(positives(dir.file("1.dcm")) == before1);
  // Calibrating again on the same films fits the same scaling and leaves every threshold where it
  // was: a threshold is mapped from the raw scale once, not once per calibration.
  REQUIRE(cli({"calibrate", "--model", packDir.path(), "--data", dir.file("labels.csv")}).code == 0);
  const auto again = hilum::ai::readManifest(packDir.path());
  REQUIRE(again.ok());
  for (std::size_t k = 0; k < 2; ++k) {
    CHECK(again.value().operatingPoints[k].threshold == Approx(manifest.value().operatingPoints[k].threshold).epsilon(1e-6));
    CHECK(again.value().calibration.scales[k] == Approx(manifest.value().calibration.scales[k]).epsilon(1e-6));
  }
  CHECK(positives(dir.file("0.dcm")) == before0);

  const auto e = nlohmann::json::parse(cli({"evaluate", "--model", packDir.path(), "--data", dir.file("labels.csv"), "--json", "-"}).out);
  CHECK(e.contains("mean_ece"));
  CHECK(e["labels"][0].contains("ece"));
  CHECK(cli({"calibrate", "--model", packDir.path()}).code == 2);
}

TEST_CASE("heatmap-check compares trained and randomised heatmaps", "[cli][safety]") {
  TempDir packDir, dir;
  writeTinyPack(packDir.path());
  for (int i = 0; i < 3; ++i) writeFilmDicom(shapesFilm(0.2 + 0.25 * i, 0.5), dir.file(std::to_string(i) + ".dcm"));
  const Run r = cli({"heatmap-check", "--model", packDir.path(), dir.file("0.dcm"), dir.file("1.dcm"), dir.file("2.dcm")});
  INFO(r.err);
  REQUIRE(r.code == 0);
  CHECK_THAT(r.out, Contains("median correlation of trained and randomised heatmaps over 3 films"));
  CHECK_THAT(r.out, Contains("depend on the trained weights"));
  CHECK(cli({"heatmap-check", "--model", packDir.path()}).code == 2);
}
