// Loopback throughput, run by hand (hidden tag): 50 generated studies (one 2048 x 2048 12-bit DX
// film each, 8 MiB uncompressed) C-STOREd to Orthanc on one association, then C-GET study by study.
//   test_pacs "[.bench]"
#include "pacs_support.h"

#include "hilum/pacs/retrieve.h"
#include "hilum/pacs/send.h"

#include <catch2/catch.hpp>

#include <chrono>

using namespace hilum;
using namespace hilum::test;

TEST_CASE("loopback throughput: store and C-GET 50 studies", "[pacs][.bench]") {
  OrthancServer orthanc;
  HILUM_START_ORTHANC(orthanc);
  TempDir dir;
  std::vector<std::string> files;
  std::vector<std::string> studies;
  for (int s = 0; s < 50; ++s) {
    StudySpec spec;
    spec.instances = 1;
    spec.rows = 2048;
    spec.columns = 2048;
    const GeneratedStudy study = writeStudy(dir, "study" + std::to_string(s), spec);
    files.insert(files.end(), study.files.begin(), study.files.end());
    studies.push_back(study.studyUid);
  }
  using Clock = std::chrono::steady_clock;
  const auto t0 = Clock::now();
  const auto sent = pacs::store(orthanc.node(), files);
  const double storeS = std::chrono::duration<double>(Clock::now() - t0).count();
  REQUIRE(sent.ok());
  REQUIRE(sent.value().count(pacs::InstanceStatus::Stored) == files.size());

  TempDir store;
  const auto t1 = Clock::now();
  std::size_t got = 0;
  for (const auto& uid : studies) {
    const auto r = pacs::retrieveGet(orthanc.node(), uid, store.path());
    REQUIRE(r.ok());
    got += r.value().count(pacs::InstanceStatus::Stored);
  }
  const double getS = std::chrono::duration<double>(Clock::now() - t1).count();
  REQUIRE(got == files.size());
  WARN("C-STORE 50 studies (" << files.size() << " x 8 MiB): " << storeS << " s, " << 50 * 60 / storeS
                              << " studies/min; C-GET: " << getS << " s, " << 50 * 60 / getS << " studies/min");
}
