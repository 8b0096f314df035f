// `hilum-cli batch` against a real Orthanc on loopback: an archive of 40 generated studies (plus two
// the query must leave out), shards run as separate processes the way a Slurm array or a Kubernetes
// Indexed Job starts them, a shard killed mid-way and restarted, and the core call stopped between
// studies. What counts is what Orthanc holds afterwards: one SR and one Secondary Capture per film
// of every study in range, nothing for the others.
#include "child_process.h"
#include "cli_run.h"
#include "dicom_fixture.h"
#include "orthanc_server.h"
#include "pacs_support.h"
#include "temp_dir.h"
#include "tiny_pack.h"

#include "hilum/pacs/send.h"
#include "hilum/triage/batch.h"
#include "hilum/triage/shard.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <dcmtk/config/osconfig.h>
#include <dcmtk/dcmdata/dcuid.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <csignal>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <thread>
#include <unistd.h>


using namespace hilum;
using namespace hilum::test;
using Catch::Matchers::Contains;

namespace {

const char* const kDates = "20240101-20240131";

struct Archive {
  std::vector<std::string> inRange;           // study UIDs the batch must analyse
  std::vector<std::string> outOfRange;        // a study of 2023 and an MG study: never touched
  std::map<std::string, int> films;           // study UID -> its films
  std::vector<std::string> files;
};

// A shapes film (test packs see a disc or a bar) as a chest PA radiograph of `studyUid`.
void writeFilm(const std::string& path, const std::string& studyUid, const std::string& seriesUid,
               const std::string& modality, const std::string& date, int variant) {
  const film::Film film = shapesFilm(variant % 2 ? 0.3 + 0.05 * (variant % 5) : -1, 0.5, variant % 3 ? 0.7 : -1);
  DicomSpec spec;
  spec.rows = film.rows();
  spec.columns = film.columns();
  for (std::size_t i = 0; i < film.pixels().size(); ++i) spec.pixels.push_back(film.pixels().value(i));
  spec.sopClassUid = modality == "CR" ? UID_ComputedRadiographyImageStorage : UID_DigitalXRayImageStorageForPresentation;
  spec.attributes = {{"StudyInstanceUID", studyUid}, {"SeriesInstanceUID", seriesUid}, {"SOPInstanceUID", newTestUid()},
                     {"Modality", modality},         {"StudyDate", date},            {"BodyPartExamined", "CHEST"},
                     {"ViewPosition", "PA"},          {"PatientID", "BATCH-" + studyUid.substr(studyUid.size() - 4)},
                     {"PatientName", "Batch^Phantom"}};
  writeDicom(spec, path);
}

// `studies` in range (January 2024, CR or DX, every third one with two films) and two out of it.
Archive writeArchive(const TempDir& dir, int studies) {
  Archive archive;
  auto add = [&](const std::string& modality, const std::string& date, int films, bool inRange) {
    const std::string study = newTestUid(), series = newTestUid();
    for (int f = 0; f < films; ++f) {
      const std::string path = dir.file("archive/" + study + "_" + std::to_string(f) + ".dcm");
      writeFilm(path, study, series, modality, date, static_cast<int>(archive.files.size()));
      archive.files.push_back(path);
    }
    (inRange ? archive.inRange : archive.outOfRange).push_back(study);
    archive.films[study] = films;
  };
  std::filesystem::create_directories(dir.file("archive"));
  for (int i = 0; i < studies; ++i) {
    char date[16];
    std::snprintf(date, sizeof date, "202401%02d", 1 + i % 28);
    add(i % 2 ? "CR" : "DX", date, i % 3 == 0 ? 2 : 1, true);
  }
  add("DX", "20231231", 1, false);
  add("MG", "20240110", 1, false);
  return archive;
}

void putIntoOrthanc(const OrthancServer& orthanc, const Archive& archive) {
  const auto sent = pacs::store(orthanc.node(), archive.files);
  REQUIRE(sent.ok());
  REQUIRE(sent.value().count(pacs::InstanceStatus::Stored) == archive.files.size());
}

struct Held {
  int films = 0, sr = 0, sc = 0;
};

// What Orthanc holds per study: films, and Hilum's SRs and Secondary Captures.
std::map<std::string, Held> heldByStudy(const OrthancServer& orthanc) {
  std::map<std::string, std::string> uidOf;
  for (const auto& s : nlohmann::json::parse(orthanc.get("/studies?expand").body))
    uidOf[s["ID"]] = s["MainDicomTags"]["StudyInstanceUID"];
  std::map<std::string, Held> held;
  for (const auto& s : nlohmann::json::parse(orthanc.get("/series?expand").body)) {
    Held& h = held[uidOf[s["ParentStudy"]]];
    const int n = static_cast<int>(s["Instances"].size());
    const auto& tags = s["MainDicomTags"];
    if (tags.value("Modality", "") == "SR") h.sr += n;
    else if (tags.value("Manufacturer", "") == "Hilum") h.sc += n;
    else h.films += n;
  }
  return held;
}

void checkExactlyOnce(const OrthancServer& orthanc, const Archive& archive) {
  auto held = heldByStudy(orthanc);
  for (const auto& uid : archive.inRange) {
    INFO("study " << uid);
    CHECK(held[uid].films == archive.films.at(uid));
    CHECK(held[uid].sr == archive.films.at(uid));
    CHECK(held[uid].sc == archive.films.at(uid));
  }
  for (const auto& uid : archive.outOfRange) {
    INFO("study out of range " << uid);
    CHECK(held[uid].sr == 0);
    CHECK(held[uid].sc == 0);
  }
}

// The batch ledger: the studies with a record under <store>/done.
std::set<std::string> ledgerOf(const std::string& store) {
  std::set<std::string> done;
  std::error_code ec;
  for (const auto& e : std::filesystem::directory_iterator(store + "/done", ec))
    if (e.path().extension() == ".json") done.insert(e.path().stem().string());
  return done;
}

std::set<std::string> shardOfArchive(const Archive& archive, int index, int count) {
  std::set<std::string> mine;
  for (const auto& uid : archive.inRange)
    if (triage::shardOf(uid, count) == index) mine.insert(uid);
  return mine;
}

// The tiny pack in DIR/pack and an archive of `studies` generated studies, put into Orthanc.
Archive prepareArchive(OrthancServer& orthanc, const TempDir& dir, int studies) {
  std::filesystem::create_directories(dir.file("pack"));
  writeTinyPack(dir.file("pack"));
  Archive archive = writeArchive(dir, studies);
  putIntoOrthanc(orthanc, archive);
  return archive;
}

// hilum-cli as a scheduler starts a shard: its own stdout and stderr files (DIR/NAME.out, .err), the
// test's environment with a private PACS configuration and offscreen Qt.
struct Child : ChildProcess {
  Child(const std::vector<std::string>& args, const TempDir& dir, const std::string& name)
      : ChildProcess(HILUM_CLI_EXECUTABLE, args, dir.file(name + ".out"),
                     {dir.file(name + ".err"), {"XDG_CONFIG_HOME=" + dir.file("config"), "QT_QPA_PLATFORM=offscreen"}}) {}
  std::string out() const { return log(); }
  std::string err() const { return errorLog(); }
};

// Until `reached` holds or the child ends (the deadline is a safety net against a hang, not a time
// limit on the work): true when it held with the child still running.
template <typename Condition>
bool waitFor(Child& child, Condition reached) {
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::minutes(5);
  while (std::chrono::steady_clock::now() < deadline) {
    if (!child.running()) return false;
    if (reached()) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
  }
  return false;
}

bool waitForLedger(Child& child, const std::string& store, std::size_t studies) {
  return waitFor(child, [&] { return ledgerOf(store).size() >= studies; });
}

// The worklist ledger lists a film whose SR and SC are written and on their way to the PACS.
bool sending(const std::string& worklistLedger) {
  const auto ledger = nlohmann::json::parse(readBytes(worklistLedger), nullptr, false);
  if (!ledger.is_object()) return false;
  for (const auto& study : ledger.value("studies", nlohmann::json::array()))
    for (const auto& film : study["films"])
      if (!film.value("results_sent", true) && !film.value("result_files", nlohmann::json::array()).empty()) return true;
  return false;
}

std::vector<std::string> batchArgs(const OrthancServer& orthanc, const std::string& shard, const std::string& store,
                                   const std::string& pack, const std::string& json) {
  return {"batch", orthanc.node().toString(), "--study-date", kDates, "--modality", "CR,DX", "--shard", shard,
          "--store", store, "--model", pack, "--send-results", "--threads", "1", "--aet", "HILUM", "--json", json};
}

std::set<std::string> studiesIn(const nlohmann::json& report, const std::string& state) {
  std::set<std::string> uids;
  for (const auto& s : report["studies"])
    if (s["state"] == state) uids.insert(s["study_instance_uid"].get<std::string>());
  return uids;
}

}  // namespace

