#pragma once
// What the derived-object tests share: source films with a full identity, reading outputs back
// with DCMTK, and dciodvfy (dicom3tools) as the independent judge of IOD validity.
#include <memory>
#include <string>
#include <utility>
#include <vector>

class DcmFileFormat;
class DcmItem;
class DcmTagKey;

namespace hilum::test {

class TempDir;

// A chest film as a hospital sends it: CR (so that dciodvfy can judge the film itself), 64 x 48,
// MONOCHROME2 12-bit, with patient, study, physician, institution, device and date attributes
// (identityAttributes()). `extra` is written last and may override any of them.
std::string writeIdentifiedFilm(const TempDir& dir, const std::string& name,
                                std::vector<std::pair<std::string, std::string>> extra = {});
const std::vector<std::pair<std::string, std::string>>& identityAttributes();

// The whole file, read back; fails the test (REQUIRE) when DCMTK cannot.
std::unique_ptr<DcmFileFormat> loadDicom(const std::string& path);
std::string stringOf(DcmItem& item, const DcmTagKey& tag);
bool present(DcmItem& item, const DcmTagKey& tag);

// A small valid PDF, written by hand (one page, "Hilum test report"), odd-sized on purpose so the
// pad byte of Encapsulated Document is exercised.
std::string writeMinimalPdf(const std::string& path);

struct Validation {
  bool available = false;     // false: dciodvfy is not installed
  std::vector<std::string> errors;    // lines starting with "Error"
  std::vector<std::string> warnings;  // lines starting with "Warning"
  std::string output;
};
Validation dciodvfy(const std::string& path);

// REQUIREs no Error line from dciodvfy (printing its whole output), or WARNs that it is absent.
void requireValidIod(const std::string& path);

// Runs a shell command and returns its standard output (and exit status through `status`).
std::string runCommand(const std::string& command, int* status = nullptr);

}  // namespace hilum::test
