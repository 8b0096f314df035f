#include "hilum/pacs/find.h"

#include "association_p.h"

#include <dcmtk/dcmdata/dcdeftag.h>

#include <cctype>
#include <cstdlib>
#include <memory>

namespace hilum::pacs {
namespace {

const char* const kOperation = "C-FIND";

bool isDate(const std::string& s) {
  if (s.size() != 8) return false;
  for (const char c : s)
    if (!std::isdigit(static_cast<unsigned char>(c))) return false;
  return true;
}

std::string joinModalities(const std::vector<std::string>& modalities) {
  std::string joined;
  for (const auto& m : modalities) {
    if (m.empty()) continue;
    if (!joined.empty()) joined += '\\';
    joined += m;
  }
  return joined;
}

std::string dateRange(const Query& q) {
  if (q.studyDateFrom.empty() && q.studyDateTo.empty()) return {};
  if (q.studyDateFrom == q.studyDateTo) return q.studyDateFrom;
  return q.studyDateFrom + "-" + q.studyDateTo;
}

// The identifier: matching keys with values, return keys empty (PS3.4 C.6).
DcmDataset identifier(const Query& q, QueryLevel level, const std::string& studyUid) {
  DcmDataset ds;
  ds.putAndInsertString(DCM_QueryRetrieveLevel, level == QueryLevel::Patient ? "PATIENT"
                                                : level == QueryLevel::Study ? "STUDY" : "SERIES");
  ds.putAndInsertString(DCM_SpecificCharacterSet, "ISO_IR 192");
  if (level == QueryLevel::Series) {
    ds.putAndInsertString(DCM_StudyInstanceUID, studyUid.c_str());
    // One modality matches as a key; several cannot (Modality is single-valued), so they are
    // filtered here after a universal match.
    ds.putAndInsertString(DCM_Modality, q.modalities.size() == 1 ? q.modalities.front().c_str() : "");
    ds.putAndInsertString(DCM_SeriesInstanceUID, "");
    ds.putAndInsertString(DCM_SeriesNumber, "");
    ds.putAndInsertString(DCM_SeriesDescription, "");
    ds.putAndInsertString(DCM_NumberOfSeriesRelatedInstances, "");
    return ds;
  }
  ds.putAndInsertString(DCM_PatientName, q.patientName.c_str());
  ds.putAndInsertString(DCM_PatientID, q.patientId.c_str());
  ds.putAndInsertString(DCM_PatientBirthDate, "");
  ds.putAndInsertString(DCM_PatientSex, "");
  if (level == QueryLevel::Patient) {
    ds.putAndInsertString(DCM_NumberOfPatientRelatedStudies, "");
    return ds;
  }
  ds.putAndInsertString(DCM_StudyInstanceUID, q.studyInstanceUid.c_str());
  ds.putAndInsertString(DCM_StudyDate, dateRange(q).c_str());
  ds.putAndInsertString(DCM_StudyTime, "");
  ds.putAndInsertString(DCM_StudyDescription, "");
  ds.putAndInsertString(DCM_AccessionNumber, q.accessionNumber.c_str());
  ds.putAndInsertString(DCM_ModalitiesInStudy, joinModalities(q.modalities).c_str());
  ds.putAndInsertString(DCM_NumberOfStudyRelatedInstances, "");
  return ds;
}

std::string text(DcmItem& ds, const DcmTagKey& tag) {
  OFString value;
  if (ds.findAndGetOFStringArray(tag, value).bad()) return {};
  return value.c_str();
}

int number(DcmItem& ds, const DcmTagKey& tag) {
  const std::string t = text(ds, tag);
  if (t.empty()) return -1;
  char* end = nullptr;
  const long v = std::strtol(t.c_str(), &end, 10);
  return (*end == '\0' || *end == ' ') ? static_cast<int>(v) : -1;
}

QueryMatch toMatch(DcmDataset& ds, QueryLevel level) {
  QueryMatch m;
  m.level = level;
  m.patientName = text(ds, DCM_PatientName);
  m.patientId = text(ds, DCM_PatientID);
  m.patientBirthDate = text(ds, DCM_PatientBirthDate);
  m.patientSex = text(ds, DCM_PatientSex);
  m.studyInstanceUid = text(ds, DCM_StudyInstanceUID);
  m.studyDate = text(ds, DCM_StudyDate);
  m.studyTime = text(ds, DCM_StudyTime);
  m.studyDescription = text(ds, DCM_StudyDescription);
  m.accessionNumber = text(ds, DCM_AccessionNumber);
  m.modalitiesInStudy = text(ds, DCM_ModalitiesInStudy);
  m.seriesInstanceUid = text(ds, DCM_SeriesInstanceUID);
  m.seriesNumber = text(ds, DCM_SeriesNumber);
  m.seriesDescription = text(ds, DCM_SeriesDescription);
  m.modality = text(ds, DCM_Modality);
  m.numberOfInstances = number(ds, level == QueryLevel::Series ? DCM_NumberOfSeriesRelatedInstances
                                                               : DCM_NumberOfStudyRelatedInstances);
  m.numberOfStudies = number(ds, DCM_NumberOfPatientRelatedStudies);
  return m;
}

class FindAssociation : public Association {
public:
  FindAssociation(const Node& node, const ScuOptions& options, const ProgressCallback& progress, CancelFlag cancel,
                  std::vector<QueryMatch>& matches)
      : Association(node, options, cancel), m_progress(progress), m_matches(matches) {}

