// A PACS that dies mid-transfer, and a user who cancels: clear errors, what arrived is intact, no
// half-written files, no crash (SIGPIPE included).
#include "pacs_support.h"

#include "hilum/film/loader.h"
#include "hilum/pacs/retrieve.h"
#include "hilum/pacs/send.h"

#include <catch2/catch.hpp>

#include <arpa/inet.h>
#include <atomic>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

using namespace hilum;
using namespace hilum::test;
using Catch::Matchers::Contains;

namespace {

pacs::ScuOptions quick() {
  pacs::ScuOptions o;
  o.connectTimeoutS = 5;
  o.dimseTimeoutS = 10;
  return o;
}

GeneratedStudy storedStudy(OrthancServer& orthanc, const TempDir& dir, int instances) {
  StudySpec spec;
  spec.instances = instances;
  spec.rows = 256;
  spec.columns = 256;
  const GeneratedStudy study = writeStudy(dir, "film", spec);
  const auto sent = pacs::store(orthanc.node(), study.files, quick());
  REQUIRE(sent.ok());
  REQUIRE(sent.value().count(pacs::InstanceStatus::Stored) == static_cast<std::size_t>(instances));
  return study;
}

}  // namespace

TEST_CASE("Orthanc killed mid C-GET: clear error, received files intact, no partial files", "[pacs][faults]") {
  OrthancServer orthanc;
  HILUM_START_ORTHANC(orthanc);
  TempDir dir;
  const GeneratedStudy study = storedStudy(orthanc, dir, 12);

  TempDir store;
  const auto report = pacs::retrieveGet(orthanc.node(), study.studyUid, store.path(), quick(),
                                        [&](const pacs::Progress& p) {
                                          if (p.done == 3) orthanc.kill();
                                        });
  REQUIRE(report.ok());
  REQUIRE(report.value().interruption);
  CHECK(report.value().interruption->code() == ErrorCode::Unreadable);
  CHECK_THAT(report.value().interruption->reason(), Contains("ORTHANC@127.0.0.1"));
  CHECK_THAT(report.value().interruption->reason(), Contains("C-GET"));
  const auto stored = report.value().count(pacs::InstanceStatus::Stored);
  CHECK(stored >= 3);
  CHECK(stored < 12);
  CHECK(filesUnder(store.path()).size() == stored);
  CHECK(partialFiles(store.path()).empty());
  for (const auto& o : report.value().instances)
    if (o.status == pacs::InstanceStatus::Stored) CHECK(film::loadFilm(o.path).ok());
}

TEST_CASE("Orthanc killed mid C-STORE: the rest is reported not sent, nothing crashes", "[pacs][faults]") {
  OrthancServer orthanc;
  HILUM_START_ORTHANC(orthanc);
  TempDir dir;
  StudySpec spec;
  spec.instances = 10;
  spec.rows = 512;
  spec.columns = 512;
  const GeneratedStudy study = writeStudy(dir, "film", spec);
  const auto report = pacs::store(orthanc.node(), study.files, quick(), [&](const pacs::Progress& p) {
    if (p.done == 2) orthanc.kill();
  });
  REQUIRE(report.ok());
  REQUIRE(report.value().interruption);
  CHECK_THAT(report.value().interruption->reason(), Contains("C-STORE to ORTHANC@127.0.0.1"));
  CHECK(report.value().count(pacs::InstanceStatus::Stored) == 2);
  CHECK(report.value().count(pacs::InstanceStatus::Failed) == 8);
  CHECK_THAT(report.value().instances.back().reason, Contains("not sent"));
}

TEST_CASE("cancelling a C-GET stops it between instances and keeps what arrived", "[pacs][faults]") {
  OrthancServer orthanc;
  HILUM_START_ORTHANC(orthanc);
  TempDir dir;
  const GeneratedStudy study = storedStudy(orthanc, dir, 8);
  TempDir store;
  std::atomic<bool> cancel{false};
  const auto report = pacs::retrieveGet(orthanc.node(), study.studyUid, store.path(), quick(),
                                        [&](const pacs::Progress& p) {
                                          if (p.done == 2) cancel = true;
                                        },
                                        &cancel);
  REQUIRE(report.ok());
  REQUIRE(report.value().interruption);
  CHECK(report.value().interruption->code() == ErrorCode::Cancelled);
  CHECK(report.value().count(pacs::InstanceStatus::Stored) == 2);
  CHECK(filesUnder(store.path()).size() == 2);
  CHECK(partialFiles(store.path()).empty());
  // Orthanc is still fine afterwards.
  const auto again = pacs::retrieveGet(orthanc.node(), study.studyUid, store.path(), quick());
  REQUIRE(again.ok());
  CHECK(again.value().count(pacs::InstanceStatus::Stored) == 6);
  CHECK(again.value().count(pacs::InstanceStatus::AlreadyPresent) == 2);
}

TEST_CASE("a peer that never answers times out with the node in the message", "[pacs][faults]") {
  // A listening socket that accepts but never speaks DICOM: the A-ASSOCIATE answer never comes.
  const int port = freePort();
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in a{};
  a.sin_family = AF_INET;
  a.sin_port = htons(static_cast<uint16_t>(port));
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  REQUIRE(::bind(fd, reinterpret_cast<sockaddr*>(&a), sizeof(a)) == 0);
  REQUIRE(::listen(fd, 4) == 0);
  pacs::ScuOptions options;
  options.connectTimeoutS = 1;
  options.dimseTimeoutS = 1;
  const auto report = pacs::store({"SILENT", "127.0.0.1", port, {}}, {"/nonexistent.dcm"}, options);
  CHECK_FALSE(report.ok());  // no files: refused before connecting
  TempDir dir;
  const GeneratedStudy study = writeStudy(dir, "film", {});
  const auto timedOut = pacs::store({"SILENT", "127.0.0.1", port, {}}, study.files, options);
  ::close(fd);
  REQUIRE_FALSE(timedOut.ok());
  CHECK_THAT(timedOut.error().reason(), Contains("SILENT@127.0.0.1"));
  CHECK(timedOut.error().code() == ErrorCode::Unreadable);
}