TEST_CASE("hilum-cli batch refuses bad shard specs and names a node it cannot reach", "[triage][batch][cli]") {
  TempDir dir;
  const ScopedEnv config("XDG_CONFIG_HOME", dir.file("config").c_str());
  std::filesystem::create_directories(dir.file("pack"));
  writeTinyPack(dir.file("pack"));
  const std::string node = "NOBODY@127.0.0.1:" + std::to_string(freePort());
  auto batch = [&](const std::vector<std::string>& extra) {
    std::vector<std::string> args{"batch", node, "--study-date", kDates, "--store", dir.file("store"), "--model", dir.file("pack")};
    args.insert(args.end(), extra.begin(), extra.end());
    return runCli(args);
  };

  const auto tooHigh = batch({"--shard", "3/2"});
  CHECK(tooHigh.code == 2);
  CHECK_THAT(tooHigh.err, Contains("--shard: shard '3/2'") && Contains("must be below N") && Contains("usage: hilum-cli batch"));
  const auto none = batch({"--shard", "0/0"});
  CHECK(none.code == 2);
  CHECK_THAT(none.err, Contains("'0/0'") && Contains("N outside 1-1000000"));
  const auto junk = batch({"--shard", "junk"});
  CHECK(junk.code == 2);
  CHECK_THAT(junk.err, Contains("'junk' is not R/N"));
  const auto missing = batch({});
  CHECK(missing.code == 2);
  CHECK_THAT(missing.err, Contains("needs --shard R/N"));
  const auto noDates = runCli({"batch", node, "--shard", "0/1"});
  CHECK(noDates.code == 2);
  CHECK_THAT(noDates.err, Contains("needs --study-date"));
  CHECK(runCli({"batch", node, "--shard", "0/1", "--study-date", "last week"}).code == 2);
  CHECK(runCli({"batch", "--shard", "0/1", "--study-date", kDates}).code == 2);

  const auto unreachable = batch({"--shard", "0/1", "--timeout", "5", "--allow-torchscript"});
  CHECK(unreachable.code == 1);
  CHECK_THAT(unreachable.err, Contains(node));
  CHECK(ledgerOf(dir.file("store")).empty());
}

