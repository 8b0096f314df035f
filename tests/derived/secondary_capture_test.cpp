// The film with the heatmap burned in, as a Secondary Capture a PACS files beside the film.
#include "derived_support.h"
#include "temp_dir.h"

#include "hilum/derived/derived_objects.h"

#include <catch2/catch.hpp>
#include <dcmtk/config/osconfig.h>
#include <dcmtk/dcmdata/dcdeftag.h>
#include <dcmtk/dcmdata/dcfilefo.h>
#include <dcmtk/dcmdata/dcuid.h>

#include <filesystem>

using namespace hilum::derived;
using namespace hilum::test;

namespace {

RgbPicture picture(int width, int height) {
  RgbPicture p{width, height, {}};
  for (int i = 0; i < width * height * 3; ++i) p.rgb.push_back(static_cast<std::uint8_t>(i * 7));
  return p;
}

const Algorithm kAlgorithm{"hilum-cxr-densenet", "1.2.0", "9f2c7e"};

}  // namespace

TEST_CASE("secondary capture copies patient and study, references the film and keeps the picture", "[derived][sc]") {
  TempDir dir;
  const std::string film = writeIdentifiedFilm(dir, "film.dcm");
  const auto source = loadDicom(film);
  DcmDataset& in = *source->getDataset();
  const RgbPicture pic = picture(5, 3);

  const auto out = writeSecondaryCapture(film, pic, kAlgorithm, "Hilum AI heatmap: hilum-cxr-densenet 1.2.0", {},
                                         dir.file("sc.dcm"));
  REQUIRE(out.ok());
  const auto written = loadDicom(dir.file("sc.dcm"));
  DcmDataset& ds = *written->getDataset();

  CHECK(stringOf(ds, DCM_SOPClassUID) == UID_SecondaryCaptureImageStorage);
  CHECK(stringOf(ds, DCM_SOPInstanceUID) == out.value().sopInstanceUid);
  CHECK(out.value().sopInstanceUid.rfind("2.25.", 0) == 0);
  CHECK(stringOf(ds, DCM_SeriesInstanceUID) == out.value().seriesInstanceUid);
  CHECK(out.value().seriesInstanceUid != stringOf(in, DCM_SeriesInstanceUID));
  CHECK(stringOf(ds, DCM_StudyInstanceUID) == stringOf(in, DCM_StudyInstanceUID));
  CHECK(out.value().studyInstanceUid == stringOf(in, DCM_StudyInstanceUID));
  for (const DcmTagKey& tag : {DCM_PatientName, DCM_PatientID, DCM_PatientBirthDate, DCM_PatientSex, DCM_StudyDate,
                               DCM_StudyTime, DCM_AccessionNumber, DCM_StudyID, DCM_ReferringPhysicianName,
                               DCM_StudyDescription, DCM_PatientAge}) {
    INFO(DcmTag(tag).getTagName());
    CHECK(stringOf(ds, tag) == stringOf(in, tag));
  }
  // Series- and equipment-level attributes belong to the film's series, not to this one.
  CHECK_FALSE(present(ds, DCM_InstitutionName));
  CHECK_FALSE(present(ds, DCM_StationName));
  CHECK(stringOf(ds, DCM_SeriesDescription) == "Hilum AI heatmap: hilum-cxr-densenet 1.2.0");
  CHECK(stringOf(ds, DCM_Modality) == "OT");
  CHECK(stringOf(ds, DCM_ImageType) == "DERIVED\\SECONDARY");
  CHECK(stringOf(ds, DCM_BurnedInAnnotation) == "YES");
  CHECK(stringOf(ds, DCM_ConversionType) == "WSD");
  CHECK(stringOf(ds, DCM_SpecificCharacterSet) == "ISO_IR 192");
  const std::string derivation = stringOf(ds, DCM_DerivationDescription);
  CHECK(derivation.find("hilum-cxr-densenet 1.2.0") != std::string::npos);
  CHECK(derivation.find("9f2c7e") != std::string::npos);

  DcmItem* reference = nullptr;
  REQUIRE(ds.findAndGetSequenceItem(DCM_SourceImageSequence, reference, 0).good());
  CHECK(stringOf(*reference, DCM_ReferencedSOPClassUID) == UID_ComputedRadiographyImageStorage);
  CHECK(stringOf(*reference, DCM_ReferencedSOPInstanceUID) == stringOf(in, DCM_SOPInstanceUID));

  Uint16 rows = 0, columns = 0, samples = 0;
  ds.findAndGetUint16(DCM_Rows, rows);
  ds.findAndGetUint16(DCM_Columns, columns);
  ds.findAndGetUint16(DCM_SamplesPerPixel, samples);
  CHECK(rows == 3);
  CHECK(columns == 5);
  CHECK(samples == 3);
  CHECK(stringOf(ds, DCM_PhotometricInterpretation) == "RGB");
  const Uint8* pixels = nullptr;
  unsigned long count = 0;
  REQUIRE(ds.findAndGetUint8Array(DCM_PixelData, pixels, &count).good());
  // 45 bytes, padded to 46 on disk (PS3.5 7.1: even value lengths).
  REQUIRE(count >= pic.rgb.size());
  CHECK(std::vector<std::uint8_t>(pixels, pixels + pic.rgb.size()) == pic.rgb);

  requireValidIod(dir.file("sc.dcm"));
}

