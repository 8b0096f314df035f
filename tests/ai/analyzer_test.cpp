// Analyzer through its public API on packs made in the test: ranking, thresholds, heatmaps, refusals.
#include "temp_dir.h"
#include "tiny_pack.h"

#include "hilum/ai/analyzer.h"
#include "hilum/base/statistics.h"
#include "hilum/ai/heatmap_image.h"
#include "hilum/ai/model_packs.h"
#include "hilum/ai/pack_trust.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>

using namespace hilum;
using hilum::test::TempDir;
using Catch::Matchers::Contains;

namespace {

// The tiny pack is trained once per process: every case below reads it.
const std::string& tinyPack() {
  static TempDir dir;
  static const bool made = (test::writeTinyPack(dir.path()), true);
  (void)made;
  return dir.path();
}

std::unique_ptr<ai::Analyzer> open(const std::string& pack) {
  auto analyzer = ai::Analyzer::open(pack);
  INFO((analyzer.ok() ? std::string() : analyzer.error().message()));
  REQUIRE(analyzer.ok());
  return std::move(analyzer).value();
}

// Where a heatmap peaks, in [0, 1] of its width (the pointing game's criterion).
double peakX(const ai::Heatmap& h) {
  const auto top = std::max_element(h.values.begin(), h.values.end()) - h.values.begin();
  return (static_cast<double>(top % h.width) + 0.5) / h.width;
}

void copyPack(const std::string& from, const std::string& to) {
  std::filesystem::create_directories(to);
  for (const auto& e : std::filesystem::directory_iterator(from))
    std::filesystem::copy_file(e.path(), to + "/" + e.path().filename().string(),
                               std::filesystem::copy_options::overwrite_existing);
}

}  // namespace

TEST_CASE("a tiny trained pack ranks the finding that is there first", "[ai][analyzer]") {
  auto analyzer = open(tinyPack());
  CHECK(analyzer->device() == "cpu");
  CHECK(analyzer->threads() >= 1);
  const auto disc = analyzer->analyze(test::shapesFilm(0.25, 0.5));
  REQUIRE(disc.ok());
  REQUIRE(disc.value().ranked.size() == 2);
  CHECK(disc.value().ranked[0].label == "Disc");
  CHECK(disc.value().ranked[0].positive);
  CHECK_FALSE(disc.value().ranked[1].positive);
  CHECK(disc.value().ranked[0].probability > disc.value().ranked[1].probability);
  CHECK(*disc.value().ranked[0].sensitivity == 0.9);
  CHECK(disc.value().model.name == "tiny-blobs");
  CHECK(disc.value().model.sha256.size() == 64);
  const auto bar = analyzer->analyze(test::shapesFilm(-1, 0, 0.3));
  REQUIRE(bar.ok());
  CHECK(bar.value().ranked[0].label == "Bar");
  CHECK(bar.value().ranked[0].positive);
  CHECK_FALSE(bar.value().ranked[1].positive);
  const auto both = analyzer->analyze(test::shapesFilm(0.7, 0.7, 0.2));
  REQUIRE(both.ok());
  INFO(both.value().ranked[0].label << " " << both.value().ranked[0].probability << ", "
                                    << both.value().ranked[1].label << " " << both.value().ranked[1].probability);
  CHECK(both.value().ranked[0].positive);
  CHECK(both.value().ranked[1].positive);
}

TEST_CASE("each finding's heatmap points at its evidence", "[ai][analyzer][heatmaps]") {
  auto analyzer = open(tinyPack());
  for (double cx : {0.2, 0.8}) {
    const auto f = analyzer->analyze(test::shapesFilm(cx, 0.5));
    REQUIRE(f.ok());
    REQUIRE(f.value().heatmaps.size() == 2);
    const auto& map = f.value().heatmaps[0];
    REQUIRE(map.label == "Disc");
    CHECK(std::abs(peakX(map) - cx) < 0.2);
    CHECK(*std::max_element(map.values.begin(), map.values.end()) == Approx(1.0f));
    const auto full = map.atFilmResolution();
    REQUIRE(full.size() == 128u * 128u);
    const int onDisc = static_cast<int>(cx * 127), away = cx < 0.5 ? 115 : 12;
    CHECK(full[64 * 128 + onDisc] > full[64 * 128 + away]);
  }
}