TEST_CASE("two shards run in parallel cover every study once with one SR and one SC per film", "[triage][batch][orthanc]") {
  OrthancServer orthanc;
  HILUM_START_ORTHANC(orthanc);
  TempDir dir;
  const Archive archive = prepareArchive(orthanc, dir, 40);
  const std::string store = dir.file("store");  // shared by both, as on a cluster file system

  {
    Child shard0(batchArgs(orthanc, "0/2", store, dir.file("pack"), dir.file("shard0.json")), dir, "shard0");
    Child shard1(batchArgs(orthanc, "1/2", store, dir.file("pack"), dir.file("shard1.json")), dir, "shard1");
    const int code0 = shard0.wait(), code1 = shard1.wait();
    INFO(shard0.err() << shard1.err());
    REQUIRE(code0 == 0);
    REQUIRE(code1 == 0);
    CHECK_THAT(shard0.out(), Contains("in shard 0/2") && Contains("per study, median"));
    CHECK_THAT(shard0.err(), Contains("[1/"));
  }
  const auto report0 = nlohmann::json::parse(readBytes(dir.file("shard0.json")));
  const auto report1 = nlohmann::json::parse(readBytes(dir.file("shard1.json")));
  const std::set<std::string> all(archive.inRange.begin(), archive.inRange.end());
  for (const auto& [report, index] : {std::pair{report0, 0}, std::pair{report1, 1}}) {
    INFO("shard " << index);
    CHECK(report["found"] == 40);  // the 2023 and the MG study are not asked for
    CHECK(report["failed"] == 0);
    CHECK(report["already_done"] == 0);
    CHECK(report["model"] == "tiny-blobs 0.1");
    // Each shard took exactly the studies the contract gives it.
    CHECK(studiesIn(report, "done") == shardOfArchive(archive, index, 2));
    CHECK(report["in_shard"] == shardOfArchive(archive, index, 2).size());
    for (const auto& s : report["studies"]) {
      CHECK(s["retrieve_ms"].get<double>() > 0);
      CHECK(s["inference_ms"].get<double>() > 0);
      CHECK(s["send_ms"].get<double>() > 0);
      CHECK(s["results_sent"] == s["films"]);
    }
  }
  std::set<std::string> both = studiesIn(report0, "done");
  const auto done1 = studiesIn(report1, "done");
  both.insert(done1.begin(), done1.end());
  CHECK(both == all);
  CHECK(ledgerOf(store) == all);
  checkExactlyOnce(orthanc, archive);

  // Run again: everything is already done, nothing is retrieved or sent.
  const int instances = orthanc.count("/instances");
  Child again(batchArgs(orthanc, "0/2", store, dir.file("pack"), dir.file("again.json")), dir, "again");
  REQUIRE(again.wait() == 0);
  const auto report = nlohmann::json::parse(readBytes(dir.file("again.json")));
  CHECK(report["already_done"] == shardOfArchive(archive, 0, 2).size());
  CHECK(report["done"] == 0);
  CHECK(report["studies"].empty());
  CHECK(orthanc.count("/instances") == instances);
}

