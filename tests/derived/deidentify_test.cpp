// PS3.15 Basic Application Level Confidentiality Profile: the teaching export of a film, and every
// derived object written with de-identification on.
#include "derived_support.h"
#include "dicom_fixture.h"
#include "temp_dir.h"

#include "hilum/derived/confidentiality_profile.h"
#include "hilum/derived/derived_objects.h"

#include <catch2/catch.hpp>
#include <dcmtk/config/osconfig.h>
#include <dcmtk/dcmdata/dcdeftag.h>
#include <dcmtk/dcmdata/dcdict.h>
#include <dcmtk/dcmdata/dcdicent.h>
#include <dcmtk/dcmdata/dcfilefo.h>
#include <dcmtk/dcmdata/dcmetinf.h>
#include <dcmtk/dcmdata/dcuid.h>

#include <algorithm>
#include <set>

using namespace hilum::derived;
using namespace hilum::test;

namespace {

constexpr const char* kSalt = "export-2024-03";

Deidentify deidentify(const std::string& salt = kSalt) {
  Deidentify deid;
  deid.enabled = true;
  deid.uidSalt = salt;
  return deid;
}

// Adds what a header table cannot list: a private block, an overlay plane and a reference to
// another image of the study.
void addPrivateOverlayAndReference(const std::string& path, const std::string& otherImageUid) {
  auto file = loadDicom(path);
  DcmDataset& ds = *file->getDataset();
  REQUIRE(ds.putAndInsertString(DcmTag(0x0009, 0x0010, EVR_LO), "ACME PRIVATE").good());
  DcmTag privateTag(0x0009, 0x1001, EVR_LO);
  privateTag.setPrivateCreator("ACME PRIVATE");
  REQUIRE(ds.putAndInsertString(privateTag, "ACME-PRIVATE-SECRET").good());
  ds.putAndInsertUint16(DcmTagKey(0x6000, 0x0010), 48);
  ds.putAndInsertUint16(DcmTagKey(0x6000, 0x0011), 64);
  ds.putAndInsertString(DcmTagKey(0x6000, 0x0040), "G");
  const Sint16 origin[] = {1, 1};
  ds.putAndInsertSint16Array(DcmTagKey(0x6000, 0x0050), origin, 2);
  ds.putAndInsertUint16(DcmTagKey(0x6000, 0x0100), 1);
  ds.putAndInsertUint16(DcmTagKey(0x6000, 0x0102), 0);
  const std::vector<Uint8> overlay(48 * 64 / 8, 0xAA);
  ds.putAndInsertUint8Array(DcmTagKey(0x6000, 0x3000), overlay.data(), static_cast<unsigned long>(overlay.size()));
  DcmItem* reference = nullptr;
  REQUIRE(ds.findOrCreateSequenceItem(DCM_ReferencedImageSequence, reference, -2).good());
  reference->putAndInsertString(DCM_ReferencedSOPClassUID, UID_ComputedRadiographyImageStorage);
  reference->putAndInsertString(DCM_ReferencedSOPInstanceUID, otherImageUid.c_str());
  REQUIRE(file->saveFile(path.c_str(), EXS_LittleEndianExplicit).good());
}

// The identifying strings of identityAttributes() and the additions above: none may survive,
// anywhere in the file's bytes.
std::vector<std::string> identifyingStrings() {
  return {"Doe^Jane", "MRN-48151623", "GENERAL-HOSPITAL", "19700102", "12 Harbour Road", "Roe^Jane", "latex",
          "pack-years", "20240301", "101500", "ACC-777001", "S-4242", "CHEST PA AND LATERAL", "PA ERECT",
          "House^Gregory", "Wilson^James", "Cuddy^Lisa", "Chase^Robert", "General Hospital", "1 Hospital Way",
          "Radiology East", "XR-ROOM-3", "SN-99887766", "PLATE-0042", "CAS-0042", "bed 4", "Foreman^Eric",
          "1.2.826.0.1.3680043.10.1234.77", "ACME-PRIVATE-SECRET", "ACME PRIVATE", "Jane"};
}

void requireNoIdentity(const std::string& path, std::vector<std::string> secrets) {
  const std::string bytes = readBytes(path);
  for (const std::string& secret : secrets) {
    INFO(path << " still holds \"" << secret << "\"");
    CHECK(bytes.find(secret) == std::string::npos);
  }
}

std::string referencedInstance(DcmItem& ds, const DcmTagKey& sequence) {
  DcmItem* item = nullptr;
  if (ds.findAndGetSequenceItem(sequence, item, 0).bad()) return {};
  return stringOf(*item, DCM_ReferencedSOPInstanceUID);
}

bool hasMethodCode(DcmItem& ds, const std::string& code) {
  DcmItem* item = nullptr;
  for (unsigned long i = 0; ds.findAndGetSequenceItem(DCM_DeidentificationMethodCodeSequence, item, i).good(); ++i)
    if (stringOf(*item, DCM_CodeValue) == code) return true;
  return false;
}

}  // namespace