  QueryLevel level = QueryLevel::Study;
  bool stoppedForCancel = false;
  int finalStatus = -1;

protected:
  OFCondition handleFINDResponse(const T_ASC_PresentationContextID presID, QRResponse* response,
                                 OFBool& waitForNextResponse) override {
    const OFCondition cond = DcmSCU::handleFINDResponse(presID, response, waitForNextResponse);
    if (response == nullptr) return cond;
    if (response->m_dataset != nullptr && DICOM_PENDING_STATUS(response->m_status)) {
      m_matches.push_back(toMatch(*response->m_dataset, level));
      if (m_progress) m_progress({m_matches.size(), 0, m_matches.back().studyInstanceUid});
    } else if (!DICOM_PENDING_STATUS(response->m_status)) {
      finalStatus = response->m_status;
    }
    if (waitForNextResponse && cancelRequested()) {
      stoppedForCancel = true;
      waitForNextResponse = OFFalse;
    }
    return cond;
  }

private:
  const ProgressCallback& m_progress;
  std::vector<QueryMatch>& m_matches;
};

Status findOnce(const Node& node, const Query& query, QueryLevel level, const std::string& studyUid,
                const ScuOptions& options, const ProgressCallback& progress, CancelFlag cancel,
                std::vector<QueryMatch>& matches) {
  FindAssociation assoc(node, options, progress, cancel, matches);
  assoc.level = level;
  const char* model = level == QueryLevel::Patient ? UID_FINDPatientRootQueryRetrieveInformationModel
                                                   : UID_FINDStudyRootQueryRetrieveInformationModel;
  OFList<OFString> syntaxes;
  syntaxes.push_back(UID_LittleEndianExplicitTransferSyntax);
  syntaxes.push_back(UID_LittleEndianImplicitTransferSyntax);
  assoc.addPresentationContext(model, syntaxes);
  if (Status s = assoc.open(kOperation); !s.ok()) return s;
  const T_ASC_PresentationContextID pc = assoc.findPresentationContextID(model, "");
  if (pc == 0) return assoc.refused(kOperation, std::string("the node does not support ") +
                                                    (level == QueryLevel::Patient ? "Patient" : "Study") +
                                                    " Root queries");
  DcmDataset keys = identifier(query, level, studyUid);
  const OFCondition cond = assoc.sendFINDRequest(pc, &keys, nullptr);
  if (assoc.stoppedForCancel) {
    assoc.abort();
    return assoc.cancelled(kOperation);
  }
  if (cond.bad()) return assoc.failure(kOperation, cond);
  if (assoc.finalStatus > 0 && assoc.finalStatus != STATUS_Success)
    return assoc.refused(kOperation, "the node answered " + findStatusText(static_cast<unsigned>(assoc.finalStatus)));
  assoc.release();
  return Status::success();
}

bool modalityWanted(const Query& q, const std::string& modality) {
  if (q.modalities.size() <= 1) return true;  // none, or matched by the node
  for (const auto& m : q.modalities)
    if (m == modality) return true;
  return false;
}

}  // namespace

const char* toString(QueryLevel level) {
  switch (level) {
    case QueryLevel::Patient: return "patient";
    case QueryLevel::Study: return "study";
    case QueryLevel::Series: return "series";
  }
  return "?";
}

Status parseDateRange(const std::string& text, Query& query) {
  const auto dash = text.find('-');
  std::string from = dash == std::string::npos ? text : text.substr(0, dash);
  std::string to = dash == std::string::npos ? text : text.substr(dash + 1);
  const bool ok = (from.empty() || isDate(from)) && (to.empty() || isDate(to)) && !(from.empty() && to.empty()) &&
                  text.find('-', dash == std::string::npos ? 0 : dash + 1) == std::string::npos;
  if (!ok)
    return Error(Module::Pacs, ErrorCode::InvalidArgument,
                 "study date '" + text + "' is not YYYYMMDD, YYYYMMDD-YYYYMMDD, YYYYMMDD- or -YYYYMMDD");
  if (!from.empty() && !to.empty() && from > to)
    return Error(Module::Pacs, ErrorCode::InvalidArgument, "study date range '" + text + "' ends before it starts");
  query.studyDateFrom = from;
  query.studyDateTo = to;
  return Status::success();
}

Result<std::vector<QueryMatch>> find(const Node& node, const Query& query, const ScuOptions& options,
                                     const ProgressCallback& progress, CancelFlag cancel) {
  SigpipeGuard sigpipe;
  for (const auto* date : {&query.studyDateFrom, &query.studyDateTo})
    if (!date->empty() && !isDate(*date))
      return Error(Module::Pacs, ErrorCode::InvalidArgument, "study date '" + *date + "' is not YYYYMMDD");
  std::vector<QueryMatch> matches;
  if (query.level != QueryLevel::Series || !query.studyInstanceUid.empty()) {
    std::vector<QueryMatch> found;
    if (Status s = findOnce(node, query, query.level, query.studyInstanceUid, options, progress, cancel, found); !s.ok())
      return s.error();
    for (auto& m : found)
      if (query.level != QueryLevel::Series || modalityWanted(query, m.modality)) matches.push_back(std::move(m));
    return matches;
  }
  // Series without a study: the studies that match the patient / date / accession filters first.
  Query studyQuery = query;
  studyQuery.level = QueryLevel::Study;
  studyQuery.modalities.clear();  // filtered per series below
  std::vector<QueryMatch> studies;
  if (Status s = findOnce(node, studyQuery, QueryLevel::Study, {}, options, {}, cancel, studies); !s.ok())
    return s.error();
  for (const auto& study : studies) {
    std::vector<QueryMatch> series;
    if (Status s = findOnce(node, query, QueryLevel::Series, study.studyInstanceUid, options, {}, cancel, series);
        !s.ok())
      return s.error();
    for (auto& m : series) {
      if (!modalityWanted(query, m.modality)) continue;
      // The series answer carries no patient or study attributes: copy them from the study.
      m.patientName = study.patientName;
      m.patientId = study.patientId;
      m.patientBirthDate = study.patientBirthDate;
      m.patientSex = study.patientSex;
      m.studyDate = study.studyDate;
      m.studyTime = study.studyTime;
      m.studyDescription = study.studyDescription;
      m.accessionNumber = study.accessionNumber;
      m.studyInstanceUid = study.studyInstanceUid;
      matches.push_back(std::move(m));
      if (progress) progress({matches.size(), 0, matches.back().seriesInstanceUid});
    }
  }
  return matches;
}

}  // namespace hilum::pacs