TEST_CASE("heatmaps depend on the trained weights: randomised weights give another map", "[ai][analyzer][heatmaps][safety]") {
  // The model-randomisation sanity check (Adebayo et al. 2018): a saliency method whose maps survive
  // randomised weights is showing the image, not the model's reasoning.
  TempDir dir;
  auto trained = open(tinyPack());
  const auto manifest = trained->manifest();
  auto randomManifest = test::writeRandomPack(dir.path(), "smallcnn", {"Disc", "Bar"}, manifest.inputSize, manifest.inputChannels);
  randomManifest.normalization = manifest.normalization;
  randomManifest.window = manifest.window;
  test::writeManifest(dir.path(), randomManifest);
  auto random = open(dir.path());
  const auto film = test::shapesFilm(0.25, 0.5);
  const auto a = trained->analyze(film), b = random->analyze(film);
  REQUIRE(a.ok());
  REQUIRE(b.ok());
  auto discMap = [](const ai::Findings& f) {
    for (const auto& h : f.heatmaps)
      if (h.label == "Disc") return h.atFilmResolution();
    return std::vector<float>{};
  };
  const auto x = discMap(a.value()), y = discMap(b.value());
  REQUIRE(x.size() == y.size());
  REQUIRE_FALSE(x.empty());
  const double correlation = pearsonCorrelation(x, y);
  INFO("correlation of trained and randomised Disc maps: " << correlation);
  CHECK(correlation < 0.8);
}

TEST_CASE("the CAM fast path equals autograd Grad-CAM", "[ai][analyzer][heatmaps]") {
  TempDir dir;
  struct Case { std::string arch; int size; };
  for (const Case& c : {Case{"tiny", 32}, Case{"resnet18", 64}, Case{"densenet121", 64}}) {
    DYNAMIC_SECTION(c.arch) {
      std::string pack = tinyPack();
      if (c.arch != "tiny") {
        pack = dir.file(c.arch);
        std::filesystem::create_directories(pack);
        test::writeRandomPack(pack, c.arch, {"A", "B", "C"}, c.size);
      }
      auto analyzer = open(pack);
      CHECK(analyzer->hasFastHeatmaps());
      const film::Film film = test::shapesFilm(0.3, 0.6, 0.2);
      ai::AnalyzeOptions fast, autograd;
      autograd.method = ai::HeatmapMethod::GradCam;
      const auto a = analyzer->analyze(film, fast);
      const auto b = analyzer->analyze(film, autograd);
      REQUIRE(a.ok());
      REQUIRE(b.ok());
      REQUIRE(a.value().heatmaps.size() == b.value().heatmaps.size());
      float worst = 0;
      for (std::size_t k = 0; k < a.value().heatmaps.size(); ++k) {
        const auto& x = a.value().heatmaps[k].values;
        const auto& y = b.value().heatmaps[k].values;
        REQUIRE(x.size() == y.size());
        for (std::size_t i = 0; i < x.size(); ++i) worst = std::max(worst, std::abs(x[i] - y[i]));
      }
      CHECK(worst < 1e-4f);
    }
  }
}

TEST_CASE("thresholds decide positives, not rank", "[ai][analyzer]") {
  TempDir dir;
  copyPack(tinyPack(), dir.path());
  auto manifest = ai::readManifest(dir.path()).value();
  manifest.operatingPoints[0].threshold = 0.999999;
  test::writeManifest(dir.path(), manifest);
  auto analyzer = open(dir.path());
  const auto f = analyzer->analyze(test::shapesFilm(0.25, 0.5));
  REQUIRE(f.ok());
  CHECK(f.value().ranked[0].label == "Disc");
  CHECK(f.value().ranked[0].threshold == 0.999999);
  CHECK_FALSE(f.value().ranked[0].positive);
}

TEST_CASE("single-label packs give a top class and grouped children", "[ai][analyzer]") {
  TempDir dir;
  auto manifest = test::writeTinyPack(dir.path(), ai::Task::SingleLabel);
  manifest.labels[0].parent = "Lateral";
  manifest.labels[1].parent = "Lateral";
  test::writeManifest(dir.path(), manifest);
  auto analyzer = open(dir.path());
  const auto f = analyzer->analyze(test::shapesFilm(-1, 0, 0.6));
  REQUIRE(f.ok());
  REQUIRE(f.value().topLabel.has_value());
  CHECK(*f.value().topLabel == "Bar");
  CHECK(f.value().ranked[0].probability + f.value().ranked[1].probability == Approx(1.0));
  REQUIRE(f.value().groups.size() == 1);
  CHECK(f.value().groups[0].probability == Approx(1.0));
  CHECK(f.value().groups[0].children.size() == 2);
}