TEST_CASE("a de-identified film keeps its pixels and loses every identifying attribute", "[derived][deid]") {
  TempDir dir;
  const std::string film = writeIdentifiedFilm(dir, "film.dcm");
  const std::string otherImage = "1.2.826.0.1.3680043.10.1234.88";
  addPrivateOverlayAndReference(film, otherImage);
  const auto original = loadDicom(film);
  DcmDataset& in = *original->getDataset();

  std::vector<std::string> warnings;
  const auto out = deidentifyFile(film, deidentify(), dir.file("anon.dcm"), &warnings);
  REQUIRE(out.ok());
  const auto file = loadDicom(dir.file("anon.dcm"));
  DcmDataset& ds = *file->getDataset();

  CHECK(stringOf(ds, DCM_PatientName) == "ANONYMOUS");
  CHECK(stringOf(ds, DCM_PatientID) == "ANON");
  CHECK(stringOf(ds, DCM_PatientIdentityRemoved) == "YES");
  CHECK(hasMethodCode(ds, "113100"));
  CHECK_FALSE(stringOf(ds, DCM_DeidentificationMethod).empty());
  // Z: present, empty (type 2 in every IOD).
  for (const DcmTagKey& tag : {DCM_PatientBirthDate, DCM_PatientSex, DCM_StudyDate, DCM_StudyTime,
                               DCM_AccessionNumber, DCM_StudyID, DCM_ReferringPhysicianName, DCM_ContentDate,
                               DCM_ContentTime}) {
    INFO(DcmTag(tag).getTagName());
    CHECK(present(ds, tag));
    CHECK(stringOf(ds, tag).empty());
  }
  // X (and X/Z, X/D, X/Z/D where a CR does not require the attribute): gone.
  for (const DcmTagKey& tag :
       {DCM_IssuerOfPatientID, DCM_PatientAge, DCM_PatientSize, DCM_PatientWeight, DCM_PatientAddress,
        DCM_OtherPatientNames, DCM_PatientComments, DCM_AdditionalPatientHistory, DCM_SeriesDate, DCM_SeriesTime,
        DCM_AcquisitionDate, DCM_AcquisitionTime, DCM_StudyDescription, DCM_SeriesDescription,
        DCM_PerformingPhysicianName, DCM_NameOfPhysiciansReadingStudy, DCM_OperatorsName, DCM_InstitutionName,
        DCM_InstitutionAddress, DCM_InstitutionalDepartmentName, DCM_StationName, DCM_DeviceSerialNumber,
        DCM_PlateID, DCM_CassetteID, DCM_ProtocolName, DCM_ImageComments, DCM_RequestingPhysician}) {
    INFO(DcmTag(tag).getTagName());
    CHECK_FALSE(present(ds, tag));
  }
  CHECK_FALSE(present(ds, DcmTagKey(0x0009, 0x0010)));
  CHECK_FALSE(present(ds, DcmTagKey(0x0009, 0x1001)));
  CHECK_FALSE(present(ds, DcmTagKey(0x6000, 0x3000)));
  CHECK_FALSE(present(ds, DcmTagKey(0x6000, 0x0010)));
  // U: every instance UID replaced by the salt-keyed hash; X/Z/U*: references kept, mapped.
  for (const DcmTagKey& tag :
       {DCM_SOPInstanceUID, DCM_StudyInstanceUID, DCM_SeriesInstanceUID, DCM_FrameOfReferenceUID}) {
    INFO(DcmTag(tag).getTagName());
    CHECK(stringOf(ds, tag) == mappedUid(stringOf(in, tag), kSalt));
  }
  CHECK(out.value().sopInstanceUid == mappedUid(stringOf(in, DCM_SOPInstanceUID), kSalt));
  CHECK(referencedInstance(ds, DCM_ReferencedImageSequence) == mappedUid(otherImage, kSalt));
  CHECK(stringOf(ds, DCM_SOPClassUID) == UID_ComputedRadiographyImageStorage);  // a definition, kept
  // What a reader needs is kept.
  for (const DcmTagKey& tag : {DCM_Modality, DCM_BodyPartExamined, DCM_ViewPosition, DCM_WindowCenter, DCM_Rows}) {
    INFO(DcmTag(tag).getTagName());
    CHECK(stringOf(ds, tag) == stringOf(in, tag));
  }
  const Uint16 *before = nullptr, *after = nullptr;
  unsigned long beforeCount = 0, afterCount = 0;
  REQUIRE(in.findAndGetUint16Array(DCM_PixelData, before, &beforeCount).good());
  REQUIRE(ds.findAndGetUint16Array(DCM_PixelData, after, &afterCount).good());
  REQUIRE(beforeCount == afterCount);
  CHECK(std::equal(before, before + beforeCount, after));

  requireNoIdentity(dir.file("anon.dcm"), identifyingStrings());
  requireNoIdentity(dir.file("anon.dcm"), {stringOf(in, DCM_SOPInstanceUID), stringOf(in, DCM_StudyInstanceUID),
                                           stringOf(in, DCM_SeriesInstanceUID), otherImage});
  // A CR without Burned In Annotation may have the name on the plate; the overlay went too.
  REQUIRE(warnings.size() == 2);
  CHECK(warnings[0].find("Burned In Annotation") != std::string::npos);
  CHECK(warnings[1].find("overlay") != std::string::npos);

  requireValidIod(film);
  requireValidIod(dir.file("anon.dcm"));
}

