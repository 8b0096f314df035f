// Hilum's storage SCP receiving from DCMTK's storescu and from Orthanc pushing: the local store
// layout, duplicates, the loopback bind, refusals.
#include "hostile_corpus.h"
#include "pacs_support.h"

#include "hilum/film/loader.h"
#include "hilum/pacs/echo.h"
#include "hilum/pacs/send.h"
#include "hilum/pacs/storage_server.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <sstream>

using namespace hilum;
using namespace hilum::test;
using Catch::Matchers::Contains;

namespace {

// A storage SCP on a free port with every outcome collected.
struct Receiver {
  TempDir store;
  std::mutex mutex;
  std::vector<pacs::InstanceOutcome> received;
  std::unique_ptr<pacs::StorageServer> server;

  Receiver() {
    pacs::StorageServerOptions options;
    options.port = 0;
    options.root = store.path();
    server = std::make_unique<pacs::StorageServer>(options, [this](const pacs::InstanceOutcome& o) {
      std::lock_guard<std::mutex> lock(mutex);
      received.push_back(o);
    });
    if (const auto s = server->start(); !s.ok()) FAIL(s.error().message());
    REQUIRE(server->port() > 0);
  }
  pacs::Node node() const { return {"HILUM", "127.0.0.1", server->port(), {}}; }
  std::vector<pacs::InstanceOutcome> stopAndTake() {
    server->stop();
    return received;
  }
};

bool storescuInstalled() { return std::system("command -v storescu >/dev/null 2>&1") == 0; }

// `proposal`: storescu's transfer syntax option ("-xs" JPEG lossless SV1, "-xr" RLE); with -R it
// proposes only what the files need, so a compressed film arrives as it is.
int storescu(int port, const std::string& calledAe, const std::vector<std::string>& files,
             const std::string& proposal = {}) {
  std::string command = "storescu -R " + proposal + " -aet STORESCU -aec " + calledAe + " 127.0.0.1 " + std::to_string(port);
  for (const auto& f : files) command += " '" + f + "'";
  // storescu's own account goes to the test log when it fails.
  FILE* pipe = ::popen((command + " 2>&1").c_str(), "r");
  if (!pipe) return -1;
  std::string output;
  char buffer[4096];
  while (std::fgets(buffer, sizeof(buffer), pipe)) output += buffer;
  const int status = ::pclose(pipe);
  if (status != 0) UNSCOPED_INFO("storescu said:\n" << output);
  return status;
}

}  // namespace

TEST_CASE("the storage SCP answers C-ECHO and receives from storescu into the store", "[pacs][scp]") {
  if (!storescuInstalled()) {
    WARN("storescu (Debian dcmtk) is not installed: skipped");
    return;
  }
  Receiver rx;
  REQUIRE(pacs::echo(rx.node()).ok());
  TempDir dir;
  StudySpec spec;
  spec.instances = 3;
  spec.syntaxes = {Syntax::ExplicitLE, Syntax::JpegLosslessSV1, Syntax::Rle};
  const GeneratedStudy study = writeStudy(dir, "film", spec);
  CHECK(storescu(rx.server->port(), "HILUM", {study.files[0]}) == 0);
  CHECK(storescu(rx.server->port(), "HILUM", {study.files[1]}, "-xs") == 0);
  CHECK(storescu(rx.server->port(), "HILUM", {study.files[2]}, "-xr") == 0);
  const auto received = rx.stopAndTake();
  REQUIRE(received.size() == 3);
  for (std::size_t i = 0; i < 3; ++i) {
    CHECK(received[i].status == pacs::InstanceStatus::Stored);
    CHECK(received[i].callingAeTitle == "STORESCU");
    CHECK(received[i].path == rx.store.path() + "/" + study.studyUid + "/" + study.sopUids[i] + ".dcm");
    CHECK(film::loadFilm(received[i].path).ok());
  }
  // Kept as sent: the JPEG lossless and RLE films were not decompressed on the way.
  CHECK(readBytes(received[1].path).find("1.2.840.10008.1.2.4.70") != std::string::npos);
  CHECK(readBytes(received[2].path).find("1.2.840.10008.1.2.5") != std::string::npos);
  CHECK(filesUnder(rx.store.path()).size() == 3);
  CHECK(partialFiles(rx.store.path()).empty());
}

