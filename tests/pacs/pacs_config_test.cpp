// The PACS configuration file: round trip, defaults, validation with messages naming the file, the
// default paths from the XDG variables, and resolving node names.
#include "hilum/pacs/pacs_config.h"
#include "pacs_support.h"

#include <catch2/catch.hpp>

#include <cstdlib>
#include <fstream>

using namespace hilum;
using namespace hilum::test;
using Catch::Matchers::Contains;

namespace {

void writeText(const std::string& path, const std::string& text) { std::ofstream(path) << text; }

pacs::PacsConfig sampleConfig() {
  pacs::PacsConfig config;
  config.localAeTitle = "READER1";
  config.nodes = {{"Orthanc", {"ORTHANC", "127.0.0.1", 4242, {}}},
                  {"Main PACS", {"MAINPACS", "pacs.example.org", 104, "https://pacs.example.org/dicom-web"}}};
  config.scpEnabled = true;
  config.scpPort = 11113;
  config.scpBindAddress = "0.0.0.0";
  config.storeFolder = "/data/store";
  config.resultsNode = "Orthanc";
  config.priorities = "Pneumothorax=3,Effusion=1.5";
  return config;
}

}  // namespace

TEST_CASE("PACS configuration saves and loads every field", "[pacs][config]") {
  TempDir dir;
  const std::string path = dir.path() + "/sub/pacs.json";  // the folder is created
  const pacs::PacsConfig saved = sampleConfig();
  REQUIRE(pacs::savePacsConfig(saved, path).ok());
  const auto loaded = pacs::loadPacsConfig(path);
  REQUIRE(loaded.ok());
  const auto& c = loaded.value();
  CHECK(c.localAeTitle == "READER1");
  REQUIRE(c.nodes.size() == 2);
  CHECK(c.nodes[1].name == "Main PACS");
  CHECK(c.nodes[1].node.aeTitle == "MAINPACS");
  CHECK(c.nodes[1].node.host == "pacs.example.org");
  CHECK(c.nodes[1].node.port == 104);
  CHECK(c.nodes[1].node.dicomWebUrl == "https://pacs.example.org/dicom-web");
  CHECK(c.scpEnabled);
  CHECK(c.scpPort == 11113);
  CHECK(c.scpBindAddress == "0.0.0.0");
  CHECK(c.storeFolder == "/data/store");
  CHECK(c.resultsNode == "Orthanc");
  CHECK(c.priorities == "Pneumothorax=3,Effusion=1.5");
  CHECK(partialFiles(dir.path()).empty());
}

TEST_CASE("A missing PACS configuration gives the defaults: SCP off, loopback, our AE HILUM", "[pacs][config]") {
  TempDir dir;
  const auto loaded = pacs::loadPacsConfig(dir.path() + "/none.json");
  REQUIRE(loaded.ok());
  CHECK(loaded.value().localAeTitle == "HILUM");
  CHECK(loaded.value().nodes.empty());
  CHECK_FALSE(loaded.value().scpEnabled);
  CHECK(loaded.value().scpBindAddress == "127.0.0.1");
  CHECK(loaded.value().resultsNode.empty());
}

TEST_CASE("A malformed PACS configuration is refused naming the file and the problem", "[pacs][config]") {
  TempDir dir;
  const std::string path = dir.path() + "/pacs.json";
  const auto problem = [&](const std::string& text) {
    writeText(path, text);
    const auto loaded = pacs::loadPacsConfig(path);
    REQUIRE_FALSE(loaded.ok());
    CHECK(loaded.error().path() == path);
    return loaded.error().message();
  };
  CHECK_THAT(problem("{ not json"), Contains("pacs.json") && Contains("not valid JSON"));
  CHECK_THAT(problem("[]"), Contains("JSON object"));
  CHECK_THAT(problem(R"({"local_ae_title": "MUCH_TOO_LONG_AE_TITLE"})"), Contains("local AE title") && Contains("16"));
  CHECK_THAT(problem(R"({"nodes": [{"name": "A", "ae_title": "A", "host": "h", "port": 70000}]})"),
             Contains("node 'A'") && Contains("outside 1-65535"));
  CHECK_THAT(problem(R"({"nodes": [{"name": "A", "ae_title": "A", "host": "h"}]})"), Contains("port 0"));
  CHECK_THAT(problem(R"({"nodes": [{"name": "A", "ae_title": "A", "host": "h", "port": "104"}]})"),
             Contains("port must be a whole number"));
  CHECK_THAT(problem(R"({"nodes": [{"name": "A", "ae_title": "A\\B", "host": "h", "port": 104}]})"),
             Contains("node 'A'") && Contains("character"));
  CHECK_THAT(problem(R"({"nodes": [{"name": "A", "ae_title": "A", "host": "h", "port": 104},
                                   {"name": "A", "ae_title": "B", "host": "h", "port": 105}]})"),
             Contains("two nodes are named 'A'"));
  CHECK_THAT(problem(R"({"storage_scp": {"enabled": "yes"}})"), Contains("storage_scp.enabled"));
  CHECK_THAT(problem(R"({"triage": {"results_node": "Nowhere"}})"), Contains("'Nowhere' is not a configured node"));
}