TEST_CASE("every attribute of the Basic Profile table gets its action", "[derived][deid]") {
  TempDir dir;
  const std::string film = writeIdentifiedFilm(dir, "film.dcm");
  auto source = loadDicom(film);
  DcmDataset& ds = *source->getDataset();

  // One distinct value per attribute, of the attribute's VR, so each can be traced.
  struct Planted {
    ProfileRule rule;
    DcmEVR vr;
    std::string value;  // empty for binary VRs and sequences
  };
  std::vector<Planted> planted;
  std::size_t unknown = 0, unplantable = 0;
  const DcmDataDictionary& dictionary = dcmDataDict.rdlock();
  for (const ProfileRule& rule : basicProfileRules()) {
    const DcmTagKey tag(rule.group, rule.element);
    // Command and File Meta groups, and the padding/signature pseudo-elements, are not data set
    // content; Content Sequence and Graphic Annotation Sequence make deidentifyFile refuse (tested
    // below); Patient Name/ID and the instance UIDs are checked with their real values above.
    if (rule.group <= 0x0002 || rule.group >= 0xFFFA || tag == DCM_ContentSequence ||
        tag == DCM_GraphicAnnotationSequence || tag == DCM_PatientName || tag == DCM_PatientID ||
        tag == DCM_SOPInstanceUID || tag == DCM_StudyInstanceUID || tag == DCM_SeriesInstanceUID)
      continue;
    const DcmDictEntry* entry = dictionary.findEntry(tag, nullptr);
    if (entry == nullptr) {
      ++unknown;  // newer than DCMTK 3.6.7's dictionary: no VR to write it with
      continue;
    }
    const std::size_t n = planted.size();
    Planted p{rule, entry->getEVR(), {}};
    char text[64];
    switch (p.vr) {
      case EVR_DA: std::snprintf(text, sizeof text, "1971%02zu%02zu", n % 12 + 1, n % 28 + 1); p.value = text; break;
      case EVR_TM:
        std::snprintf(text, sizeof text, "%02zu%02zu%02zu", n % 24, n % 60, (n * 7) % 60);
        p.value = text;
        break;
      case EVR_DT:
        std::snprintf(text, sizeof text, "1972%02zu%02zu%06zu", n % 12 + 1, n % 28 + 1, n);
        p.value = text;
        break;
      case EVR_UI: p.value = "1.2.826.0.1.3680043.10.555." + std::to_string(n + 1); break;
      case EVR_PN: p.value = "Secret^Person" + std::to_string(n); break;
      case EVR_AE:
      case EVR_CS: p.value = "SECRETCS" + std::to_string(n); break;
      case EVR_SH:
      case EVR_LO:
      case EVR_ST:
      case EVR_LT:
      case EVR_UT:
      case EVR_UC: p.value = "SECRET-" + std::to_string(n) + "-X"; break;
      default: break;  // numbers and binary: traced by presence only
    }
    if (p.vr == EVR_SQ) {
      DcmItem* item = nullptr;
      REQUIRE(ds.findOrCreateSequenceItem(tag, item, -2).good());
      if (std::string(rule.action) == "X/Z/U*") {
        p.value = "1.2.826.0.1.3680043.10.556." + std::to_string(n + 1);
        item->putAndInsertString(DCM_ReferencedSOPClassUID, UID_ComputedRadiographyImageStorage);
        item->putAndInsertString(DCM_ReferencedSOPInstanceUID, p.value.c_str());
      } else {
        item->putAndInsertString(DCM_CodeMeaning, ("SECRET-ITEM-" + std::to_string(n)).c_str());
      }
    } else {
      // Numbers and binary VRs get "7"; ambiguous ones ("US or SS", "OB or OW") a concrete VR.
      DcmTag typed(tag);
      if (typed.getEVR() == EVR_xs || typed.getEVR() == EVR_ox || typed.getEVR() == EVR_lt) typed.setVR(DcmVR(EVR_US));
      ds.findAndDeleteElement(tag);
      if (ds.putAndInsertString(typed, p.value.empty() ? "7" : p.value.c_str()).bad()) {
        ++unplantable;  // a VR DCMTK cannot fill from text (AT, OB): not traced
        continue;
      }
    }
    planted.push_back(p);
  }
  dcmDataDict.rdunlock();
  // DCMTK 3.6.7 knows nearly all of the table; a handful of 2021+ attributes it does not.
  CHECK(unknown < 20);
  CHECK(unplantable < 5);
  REQUIRE(planted.size() > 380);
  REQUIRE(source->saveFile(film.c_str(), EXS_LittleEndianExplicit).good());

  REQUIRE(deidentifyFile(film, deidentify(), dir.file("anon.dcm")).ok());
  const auto file = loadDicom(dir.file("anon.dcm"));
  DcmDataset& out = *file->getDataset();
  const std::string bytes = readBytes(dir.file("anon.dcm"));
  for (const Planted& p : planted) {
    const DcmTagKey tag(p.rule.group, p.rule.element);
    const std::string action = p.rule.action;
    INFO(DcmTag(tag).getTagName() << " " << tag.toString() << " action " << action << " planted \"" << p.value << "\"");
    const bool isPresent = present(out, tag);
    const std::string now = stringOf(out, tag);
    DcmElement* element = nullptr;
    out.findAndGetElement(tag, element);
    const bool isEmpty = element != nullptr && element->getLength() == 0;
    // A CR requires none of these (Acquisition Context Sequence belongs to DX, MG and IO), so the
    // "unless required" alternatives fall to their first letter.
    if (action == "X" || action == "X/Z" || action == "X/D" || action == "X/Z/D") {
      CHECK_FALSE(isPresent);
    } else if (action == "Z" || action == "Z/D") {
      CHECK(isPresent);
      CHECK(isEmpty);
    } else if (action == "D") {
      CHECK(isPresent);
      if (!p.value.empty()) CHECK(now != p.value);
    } else if (action == "U") {
      CHECK(now == mappedUid(p.value, kSalt));
    } else if (action == "X/Z/U*") {
      CHECK(referencedInstance(out, tag) == mappedUid(p.value, kSalt));
    } else {
      FAIL("unknown action " << action);
    }
    if (!p.value.empty()) CHECK(bytes.find(p.value) == std::string::npos);
  }
  CHECK(bytes.find("SECRET") == std::string::npos);
}

