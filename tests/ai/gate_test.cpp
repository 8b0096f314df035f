// Knowing when not to answer: the metadata gate and the pixel checks on films made for each case.
#include "hilum/ai/film_gate.h"

#include <catch2/catch.hpp>

using namespace hilum;

namespace {

// A 200 x 200 frontal-looking film: bright centre strip (mediastinum), darker lungs beside it.
film::Film chestLike(film::FilmMetadata metadata = {}, bool inverted = false, int size = 200) {
  film::PixelBuffer pixels;
  pixels.columns = pixels.rows = size;
  for (int y = 0; y < size; ++y)
    for (int x = 0; x < size; ++x) {
      const double u = static_cast<double>(x) / size;
      int v = (u > 0.4 && u < 0.6) ? 3000 : (u > 0.1 && u < 0.9) ? 800 + (x * 7 + y * 3) % 400 : 2000;
      if (inverted) v = 4095 - v;
      pixels.data.push_back(static_cast<std::uint16_t>(v));
    }
  return film::Film("chest", std::move(pixels), {}, {}, std::move(metadata));
}

ai::ModelManifest adultFrontalChest() {
  ai::ModelManifest m;
  m.inputSize = 224;
  m.accepts.modalities = {"CR", "DX"};
  m.accepts.bodyParts = {"CHEST"};
  m.accepts.views = {"PA", "AP"};
  m.accepts.minAgeYears = 18;
  return m;
}

}  // namespace

TEST_CASE("films the pack was trained for pass the gate without warnings", "[ai][gate]") {
  film::FilmMetadata m;
  m.modality = "DX";
  m.bodyPartExamined = "chest";  // case does not matter
  m.viewPosition = "PA";
  m.patientAge = "045Y";
  const auto gate = ai::checkFilm(adultFrontalChest(), chestLike(m));
  CHECK(gate.accepted);
  CHECK(gate.reasons.empty());
  CHECK(gate.qualityWarnings.empty());
  // A PNG says nothing about itself: only the pixels are judged.
  CHECK(ai::checkFilm(adultFrontalChest(), chestLike()).accepted);
}

TEST_CASE("lateral, non-chest, CT and paediatric films are refused with their reason", "[ai][gate]") {
  film::FilmMetadata m;
  m.modality = "CT";
  m.bodyPartExamined = "ABDOMEN";
  m.viewPosition = "LL";
  m.patientAge = "008Y";
  const auto gate = ai::checkFilm(adultFrontalChest(), chestLike(m));
  CHECK_FALSE(gate.accepted);
  REQUIRE(gate.reasons.size() == 4);
  CHECK(gate.reasons[0] == "modality CT: model trained on CR, DX films");
  CHECK(gate.reasons[1] == "body part ABDOMEN: model trained on CHEST films");
  CHECK(gate.reasons[2] == "view LL (lateral): model trained on PA, AP films");
  CHECK(gate.reasons[3] == "patient age 8 years: model trained on patients aged 18 and over");
  // A pack without an acceptance list takes everything.
  CHECK(ai::checkFilm(ai::ModelManifest{}, chestLike(m)).accepted);
}

TEST_CASE("pixel checks name uniform, saturated, inverted-looking and tiny films", "[ai][gate]") {
  const auto manifest = adultFrontalChest();
  film::PixelBuffer flat;
  flat.columns = flat.rows = 200;
  flat.data.assign(200 * 200, 1000);
  const auto uniform = ai::checkFilm(manifest, film::Film("flat", flat, {}, {}, {}));
  REQUIRE(uniform.qualityWarnings.size() == 1);
  CHECK_THAT(uniform.qualityWarnings[0], Catch::Contains("nearly uniform"));
  CHECK(uniform.accepted);  // a warning, not a refusal

  film::PixelBuffer halves = flat;  // half black, half white, with a window that clips both
  for (std::size_t i = 0; i < halves.data.size(); ++i) halves.data[i] = (i % 200) < 100 ? 0 : 4095;
  const auto saturated = ai::checkFilm(manifest, film::Film("halves", halves, {}, {}, {}));
  REQUIRE_FALSE(saturated.qualityWarnings.empty());
  CHECK_THAT(saturated.qualityWarnings[0], Catch::Contains("mostly saturated"));

  const auto inverted = ai::checkFilm(manifest, chestLike({}, true));
  REQUIRE(inverted.qualityWarnings.size() == 1);
  CHECK_THAT(inverted.qualityWarnings[0], Catch::Contains("looks inverted"));

  const auto tiny = ai::checkFilm(manifest, chestLike({}, false, 100));
  REQUIRE_FALSE(tiny.qualityWarnings.empty());
  CHECK_THAT(tiny.qualityWarnings[0], Catch::Contains("very low resolution (100 x 100 px)"));
}

TEST_CASE("DICOM age strings become years", "[ai][gate]") {
  CHECK(*ai::ageInYears("045Y") == Approx(45));
  CHECK(*ai::ageInYears("018M") == Approx(1.5));
  CHECK(*ai::ageInYears("026W") == Approx(26 * 7 / 365.25));
  CHECK(*ai::ageInYears("010D") == Approx(10 / 365.25));
  CHECK_FALSE(ai::ageInYears("45Y").has_value());
  CHECK_FALSE(ai::ageInYears("").has_value());
  CHECK_FALSE(ai::ageInYears("045X").has_value());
}

TEST_CASE("a manifest's acceptance round-trips through model.json", "[ai][gate][manifest]") {
  ai::ModelManifest m = adultFrontalChest();
  m.name = "x";
  m.version = "1";
  m.labels = {{"A", "", {}}};
  m.operatingPoints = {{}};
  m.weightsFile = "w.pt";
  m.architecture = "smallcnn";
  m.normalization.name = "imagenet";
  m.weightsSha256 = std::string(64, 'a');
  const auto back = ai::parseManifest(ai::toJson(m), "model.json");
  INFO((back.ok() ? std::string() : back.error().message()));
  REQUIRE(back.ok());
  CHECK(back.value().accepts.views == std::vector<std::string>{"PA", "AP"});
  CHECK(*back.value().accepts.minAgeYears == 18);
}