TEST_CASE("damaged or wrong packs are refused with the reason", "[ai][analyzer][refusals]") {
  TempDir dir;
  const std::string pack = dir.file("pack");
  copyPack(tinyPack(), pack);
  auto refusal = [&](const char* says) {
    const auto analyzer = ai::Analyzer::open(pack);
    REQUIRE_FALSE(analyzer.ok());
    CHECK_THAT(analyzer.error().message(), Contains(says));
  };
  SECTION("no model.json") {
    std::filesystem::remove(pack + "/model.json");
    refusal("no model.json");
  }
  SECTION("manifest not JSON") {
    test::writeBytes(pack + "/model.json", "{ broken");
    refusal("not valid JSON");
  }
  SECTION("weights missing") {
    std::filesystem::remove(pack + "/weights.pt");
    refusal("missing");
  }
  SECTION("weights damaged") {
    std::string bytes = test::readBytes(pack + "/weights.pt");
    bytes[bytes.size() / 2] ^= 0x55;
    test::writeBytes(pack + "/weights.pt", bytes);
    refusal("sha256");
  }
  SECTION("more labels than outputs") {
    auto m = ai::readManifest(pack).value();
    m.labels.push_back({"Ring", "", {}});
    m.operatingPoints.push_back({});
    test::writeManifest(pack, m);
    refusal("classifier.weight");
  }
  SECTION("unknown architecture") {
    auto m = ai::readManifest(pack).value();
    m.architecture = "transformer9000";
    test::writeManifest(pack, m);
    refusal("transformer9000");
  }
  SECTION("weights of another architecture") {
    auto m = ai::readManifest(pack).value();
    m.architecture = "resnet18";
    test::writeManifest(pack, m);
    refusal("weights");
  }
}

TEST_CASE("CUDA is used where it exists and refused clearly where it does not", "[ai][analyzer][gpu]") {
  ai::AnalyzerOptions options;
  options.device = "cuda";
  const auto analyzer = ai::Analyzer::open(tinyPack(), options);
  if (!analyzer.ok()) {
    CHECK_THAT(analyzer.error().reason(), Contains("CUDA"));
    WARN("CUDA path skipped: " << analyzer.error().reason());
    return;
  }
  auto cpu = open(tinyPack());
  const auto film = test::shapesFilm(0.25, 0.5);
  const auto a = analyzer.value()->analyze(film);
  const auto b = cpu->analyze(film);
  REQUIRE(a.ok());
  REQUIRE(b.ok());
  CHECK(a.value().ranked[0].probability == Approx(b.value().ranked[0].probability).epsilon(1e-4));
}

TEST_CASE("a cancelled analysis stops and says so", "[ai][analyzer]") {
  auto analyzer = open(tinyPack());
  std::atomic<bool> cancel{true};
  ai::AnalyzeOptions options;
  options.cancel = &cancel;
  const auto f = analyzer->analyze(test::shapesFilm(0.25, 0.5), options);
  REQUIRE_FALSE(f.ok());
  CHECK(f.error().code() == ErrorCode::Cancelled);
  std::vector<double> fractions;
  ai::AnalyzeOptions reporting;
  reporting.progress = [&](double fraction, const char*) { fractions.push_back(fraction); };
  REQUIRE(analyzer->analyze(test::shapesFilm(0.25, 0.5), reporting).ok());
  CHECK(fractions.front() == 0.0);
  CHECK(fractions.back() == 1.0);
  CHECK(std::is_sorted(fractions.begin(), fractions.end()));
}

TEST_CASE("a heatmap overlay PNG is written for a finding", "[ai][heatmaps]") {
  TempDir dir;
  auto analyzer = open(tinyPack());
  const auto film = test::shapesFilm(0.25, 0.5);
  const auto f = analyzer->analyze(film);
  REQUIRE(f.ok());
  REQUIRE(ai::writeHeatmapOverlay(film, f.value().heatmaps[0], dir.file("left.png"), 64).ok());
  const std::string png = test::readBytes(dir.file("left.png"));
  REQUIRE(png.size() > 8);
  CHECK(png.substr(1, 3) == "PNG");
}

