#include "pacs_support.h"

#include <dcmtk/config/osconfig.h>
#include <dcmtk/dcmdata/dcuid.h>

#include <cstdlib>
#include <filesystem>

namespace hilum::test {

std::string newTestUid() {
  char uid[100];
  return dcmGenerateUniqueIdentifier(uid, SITE_INSTANCE_UID_ROOT);
}

GeneratedStudy writeStudy(const TempDir& dir, const std::string& name, const StudySpec& spec) {
  GeneratedStudy study;
  study.studyUid = newTestUid();
  study.seriesUid = newTestUid();
  for (int i = 0; i < spec.instances; ++i) {
    DicomSpec d;
    d.rows = spec.rows;
    d.columns = spec.columns;
    d.syntax = spec.syntaxes[static_cast<std::size_t>(i) % spec.syntaxes.size()];
    d.sopClassUid = spec.modality == "CR" ? UID_ComputedRadiographyImageStorage
                                          : UID_DigitalXRayImageStorageForPresentation;
    const std::string sop = newTestUid();
    d.attributes = {{"StudyInstanceUID", study.studyUid},
                    {"SeriesInstanceUID", study.seriesUid},
                    {"SOPInstanceUID", sop},
                    {"PatientName", spec.patientName},
                    {"PatientID", spec.patientId},
                    {"StudyDate", spec.studyDate},
                    {"Modality", spec.modality},
                    {"AccessionNumber", spec.accession},
                    {"SeriesNumber", "1"},
                    {"InstanceNumber", std::to_string(i + 1)}};
    const std::string path = dir.file(name + "_" + std::to_string(i) + ".dcm");
    writeDicom(d, path);
    study.files.push_back(path);
    study.sopUids.push_back(sop);
  }
  return study;
}

std::vector<std::string> filesUnder(const std::string& dir) {
  std::vector<std::string> files;
  std::error_code ec;
  for (const auto& e : std::filesystem::recursive_directory_iterator(dir, ec))
    if (e.is_regular_file()) files.push_back(e.path().string());
  return files;
}

std::vector<std::string> partialFiles(const std::string& dir) {
  std::vector<std::string> partial;
  for (const auto& f : filesUnder(dir))
    if (f.find(".part-") != std::string::npos) partial.push_back(f);
  return partial;
}

ScopedEnv::ScopedEnv(const char* name, const char* value) : m_name(name) {
  if (const char* old = std::getenv(name)) m_old = old;
  if (value) ::setenv(name, value, 1);
  else ::unsetenv(name);
}

ScopedEnv::~ScopedEnv() {
  if (m_old) ::setenv(m_name, m_old->c_str(), 1);
  else ::unsetenv(m_name);
}

}  // namespace hilum::test
