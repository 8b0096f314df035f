#include "derived_support.h"

#include "dicom_fixture.h"
#include "temp_dir.h"

#include <catch2/catch.hpp>
#include <dcmtk/config/osconfig.h>
#include <dcmtk/dcmdata/dcdeftag.h>
#include <dcmtk/dcmdata/dcfilefo.h>

#include <cstdio>
#include <cstdlib>
#include <sstream>

namespace hilum::test {

const std::vector<std::pair<std::string, std::string>>& identityAttributes() {
  static const std::vector<std::pair<std::string, std::string>> attributes = {
      {"SpecificCharacterSet", "ISO_IR 100"},
      {"PatientName", "Doe^Jane"},
      {"PatientID", "MRN-48151623"},
      {"IssuerOfPatientID", "GENERAL-HOSPITAL"},
      {"PatientBirthDate", "19700102"},
      {"PatientSex", "F"},
      {"PatientAge", "054Y"},
      {"PatientSize", "1.68"},
      {"PatientWeight", "61"},
      {"PatientAddress", "12 Harbour Road"},
      {"OtherPatientNames", "Roe^Jane"},
      {"PatientComments", "allergic to latex"},
      {"AdditionalPatientHistory", "smoker, 30 pack-years"},
      {"StudyDate", "20240301"},
      {"StudyTime", "101500"},
      {"SeriesDate", "20240301"},
      {"SeriesTime", "101600"},
      {"AcquisitionDate", "20240301"},
      {"AcquisitionTime", "101601"},
      {"ContentDate", "20240301"},
      {"ContentTime", "101602"},
      {"AccessionNumber", "ACC-777001"},
      {"StudyID", "S-4242"},
      {"StudyDescription", "CHEST PA AND LATERAL"},
      {"SeriesDescription", "PA ERECT"},
      {"ReferringPhysicianName", "House^Gregory"},
      {"PerformingPhysicianName", "Wilson^James"},
      {"NameOfPhysiciansReadingStudy", "Cuddy^Lisa"},
      {"OperatorsName", "Chase^Robert"},
      {"InstitutionName", "General Hospital"},
      {"InstitutionAddress", "1 Hospital Way"},
      {"InstitutionalDepartmentName", "Radiology East"},
      {"StationName", "XR-ROOM-3"},
      {"DeviceSerialNumber", "SN-99887766"},
      {"PlateID", "PLATE-0042"},
      {"CassetteID", "CAS-0042"},
      {"ProtocolName", "CHEST PA Jane"},
      {"ImageComments", "patient Jane, bed 4"},
      {"RequestingPhysician", "Foreman^Eric"},
      {"FrameOfReferenceUID", "1.2.826.0.1.3680043.10.1234.77"},
      {"Modality", "CR"},
      {"BodyPartExamined", "CHEST"},
      {"ViewPosition", "PA"},
      {"PatientOrientation", "L\\F"},
      {"InstanceNumber", "1"},
      {"SeriesNumber", "2"},
      {"Manufacturer", "ACME Imaging"},
      {"WindowCenter", "2048"},
      {"WindowWidth", "4096"},
  };
  return attributes;
}

std::string writeIdentifiedFilm(const TempDir& dir, const std::string& name,
                                std::vector<std::pair<std::string, std::string>> extra) {
  DicomSpec spec;
  spec.sopClassUid = "1.2.840.10008.5.1.4.1.1.1";  // Computed Radiography Image Storage
  spec.attributes = identityAttributes();
  spec.attributes.insert(spec.attributes.end(), extra.begin(), extra.end());
  const std::string path = dir.file(name);
  writeDicom(spec, path);
  return path;
}

std::unique_ptr<DcmFileFormat> loadDicom(const std::string& path) {
  auto file = std::make_unique<DcmFileFormat>();
  // All of it: DCMTK otherwise reads large values lazily from the file, which a test may overwrite.
  OFCondition loaded = file->loadFile(path.c_str());
  if (loaded.good()) loaded = file->loadAllDataIntoMemory();
  INFO(path << ": " << loaded.text());
  REQUIRE(loaded.good());
  return file;
}

std::string stringOf(DcmItem& item, const DcmTagKey& tag) {
  OFString value;
  return item.findAndGetOFStringArray(tag, value).good() ? std::string(value.c_str()) : std::string();
}

bool present(DcmItem& item, const DcmTagKey& tag) { return item.tagExists(tag); }

std::string writeMinimalPdf(const std::string& path) {
  // A one-page PDF 1.4 with a correct cross-reference table (offsets computed, not guessed).
  std::vector<std::string> objects = {
      "<< /Type /Catalog /Pages 2 0 R >>",
      "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
      "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
      "/Resources << /Font << /F1 5 0 R >> >> >>",
      "",  // content stream, below
      "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
  };
  const std::string content = "BT /F1 18 Tf 72 770 Td (Hilum test report) Tj ET";
  objects[3] = "<< /Length " + std::to_string(content.size()) + " >>\nstream\n" + content + "\nendstream";
  std::string pdf = "%PDF-1.4\n";
  std::vector<std::size_t> offsets;
  for (std::size_t i = 0; i < objects.size(); ++i) {
    offsets.push_back(pdf.size());
    pdf += std::to_string(i + 1) + " 0 obj\n" + objects[i] + "\nendobj\n";
  }
  const std::size_t xref = pdf.size();
  pdf += "xref\n0 " + std::to_string(objects.size() + 1) + "\n0000000000 65535 f \n";
  for (const std::size_t offset : offsets) {
    char line[32];
    std::snprintf(line, sizeof line, "%010zu 00000 n \n", offset);
    pdf += line;
  }
  pdf += "trailer\n<< /Size " + std::to_string(objects.size() + 1) + " /Root 1 0 R >>\nstartxref\n" +
         std::to_string(xref) + "\n%%EOF\n";
  if (pdf.size() % 2 == 0) pdf += "\n";  // odd on purpose
  writeBytes(path, pdf);
  return pdf;
}

std::string runCommand(const std::string& command, int* status) {
  std::string output;
  FILE* pipe = ::popen(command.c_str(), "r");
  if (pipe == nullptr) {
    if (status != nullptr) *status = -1;
    return output;
  }
  char buffer[4096];
  std::size_t n = 0;
  while ((n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0) output.append(buffer, n);
  const int rc = ::pclose(pipe);
  if (status != nullptr) *status = rc;
  return output;
}

Validation dciodvfy(const std::string& path) {
  Validation v;
  v.available = std::system("command -v dciodvfy >/dev/null 2>&1") == 0;
  if (!v.available) return v;
  v.output = runCommand("dciodvfy '" + path + "' 2>&1");
  std::istringstream lines(v.output);
  for (std::string line; std::getline(lines, line);) {
    if (line.rfind("Error", 0) == 0) v.errors.push_back(line);
    if (line.rfind("Warning", 0) == 0) v.warnings.push_back(line);
  }
  return v;
}

void requireValidIod(const std::string& path) {
  const Validation v = dciodvfy(path);
  if (!v.available) {
    WARN("dciodvfy (Debian dicom3tools) is not installed: " << path << " not validated");
    return;
  }
  INFO("dciodvfy " << path << ":\n" << v.output);
  REQUIRE(v.errors.empty());
}

}  // namespace hilum::test
