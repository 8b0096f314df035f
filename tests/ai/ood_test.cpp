// The out-of-distribution detector on the tiny pack: fitted on generated shape films, it must call
// films of other kinds -- noise, stripes, a blank field -- unlike its training data, and keep
// shape films it never saw below its threshold.
#include "temp_dir.h"
#include "tiny_pack.h"

#include "hilum/ai/analyzer.h"

#include <catch2/catch.hpp>

#include <fstream>

using namespace hilum;

namespace {

film::Film pattern(const std::string& name, int (*value)(int x, int y)) {
  film::PixelBuffer pixels;
  pixels.columns = pixels.rows = 128;
  for (int y = 0; y < 128; ++y)
    for (int x = 0; x < 128; ++x) pixels.data.push_back(static_cast<std::uint16_t>(value(x, y)));
  return film::Film(name, std::move(pixels), {}, {}, {});
}

std::vector<float> pooled(ai::Analyzer& analyzer, const film::Film& film) {
  auto input = ai::preprocess(film, analyzer.manifest());
  REQUIRE(input.ok());
  auto features = analyzer.pooledFeatures(input.value());
  REQUIRE(features.ok());
  return features.value();
}

// Shape films like the pack's training data: a disc and/or a bar at varying places.
film::Film shapes(int i) {
  const double cx = 0.15 + 0.7 * ((i * 37) % 100) / 100.0, cy = 0.2 + 0.6 * ((i * 53) % 100) / 100.0;
  return test::shapesFilm(i % 3 == 2 ? -1 : cx, cy, i % 3 == 0 ? -1 : 0.15 + 0.7 * ((i * 29) % 100) / 100.0);
}

}  // namespace

TEST_CASE("the out-of-distribution score separates shape films from foreign ones", "[ai][ood][safety]") {
  test::TempDir dir;
  test::writeTinyPack(dir.path());
  {
    auto analyzer = ai::Analyzer::open(dir.path());
    REQUIRE(analyzer.ok());
    std::vector<std::vector<float>> fit, heldOut;
    for (int i = 0; i < 60; ++i) fit.push_back(pooled(*analyzer.value(), shapes(i)));
    for (int i = 60; i < 90; ++i) heldOut.push_back(pooled(*analyzer.value(), shapes(i)));
    const auto spec = ai::fitOutOfDistribution(dir.path(), fit, heldOut, 0.95);
    REQUIRE(spec.ok());
    CHECK(spec.value().fitFilms == 60);
    CHECK(spec.value().heldOutFilms == 30);
    CHECK(spec.value().threshold > 0);
  }
  auto analyzer = ai::Analyzer::open(dir.path());
  REQUIRE(analyzer.ok());
  REQUIRE(analyzer.value()->manifest().ood.has_value());

  int inside = 0;
  for (int i = 100; i < 110; ++i) {
    const auto f = analyzer.value()->analyze(shapes(i));
    REQUIRE(f.ok());
    REQUIRE(f.value().oodScore.has_value());
    inside += f.value().outOfDistribution() ? 0 : 1;
  }
  CHECK(inside >= 8);  // unseen shape films: mostly below the 95th-percentile threshold

  const film::Film foreign[] = {
      pattern("noise", [](int x, int y) { return static_cast<int>((x * 7919u + y * 104729u) * 2654435761u % 4096u); }),
      pattern("stripes", [](int x, int) { return (x / 4) % 2 ? 4000 : 0; }),
      pattern("text-like", [](int x, int y) { return ((x % 12) < 8 && (y % 16) < 10 && ((x * 13 + y * 7) % 5) < 3) ? 4000 : 300; }),
  };
  for (const auto& film : foreign) {
    const auto f = analyzer.value()->analyze(film);
    REQUIRE(f.ok());
    INFO(film.path() << ": score " << *f.value().oodScore << ", threshold " << *f.value().oodThreshold);
    CHECK(f.value().outOfDistribution());
    CHECK_THAT(f.value().qualityWarnings.back(), Catch::Contains("unlike the films the model was trained on"));
  }

  // Damaged statistics are refused, not silently used.
  { std::ofstream(dir.path() + "/ood.f32", std::ios::app) << "x"; }
  const auto damaged = ai::Analyzer::open(dir.path());
  REQUIRE_FALSE(damaged.ok());
  CHECK_THAT(damaged.error().message(), Catch::Contains("out-of-distribution statistics"));
}
