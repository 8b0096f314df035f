// What a film declares besides its pixels: display attributes, pixel spacing with its source,
// and the metadata the viewer and reports show.
#include "dicom_fixture.h"
#include "temp_dir.h"

#include "hilum/film/dicom_tags.h"
#include "hilum/film/loader.h"

#include <catch2/catch.hpp>

#include <algorithm>

using hilum::film::loadFilm;
using hilum::film::SpacingSource;
using namespace hilum::test;
using Catch::Matchers::Contains;

namespace {

hilum::film::Film loadWith(const TempDir& dir, DicomSpec spec) {
  writeDicom(spec, dir.file("a.dcm"));
  auto film = loadFilm(dir.file("a.dcm"));
  REQUIRE(film.ok());
  return std::move(film).value();
}

}  // namespace

TEST_CASE("rescale, windows and VOI function are read as declared", "[film][attributes]") {
  TempDir dir;
  DicomSpec spec;
  spec.attributes = {{"RescaleSlope", "0.5"},         {"RescaleIntercept", "-1024"},
                     {"RescaleType", "US"},          {"WindowCenter", "40\\-600"},
                     {"WindowWidth", "400\\1500"},   {"WindowCenterWidthExplanation", "SOFT\\LUNG"},
                     {"VOILUTFunction", "SIGMOID"},  {"PresentationLUTShape", "IDENTITY"}};
  const auto film = loadWith(dir, spec);
  const auto& d = film.display();
  CHECK(d.rescaleSlope == 0.5);
  CHECK(d.rescaleIntercept == -1024);
  CHECK(d.rescaleType == "US");
  REQUIRE(d.windows.size() == 2);
  CHECK(d.windows[0].center == 40);
  CHECK(d.windows[0].width == 400);
  CHECK(d.windows[1].center == -600);
  CHECK(d.windows[1].explanation == "LUNG");
  CHECK(d.voiFunction == hilum::film::VoiFunction::Sigmoid);
  CHECK(d.presentationShape == hilum::film::PresentationShape::Identity);
  CHECK_FALSE(d.monochrome1);
}

TEST_CASE("windows of zero width are dropped, not shown as a black film", "[film][attributes]") {
  TempDir dir;
  DicomSpec spec;
  spec.attributes = {{"WindowCenter", "100\\200"}, {"WindowWidth", "0\\50"}};
  const auto film = loadWith(dir, spec);
  REQUIRE(film.display().windows.size() == 1);
  CHECK(film.display().windows[0].center == 200);
}

TEST_CASE("Modality LUT and VOI LUT sequences are read with their descriptors", "[film][attributes]") {
  TempDir dir;
  DicomSpec spec;
  LutSpec modality{100, 16, {10, 20, 30, 40}, "doubling"};
  LutSpec voi{0, 12, {0, 1000, 2000, 4095}, "CURVE A"};
  spec.modalityLut = {modality};
  spec.voiLuts = {voi, LutSpec{0, 8, {0, 128, 255}, "CURVE B"}};
  spec.attributes = {{"PixelPaddingValue", "0"}};
  const auto film = loadWith(dir, spec);
  const auto& d = film.display();
  REQUIRE(d.modalityLut.has_value());
  CHECK(d.modalityLut->firstMapped == 100);
  CHECK(d.modalityLut->entries == std::vector<std::uint16_t>{10, 20, 30, 40});
  REQUIRE(d.voiLuts.size() == 2);
  CHECK(d.voiLuts[0].bitsPerEntry == 12);
  CHECK(d.voiLuts[0].explanation == "CURVE A");
  CHECK(d.voiLuts[1].entries.size() == 3);
  REQUIRE(d.paddingValue.has_value());
  CHECK(*d.paddingValue == 0);
}

TEST_CASE("MONOCHROME1 and Presentation LUT Shape INVERSE are recorded", "[film][attributes]") {
  TempDir dir;
  DicomSpec spec;
  spec.photometric = "MONOCHROME1";
  spec.attributes = {{"PresentationLUTShape", "INVERSE"}};
  const auto film = loadWith(dir, spec);
  CHECK(film.display().monochrome1);
  CHECK(film.display().presentationShape == hilum::film::PresentationShape::Inverse);
  CHECK(film.metadata().photometric == "MONOCHROME1");
}

