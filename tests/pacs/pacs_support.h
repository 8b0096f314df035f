#pragma once
// Generated studies for the PACS tests (synthetic films, no patient data) and the Catch2 guard that
// skips a case when Orthanc is not installed.
#include "orthanc_server.h"
#include "dicom_fixture.h"

#include <optional>
#include <string>
#include <vector>

namespace hilum::test {

struct StudySpec {
  std::string patientName = "Test^Phantom";
  std::string patientId = "HILUM-TEST-1";
  std::string studyDate = "20240105";
  std::string modality = "DX";  // CR or DX (the SOP class follows)
  std::string accession = "ACC001";
  int instances = 2;
  std::vector<Syntax> syntaxes = {Syntax::ExplicitLE};  // cycled over the instances
  int rows = 48, columns = 64;
};

struct GeneratedStudy {
  std::string studyUid;
  std::string seriesUid;
  std::vector<std::string> files;
  std::vector<std::string> sopUids;
};

std::string newTestUid();
// Files <dir>/<name>_<i>.dcm of one study and one series.
GeneratedStudy writeStudy(const TempDir& dir, const std::string& name, const StudySpec& spec = {});

// Files under `dir` whose name marks them as temporary (".part-"), left by an interrupted write.
std::vector<std::string> partialFiles(const std::string& dir);
// Every regular file under `dir`.
std::vector<std::string> filesUnder(const std::string& dir);

// Sets (or, with nullptr, unsets) an environment variable for one scope; tests run on one thread.
class ScopedEnv {
public:
  ScopedEnv(const char* name, const char* value);
  ~ScopedEnv();
  ScopedEnv(const ScopedEnv&) = delete;
  ScopedEnv& operator=(const ScopedEnv&) = delete;

private:
  const char* m_name;
  std::optional<std::string> m_old;
};

}  // namespace hilum::test

// Starts `server` or skips the test case when Orthanc is absent; fails it when Orthanc will not start.
#define HILUM_START_ORTHANC(server)                                              \
  do {                                                                           \
    if (!hilum::test::OrthancServer::installed()) {                              \
      WARN("Orthanc is not installed (/usr/sbin/Orthanc): skipped");             \
      return;                                                                    \
    }                                                                            \
    std::string orthancProblem_;                                                 \
    if (!(server).start(orthancProblem_)) FAIL(orthancProblem_);                 \
  } while (false)
