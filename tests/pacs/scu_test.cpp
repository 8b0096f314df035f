// Hilum as a service class user against a real Orthanc: echo, store, find, get, move, and an SR
// sent back, each checked through Orthanc's REST API or the files received.
#include "pacs_support.h"

#include "hilum/derived/derived_objects.h"
#include "hilum/film/loader.h"
#include "hilum/pacs/echo.h"
#include "hilum/pacs/find.h"
#include "hilum/pacs/retrieve.h"
#include "hilum/pacs/send.h"
#include "hilum/pacs/storage_server.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <mutex>

using namespace hilum;
using namespace hilum::test;
using Catch::Matchers::Contains;

namespace {

pacs::ScuOptions quick() {
  pacs::ScuOptions o;
  o.connectTimeoutS = 5;
  o.dimseTimeoutS = 20;
  return o;
}

void requireStored(const Result<pacs::TransferReport>& r, std::size_t n) {
  if (!r.ok()) FAIL(r.error().message());
  for (const auto& o : r.value().instances) INFO(o.path << ": " << o.reason);
  REQUIRE_FALSE(r.value().interruption);
  REQUIRE(r.value().count(pacs::InstanceStatus::Stored) == n);
}

}  // namespace

TEST_CASE("C-ECHO reaches Orthanc, and a closed port is named with the reason", "[pacs][scu]") {
  OrthancServer orthanc;
  HILUM_START_ORTHANC(orthanc);
  REQUIRE(pacs::echo(orthanc.node(), quick()).ok());

  pacs::Node closed{"NOBODY", "127.0.0.1", freePort(), {}};
  const Status s = pacs::echo(closed, quick());
  REQUIRE_FALSE(s.ok());
  CHECK(s.error().code() == ErrorCode::Unreadable);
  CHECK_THAT(s.error().reason(), Contains(closed.toString()));
  CHECK_THAT(s.error().reason(), Contains("connection refused"));
}

TEST_CASE("an association Orthanc rejects is reported with the peer's reason", "[pacs][scu][faults]") {
  OrthancServer orthanc({/*checkCalledAet=*/true});
  HILUM_START_ORTHANC(orthanc);
  pacs::Node wrong = orthanc.node();
  wrong.aeTitle = "NOT_ORTHANC";
  const Status s = pacs::echo(wrong, quick());
  REQUIRE_FALSE(s.ok());
  CHECK(s.error().code() == ErrorCode::Unsupported);
  CHECK_THAT(s.error().reason(), Contains("NOT_ORTHANC@127.0.0.1"));
  CHECK_THAT(s.error().reason(), Contains("association rejected"));
  CHECK_THAT(s.error().reason(), Contains("called AE title 'NOT_ORTHANC' not recognised"));
  CHECK(pacs::echo(orthanc.node(), quick()).ok());
}

TEST_CASE("C-STORE sends films in their own transfer syntaxes", "[pacs][scu]") {
  OrthancServer orthanc;
  HILUM_START_ORTHANC(orthanc);
  TempDir dir;
  StudySpec spec;
  spec.instances = 6;
  spec.syntaxes = {Syntax::ExplicitLE, Syntax::JpegLosslessSV1, Syntax::JpegLsLossless, Syntax::J2kLossless,
                   Syntax::Rle, Syntax::ImplicitLE};
  const GeneratedStudy study = writeStudy(dir, "film", spec);

  std::vector<pacs::Progress> seen;
  const auto report = pacs::store(orthanc.node(), study.files, quick(), [&](const pacs::Progress& p) { seen.push_back(p); });
  requireStored(report, 6);
  REQUIRE(seen.size() == 6);
  CHECK(seen.back().done == 6);
  CHECK(seen.back().total == 6);
  CHECK(orthanc.count("/instances") == 6);

  // Orthanc kept each file's compression: nothing was converted on the way.
  const auto found = nlohmann::json::parse(
      orthanc.post("/tools/lookup", study.sopUids[3]).body);
  REQUIRE(found.size() == 1);
  const std::string id = found[0]["ID"];
  CHECK(orthanc.get("/instances/" + id + "/metadata/TransferSyntax").body == "1.2.840.10008.1.2.4.90");
}