TEST_CASE("a duplicate SOP instance is acknowledged, reported, and never overwrites the first", "[pacs][scp][faults]") {
  if (!storescuInstalled()) {
    WARN("storescu (Debian dcmtk) is not installed: skipped");
    return;
  }
  Receiver rx;
  TempDir dir;
  const GeneratedStudy first = writeStudy(dir, "first", {});
  // A second file with the same UIDs but other pixels: the store must keep the first.
  DicomSpec other;
  other.rows = 20;
  other.columns = 20;
  other.attributes = {{"StudyInstanceUID", first.studyUid}, {"SeriesInstanceUID", first.seriesUid},
                      {"SOPInstanceUID", first.sopUids[0]}};
  writeDicom(other, dir.file("impostor.dcm"));

  CHECK(storescu(rx.server->port(), "HILUM", {first.files[0]}) == 0);
  const std::string stored = rx.store.path() + "/" + first.studyUid + "/" + first.sopUids[0] + ".dcm";
  const std::string before = readBytes(stored);
  CHECK(storescu(rx.server->port(), "HILUM", {dir.file("impostor.dcm")}) == 0);  // acknowledged
  CHECK(storescu(rx.server->port(), "HILUM", {first.files[0]}) == 0);
  const auto received = rx.stopAndTake();
  REQUIRE(received.size() == 3);
  CHECK(received[0].status == pacs::InstanceStatus::Stored);
  CHECK(received[1].status == pacs::InstanceStatus::AlreadyPresent);
  CHECK(received[2].status == pacs::InstanceStatus::AlreadyPresent);
  CHECK_THAT(received[1].reason, Contains("first copy is kept"));
  CHECK(readBytes(stored) == before);
  const auto film = film::loadFilm(stored);
  REQUIRE(film.ok());
  CHECK(filesUnder(rx.store.path()).size() == 1);
}

TEST_CASE("Orthanc pushes a study to the storage SCP", "[pacs][scp]") {
  Receiver rx;
  OrthancServer orthanc({false, rx.server->port()});
  HILUM_START_ORTHANC(orthanc);
  TempDir dir;
  StudySpec spec;
  spec.instances = 3;
  const GeneratedStudy study = writeStudy(dir, "film", spec);
  for (const auto& f : study.files) {
    std::ifstream in(f, std::ios::binary);
    std::stringstream bytes;
    bytes << in.rdbuf();
    REQUIRE(orthanc.post("/instances", bytes.str()).status == 200);
  }
  const auto studies = nlohmann::json::parse(orthanc.get("/studies").body);
  REQUIRE(studies.size() == 1);
  const HttpReply push = orthanc.post("/modalities/HILUM/store", std::string("\"") + std::string(studies[0]) + "\"");
  INFO(push.body);
  REQUIRE(push.status == 200);
  const auto received = rx.stopAndTake();
  REQUIRE(received.size() == 3);
  for (const auto& o : received) {
    CHECK(o.status == pacs::InstanceStatus::Stored);
    CHECK(o.callingAeTitle == "ORTHANC");
    CHECK(o.studyInstanceUid == study.studyUid);
  }
}

TEST_CASE("the storage SCP listens on 127.0.0.1 only and stops at once", "[pacs][scp]") {
  Receiver rx;
  // /proc/net/tcp lists listening sockets (state 0A) as HEXADDR:HEXPORT; 0100007F is 127.0.0.1.
  std::ifstream tcp("/proc/net/tcp");
  std::string line;
  char portHex[8];
  std::snprintf(portHex, sizeof(portHex), ":%04X", rx.server->port());
  std::vector<std::string> listeners;
  while (std::getline(tcp, line)) {
    std::istringstream fields(line);
    std::string sl, local, remote, state;
    fields >> sl >> local >> remote >> state;
    if (state == "0A" && local.size() > 8 && local.substr(local.size() - 5) == portHex) listeners.push_back(local);
  }
  REQUIRE(listeners.size() == 1);
  CHECK(listeners[0].substr(0, 8) == "0100007F");

  const auto start = std::chrono::steady_clock::now();
  rx.server->stop();
  CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(1));
  CHECK_FALSE(rx.server->running());
  CHECK_FALSE(pacs::echo(rx.node()).ok());  // the port is closed again
}