TEST_CASE("one salt maps the film and all its derived objects to the same UIDs", "[derived][deid]") {
  TempDir dir;
  const std::string film = writeIdentifiedFilm(dir, "film.dcm");
  const auto original = loadDicom(film);
  DcmDataset& in = *original->getDataset();
  const std::string filmUid = stringOf(in, DCM_SOPInstanceUID);
  const Algorithm algorithm{"hilum-cxr-densenet", "1.2.0", "9f2c7e41"};
  const Deidentify deid = deidentify();
  writeMinimalPdf(dir.file("report.pdf"));

  const auto anon = deidentifyFile(film, deid, dir.file("anon.dcm"));
  REQUIRE(anon.ok());
  RgbPicture picture{4, 4, std::vector<std::uint8_t>(48, 128)};
  std::vector<std::string> scWarnings, pdfWarnings;
  REQUIRE(writeSecondaryCapture(film, picture, algorithm, "Hilum AI heatmap: hilum-cxr-densenet 1.2.0", deid,
                                dir.file("sc.dcm"), &scWarnings)
              .ok());
  REQUIRE(writeFindingsReport(film, {{"Cardiomegaly", 0.8, 0.5, true}}, algorithm, deid, dir.file("sr.dcm")).ok());
  REQUIRE(
      writeEncapsulatedPdf(film, dir.file("report.pdf"), "AI report", deid, dir.file("pdf.dcm"), &pdfWarnings).ok());
  REQUIRE(writePresentationState(film, {{hilum::measure::Kind::Distance, {{1, 2}, {30, 40}}, {}}}, {"12.0 mm"}, deid,
                                 dir.file("pr.dcm"))
              .ok());
  CHECK(scWarnings.size() == 1);   // the CR may have text burned in, and the SC is drawn from its pixels
  CHECK(pdfWarnings.size() == 1);  // the PDF's pages are the caller's to anonymise

  CHECK(anon.value().sopInstanceUid == mappedUid(filmUid, kSalt));
  const std::string study = mappedUid(stringOf(in, DCM_StudyInstanceUID), kSalt);
  for (const std::string name : {"anon.dcm", "sc.dcm", "sr.dcm", "pdf.dcm", "pr.dcm"}) {
    INFO(name);
    const auto file = loadDicom(dir.file(name));
    DcmDataset& ds = *file->getDataset();
    CHECK(stringOf(ds, DCM_StudyInstanceUID) == study);
    CHECK(stringOf(ds, DCM_PatientName) == "ANONYMOUS");
    CHECK(stringOf(ds, DCM_PatientID) == "ANON");
    CHECK(stringOf(ds, DCM_PatientIdentityRemoved) == "YES");
    CHECK(hasMethodCode(ds, "113100"));
    requireNoIdentity(dir.file(name), identifyingStrings());
    requireNoIdentity(dir.file(name),
                      {filmUid, stringOf(in, DCM_StudyInstanceUID), stringOf(in, DCM_SeriesInstanceUID)});
    requireValidIod(dir.file(name));
  }
  const auto sc = loadDicom(dir.file("sc.dcm"));
  CHECK(referencedInstance(*sc->getDataset(), DCM_SourceImageSequence) == anon.value().sopInstanceUid);
  CHECK(stringOf(*sc->getDataset(), DCM_SeriesDescription) == "Hilum AI heatmap: hilum-cxr-densenet 1.2.0");
  CHECK(hasMethodCode(*sc->getDataset(), "113105"));
  const auto pdf = loadDicom(dir.file("pdf.dcm"));
  CHECK(referencedInstance(*pdf->getDataset(), DCM_SourceInstanceSequence) == anon.value().sopInstanceUid);
  CHECK(stringOf(*pdf->getDataset(), DCM_ContentDate).empty());  // Z/D, type 2 here
  const auto sr = loadDicom(dir.file("sr.dcm"));
  DcmItem* evidence = nullptr;
  REQUIRE(sr->getDataset()->findAndGetSequenceItem(DCM_CurrentRequestedProcedureEvidenceSequence, evidence, 0).good());
  DcmItem* evidenceSeries = nullptr;
  REQUIRE(evidence->findAndGetSequenceItem(DCM_ReferencedSeriesSequence, evidenceSeries, 0).good());
  CHECK(referencedInstance(*evidenceSeries, DCM_ReferencedSOPSequence) == anon.value().sopInstanceUid);
  CHECK(stringOf(*sr->getDataset(), DCM_ContentDate) == "19000101");  // Z/D, type 1 in an SR: a dummy
  CHECK(hasMethodCode(*sr->getDataset(), "113104"));
  const std::string srBytes = readBytes(dir.file("sr.dcm"));
  CHECK(srBytes.find(anon.value().sopInstanceUid) != std::string::npos);  // the image library item too
  const auto pr = loadDicom(dir.file("pr.dcm"));
  DcmItem* series = nullptr;
  REQUIRE(pr->getDataset()->findAndGetSequenceItem(DCM_ReferencedSeriesSequence, series, 0).good());
  CHECK(referencedInstance(*series, DCM_ReferencedImageSequence) == anon.value().sopInstanceUid);
  const auto anonFilm = loadDicom(dir.file("anon.dcm"));
  CHECK(stringOf(*series, DCM_SeriesInstanceUID) == stringOf(*anonFilm->getDataset(), DCM_SeriesInstanceUID));
  const auto annotations = readPresentationState(dir.file("pr.dcm"));
  REQUIRE(annotations.ok());
  CHECK(annotations.value().size() == 1);

  // Another export, another salt: nothing links the two.
  REQUIRE(deidentifyFile(film, deidentify("another-export"), dir.file("anon2.dcm")).ok());
  const auto anon2 = loadDicom(dir.file("anon2.dcm"));
  CHECK(stringOf(*anon2->getDataset(), DCM_SOPInstanceUID) != anon.value().sopInstanceUid);
  CHECK(stringOf(*anon2->getDataset(), DCM_StudyInstanceUID) != study);
}

