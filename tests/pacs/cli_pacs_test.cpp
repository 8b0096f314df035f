// hilum-cli pacs against a real Orthanc: the commands, their exit codes and find's JSON keys.
#include "cli.h"
#include "pacs_support.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <sstream>

using namespace hilum::test;
using Catch::Matchers::Contains;

namespace {

struct Run {
  int code;
  std::string out;
  std::string err;
};

Run cli(const std::vector<std::string>& args) {
  std::ostringstream out, err;
  const int code = hilum::cli::run(args, out, err);
  return {code, out.str(), err.str()};
}

}  // namespace

TEST_CASE("hilum-cli pacs echo, send, find and get against Orthanc", "[pacs][cli]") {
  OrthancServer orthanc;
  HILUM_START_ORTHANC(orthanc);
  const std::string node = orthanc.node().toString();
  TempDir dir;
  StudySpec spec;
  spec.patientName = "CLI^PATIENT";
  spec.modality = "CR";
  const GeneratedStudy study = writeStudy(dir, "film", spec);

  const Run echo = cli({"pacs", "echo", node, "--timeout", "5"});
  CHECK(echo.code == 0);
  CHECK_THAT(echo.out, Contains("C-ECHO ok"));

  const Run send = cli({"pacs", "send", node, dir.path()});
  INFO(send.err);
  CHECK(send.code == 0);
  CHECK_THAT(send.out, Contains("stored " + study.files[0]));
  CHECK(orthanc.count("/instances") == 2);

  const Run find = cli({"pacs", "find", node, "--patient", "CLI*", "--modality", "CR,DX", "--json"});
  REQUIRE(find.code == 0);
  const auto matches = nlohmann::json::parse(find.out);
  REQUIRE(matches.size() == 1);
  for (const char* key : {"level", "patient_name", "patient_id", "study_instance_uid", "study_date",
                          "accession_number", "modalities_in_study", "instances"})
    CHECK(matches[0].contains(key));
  CHECK(matches[0]["study_instance_uid"] == study.studyUid);
  CHECK(matches[0]["level"] == "study");

  TempDir store;
  const Run get = cli({"pacs", "get", node, study.studyUid, "--to", store.path()});
  INFO(get.err);
  CHECK(get.code == 0);
  CHECK(filesUnder(store.path()).size() == 2);

  const Run closed = cli({"pacs", "echo", "NOBODY@127.0.0.1:" + std::to_string(freePort())});
  CHECK(closed.code == 1);
  CHECK_THAT(closed.err, Contains("connection refused"));
  CHECK(cli({"pacs", "echo", "not-a-node"}).code == 2);
  CHECK(cli({"pacs", "find", node, "--study-date", "yesterday"}).code == 2);
}