TEST_CASE("a shard killed twice mid-way then stopped by SIGTERM then run to its end loses and duplicates nothing",
          "[triage][batch][orthanc]") {
  OrthancServer orthanc;
  HILUM_START_ORTHANC(orthanc);
  TempDir dir;
  const Archive archive = prepareArchive(orthanc, dir, 40);
  const std::string store = dir.file("store");

  // SIGKILL, no chance to tidy up: first just after a study was recorded, then while a film's SR
  // and SC are on their way to Orthanc (the window where a careless restart sends them twice).
  {
    Child first(batchArgs(orthanc, "0/1", store, dir.file("pack"), dir.file("first.json")), dir, "first");
    const bool reached = waitForLedger(first, store, 4);
    INFO(first.err());
    REQUIRE(reached);
    first.signal(SIGKILL);
    CHECK(first.wait() == 128 + SIGKILL);
  }
  const std::size_t afterFirstKill = ledgerOf(store).size();
  {
    Child second(batchArgs(orthanc, "0/1", store, dir.file("pack"), dir.file("second.json")), dir, "second");
    const bool reached = waitFor(second, [&] {
      return ledgerOf(store).size() >= afterFirstKill + 2 && sending(store + "/shard-0-of-1/worklist.json");
    });
    INFO(second.err());
    REQUIRE(reached);
    second.signal(SIGKILL);
    CHECK(second.wait() == 128 + SIGKILL);
  }
  const std::set<std::string> afterKill = ledgerOf(store);
  REQUIRE(afterKill.size() < 40);

  // SIGTERM: the study in progress is finished and recorded, then the process ends.
  {
    Child third(batchArgs(orthanc, "0/1", store, dir.file("pack"), dir.file("third.json")), dir, "third");
    const bool reached = waitForLedger(third, store, afterKill.size() + 3);
    INFO(third.err());
    REQUIRE(reached);
    third.signal(SIGTERM);
    CHECK(third.wait() == 1);
    CHECK_THAT(third.err(), Contains("SIGTERM: stopping after the study in progress") && Contains("run the same command again"));
    const auto report = nlohmann::json::parse(readBytes(dir.file("third.json")));
    CHECK(report["stopped"] == true);
    CHECK(report["already_done"] == afterKill.size());
    CHECK(report["failed"] == 0);
    CHECK(report["done"].get<std::size_t>() + report["not_reached"].get<std::size_t>() + afterKill.size() == 40);
    CHECK_THAT(third.out(), Contains("stopped by SIGTERM"));
    for (const auto& uid : studiesIn(report, "done")) CHECK(afterKill.count(uid) == 0);  // not retrieved again
  }
  const std::set<std::string> afterStop = ledgerOf(store);
  CHECK(afterStop.size() > afterKill.size());

  Child last(batchArgs(orthanc, "0/1", store, dir.file("pack"), dir.file("last.json")), dir, "last");
  const int code = last.wait();
  INFO(last.err());
  REQUIRE(code == 0);
  const auto report = nlohmann::json::parse(readBytes(dir.file("last.json")));
  CHECK(report["already_done"] == afterStop.size());
  CHECK(report["done"] == 40 - afterStop.size());
  for (const auto& uid : studiesIn(report, "done")) CHECK(afterStop.count(uid) == 0);
  CHECK(ledgerOf(store) == std::set<std::string>(archive.inRange.begin(), archive.inRange.end()));
  checkExactlyOnce(orthanc, archive);
  // Finished studies leave no films, result files or worklist rows behind.
  CHECK(filesUnder(store + "/shard-0-of-1/films").empty());
  CHECK(filesUnder(store + "/shard-0-of-1/results").empty());
  CHECK(nlohmann::json::parse(readBytes(store + "/shard-0-of-1/worklist.json"))["studies"].empty());
}