TEST_CASE("C-FIND filters studies and series by name, date, modality and accession", "[pacs][scu]") {
  OrthancServer orthanc;
  HILUM_START_ORTHANC(orthanc);
  TempDir dir;
  StudySpec a;
  a.patientName = "DOE^JANE";
  a.patientId = "P1";
  a.studyDate = "20240105";
  a.modality = "CR";
  a.accession = "ACC-A";
  StudySpec b = a;
  b.patientName = "ROE^RICHARD";
  b.patientId = "P2";
  b.studyDate = "20240320";
  b.modality = "DX";
  b.accession = "ACC-B";
  b.instances = 3;
  const GeneratedStudy sa = writeStudy(dir, "a", a);
  const GeneratedStudy sb = writeStudy(dir, "b", b);
  std::vector<std::string> all = sa.files;
  all.insert(all.end(), sb.files.begin(), sb.files.end());
  requireStored(pacs::store(orthanc.node(), all, quick()), 5);

  pacs::Query q;
  auto everything = pacs::find(orthanc.node(), q, quick());
  REQUIRE(everything.ok());
  CHECK(everything.value().size() == 2);

  q.patientName = "DOE*";
  auto byName = pacs::find(orthanc.node(), q, quick());
  REQUIRE(byName.ok());
  REQUIRE(byName.value().size() == 1);
  CHECK(byName.value()[0].studyInstanceUid == sa.studyUid);
  CHECK(byName.value()[0].patientId == "P1");
  CHECK(byName.value()[0].accessionNumber == "ACC-A");
  CHECK(byName.value()[0].numberOfInstances == 2);

  pacs::Query byDate;
  REQUIRE(pacs::parseDateRange("20240301-20240331", byDate).ok());
  auto march = pacs::find(orthanc.node(), byDate, quick());
  REQUIRE(march.ok());
  REQUIRE(march.value().size() == 1);
  CHECK(march.value()[0].studyInstanceUid == sb.studyUid);

  pacs::Query byAccession;
  byAccession.accessionNumber = "ACC-B";
  auto acc = pacs::find(orthanc.node(), byAccession, quick());
  REQUIRE(acc.ok());
  REQUIRE(acc.value().size() == 1);

  pacs::Query series;
  series.level = pacs::QueryLevel::Series;
  series.modalities = {"DX"};
  auto dx = pacs::find(orthanc.node(), series, quick());
  REQUIRE(dx.ok());
  REQUIRE(dx.value().size() == 1);
  CHECK(dx.value()[0].seriesInstanceUid == sb.seriesUid);
  CHECK(dx.value()[0].modality == "DX");
  CHECK(dx.value()[0].studyInstanceUid == sb.studyUid);
  CHECK(dx.value()[0].patientName == "ROE^RICHARD");
  CHECK(dx.value()[0].numberOfInstances == 3);

  series.modalities = {"CR", "DX"};
  auto both = pacs::find(orthanc.node(), series, quick());
  REQUIRE(both.ok());
  CHECK(both.value().size() == 2);

  pacs::Query patients;
  patients.level = pacs::QueryLevel::Patient;
  patients.patientId = "P2";
  auto p2 = pacs::find(orthanc.node(), patients, quick());
  REQUIRE(p2.ok());
  REQUIRE(p2.value().size() == 1);
  CHECK(p2.value()[0].patientName == "ROE^RICHARD");
}

TEST_CASE("C-GET writes the study into the local store and the films decode", "[pacs][scu]") {
  OrthancServer orthanc;
  HILUM_START_ORTHANC(orthanc);
  TempDir dir;
  StudySpec spec;
  spec.instances = 4;
  spec.syntaxes = {Syntax::ExplicitLE, Syntax::JpegLsLossless, Syntax::J2kLossless, Syntax::Rle};
  const GeneratedStudy study = writeStudy(dir, "film", spec);
  requireStored(pacs::store(orthanc.node(), study.files, quick()), 4);

  TempDir store;
  std::size_t lastTotal = 0;
  const auto report = pacs::retrieveGet(orthanc.node(), study.studyUid, store.path(), quick(),
                                        [&](const pacs::Progress& p) { lastTotal = p.total; });
  requireStored(report, 4);
  CHECK(report.value().completed == 4);
  CHECK(report.value().failed == 0);
  CHECK(lastTotal == 4);
  for (const auto& sop : study.sopUids) {
    const std::string path = store.path() + "/" + study.studyUid + "/" + sop + ".dcm";
    INFO(path);
    REQUIRE(std::filesystem::exists(path));
    const auto film = film::loadFilm(path);
    CHECK(film.ok());
  }
  CHECK(partialFiles(store.path()).empty());

  // Again: every instance is already there, reported so, nothing rewritten.
  const auto again = pacs::retrieveGet(orthanc.node(), study.studyUid, store.path(), quick());
  REQUIRE(again.ok());
  CHECK(again.value().count(pacs::InstanceStatus::AlreadyPresent) == 4);

  // A study the PACS does not have: Orthanc's failure status, named.
  const auto none = pacs::retrieveGet(orthanc.node(), newTestUid(), store.path(), quick());
  REQUIRE_FALSE(none.ok());
  CHECK_THAT(none.error().reason(), Contains("0xC000"));
  CHECK_THAT(none.error().reason(), Contains(orthanc.node().toString()));
}