TEST_CASE("pixel spacing reports where it came from", "[film][spacing]") {
  TempDir dir;
  struct Case {
    const char* name;
    std::vector<std::pair<std::string, std::string>> attributes;
    SpacingSource source;
    double rowMm;
    double columnMm;
  };
  const Case cases[] = {
      {"Imager Pixel Spacing only", {{"ImagerPixelSpacing", "0.2\\0.1"}}, SpacingSource::Detector, 0.2, 0.1},
      {"both equal", {{"ImagerPixelSpacing", "0.16\\0.16"}, {"PixelSpacing", "0.16\\0.16"}}, SpacingSource::Detector, 0.16, 0.16},
      {"Pixel Spacing alone", {{"PixelSpacing", "0.168\\0.168"}}, SpacingSource::Detector, 0.168, 0.168},
      {"both differ", {{"ImagerPixelSpacing", "0.2\\0.2"}, {"PixelSpacing", "0.18\\0.18"}}, SpacingSource::Calibrated, 0.18, 0.18},
      {"calibration type", {{"PixelSpacing", "0.15\\0.15"}, {"PixelSpacingCalibrationType", "GEOMETRY"}}, SpacingSource::Calibrated, 0.15, 0.15},
      {"magnification factor", {{"ImagerPixelSpacing", "0.2\\0.2"}, {"EstimatedRadiographicMagnificationFactor", "1.25"}}, SpacingSource::Estimated, 0.16, 0.16},
      {"zero spacing", {{"PixelSpacing", "0\\0"}}, SpacingSource::Unknown, 0, 0},
      {"negative spacing", {{"ImagerPixelSpacing", "-0.1\\0.1"}}, SpacingSource::Unknown, 0, 0},
      {"none", {}, SpacingSource::Unknown, 0, 0},
  };
  for (const Case& c : cases) {
    DYNAMIC_SECTION(c.name) {
      DicomSpec spec;
      spec.attributes = c.attributes;
      const auto film = loadWith(dir, spec);
      const auto& s = film.spacing();
      CHECK(s.source == c.source);
      CHECK(s.rowMm == Approx(c.rowMm));
      CHECK(s.columnMm == Approx(c.columnMm));
      CHECK_FALSE(s.note.empty());
    }
  }
}

TEST_CASE("metadata for viewer and reports is read, strings as UTF-8", "[film][metadata]") {
  TempDir dir;
  DicomSpec spec;
  spec.attributes = {{"SpecificCharacterSet", "ISO_IR 100"},
                     {"PatientName", "M\xFCller^J\xFCrgen"},  // Latin-1 bytes
                     {"ViewPosition", "PA"},
                     {"ImageLaterality", "L"},
                     {"PatientOrientation", "L\\F"},
                     {"BodyPartExamined", "CHEST"},
                     {"AcquisitionDate", "20260102"},
                     {"InstitutionName", "St Elsewhere"},
                     {"AccessionNumber", "A123"}};
  const auto film = loadWith(dir, spec);
  const auto& m = film.metadata();
  CHECK(m.patientName == "M\xC3\xBCller^J\xC3\xBCrgen");
  CHECK(m.viewPosition == "PA");
  CHECK(m.laterality == "L");
  CHECK(m.patientOrientation == "L\\F");
  CHECK(m.bodyPartExamined == "CHEST");
  CHECK(m.acquisitionDate == "20260102");
  CHECK(m.institutionName == "St Elsewhere");
  CHECK(m.accessionNumber == "A123");
  CHECK(m.modality == "DX");
  CHECK(m.transferSyntaxUid == "1.2.840.10008.1.2.1");
  CHECK(m.format == hilum::film::SourceFormat::Dicom);
}

TEST_CASE("undeclared non-ASCII strings are still valid UTF-8", "[film][metadata]") {
  TempDir dir;
  DicomSpec spec;
  spec.attributes = {{"InstitutionName", "Klinik G\xF6ttingen"}};  // Latin-1 without a character set
  const auto film = loadWith(dir, spec);
  CHECK(film.metadata().institutionName == "Klinik G\xC3\xB6ttingen");
}

TEST_CASE("every attribute is listed, sequences nested, pixel data summarised", "[film][tags]") {
  TempDir dir;
  DicomSpec spec;
  spec.voiLuts = {LutSpec{0, 8, {0, 128, 255}, "CURVE"}};
  spec.attributes = {{"PatientName", "Doe^Jane"}};
  writeDicom(spec, dir.file("t.dcm"));
  const auto tags = hilum::film::readDicomTags(dir.file("t.dcm"));
  REQUIRE(tags.ok());
  auto find = [&](const std::string& keyword) {
    return std::find_if(tags.value().begin(), tags.value().end(), [&](const auto& t) { return t.keyword == keyword; });
  };
  REQUIRE(find("TransferSyntaxUID") != tags.value().end());
  CHECK(find("PatientName")->value == "Doe^Jane");
  CHECK(find("PatientName")->tag == "(0010,0010)");
  CHECK(find("VOILUTSequence")->value == "(sequence, 1 items)");
  CHECK(find("LUTExplanation")->depth == 2);
  CHECK(find("PixelData")->value == "(" + std::to_string(48 * 64 * 2) + " bytes)");
  const auto missing = hilum::film::readDicomTags(dir.file("none.dcm"));
  REQUIRE_FALSE(missing.ok());
  CHECK_THAT(missing.error().message(), Contains("none.dcm"));
}
