#include "hilum/pacs/retrieve.h"

#include "association_p.h"
#include "local_store_p.h"
#include "syntaxes_p.h"

#include <dcmtk/dcmdata/dcdeftag.h>

#include <unistd.h>

namespace hilum::pacs {
namespace {

// PS3.4 C.4.2.1.5: "Refused: Move Destination unknown" (DCMTK's macro for it is deprecated).
constexpr int kMoveDestinationUnknown = 0xA801;

DcmDataset studyIdentifier(const std::string& studyUid) {
  DcmDataset ds;
  ds.putAndInsertString(DCM_QueryRetrieveLevel, "STUDY");
  ds.putAndInsertString(DCM_StudyInstanceUID, studyUid.c_str());
  return ds;
}

OFList<OFString> single(const std::string& syntax) {
  OFList<OFString> list;
  list.push_back(syntax.c_str());
  return list;
}

OFList<OFString> plain() {
  OFList<OFString> list;
  for (const auto& s : uncompressedSyntaxes()) list.push_back(s.c_str());
  return list;
}

std::size_t subOperations(const RetrieveResponse& r) {
  return static_cast<std::size_t>(r.m_numberOfRemainingSubops) + r.m_numberOfCompletedSubops +
         r.m_numberOfFailedSubops + r.m_numberOfWarningSubops;
}

// The Failed SOP Instance UID List of a final response ("1.2.3\1.2.4").
std::vector<std::string> failedInstances(DcmDataset* ds) {
  std::vector<std::string> uids;
  OFString all;
  if (ds == nullptr || ds->findAndGetOFStringArray(DCM_FailedSOPInstanceUIDList, all).bad()) return uids;
  std::string list = all.c_str();
  std::size_t start = 0;
  while (start <= list.size()) {
    const auto end = list.find('\\', start);
    const std::string uid = list.substr(start, end == std::string::npos ? std::string::npos : end - start);
    if (!uid.empty()) uids.push_back(uid);
    if (end == std::string::npos) break;
    start = end + 1;
  }
  return uids;
}

// The common part of the final C-GET / C-MOVE response.
void takeFinal(const RetrieveResponse& r, TransferReport& report, int& finalStatus) {
  finalStatus = r.m_status;
  report.completed = r.m_numberOfCompletedSubops;
  report.failed = r.m_numberOfFailedSubops;
  report.warnings = r.m_numberOfWarningSubops;
}

class GetAssociation : public Association {
public:
  GetAssociation(const Node& node, const ScuOptions& options, const ProgressCallback& progress, CancelFlag cancel,
                 const std::string& toDir, TransferReport& report)
      : Association(node, options, cancel), m_progress(progress), m_toDir(toDir), m_report(report) {
    // Each instance straight into a file: DCMTK's in-memory receive parses nested sequences by
    // recursion as the bytes arrive, and a data set nested deep enough overflows the stack. From
    // the file, the nesting guard reads it first (storeReceivedFile).
    setStorageMode(DCMSCU_STORAGE_BIT_PRESERVING);
  }

  bool stoppedForCancel = false;
  int finalStatus = -1;
  std::vector<std::string> failedUids;

protected:
  OFCondition handleCGETResponse(const T_ASC_PresentationContextID presID, RetrieveResponse* response,
                                 OFBool& continueSession) override {
    const OFCondition cond = DcmSCU::handleCGETResponse(presID, response, continueSession);
    if (response == nullptr) return cond;
    m_total = std::max(m_total, subOperations(*response));
    if (!DICOM_PENDING_STATUS(response->m_status)) {
      takeFinal(*response, m_report, finalStatus);
      failedUids = failedInstances(response->m_dataset);
    }
    if (continueSession && cancelRequested()) {
      stoppedForCancel = true;
      continueSession = OFFalse;
    }
    return cond;
  }

