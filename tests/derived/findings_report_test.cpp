// The findings as a TID 1500 measurement report: what a PACS or another AI-results consumer reads.
#include "derived_support.h"
#include "temp_dir.h"

#include "hilum/derived/derived_objects.h"

#include <catch2/catch.hpp>
#include <dcmtk/config/osconfig.h>
#include <dcmtk/dcmdata/dcdeftag.h>
#include <dcmtk/dcmdata/dcfilefo.h>
#include <dcmtk/dcmdata/dcuid.h>
#include <dcmtk/dcmsr/dsrdoc.h>

#include <map>

using namespace hilum::derived;
using namespace hilum::test;

namespace {

const Algorithm kAlgorithm{"hilum-cxr-densenet", "1.2.0", "9f2c7e41"};

// What one measurement group says, as read back from the content tree.
struct Group {
  std::string finding, findingScheme, probability, operatingPoint, result, algorithmName, algorithmVersion, unit;
  double probabilityFloat = -1;
};

struct Report {
  std::vector<Group> groups;
  std::map<std::string, std::string> text;  // concept code value -> TEXT/UIDREF value, first occurrence
  std::map<std::string, std::string> code;  // concept code value -> CODE value
  std::vector<std::string> images;          // SOP Instance UIDs of IMAGE items
  std::vector<std::string> comments;        // every Comment (121106) TEXT item
};

Report readReport(DSRDocument& doc) {
  Report report;
  DSRDocumentTree& tree = doc.getTree();
  REQUIRE(tree.gotoRoot() > 0);
  do {
    DSRContentItem& item = tree.getCurrentContentItem();
    const std::string concept = item.getConceptName().getCodeValue().c_str();
    if (concept == "125007") report.groups.emplace_back();  // Measurement Group
    Group* group = report.groups.empty() ? nullptr : &report.groups.back();
    switch (item.getValueType()) {
      case DSRTypes::VT_Text:
      case DSRTypes::VT_UIDRef:
        report.text.emplace(concept, item.getStringValue().c_str());
        if (concept == "121106") report.comments.push_back(item.getStringValue().c_str());
        if (group && concept == "111001") group->algorithmName = item.getStringValue().c_str();
        if (group && concept == "111003") group->algorithmVersion = item.getStringValue().c_str();
        break;
      case DSRTypes::VT_Code:
        report.code.emplace(concept, item.getCodeValue().getCodeValue().c_str());
        if (group && concept == "121071") {
          group->finding = item.getCodeValue().getCodeValue().c_str();
          group->findingScheme = item.getCodeValue().getCodingSchemeDesignator().c_str();
        }
        if (group && concept == "result") group->result = item.getCodeValue().getCodeValue().c_str();
        break;
      case DSRTypes::VT_Num: {
        const DSRNumericMeasurementValue& value = item.getNumericValue();
        if (group && concept == "probability") {
          group->probability = value.getNumericValue().c_str();
          group->unit = value.getMeasurementUnit().getCodeValue().c_str();
          Float64 exact = -1;
          value.getFloatingPointRepresentation(exact);
          group->probabilityFloat = exact;
        }
        if (group && concept == "operating-point") group->operatingPoint = value.getNumericValue().c_str();
        break;
      }
      case DSRTypes::VT_Image: report.images.push_back(item.getImageReference().getSOPInstanceUID().c_str()); break;
      default: break;
    }
  } while (tree.iterate() > 0);
  return report;
}

}  // namespace