TEST_CASE("Saving an invalid PACS configuration is refused and leaves the file as it was", "[pacs][config]") {
  TempDir dir;
  const std::string path = dir.path() + "/pacs.json";
  REQUIRE(pacs::savePacsConfig(sampleConfig(), path).ok());
  pacs::PacsConfig bad = sampleConfig();
  bad.nodes.push_back(bad.nodes.front());
  const Status s = pacs::savePacsConfig(bad, path);
  REQUIRE_FALSE(s.ok());
  CHECK_THAT(s.error().message(), Contains("two nodes are named 'Orthanc'"));
  const auto loaded = pacs::loadPacsConfig(path);
  REQUIRE(loaded.ok());
  CHECK(loaded.value().nodes.size() == 2);
}

TEST_CASE("PACS nodes resolve by name or as AET@host:port; unknown names list the known ones", "[pacs][config]") {
  const pacs::PacsConfig config = sampleConfig();
  const auto byName = config.resolve("Main PACS");
  REQUIRE(byName.ok());
  CHECK(byName.value().toString() == "MAINPACS@pacs.example.org:104");
  const auto byAddress = config.resolve("X@10.0.0.1:11112");
  REQUIRE(byAddress.ok());
  CHECK(byAddress.value().port == 11112);
  const auto unknown = config.resolve("orthanc");  // names are case-sensitive
  REQUIRE_FALSE(unknown.ok());
  CHECK_THAT(unknown.error().reason(), Contains("Orthanc, Main PACS"));
  const auto badAddress = config.resolve("X@host:0");
  REQUIRE_FALSE(badAddress.ok());
  CHECK_THAT(badAddress.error().reason(), Contains("outside 1-65535"));
}

TEST_CASE("PACS default paths follow XDG_CONFIG_HOME, HILUM_DATA_DIR and XDG_DATA_HOME", "[pacs][config]") {
  {
    ScopedEnv config("XDG_CONFIG_HOME", "/tmp/cfg");
    CHECK(pacs::defaultConfigPath() == "/tmp/cfg/hilum/pacs.json");
  }
  {
    ScopedEnv config("XDG_CONFIG_HOME", nullptr);
    ScopedEnv home("HOME", "/home/reader");
    CHECK(pacs::defaultConfigPath() == "/home/reader/.config/hilum/pacs.json");
  }
  ScopedEnv home("HOME", "/home/reader");
  {
    ScopedEnv data("HILUM_DATA_DIR", "/tmp/hd");
    ScopedEnv xdg("XDG_DATA_HOME", "/tmp/xd");
    CHECK(pacs::defaultStoreFolder() == "/tmp/hd/store");
  }
  {
    ScopedEnv data("HILUM_DATA_DIR", nullptr);
    ScopedEnv xdg("XDG_DATA_HOME", "/tmp/xd");
    CHECK(pacs::defaultStoreFolder() == "/tmp/xd/hilum/store");
  }
  {
    ScopedEnv data("HILUM_DATA_DIR", nullptr);
    ScopedEnv xdg("XDG_DATA_HOME", nullptr);
    CHECK(pacs::defaultStoreFolder() == "/home/reader/.local/share/hilum/store");
  }
}
