// The triage worklist end to end: films arrive through Hilum's storage SCP, are analysed by a tiny
// trained pack (a disc means "Disc", a bar "Bar"), ranked, and their results go to a second SCP
// standing in for the PACS. A restart keeps the rows and sends nothing twice.
#include "dicom_fixture.h"
#include "orthanc_server.h"
#include "pacs_support.h"
#include "temp_dir.h"
#include "tiny_pack.h"

#include "hilum/pacs/send.h"
#include "hilum/pacs/storage_server.h"
#include "hilum/triage/worklist.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <set>
#include <thread>

using namespace hilum;
using hilum::test::TempDir;

namespace {

// A shapes film as DICOM in a given study; CR chest PA so it passes any gate.
void writeShapes(const std::string& path, double discX, double barY, const std::string& studyUid) {
  const film::Film film = test::shapesFilm(discX, 0.5, barY);
  test::DicomSpec spec;
  spec.rows = film.rows();
  spec.columns = film.columns();
  for (std::size_t i = 0; i < film.pixels().size(); ++i) spec.pixels.push_back(film.pixels().value(i));
  spec.attributes = {{"StudyInstanceUID", studyUid}, {"Modality", "DX"}, {"BodyPartExamined", "CHEST"},
                     {"ViewPosition", "PA"}, {"PatientID", "P-" + studyUid.substr(studyUid.size() - 1)}};
  test::writeDicom(spec, path);
}

std::size_t filesUnder(const std::string& root) {
  std::size_t n = 0;
  std::error_code ec;
  for (const auto& e : std::filesystem::recursive_directory_iterator(root, ec)) n += e.is_regular_file() ? 1 : 0;
  return n;
}

// The SCP hands each instance over after the sender's response: wait for the rows, not the send.
bool waitForFilms(const triage::TriageWorklist& worklist, std::size_t films) {
  for (int i = 0; i < 600; ++i) {
    std::size_t analysed = 0;
    for (const auto& s : worklist.studies())
      for (const auto& f : s.films) analysed += f.state != triage::FilmState::Queued ? 1 : 0;
    if (analysed >= films && worklist.pending() == 0) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  return false;
}

// The pack in DIR/pack, the ledger and results under DIR/store, results sent to `pacs`, one thread.
triage::WorklistOptions worklistOptions(const TempDir& dir, const pacs::Node& pacs) {
  triage::WorklistOptions options;
  options.packDirectory = dir.file("pack");
  options.ledgerPath = dir.file("store/worklist.json");
  options.sendResultsTo = pacs;
  options.resultsDirectory = dir.file("store/results");
  options.analyzerThreads = 1;
  return options;
}

}  // namespace

TEST_CASE("films arriving at the SCP are analysed, ranked by urgency and their results sent back", "[triage][worklist]") {
  TempDir dir;
  std::filesystem::create_directories(dir.file("pack"));
  test::writeTinyPack(dir.file("pack"));

  // The "PACS" that receives the SR and SC results.
  pacs::StorageServerOptions pacsOptions;
  pacsOptions.aeTitle = "PACS";
  pacsOptions.port = 0;
  pacsOptions.root = dir.file("pacs");
  pacs::StorageServer pacsServer(pacsOptions);
  REQUIRE(pacsServer.start().ok());

  triage::WorklistOptions options = worklistOptions(dir, pacs::Node{"PACS", "127.0.0.1", pacsServer.port(), ""});
  options.policy = triage::parsePolicy("Bar=3").value();

  std::filesystem::create_directories(dir.file("in"));
  writeShapes(dir.file("in/disc1.dcm"), 0.3, -1, "1.2.826.0.1.3680043.10.1");
  writeShapes(dir.file("in/disc2.dcm"), 0.6, -1, "1.2.826.0.1.3680043.10.1");  // same study, a second film
  writeShapes(dir.file("in/bar.dcm"), -1, 0.7, "1.2.826.0.1.3680043.10.2");
  writeShapes(dir.file("in/empty.dcm"), -1, -1, "1.2.826.0.1.3680043.10.3");
  std::vector<std::string> films{dir.file("in/disc1.dcm"), dir.file("in/disc2.dcm"), dir.file("in/bar.dcm"), dir.file("in/empty.dcm")};

  {
    std::atomic<int> changes{0};
    triage::TriageWorklist worklist(options, [&](const triage::TriageStudy&) { ++changes; });
    REQUIRE(worklist.start().ok());
    CHECK(worklist.model() == "tiny-blobs 0.1");

    pacs::StorageServerOptions scpOptions;
    scpOptions.port = 0;
    scpOptions.root = dir.file("store/films");
    pacs::StorageServer scp(scpOptions, [&](const pacs::InstanceOutcome& o) {
      if (o.status == pacs::InstanceStatus::Stored) worklist.submit(o.path);
    });
    REQUIRE(scp.start().ok());
    const auto sent = pacs::store(pacs::Node{"HILUM", "127.0.0.1", scp.port(), ""}, films);
    REQUIRE(sent.ok());
    REQUIRE(sent.value().count(pacs::InstanceStatus::Stored) == 4);
    REQUIRE(waitForFilms(worklist, 4));
    CHECK(changes == 4);

    const auto studies = worklist.studies();
    REQUIRE(studies.size() == 3);
    // Bar has priority 3: its study leads; the disc study next; the empty film last, negative.
    CHECK(studies[0].studyInstanceUid == "1.2.826.0.1.3680043.10.2");
    CHECK(studies[0].urgency.positive);
    CHECK(studies[0].urgency.finding == "Bar");
    CHECK(studies[1].studyInstanceUid == "1.2.826.0.1.3680043.10.1");
    CHECK(studies[1].films.size() == 2);
    CHECK(studies[1].urgency.finding == "Disc");
    CHECK(studies[2].studyInstanceUid == "1.2.826.0.1.3680043.10.3");
    CHECK_FALSE(studies[2].urgency.positive);
    for (const auto& s : studies) {
      CHECK(s.patientId.rfind("P-", 0) == 0);
      for (const auto& f : s.films) {
        CHECK(f.state == triage::FilmState::Done);
        CHECK(f.model == "tiny-blobs 0.1");
        CHECK(f.resultsSent);
        CHECK(f.sendError.empty());
        CHECK(f.latencyMs > 0);
      }
    }
  }
  // Each film's SR and SC reached the PACS.
  CHECK(filesUnder(dir.file("pacs")) == 8);
  REQUIRE(std::filesystem::exists(dir.file("store/worklist.json")));

  SECTION("a restart keeps the rows and neither analyses nor sends again") {
    triage::TriageWorklist again(options);
    REQUIRE(again.start().ok());
    CHECK(again.studies().size() == 3);
    CHECK(again.studies()[0].urgency.finding == "Bar");
    for (const auto& s : again.studies())
      for (const auto& f : s.films) again.submit(f.path);  // the SCP offering them again
    CHECK(again.waitUntilIdle(std::chrono::seconds(20)));
    CHECK(filesUnder(dir.file("pacs")) == 8);
  }
  SECTION("result objects are not films; a broken file is a failed row with its reason") {
    triage::TriageWorklist again(options);
    REQUIRE(again.start().ok());
    for (const auto& e : std::filesystem::recursive_directory_iterator(dir.file("store/results")))
      if (e.is_regular_file()) again.submit(e.path().string());
    test::writeBytes(dir.file("in/broken.dcm"), std::string(128, '\0') + "DICM" + std::string(20, 'x'));
    again.submit(dir.file("in/broken.dcm"));
    REQUIRE(again.waitUntilIdle(std::chrono::seconds(30)));
    const auto studies = again.studies();
    REQUIRE(studies.size() == 4);  // the three, plus the broken file's row
    const auto& broken = studies.back().films.front();
    CHECK(broken.state == triage::FilmState::Failed);
    CHECK_FALSE(broken.reason.empty());
    CHECK(filesUnder(dir.file("pacs")) == 8);
  }
  SECTION("results that cannot be sent say so, and the film is still ranked") {
    pacsServer.stop();
    triage::TriageWorklist again(options);
    REQUIRE(again.start().ok());
    writeShapes(dir.file("in/late.dcm"), 0.5, 0.3, "1.2.826.0.1.3680043.10.4");
    again.submit(dir.file("in/late.dcm"));
    REQUIRE(again.waitUntilIdle(std::chrono::seconds(60)));
    const auto studies = again.studies();
    const auto late = std::find_if(studies.begin(), studies.end(), [](const auto& s) { return s.studyInstanceUid == "1.2.826.0.1.3680043.10.4"; });
    REQUIRE(late != studies.end());
    CHECK(late->films.front().state == triage::FilmState::Done);
    CHECK_FALSE(late->films.front().resultsSent);
    CHECK_THAT(late->films.front().sendError, Catch::Matchers::Contains("PACS@127.0.0.1"));
  }
}

TEST_CASE("with Orthanc as the PACS: pushed studies are triaged and their SR and SC land in Orthanc", "[triage][worklist][orthanc]") {
  TempDir dir;
  std::filesystem::create_directories(dir.file("pack"));
  test::writeTinyPack(dir.file("pack"));
  const int scpPort = test::freePort();
  test::OrthancOptions orthancOptions;
  orthancOptions.hilumPort = scpPort;
  test::OrthancServer orthanc(orthancOptions);
  HILUM_START_ORTHANC(orthanc);

  std::filesystem::create_directories(dir.file("in"));
  writeShapes(dir.file("in/bar.dcm"), -1, 0.7, "1.2.826.0.1.3680043.10.21");
  writeShapes(dir.file("in/disc.dcm"), 0.4, -1, "1.2.826.0.1.3680043.10.22");
  REQUIRE(pacs::store(orthanc.node(), {dir.file("in/bar.dcm"), dir.file("in/disc.dcm")}).ok());
  REQUIRE(orthanc.count("/instances") == 2);

  triage::WorklistOptions options = worklistOptions(dir, orthanc.node());
  triage::TriageWorklist worklist(options);
  REQUIRE(worklist.start().ok());
  pacs::StorageServerOptions scpOptions;
  scpOptions.port = scpPort;
  scpOptions.root = dir.file("store/films");
  pacs::StorageServer scp(scpOptions, [&](const pacs::InstanceOutcome& o) {
    if (o.status == pacs::InstanceStatus::Stored) worklist.submit(o.path);
  });
  REQUIRE(scp.start().ok());

  // Orthanc pushes both studies to Hilum (what a PACS routing rule does).
  const auto push = orthanc.post("/modalities/HILUM/store", orthanc.get("/studies").body);
  REQUIRE(push.status == 200);
  REQUIRE(waitForFilms(worklist, 2));
  const auto studies = worklist.studies();
  REQUIRE(studies.size() == 2);
  for (const auto& s : studies) {
    REQUIRE(s.films.size() == 1);
    CHECK(s.films.front().resultsSent);
    CHECK(s.films.front().sendError.empty());
  }
  // Each study now holds its film, the findings SR and the Secondary Capture.
  CHECK(orthanc.count("/instances") == 6);
  const auto series = nlohmann::json::parse(orthanc.get("/series?expand").body);
  std::multiset<std::string> modalities;
  for (const auto& s : series) modalities.insert(s["MainDicomTags"].value("Modality", ""));
  CHECK(modalities.count("SR") == 2);
  CHECK(modalities.count("OT") + modalities.count("SC") + modalities.count("DX") >= 2);
}

TEST_CASE("results written but not known to be sent go again after a restart as the same objects", "[triage][worklist][orthanc]") {
  TempDir dir;
  std::filesystem::create_directories(dir.file("pack"));
  test::writeTinyPack(dir.file("pack"));
  test::OrthancServer orthanc;
  HILUM_START_ORTHANC(orthanc);

  std::filesystem::create_directories(dir.file("in"));
  writeShapes(dir.file("in/bar.dcm"), -1, 0.7, "1.2.826.0.1.3680043.10.31");
  writeShapes(dir.file("in/disc.dcm"), 0.4, -1, "1.2.826.0.1.3680043.10.32");
  triage::WorklistOptions options = worklistOptions(dir, orthanc.node());
  {
    triage::TriageWorklist worklist(options);
    REQUIRE(worklist.start().ok());
    worklist.submit(dir.file("in/bar.dcm"));
    worklist.submit(dir.file("in/disc.dcm"));
    REQUIRE(waitForFilms(worklist, 2));
    for (const auto& s : worklist.studies()) {
      REQUIRE(s.films.front().resultsSent);
      CHECK(s.films.front().resultFiles.size() == 2);
      CHECK(s.films.front().sendMs > 0);
      CHECK(s.films.front().inferenceMs > 0);
    }
  }
  REQUIRE(orthanc.count("/instances") == 4);  // an SR and an SC per film

  // A kill after Orthanc took the results but before the ledger said so; and, for the other film,
  // its Secondary Capture lost since.
  auto ledger = nlohmann::json::parse(test::readBytes(options.ledgerPath));
  std::string goneFile;
  for (auto& study : ledger["studies"])
    for (auto& film : study["films"]) {
      film["results_sent"] = false;
      if (film["path"] == dir.file("in/disc.dcm")) {
        goneFile = film["result_files"][1];
        std::filesystem::remove(goneFile);
      }
    }
  test::writeBytes(options.ledgerPath, ledger.dump());

  triage::TriageWorklist again(options);
  REQUIRE(again.start().ok());
  REQUIRE(again.waitUntilIdle(std::chrono::seconds(60)));
  for (const auto& s : again.studies()) {
    const auto& film = s.films.front();
    if (film.path == dir.file("in/bar.dcm")) {
      CHECK(film.resultsSent);  // the same SOP instances again: Orthanc keeps one of each
      CHECK(film.sendError.empty());
    } else {
      CHECK_FALSE(film.resultsSent);  // never a new result in place of a lost one
      CHECK_THAT(film.sendError, Catch::Matchers::Contains(std::filesystem::path(goneFile).filename().string()) && Catch::Matchers::Contains("gone"));
    }
  }
  CHECK(orthanc.count("/instances") == 4);

  // forget() drops a film's row from the list and the ledger; submitted again, it is new.
  again.forget({dir.file("in/bar.dcm")});
  CHECK(again.studies().size() == 1);
  CHECK(test::readBytes(options.ledgerPath).find(dir.file("in/bar.dcm")) == std::string::npos);
  again.submit(dir.file("in/bar.dcm"));
  REQUIRE(again.waitUntilIdle(std::chrono::seconds(60)));
  CHECK(again.studies().size() == 2);
}