TEST_CASE("burned-in annotation warns when YES or absent on CR, not when NO", "[derived][deid]") {
  TempDir dir;
  std::vector<std::string> warnings;
  REQUIRE(deidentifyFile(writeIdentifiedFilm(dir, "yes.dcm", {{"BurnedInAnnotation", "YES"}}), deidentify(),
                         dir.file("a.dcm"), &warnings)
              .ok());
  REQUIRE(warnings.size() == 1);
  CHECK(warnings[0].find("YES") != std::string::npos);
  warnings.clear();
  REQUIRE(deidentifyFile(writeIdentifiedFilm(dir, "no.dcm", {{"BurnedInAnnotation", "NO"}}), deidentify(),
                         dir.file("b.dcm"), &warnings)
              .ok());
  CHECK(warnings.empty());
  // A secondary capture (not CR/DX) without the attribute: nothing to say.
  DicomSpec spec;
  spec.sopClassUid = UID_SecondaryCaptureImageStorage;
  spec.attributes = {{"Modality", "OT"}};
  writeDicom(spec, dir.file("sc.dcm"));
  REQUIRE(deidentifyFile(dir.file("sc.dcm"), deidentify(), dir.file("c.dcm"), &warnings).ok());
  CHECK(warnings.empty());
}

TEST_CASE("reports and presentation states are refused by the teaching export", "[derived][deid]") {
  TempDir dir;
  const std::string film = writeIdentifiedFilm(dir, "film.dcm");
  REQUIRE(writeFindingsReport(film, {{"Nodule", 0.4, 0.5, false}}, {"m", "1", ""}, {}, dir.file("sr.dcm")).ok());
  REQUIRE(writePresentationState(film, {{hilum::measure::Kind::Distance, {{1, 2}, {3, 4}}, {}}}, {}, {},
                                 dir.file("pr.dcm"))
              .ok());
  writeMinimalPdf(dir.file("report.pdf"));
  REQUIRE(writeEncapsulatedPdf(film, dir.file("report.pdf"), "report", {}, dir.file("pdf.dcm")).ok());
  for (const std::string name : {"sr.dcm", "pr.dcm", "pdf.dcm"}) {
    INFO(name);
    const auto out = deidentifyFile(dir.file(name), deidentify(), dir.file("anon-" + name));
    REQUIRE_FALSE(out.ok());
    CHECK(out.error().code() == hilum::ErrorCode::Unsupported);
  }
  const auto raster = deidentifyFile(dir.file("report.pdf"), deidentify(), dir.file("anon.dcm"));
  REQUIRE_FALSE(raster.ok());
}