TEST_CASE("the storage SCP refuses associations calling another AE title", "[pacs][scp][faults]") {
  Receiver rx;
  pacs::Node wrong = rx.node();
  wrong.aeTitle = "SOMEONE_ELSE";
  const Status s = pacs::echo(wrong);
  REQUIRE_FALSE(s.ok());
  CHECK_THAT(s.error().reason(), Contains("association rejected"));
  CHECK_THAT(s.error().reason(), Contains("called AE title 'SOMEONE_ELSE' not recognised"));
  CHECK(pacs::echo(rx.node()).ok());
}

TEST_CASE("a storage SCP on a port in use says so", "[pacs][scp][faults]") {
  Receiver rx;
  TempDir other;
  pacs::StorageServerOptions options;
  options.port = rx.server->port();
  options.root = other.path();
  pacs::StorageServer second(options);
  const Status s = second.start();
  REQUIRE_FALSE(s.ok());
  CHECK_THAT(s.error().reason(), Contains(std::to_string(rx.server->port())));
  CHECK(pacs::echo(rx.node()).ok());
}

TEST_CASE("a data set nested too deep is refused by the storage SCP, which keeps running", "[pacs][scp][faults]") {
  // DCMTK's in-memory receive parsed nested sequences by recursion while the bytes arrived: a peer's
  // data set nested deep enough overflowed the stack and took the whole process down. Instances now
  // arrive in a file and meet the nesting guard first. storescu parses what it sends, so 1000 levels
  // (well past the guard's 64, short of overflowing storescu) stand in for the 20000 that crash.
  if (!storescuInstalled()) {
    WARN("storescu (Debian dcmtk) is not installed: skipped");
    return;
  }
  Receiver rx;
  TempDir dir;
  writeBytes(dir.file("deep.dcm"), nestedSequenceFilm(1000, false));
  writeBytes(dir.file("shallow.dcm"), nestedSequenceFilm(16, false));
  const GeneratedStudy study = writeStudy(dir, "film", {});
  storescu(rx.server->port(), "HILUM", {dir.file("deep.dcm")});  // its exit status says nothing of ours
  storescu(rx.server->port(), "HILUM", {dir.file("shallow.dcm")});
  CHECK(storescu(rx.server->port(), "HILUM", {study.files[0]}) == 0);
  const auto received = rx.stopAndTake();
  REQUIRE(received.size() == 3);
  CHECK(received[0].status == pacs::InstanceStatus::Failed);
  CHECK(received[0].dimseStatus == 0xC000);  // Error: cannot understand
  CHECK_THAT(received[0].reason, Contains("nested deeper than 64 levels"));
  CHECK(received[0].callingAeTitle == "STORESCU");
  // 16 levels pass the guard; that film fails for its own reason (it has no Study Instance UID).
  CHECK(received[1].status == pacs::InstanceStatus::Failed);
  CHECK_THAT(received[1].reason, Contains("Study Instance UID"));
  CHECK(received[2].status == pacs::InstanceStatus::Stored);
  CHECK(filesUnder(rx.store.path()).size() == 1);  // nothing left of the refused arrivals
  CHECK(partialFiles(rx.store.path()).empty());
}

TEST_CASE("sending refuses a file nested too deep before DCMTK reads it", "[pacs][scu][faults]") {
  Receiver rx;
  TempDir dir;
  writeBytes(dir.file("deep.dcm"), nestedSequenceFilm(20000, false));
  const GeneratedStudy study = writeStudy(dir, "film", {});
  const auto report = pacs::store(rx.node(), {dir.file("deep.dcm"), study.files[0]});
  REQUIRE(report.ok());
  REQUIRE(report.value().instances.size() == 2);
  CHECK(report.value().instances[0].status == pacs::InstanceStatus::Failed);
  CHECK_THAT(report.value().instances[0].reason, Contains("nested deeper than 64 levels"));
  CHECK(report.value().instances[1].status == pacs::InstanceStatus::Stored);
  CHECK(rx.stopAndTake().size() == 1);
}