TEST_CASE("findings report is a TID 1500 comprehensive SR with one group per finding", "[derived][sr]") {
  TempDir dir;
  const std::string film = writeIdentifiedFilm(dir, "film.dcm");
  const auto source = loadDicom(film);
  DcmDataset& in = *source->getDataset();
  const std::vector<FindingResult> findings = {
      {"Cardiomegaly", 0.873125, 0.5, true},
      {"Pleural Effusion", 0.12, 0.4, false},
      {"Enlarged Cardiomediastinum", 0.61, 0.6, true},  // longer than a Code Value's 16 characters
  };
  const auto out = writeFindingsReport(film, findings, kAlgorithm, {}, dir.file("sr.dcm"));
  REQUIRE(out.ok());

  const auto file = loadDicom(dir.file("sr.dcm"));
  DcmDataset& ds = *file->getDataset();
  CHECK(stringOf(ds, DCM_SOPClassUID) == UID_ComprehensiveSRStorage);
  CHECK(stringOf(ds, DCM_SOPInstanceUID) == out.value().sopInstanceUid);
  CHECK(out.value().sopInstanceUid.rfind("2.25.", 0) == 0);
  CHECK(out.value().seriesInstanceUid.rfind("2.25.", 0) == 0);
  CHECK(stringOf(ds, DCM_StudyInstanceUID) == stringOf(in, DCM_StudyInstanceUID));
  CHECK(stringOf(ds, DCM_PatientName) == "Doe^Jane");
  CHECK(stringOf(ds, DCM_PatientID) == stringOf(in, DCM_PatientID));
  CHECK(stringOf(ds, DCM_AccessionNumber) == stringOf(in, DCM_AccessionNumber));
  CHECK(stringOf(ds, DCM_VerificationFlag) == "UNVERIFIED");
  CHECK(stringOf(ds, DCM_CompletionFlag) == "COMPLETE");
  CHECK(stringOf(ds, DCM_SeriesDescription).find("hilum-cxr-densenet 1.2.0") != std::string::npos);
  DcmItem* evidence = nullptr;
  REQUIRE(ds.findAndGetSequenceItem(DCM_CurrentRequestedProcedureEvidenceSequence, evidence, 0).good());
  CHECK(stringOf(*evidence, DCM_StudyInstanceUID) == stringOf(in, DCM_StudyInstanceUID));
  DcmItem* scheme = nullptr;
  REQUIRE(ds.findAndGetSequenceItem(DCM_CodingSchemeIdentificationSequence, scheme, 0).good());
  CHECK(stringOf(*scheme, DCM_CodingSchemeDesignator) == "99HILUM");

  DSRDocument doc;
  REQUIRE(doc.read(ds).good());
  CHECK(doc.getDocumentType() == DSRTypes::DT_ComprehensiveSR);
  DSRDocumentTree& tree = doc.getTree();
  REQUIRE(tree.gotoRoot() > 0);
  CHECK(tree.getCurrentContentItem().getConceptName().getCodeValue() == "126000");
  OFString templateId, mappingResource;
  REQUIRE(tree.getTemplateIdentification(templateId, mappingResource).good());
  CHECK(templateId == "1500");
  CHECK(mappingResource == "DCMR");

  const Report report = readReport(doc);
  CHECK(report.code.at("121005") == "121007");  // Observer Type: Device
  CHECK(report.text.at("121012").rfind("2.25.", 0) == 0);  // Device Observer UID
  CHECK(report.text.at("121013").find("hilum-cxr-densenet") != std::string::npos);
  CHECK(report.code.at("121049") == "eng");      // Language of Content Item and Descendants
  CHECK(report.code.at("121058") == "399208008");  // Procedure reported: plain chest X-ray
  CHECK(report.text.at("121106") == "Decision support, not a diagnosis.");
  REQUIRE(report.images.size() == 1);
  CHECK(report.images[0] == stringOf(in, DCM_SOPInstanceUID));

  REQUIRE(report.groups.size() == findings.size());
  for (std::size_t i = 0; i < findings.size(); ++i) {
    const Group& g = report.groups[i];
    INFO(findings[i].label);
    CHECK(g.finding == findings[i].label);
    CHECK(g.findingScheme == "99HILUM");
    CHECK(g.probabilityFloat == findings[i].probability);
    CHECK(std::stod(g.probability) == Approx(findings[i].probability).epsilon(1e-9));
    CHECK(std::stod(g.operatingPoint) == findings[i].threshold);
    CHECK(g.unit == "1");
    CHECK(g.result == (findings[i].positive ? "10828004" : "260385009"));
    CHECK(g.algorithmName == "hilum-cxr-densenet");
    CHECK(g.algorithmVersion == "1.2.0");
  }
  CHECK(report.groups[0].probability == "0.873125");

  requireValidIod(dir.file("sr.dcm"));
  int status = 0;
  // +Pl: print long text values whole (dsrdump shortens them by default).
  const std::string dump =
      runCommand("command -v dsrdump >/dev/null && dsrdump +Pl '" + dir.file("sr.dcm") + "' 2>&1", &status);
  if (status != 0 && dump.empty()) {
    WARN("dsrdump (DCMTK) is not installed: the SR was not rendered");
  } else {
    INFO(dump);
    CHECK(status == 0);
    CHECK(dump.find("Imaging Measurement Report") != std::string::npos);
    CHECK(dump.find("Enlarged Cardiomediastinum") != std::string::npos);
    CHECK(dump.find("0.873125") != std::string::npos);
    CHECK(dump.find("Decision support, not a diagnosis.") != std::string::npos);
  }
}

