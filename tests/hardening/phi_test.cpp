// Patient data stays out of what Hilum says about its work: error lines and progress name the file
// and the reason, never the patient. (What a command is asked to show, like `info`'s Patient line,
// is output, not a log.)
#include "cli_run.h"
#include "dicom_fixture.h"
#include "temp_dir.h"

#include <catch2/catch.hpp>

#include <sstream>

using namespace hilum::test;

namespace {

const char* const kName = "Zebulon^Quixote";  // unlikely to appear by chance
const char* const kNamePart = "Zebulon";
const char* const kPatientId = "PID-7733911";

using Outcome = hilum::test::CliRun;
inline Outcome cli(const std::vector<std::string>& args) { return hilum::test::runCli(args); }

DicomSpec namedFilm() {
  DicomSpec spec;
  spec.rows = 40;
  spec.columns = 30;
  spec.attributes = {{"PatientName", kName}, {"PatientID", kPatientId}, {"PatientBirthDate", "19510203"}};
  return spec;
}

}  // namespace

TEST_CASE("hilum-cli error messages never name the patient", "[hardening][phi]") {
  TempDir dir;
  using Lie = std::vector<std::pair<std::string, std::string>>;
  const std::pair<const char*, Lie> damages[] = {
      {"bomb", {{"Rows", "65535"}, {"Columns", "65535"}}},
      {"short", {{"Rows", "400"}}},
      {"bits", {{"BitsAllocated", "64"}}},
      {"photometric", {{"PhotometricInterpretation", "HSV"}}},
  };
  for (const auto& [what, lie] : damages) {
    DYNAMIC_SECTION(what) {
      DicomSpec spec = namedFilm();
      spec.attributes.insert(spec.attributes.end(), lie.begin(), lie.end());
      const std::string path = dir.file(std::string(what) + ".dcm");
      writeDicom(spec, path);
      for (const auto& args : std::vector<std::vector<std::string>>{
               {"info", path}, {"render", path, "-o", dir.file("out.png")}, {"measure", path, "--distance", "1,1,5,5"},
               {"bench", "open", path, "--runs", "1"}}) {
        const Outcome r = cli(args);
        INFO(args[0] << ": " << r.err);
        CHECK(r.code == 1);
        CHECK(r.err.find(kNamePart) == std::string::npos);
        CHECK(r.err.find(kPatientId) == std::string::npos);
        CHECK(r.out.find(kNamePart) == std::string::npos);
      }
    }
  }
  SECTION("a file cut short after the patient module") {
    writeDicom(namedFilm(), dir.file("whole.dcm"));
    const std::string whole = readBytes(dir.file("whole.dcm"));
    const auto at = whole.find(kNamePart);
    REQUIRE(at != std::string::npos);
    for (std::size_t cut : {at + 4, at + 40, whole.size() / 2, whole.size() - 3}) {
      writeBytes(dir.file("cut.dcm"), whole.substr(0, cut));
      const Outcome r = cli({"render", dir.file("cut.dcm"), "-o", dir.file("out.png")});
      INFO("cut at " << cut << ": " << r.err);
      CHECK(r.err.find(kNamePart) == std::string::npos);
    }
  }
}

TEST_CASE("rendering and indexing a named film print no patient data unless asked", "[hardening][phi]") {
  TempDir dir;
  writeDicom(namedFilm(), dir.file("film.dcm"));
  const Outcome render = cli({"render", dir.file("film.dcm"), "-o", dir.file("out.png")});
  REQUIRE(render.code == 0);
  CHECK(render.out.find(kNamePart) == std::string::npos);
  CHECK(render.err.empty());
  const Outcome measure = cli({"measure", dir.file("film.dcm"), "--distance", "1,1,5,5"});
  REQUIRE(measure.code == 0);
  CHECK(measure.out.find(kNamePart) == std::string::npos);
  CHECK(measure.err.empty());
  // info is asked for the patient: it shows the name. That is its output, on stdout.
  const Outcome info = cli({"info", dir.file("film.dcm")});
  REQUIRE(info.code == 0);
  CHECK(info.out.find(kNamePart) != std::string::npos);
  CHECK(info.err.empty());
}