TEST_CASE("a compressed film is de-identified without decoding it", "[derived][deid]") {
  TempDir dir;
  DicomSpec spec;
  spec.syntax = Syntax::Rle;
  spec.attributes = {{"PatientName", "Doe^Jane"}, {"PatientID", "MRN-48151623"}};
  writeDicom(spec, dir.file("rle.dcm"));
  const auto original = loadDicom(dir.file("rle.dcm"));
  REQUIRE(deidentifyFile(dir.file("rle.dcm"), deidentify(), dir.file("anon.dcm")).ok());
  const auto file = loadDicom(dir.file("anon.dcm"));
  CHECK(file->getMetaInfo() != nullptr);
  CHECK(stringOf(*file->getMetaInfo(), DCM_TransferSyntaxUID) == UID_RLELosslessTransferSyntax);
  CHECK(file->getDataset()->getOriginalXfer() == EXS_RLELossless);
  // The compressed fragments come through byte for byte: the file ends with the same pixel data.
  const std::string before = readBytes(dir.file("rle.dcm")), after = readBytes(dir.file("anon.dcm"));
  const std::string tail = before.substr(before.size() - 512);
  CHECK(after.substr(after.size() - 512) == tail);
  CHECK(stringOf(*file->getDataset(), DCM_PatientName) == "ANONYMOUS");
  requireNoIdentity(dir.file("anon.dcm"), {"Doe^Jane", "MRN-48151623"});
}