TEST_CASE("a report of a raster film has no image library and no evidence", "[derived][sr]") {
  TempDir dir;
  writeBytes(dir.file("film.jpg"), std::string("\xFF\xD8\xFF\xE0", 4) + std::string(32, '\0'));
  const auto out = writeFindingsReport(dir.file("film.jpg"), {{"Nodule", 0.3, 0.5, false}}, kAlgorithm, {},
                                       dir.file("sr.dcm"));
  REQUIRE(out.ok());
  const auto file = loadDicom(dir.file("sr.dcm"));
  CHECK_FALSE(present(*file->getDataset(), DCM_CurrentRequestedProcedureEvidenceSequence));
  CHECK(stringOf(*file->getDataset(), DCM_StudyInstanceUID).rfind("2.25.", 0) == 0);  // not DCMTK's root
  CHECK(out.value().studyInstanceUid == stringOf(*file->getDataset(), DCM_StudyInstanceUID));
  CHECK(stringOf(*file->getDataset(), DCM_PatientName).empty());
  DSRDocument doc;
  REQUIRE(doc.read(*file->getDataset()).good());
  CHECK(readReport(doc).images.empty());
  requireValidIod(dir.file("sr.dcm"));
}

TEST_CASE("the notes that qualify a result travel in the report as comments", "[derived][sr]") {
  TempDir dir;
  writeBytes(dir.file("film.jpg"), std::string("\xFF\xD8\xFF\xE0", 4) + std::string(32, '\0'));
  const std::vector<std::string> notes = {"Outside the model's training data: view LL (lateral)", "Out-of-distribution score 18.9 (threshold 13.1)"};
  REQUIRE(writeFindingsReport(dir.file("film.jpg"), {{"Nodule", 0.3, 0.5, false}}, kAlgorithm, {}, dir.file("sr.dcm"), notes).ok());
  const auto file = loadDicom(dir.file("sr.dcm"));
  DSRDocument doc;
  REQUIRE(doc.read(*file->getDataset()).good());
  const auto comments = readReport(doc).comments;
  REQUIRE(comments.size() == 3);
  CHECK(comments[0] == "Decision support, not a diagnosis.");
  CHECK(comments[1] == notes[0]);
  CHECK(comments[2] == notes[1]);
  requireValidIod(dir.file("sr.dcm"));
}

TEST_CASE("findings without a label, outside 0..1, or none at all are refused", "[derived][sr]") {
  TempDir dir;
  const std::string film = writeIdentifiedFilm(dir, "film.dcm");
  const std::vector<std::vector<FindingResult>> bad = {
      {}, {{"", 0.5, 0.5, true}}, {{"Nodule", 1.5, 0.5, true}}, {{"Nodule", 0.5, -0.1, false}},
      {{"Nodule", std::nan(""), 0.5, false}}};
  for (const auto& findings : bad) {
    const auto out = writeFindingsReport(film, findings, kAlgorithm, {}, dir.file("sr.dcm"));
    REQUIRE_FALSE(out.ok());
    CHECK(out.error().code() == hilum::ErrorCode::InvalidArgument);
  }
}