TEST_CASE("C-MOVE delivers the study to Hilum's storage SCP", "[pacs][scu][scp]") {
  TempDir store;
  const int port = freePort();
  std::mutex mutex;
  std::vector<pacs::InstanceOutcome> received;
  pacs::StorageServerOptions options;
  options.port = port;
  options.root = store.path();
  pacs::StorageServer server(options, [&](const pacs::InstanceOutcome& o) {
    std::lock_guard<std::mutex> lock(mutex);
    received.push_back(o);
  });
  if (const auto s = server.start(); !s.ok()) FAIL(s.error().message());

  OrthancServer orthanc({false, port});
  HILUM_START_ORTHANC(orthanc);
  TempDir dir;
  StudySpec spec;
  spec.instances = 3;
  const GeneratedStudy study = writeStudy(dir, "film", spec);
  requireStored(pacs::store(orthanc.node(), study.files, quick()), 3);

  const auto report = pacs::retrieveMove(orthanc.node(), study.studyUid, "HILUM", quick());
  REQUIRE(report.ok());
  CHECK_FALSE(report.value().interruption);
  CHECK(report.value().completed == 3);
  CHECK(report.value().failed == 0);
  server.stop();  // the association has ended; joins the thread, so `received` is complete
  REQUIRE(received.size() == 3);
  for (const auto& o : received) {
    CHECK(o.status == pacs::InstanceStatus::Stored);
    CHECK(o.studyInstanceUid == study.studyUid);
    CHECK(o.callingAeTitle == "ORTHANC");
    CHECK(film::loadFilm(o.path).ok());
  }

  // A destination Orthanc does not know is named as such.
  const auto unknown = pacs::retrieveMove(orthanc.node(), study.studyUid, "NOBODY", quick());
  REQUIRE_FALSE(unknown.ok());
  CHECK_THAT(unknown.error().reason(), Contains("NOBODY"));
  CHECK_THAT(unknown.error().reason(), Contains("registered"));
}

TEST_CASE("Hilum's SR goes back to the PACS and Orthanc lists it in the study", "[pacs][scu]") {
  OrthancServer orthanc;
  HILUM_START_ORTHANC(orthanc);
  TempDir dir;
  const GeneratedStudy study = writeStudy(dir, "film", {});
  requireStored(pacs::store(orthanc.node(), study.files, quick()), 2);

  const auto sr = derived::writeFindingsReport(study.files[0], {{"Pneumothorax", 0.82, 0.5, true}},
                                               {"tiny", "1", "abc"}, {}, dir.file("sr.dcm"));
  REQUIRE(sr.ok());
  requireStored(pacs::store(orthanc.node(), {dir.file("sr.dcm")}, quick()), 1);
  CHECK(orthanc.count("/instances") == 3);
  const auto found = nlohmann::json::parse(orthanc.post("/tools/lookup", sr.value().sopInstanceUid).body);
  REQUIRE(found.size() == 1);
  const auto instance = nlohmann::json::parse(orthanc.get(std::string(found[0]["Path"]) + "/simplified-tags").body);
  CHECK(instance["SOPClassUID"] == "1.2.840.10008.5.1.4.1.1.88.33");
  CHECK(instance["StudyInstanceUID"] == study.studyUid);
}

TEST_CASE("files that are not DICOM fail alone, the others are sent", "[pacs][scu]") {
  OrthancServer orthanc;
  HILUM_START_ORTHANC(orthanc);
  TempDir dir;
  const GeneratedStudy study = writeStudy(dir, "film", {});
  writeBytes(dir.file("notes.txt"), "not a film");
  std::vector<std::string> files = study.files;
  files.push_back(dir.file("notes.txt"));
  const auto report = pacs::store(orthanc.node(), files, quick());
  REQUIRE(report.ok());
  CHECK(report.value().count(pacs::InstanceStatus::Stored) == 2);
  REQUIRE(report.value().instances[2].status == pacs::InstanceStatus::Failed);
  CHECK_THAT(report.value().instances[2].reason, Contains("not a readable DICOM file"));
}