  // DcmSCU names the file after the peer's SOP Instance UID without checking it (a UID holding "../"
  // would write outside the store); that name is not used: the instance arrives in a temporary file
  // of ours and is filed under the UIDs its data set gives, once they are checked. DcmSCU answers
  // Success for a good return and "cannot understand", ending the session, for a bad one; an
  // instance the store refuses is reported here with its reason and the session goes on.
  OFCondition handleSTORERequestFile(T_ASC_PresentationContextID* presID, const OFString& /*dcmtkName*/,
                                     T_DIMSE_C_StoreRQ* request) override {
    InstanceOutcome outcome;
    outcome.sopInstanceUid = request->AffectedSOPInstanceUID;
    outcome.sopClassUid = request->AffectedSOPClassUID;
    const auto incoming = incomingFile(m_toDir);
    if (!incoming.ok()) {
      outcome.reason = incoming.error().reason();
      record(outcome, STATUS_STORE_Error_CannotUnderstand);
      ignoreSTORERequest(*presID, *request);
      return EC_IllegalCall;
    }
    const OFCondition cond = DcmSCU::handleSTORERequestFile(presID, incoming.value().c_str(), request);
    if (cond.bad()) {
      ::unlink(incoming.value().c_str());
      outcome.reason = std::string("the instance did not arrive whole (") + cond.text() + ")";
      record(outcome, STATUS_STORE_Error_CannotUnderstand);
      return cond;
    }
    InstanceOutcome stored = storeReceivedFile(m_toDir, incoming.value());
    if (stored.sopInstanceUid.empty()) stored.sopInstanceUid = outcome.sopInstanceUid;
    if (stored.sopClassUid.empty()) stored.sopClassUid = outcome.sopClassUid;
    record(stored, STATUS_Success);
    if (!stoppedForCancel) return EC_Normal;
    // Cancelled: a bad return is the one way to end DcmSCU's session between instances (what
    // arrived stays; the association is aborted after, and the peer is told this one failed).
    m_report.instances.back().dimseStatus = STATUS_STORE_Error_CannotUnderstand;
    return EC_IllegalCall;
  }

  // Only a log line in DcmSCU, with the name built from the peer's UID; the outcome is recorded above.
  void notifyInstanceStored(const OFString&, const OFString&, const OFString&) const override {}

private:
  void record(InstanceOutcome outcome, Uint16 answered) {
    outcome.dimseStatus = answered;
    outcome.callingAeTitle = node().aeTitle;
    m_report.instances.push_back(outcome);
    if (m_progress) m_progress({m_report.instances.size(), std::max(m_total, m_report.instances.size()),
                                outcome.sopInstanceUid});
    if (cancelRequested()) stoppedForCancel = true;
  }


private:
  const ProgressCallback& m_progress;
  const std::string& m_toDir;
  TransferReport& m_report;
  std::size_t m_total = 0;
};

class MoveAssociation : public Association {
public:
  MoveAssociation(const Node& node, const ScuOptions& options, const ProgressCallback& progress, CancelFlag cancel,
                  TransferReport& report)
      : Association(node, options, cancel), m_progress(progress), m_report(report) {}