TEST_CASE("TorchScript packs run, with Grad-CAM where they export features and head", "[ai][analyzer][torchscript]") {
  TempDir dir;
  SECTION("splittable") {
    test::writeScriptPack(dir.path(), 2, true);
    REQUIRE(ai::allowTorchScript(dir.path()).ok());  // a temporary folder is not a shipped one
    auto analyzer = open(dir.path());
    CHECK_FALSE(analyzer->hasFastHeatmaps());  // no native linear head to read: autograd Grad-CAM
    const auto f = analyzer->analyze(test::shapesFilm(0.3, 0.3));
    REQUIRE(f.ok());
    CHECK(f.value().ranked.size() == 2);
    CHECK(f.value().heatmaps.size() == 2);
  }
  SECTION("forward only") {
    test::writeScriptPack(dir.path(), 2, false);
    REQUIRE(ai::allowTorchScript(dir.path()).ok());
    auto analyzer = open(dir.path());
    const auto f = analyzer->analyze(test::shapesFilm(0.3, 0.3));
    REQUIRE(f.ok());
    CHECK(f.value().ranked.size() == 2);
    CHECK(f.value().heatmaps.empty());
  }
  SECTION("more outputs than labels") {
    test::writeScriptPack(dir.path(), 3, true);
    REQUIRE(ai::allowTorchScript(dir.path()).ok());
    const auto analyzer = ai::Analyzer::open(dir.path());
    REQUIRE_FALSE(analyzer.ok());
    CHECK_THAT(analyzer.error().reason(), Contains("3 outputs") && Contains("2 labels"));
  }
}

TEST_CASE("a TorchScript pack from outside the shipped folders opens only when allowed", "[ai][analyzer][torchscript]") {
  TempDir dir;
  test::writeScriptPack(dir.path(), 2, true);
  const auto refused = ai::Analyzer::open(dir.path());
  REQUIRE_FALSE(refused.ok());
  CHECK(refused.error().code() == ErrorCode::Unsupported);
  CHECK(std::filesystem::equivalent(refused.error().path(), dir.path()));  // names the pack folder
  CHECK_THAT(refused.error().reason(), Contains("TorchScript") && Contains("runs the code it contains") &&
                                           Contains("--allow-torchscript") && Contains("viewer"));

  ai::allowTorchScript(dir.path() + "/", std::string(64, '0'));  // other weights: no
  CHECK_FALSE(ai::Analyzer::open(dir.path()).ok());
  REQUIRE(ai::allowTorchScript(dir.path() + "/.").ok());  // any spelling of the folder
  CHECK(ai::Analyzer::open(dir.path()).ok());

  // The choice covers those weights only: replaced ones need a new choice.
  test::writeScriptPack(dir.path(), 3, false);
  const auto replaced = ai::Analyzer::open(dir.path());
  REQUIRE_FALSE(replaced.ok());
  CHECK_THAT(replaced.error().reason(), Contains("TorchScript model pack from outside"));
}

TEST_CASE("the TorchScript refusal comes before the weights are read", "[ai][analyzer][torchscript]") {
  // A state-dict pack whose manifest claims TorchScript, then without its weights at all: the
  // refusal stands before anything loads or even hashes the file.
  TempDir dir;
  auto manifest = test::writeRandomPack(dir.path(), "smallcnn", {"Disc", "Bar"}, 32, 1);
  manifest.weightsFormat = ai::WeightsFormat::TorchScript;
  test::writeManifest(dir.path(), manifest);
  std::filesystem::remove(dir.file("weights.pt"));
  const auto refused = ai::Analyzer::open(dir.path());
  REQUIRE_FALSE(refused.ok());
  CHECK_THAT(refused.error().reason(), Contains("TorchScript model pack from outside"));
  // Allowed, the same pack gets as far as its weights.
  REQUIRE(ai::allowTorchScript(dir.path()).ok());
  const auto missing = ai::Analyzer::open(dir.path());
  REQUIRE_FALSE(missing.ok());
  CHECK_THAT(missing.error().path(), Contains("weights.pt"));
}

TEST_CASE("packs inside the shipped model folders are trusted, links out of them are not", "[ai][torchscript]") {
  // The checkout's models/ for a test run from the build folder (the installed folder is absent).
  std::string shipped;
  for (const auto& folder : ai::shippedModelFolders())
    if (shipped.empty() && std::filesystem::is_directory(folder)) shipped = folder;
  REQUIRE_FALSE(shipped.empty());
  CHECK(ai::isShippedPack(shipped + "/some-pack"));
  CHECK(ai::isShippedPack(shipped + "/some-pack/"));
  CHECK_FALSE(ai::isShippedPack(shipped + "/../elsewhere"));
  TempDir dir;
  CHECK_FALSE(ai::isShippedPack(dir.path()));
  // A link named like a pack is judged by where it leads.
  std::filesystem::create_directory_symlink(dir.path(), dir.file("link"));
  CHECK_FALSE(ai::isShippedPack(dir.file("link")));
  std::filesystem::create_directory_symlink(shipped, dir.file("into-models"));
  CHECK(ai::isShippedPack(dir.file("into-models") + "/some-pack"));
}