TEST_CASE("names in the film's character set come out as UTF-8", "[derived][sc]") {
  TempDir dir;
  // "Müller^Jürgen" in ISO 8859-1, as the film declares (ISO_IR 100).
  const std::string film = writeIdentifiedFilm(dir, "film.dcm", {{"PatientName", "M\xFCller^J\xFCrgen"}});
  REQUIRE(writeSecondaryCapture(film, picture(2, 2), kAlgorithm, "heatmap", {}, dir.file("sc.dcm")).ok());
  const auto written = loadDicom(dir.file("sc.dcm"));
  CHECK(stringOf(*written->getDataset(), DCM_PatientName) == "M\xC3\xBCller^J\xC3\xBCrgen");
  CHECK(stringOf(*written->getDataset(), DCM_SpecificCharacterSet) == "ISO_IR 192");
}

TEST_CASE("secondary capture of a raster film starts a new study with empty identity", "[derived][sc]") {
  TempDir dir;
  writeBytes(dir.file("film.png"), std::string("\x89PNG\r\n\x1a\n", 8) + std::string(64, '\0'));
  const auto out = writeSecondaryCapture(dir.file("film.png"), picture(4, 4), kAlgorithm, "heatmap", {},
                                         dir.file("sc.dcm"));
  REQUIRE(out.ok());
  const auto written = loadDicom(dir.file("sc.dcm"));
  DcmDataset& ds = *written->getDataset();
  CHECK(stringOf(ds, DCM_StudyInstanceUID).rfind("2.25.", 0) == 0);
  CHECK(out.value().studyInstanceUid == stringOf(ds, DCM_StudyInstanceUID));
  CHECK(present(ds, DCM_PatientName));
  CHECK(stringOf(ds, DCM_PatientName).empty());
  CHECK(stringOf(ds, DCM_PatientID).empty());
  CHECK_FALSE(present(ds, DCM_SourceImageSequence));
  requireValidIod(dir.file("sc.dcm"));
}

TEST_CASE("a picture whose bytes do not match its size is refused", "[derived][sc]") {
  TempDir dir;
  const std::string film = writeIdentifiedFilm(dir, "film.dcm");
  RgbPicture bad = picture(4, 4);
  bad.rgb.pop_back();
  const auto out = writeSecondaryCapture(film, bad, kAlgorithm, "heatmap", {}, dir.file("sc.dcm"));
  REQUIRE_FALSE(out.ok());
  CHECK(out.error().code() == hilum::ErrorCode::InvalidArgument);
  CHECK_FALSE(std::filesystem::exists(dir.file("sc.dcm")));
}

TEST_CASE("a missing source film is an error naming it", "[derived][sc]") {
  TempDir dir;
  const auto out = writeSecondaryCapture(dir.file("gone.dcm"), picture(2, 2), kAlgorithm, "heatmap", {},
                                         dir.file("sc.dcm"));
  REQUIRE_FALSE(out.ok());
  CHECK(out.error().code() == hilum::ErrorCode::NotFound);
  CHECK(out.error().message().find("gone.dcm") != std::string::npos);
}

TEST_CASE("an existing output is replaced whole and a failed write leaves no file", "[derived][sc]") {
  TempDir dir;
  const std::string film = writeIdentifiedFilm(dir, "film.dcm");
  writeBytes(dir.file("sc.dcm"), "an older export");
  REQUIRE(writeSecondaryCapture(film, picture(3, 3), kAlgorithm, "heatmap", {}, dir.file("sc.dcm")).ok());
  loadDicom(dir.file("sc.dcm"));
  const auto failed =
      writeSecondaryCapture(film, picture(3, 3), kAlgorithm, "heatmap", {}, dir.file("no/such/dir/sc.dcm"));
  REQUIRE_FALSE(failed.ok());
  CHECK(failed.error().code() == hilum::ErrorCode::WriteFailed);
  std::size_t files = 0;
  for (const auto& entry : std::filesystem::directory_iterator(dir.path())) {
    (void)entry;
    ++files;
  }
  CHECK(files == 2);  // the film and the SC: no temporary left behind
}