TEST_CASE("the profile table says what PS3.15 Table E.1-1 says for a chest film's header", "[derived][deid]") {
  // Transcribed independently of core/derived from the standard's Basic Profile column.
  const std::vector<std::pair<DcmTagKey, std::string>> expected = {
      {DCM_PatientName, "Z"}, {DCM_PatientID, "Z"}, {DCM_PatientBirthDate, "Z"}, {DCM_PatientSex, "Z"},
      {DCM_PatientAge, "X"}, {DCM_PatientAddress, "X"}, {DCM_RETIRED_OtherPatientIDs, "X"},
      {DCM_OtherPatientNames, "X"}, {DCM_IssuerOfPatientID, "X"}, {DCM_PatientWeight, "X"}, {DCM_PatientSize, "X"},
      {DCM_EthnicGroup, "X"}, {DCM_AdditionalPatientHistory, "X"}, {DCM_PatientComments, "X"},
      {DCM_MedicalAlerts, "X"}, {DCM_Allergies, "X"}, {DCM_Occupation, "X"}, {DCM_AccessionNumber, "Z"},
      {DCM_StudyDate, "Z"}, {DCM_StudyTime, "Z"}, {DCM_StudyID, "Z"}, {DCM_StudyDescription, "X"},
      {DCM_SeriesDescription, "X"}, {DCM_SeriesDate, "X/D"}, {DCM_SeriesTime, "X/D"}, {DCM_AcquisitionDate, "X/Z"},
      {DCM_AcquisitionTime, "X/Z"}, {DCM_AcquisitionDateTime, "X/Z/D"}, {DCM_ContentDate, "Z/D"},
      {DCM_ContentTime, "Z/D"}, {DCM_ReferringPhysicianName, "Z"}, {DCM_PerformingPhysicianName, "X"},
      {DCM_NameOfPhysiciansReadingStudy, "X"}, {DCM_OperatorsName, "X/Z/D"}, {DCM_InstitutionName, "X/Z/D"},
      {DCM_InstitutionAddress, "X"}, {DCM_InstitutionalDepartmentName, "X"}, {DCM_StationName, "X/Z/D"},
      {DCM_DeviceSerialNumber, "X/Z/D"}, {DCM_DetectorID, "X/D"}, {DCM_PlateID, "X"}, {DCM_CassetteID, "X"},
      {DCM_ProtocolName, "X/D"}, {DCM_ImageComments, "X"}, {DCM_DerivationDescription, "X"},
      {DCM_AcquisitionDeviceProcessingDescription, "X/D"}, {DCM_StudyInstanceUID, "U"},
      {DCM_SeriesInstanceUID, "U"}, {DCM_SOPInstanceUID, "U"}, {DCM_FrameOfReferenceUID, "U"},
      {DCM_ReferencedSOPInstanceUID, "U"}, {DCM_ReferencedImageSequence, "X/Z/U*"},
      {DCM_SourceImageSequence, "X/Z/U*"}, {DCM_ContentSequence, "D"}, {DCM_GraphicAnnotationSequence, "D"},
      {DCM_IconImageSequence, "X"}, {DCM_RequestAttributesSequence, "X"}, {DCM_ContentCreatorName, "Z/D"},
      {DCM_PerformedProcedureStepStartDate, "X"}, {DCM_ReferencedPerformedProcedureStepSequence, "X/Z/D"},
      {DCM_ReferencedStudySequence, "X/Z"}, {DCM_RequestedProcedureDescription, "X/Z"},
  };
  const std::vector<ProfileRule>& rules = basicProfileRules();
  for (const auto& [tag, action] : expected) {
    INFO(DcmTag(tag).getTagName() << " " << tag.toString());
    const auto rule = std::find_if(rules.begin(), rules.end(), [&](const ProfileRule& r) {
      return r.group == tag.getGroup() && r.element == tag.getElement();
    });
    REQUIRE(rule != rules.end());
    CHECK(rule->action == action);
    CHECK_FALSE(rule->beyondProfile);
  }
  std::set<std::pair<std::uint16_t, std::uint16_t>> tags;
  for (const ProfileRule& r : rules) CHECK(tags.insert({r.group, r.element}).second);  // one row per attribute
  CHECK(rules.size() > 400);
}