TEST_CASE("runBatch stops after the study in progress when cancelled and refuses a second run of the shard",
          "[triage][batch][orthanc]") {
  OrthancServer orthanc;
  HILUM_START_ORTHANC(orthanc);
  TempDir dir;
  const Archive archive = prepareArchive(orthanc, dir, 8);

  triage::BatchOptions options;
  options.node = orthanc.node();
  REQUIRE(pacs::parseDateRange(kDates, options.query).ok());
  options.query.modalities = {"CR", "DX"};
  options.storeDirectory = dir.file("store");
  options.packDirectory = dir.file("pack");
  options.analyzerThreads = 1;
  options.sendResults = true;
  options.keepFilms = true;

  std::atomic<bool> cancel{false};
  std::string secondRun;
  const auto stopped = triage::runBatch(
      options,
      [&](std::size_t index, std::size_t total, const triage::BatchStudy& study) {
        CHECK(total == 8);
        CHECK(study.state == triage::BatchStudyState::Done);
        if (index == 1) {
          const auto second = triage::runBatch(options);
          secondRun = second.ok() ? "ran" : second.error().message();
        }
        if (index == 3) cancel = true;
      },
      &cancel);
  REQUIRE(stopped.ok());
  CHECK_THAT(secondRun, Contains("shard 0/1 is already being run by another process") && Contains("lock"));
  CHECK(stopped.value().stopped);
  CHECK(stopped.value().done == 3);
  CHECK(stopped.value().notReached == 5);
  CHECK(ledgerOf(options.storeDirectory).size() == 3);
  // keepFilms: the finished studies' films stay.
  CHECK(filesUnder(options.storeDirectory + "/shard-0-of-1/films").size() >= 3);

  const auto rest = triage::runBatch(options);
  REQUIRE(rest.ok());
  CHECK_FALSE(rest.value().stopped);
  CHECK(rest.value().alreadyDone == 3);
  CHECK(rest.value().done == 5);
  CHECK(rest.value().failed == 0);
  checkExactlyOnce(orthanc, archive);

  // A PACS that is gone: the run cannot start, and the error names the node.
  options.storeDirectory = dir.file("other-store");
  orthanc.kill();
  const auto down = triage::runBatch(options);
  REQUIRE_FALSE(down.ok());
  CHECK_THAT(down.error().message(), Contains(orthanc.node().toString()));
}