  bool stoppedForCancel = false;
  int finalStatus = -1;
  std::vector<std::string> failedUids;

protected:
  OFCondition handleMOVEResponse(const T_ASC_PresentationContextID presID, RetrieveResponse* response,
                                 OFBool& waitForNextResponse) override {
    const OFCondition cond = DcmSCU::handleMOVEResponse(presID, response, waitForNextResponse);
    if (response == nullptr) return cond;
    if (DICOM_PENDING_STATUS(response->m_status)) {
      const std::size_t done = static_cast<std::size_t>(response->m_numberOfCompletedSubops) +
                               response->m_numberOfFailedSubops + response->m_numberOfWarningSubops;
      if (m_progress) m_progress({done, subOperations(*response), {}});
    } else {
      takeFinal(*response, m_report, finalStatus);
      failedUids = failedInstances(response->m_dataset);
      if (m_progress) m_progress({subOperations(*response), subOperations(*response), {}});
    }
    if (waitForNextResponse && cancelRequested()) {
      stoppedForCancel = true;
      waitForNextResponse = OFFalse;
    }
    return cond;
  }

private:
  const ProgressCallback& m_progress;
  TransferReport& m_report;
};

void addFailed(TransferReport& report, const std::vector<std::string>& uids, const std::string& reason) {
  for (const auto& uid : uids) {
    InstanceOutcome o;
    o.sopInstanceUid = uid;
    o.reason = reason;
    report.instances.push_back(o);
  }
}

// A final status that is neither success nor warning: the whole retrieve was refused or failed.
bool refusedStatus(int status) {
  return status >= 0 && status != STATUS_Success && status != STATUS_GET_Warning_SubOperationsCompleteOneOrMoreFailures &&
         status != STATUS_GET_Cancel_SubOperationsTerminatedDueToCancelIndication;
}

}  // namespace

Result<TransferReport> retrieveGet(const Node& node, const std::string& studyInstanceUid, const std::string& toDir,
                                   const ScuOptions& options, const ProgressCallback& progress, CancelFlag cancel) {
  const char* const op = "C-GET";
  if (!isUid(studyInstanceUid))
    return Error(Module::Pacs, ErrorCode::InvalidArgument, "'" + studyInstanceUid + "' is not a Study Instance UID");
  if (Status s = prepareStoreRoot(toDir); !s.ok()) return s.error();
  SigpipeGuard sigpipe;
  TransferReport report;
  GetAssociation assoc(node, options, progress, cancel, toDir, report);
  assoc.addPresentationContext(UID_GETStudyRootQueryRetrieveInformationModel, plain());
  // C-GET needs every storage context proposed with the SCP role. One syntax per context so the
  // peer can send each instance as stored; images get the compressed syntaxes, documents do not.
  for (const auto& sopClass : imageStorageClasses()) {
    assoc.addPresentationContext(sopClass.c_str(), plain(), ASC_SC_ROLE_SCP);
    for (const auto& syntax : compressedSyntaxes())
      assoc.addPresentationContext(sopClass.c_str(), single(syntax), ASC_SC_ROLE_SCP);
  }
  for (const auto& sopClass : documentStorageClasses())
    assoc.addPresentationContext(sopClass.c_str(), plain(), ASC_SC_ROLE_SCP);
  if (Status s = assoc.open(op); !s.ok()) return s.error();
  const T_ASC_PresentationContextID pc =
      assoc.findPresentationContextID(UID_GETStudyRootQueryRetrieveInformationModel, "");
  if (pc == 0) return assoc.refused(op, "the node does not support Study Root C-GET");
  DcmDataset keys = studyIdentifier(studyInstanceUid);
  const OFCondition cond = assoc.sendCGETRequest(pc, &keys, nullptr);
  if (assoc.stoppedForCancel) {
    assoc.abort();
    report.interruption = assoc.cancelled(op);
    return report;
  }
  if (cond.bad()) {
    report.interruption = assoc.failure(op, cond);
    return report;
  }
  addFailed(report, assoc.failedUids, "the node could not send it (C-GET sub-operation failed)");
  if (refusedStatus(assoc.finalStatus) && report.instances.empty())
    return assoc.refused(op, "the node answered " + getStatusText(static_cast<unsigned>(assoc.finalStatus)));
  if (refusedStatus(assoc.finalStatus))
    report.interruption = assoc.refused(op, "the node answered " + getStatusText(static_cast<unsigned>(assoc.finalStatus)));
  assoc.release();
  return report;
}

Result<TransferReport> retrieveMove(const Node& node, const std::string& studyInstanceUid,
                                    const std::string& destinationAeTitle, const ScuOptions& options,
                                    const ProgressCallback& progress, CancelFlag cancel) {
  const char* const op = "C-MOVE";
  if (!isUid(studyInstanceUid))
    return Error(Module::Pacs, ErrorCode::InvalidArgument, "'" + studyInstanceUid + "' is not a Study Instance UID");
  if (Status s = validateAeTitle(destinationAeTitle); !s.ok())
    return Error(Module::Pacs, ErrorCode::InvalidArgument, "move destination " + s.error().reason());
  SigpipeGuard sigpipe;
  TransferReport report;
  MoveAssociation assoc(node, options, progress, cancel, report);
  assoc.addPresentationContext(UID_MOVEStudyRootQueryRetrieveInformationModel, plain());
  if (Status s = assoc.open(op); !s.ok()) return s.error();
  const T_ASC_PresentationContextID pc =
      assoc.findPresentationContextID(UID_MOVEStudyRootQueryRetrieveInformationModel, "");
  if (pc == 0) return assoc.refused(op, "the node does not support Study Root C-MOVE");
  DcmDataset keys = studyIdentifier(studyInstanceUid);
  const OFCondition cond = assoc.sendMOVERequest(pc, destinationAeTitle.c_str(), &keys, nullptr);
  if (assoc.stoppedForCancel) {
    assoc.abort();
    report.interruption = assoc.cancelled(op);
    return report;
  }
  if (cond.bad()) {
    report.interruption = assoc.failure(op, cond);
    return report;
  }
  addFailed(report, assoc.failedUids, "the node could not send it to " + destinationAeTitle);
  if (assoc.finalStatus == kMoveDestinationUnknown)
    return assoc.refused(op, "move destination '" + destinationAeTitle +
                                 "' unknown to the node: register it there (AE title, host, port)");
  if (refusedStatus(assoc.finalStatus) && report.completed <= 0)
    // Orthanc, among others, answers an unknown destination with a plain 0xC000.
    return assoc.refused(op, "the node answered " + moveStatusText(static_cast<unsigned>(assoc.finalStatus)) +
                                 " (is the move destination '" + destinationAeTitle + "' registered there?)");
  if (refusedStatus(assoc.finalStatus))
    report.interruption = assoc.refused(op, "the node answered " + moveStatusText(static_cast<unsigned>(assoc.finalStatus)));
  assoc.release();
  return report;
}

}  // namespace hilum::pacs
