// hilum-cli pacs against a real Orthanc: the commands, their exit codes and find's JSON keys.
#include "cli_run.h"
#include "hilum/pacs/pacs_config.h"
#include "pacs_support.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <fstream>
#include <sstream>

using namespace hilum::test;
using Catch::Matchers::Contains;

namespace {

using Run = hilum::test::CliRun;
inline Run cli(const std::vector<std::string>& args) { return hilum::test::runCli(args); }

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

TEST_CASE("hilum-cli pacs add-node, nodes and remove-node edit the configuration; NODE may be a name",
          "[pacs][cli][config]") {
  TempDir home;
  const ScopedEnv config("XDG_CONFIG_HOME", home.path().c_str());
  const int closedPort = freePort();

  const Run empty = cli({"pacs", "nodes"});
  CHECK(empty.code == 0);
  CHECK(empty.out.empty());
  CHECK_THAT(empty.err, Contains("no PACS nodes configured"));

  const Run add = cli({"pacs", "add-node", "Closed", "CLOSED@127.0.0.1:" + std::to_string(closedPort)});
  INFO(add.err);
  CHECK(add.code == 0);
  CHECK(cli({"pacs", "add-node", "Other", "OTHER@example.org:104"}).code == 0);
  const Run twice = cli({"pacs", "add-node", "Closed", "X@h:1"});
  CHECK(twice.code == 1);
  CHECK_THAT(twice.err, Contains("already configured"));
  CHECK(cli({"pacs", "add-node", "Bad", "TOO_LONG_AE_TITLE_X@h:1"}).code == 2);

  const Run list = cli({"pacs", "nodes"});
  CHECK_THAT(list.out, Contains("Closed") && Contains("CLOSED@127.0.0.1:" + std::to_string(closedPort)));
  const auto json = nlohmann::json::parse(cli({"pacs", "nodes", "--json"}).out);
  REQUIRE(json.size() == 2);
  CHECK(json[1]["name"] == "Other");
  CHECK(json[1]["ae_title"] == "OTHER");
  CHECK(json[1]["port"] == 104);

  // A name resolves to its node: the error names the address it tried.
  const Run echo = cli({"pacs", "echo", "Closed", "--timeout", "5"});
  CHECK(echo.code == 1);
  CHECK_THAT(echo.err, Contains("CLOSED@127.0.0.1") && Contains("connection refused"));
  const Run unknown = cli({"pacs", "echo", "Nowhere"});
  CHECK(unknown.code == 2);
  CHECK_THAT(unknown.err, Contains("Closed, Other"));

  CHECK(cli({"pacs", "remove-node", "Closed"}).code == 0);
  CHECK(cli({"pacs", "remove-node", "Closed"}).code == 1);
  CHECK(nlohmann::json::parse(cli({"pacs", "nodes", "--json"}).out).size() == 1);

  // A broken file is reported with its path, and nothing is overwritten.
  std::ofstream(home.path() + "/hilum/pacs.json") << "{ broken";
  const Run broken = cli({"pacs", "nodes"});
  CHECK(broken.code == 1);
  CHECK_THAT(broken.err, Contains(home.path() + "/hilum/pacs.json") && Contains("not valid JSON"));
  CHECK(cli({"pacs", "add-node", "New", "NEW@h:1"}).code == 1);
}

TEST_CASE("hilum-cli pacs uses the configured local AE title unless --aet is given", "[pacs][cli][config]") {
  OrthancServer orthanc;
  HILUM_START_ORTHANC(orthanc);
  TempDir home;
  const ScopedEnv config("XDG_CONFIG_HOME", home.path().c_str());
  hilum::pacs::PacsConfig pacsConfig;
  pacsConfig.localAeTitle = "READER7";
  pacsConfig.nodes = {{"Orthanc", orthanc.node()}};
  REQUIRE(hilum::pacs::savePacsConfig(pacsConfig).ok());

  const Run echo = cli({"pacs", "echo", "Orthanc"});
  INFO(echo.err);
  CHECK(echo.code == 0);
  CHECK_THAT(echo.out, Contains("ORTHANC@127.0.0.1:" + std::to_string(orthanc.dicomPort())));

  // Orthanc keeps the calling AE title of each instance it received (metadata RemoteAET).
  TempDir dir;
  const GeneratedStudy study = writeStudy(dir, "aet", StudySpec{});
  const Run send = cli({"pacs", "send", "Orthanc", study.files[0]});
  INFO(send.err);
  REQUIRE(send.code == 0);
  const auto instances = nlohmann::json::parse(orthanc.get("/instances").body);
  REQUIRE(instances.size() == 1);
  CHECK(orthanc.get("/instances/" + instances[0].get<std::string>() + "/metadata/RemoteAET").body == "READER7");
  CHECK(cli({"pacs", "echo", "Orthanc", "--aet", "OTHERAE"}).code == 0);
}
