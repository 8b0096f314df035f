#include "storage_scp_p.h"

#include "association_p.h"
#include "local_store_p.h"
#include "loopback_listener_p.h"
#include "syntaxes_p.h"

#include <dcmtk/dcmdata/dcuid.h>
#include <dcmtk/dcmnet/dimse.h>

#include <set>
#include <unistd.h>

namespace hilum::pacs {
namespace {

constexpr std::size_t kMaxStorageContexts = 127;  // plus Verification: DCMTK's 128

OFList<OFString> toOFList(const std::vector<std::string>& items) {
  OFList<OFString> list;
  for (const auto& s : items) list.push_back(s.c_str());
  return list;
}

}  // namespace

StorageScp::StorageScp(const StorageServerOptions& options, StorageServer::InstanceCallback onInstance,
                       const std::atomic<bool>& stopping, std::function<void(Result<int>)> onListening)
    : m_options(options), m_onInstance(std::move(onInstance)), m_stopping(stopping),
      m_onListening(std::move(onListening)) {
  m_loopbackOnly = isLoopbackAddress(options.bindAddress);
}

Status StorageScp::configure() {
  setAETitle(m_options.aeTitle.c_str());
  setPort(static_cast<Uint16>(m_options.port));
  setRespondWithCalledAETitle(OFFalse);
  setHostLookupEnabled(OFFalse);  // reverse DNS of every caller can stall for seconds
  // Non-blocking accept wakes up every few seconds to look at the stop flag; stop() also shuts the
  // listening socket down, which wakes it at once.
  setConnectionBlockingMode(DUL_NOBLOCK);
  setConnectionTimeout(5);
  setDIMSEBlockingMode(DIMSE_NONBLOCKING);
  setDIMSETimeout(static_cast<Uint32>(std::max(1, m_options.dimseTimeoutS)));
  setACSETimeout(static_cast<Uint32>(std::max(1, m_options.dimseTimeoutS)));
  const OFList<OFString> plain = toOFList(uncompressedSyntaxes());
  if (addPresentationContext(UID_VerificationSOPClass, plain).bad())
    return Error(Module::Pacs, ErrorCode::Internal, "cannot configure the Verification presentation context");
  // DCMTK's SCP configuration holds at most 128 presentation contexts per profile, fewer than its
  // list of all storage classes: radiographs and Hilum's documents first, then DCMTK's list of the
  // commonly used ones (CT, MR, US, XA, NM, PET, RT, ...), up to the limit.
  const OFList<OFString> syntaxes = toOFList(scpPreferredSyntaxes());
  std::vector<std::string> classes = imageStorageClasses();
  classes.insert(classes.end(), documentStorageClasses().begin(), documentStorageClasses().end());
  for (int i = 0; i < numberOfDcmLongSCUStorageSOPClassUIDs; ++i) classes.push_back(dcmLongSCUStorageSOPClassUIDs[i]);
  std::set<std::string> added;
  for (const auto& sopClass : classes) {
    if (added.size() >= kMaxStorageContexts) break;
    if (!added.insert(sopClass).second) continue;
    if (addPresentationContext(sopClass.c_str(), syntaxes).bad())
      return Error(Module::Pacs, ErrorCode::Internal, "cannot configure the presentation context of " + sopClass);
  }
  return Status::success();
}

OFCondition StorageScp::waitForAssociationRQ(T_ASC_Network* network) {
  if (!m_listening) {
    m_listening = true;
    Result<int> fd = rebindListener(network, m_options.bindAddress, getConfig().getPort());
    m_failed = !fd.ok();
    m_onListening(std::move(fd));
    if (m_failed) return EC_IllegalCall;  // ends the accept loop
  }
  return DcmSCP::waitForAssociationRQ(network);
}

OFBool StorageScp::stopAfterCurrentAssociation() { return m_stopping.load() || m_failed; }
OFBool StorageScp::stopAfterConnectionTimeout() { return m_stopping.load() || m_failed; }

void StorageScp::notifyAssociationRequest(const T_ASC_Parameters& params, DcmSCPActionType& desiredAction) {
  const std::string peer = params.DULparams.callingPresentationAddress;
  // DCMTK gives "host" or "host:port" here depending on the path; compare the host part.
  std::string host = peer;
  if (const auto colon = host.rfind(':'); colon != std::string::npos && host.find(':') == colon)
    host = host.substr(0, colon);
  if (m_stopping.load() || (m_loopbackOnly && !host.empty() && !isLoopbackAddress(host)))
    desiredAction = DCMSCP_ACTION_REFUSE_ASSOCIATION;
}

OFBool StorageScp::checkCalledAETitleAccepted(const OFString& calledAE) {
  if (!m_options.checkCalledAeTitle) return OFTrue;
  // AE titles are compared without their space padding (PS3.5 6.2).
  std::string called = calledAE.c_str();
  while (!called.empty() && called.back() == ' ') called.pop_back();
  while (!called.empty() && called.front() == ' ') called.erase(0, 1);
  return called == m_options.aeTitle ? OFTrue : OFFalse;
}

OFCondition StorageScp::handleIncomingCommand(T_DIMSE_Message* incomingMsg,
                                              const DcmPresentationContextInfo& presInfo) {
  // Asked to stop: end the association between instances (the peer learns by the abort that what
  // follows was not stored).
  if (m_stopping.load()) return NET_EC_StopAfterAssociation;
  if (incomingMsg->CommandField == DIMSE_C_STORE_RQ)
    return receiveInstance(incomingMsg->msg.CStoreRQ, presInfo.presentationContextID);
  return DcmSCP::handleIncomingCommand(incomingMsg, presInfo);
}

OFCondition StorageScp::receiveInstance(T_DIMSE_C_StoreRQ& request, T_ASC_PresentationContextID presID) {
  const std::string callingAe = getPeerAETitle().c_str();
  InstanceOutcome lost;
  lost.sopInstanceUid = request.AffectedSOPInstanceUID;
  lost.sopClassUid = request.AffectedSOPClassUID;
  lost.callingAeTitle = callingAe;
  // Into a file as it arrives, not into memory: DCMTK's in-memory receive parses nested sequences
  // by recursion while the bytes come in, and a peer's data set nested deep enough overflowed the
  // stack (the whole process died). From the file, the nesting guard reads it first.
  const auto incoming = incomingFile(m_options.root);
  if (!incoming.ok()) {
    lost.reason = incoming.error().reason() + "; nothing was stored";
    report(lost);
    return DIMSE_BADMESSAGE;  // the data set cannot be taken in: the association ends
  }
  OFCondition cond = receiveSTORERequest(request, presID, OFString(incoming.value().c_str()));
  if (cond.bad()) {
    ::unlink(incoming.value().c_str());
    lost.reason = std::string("the association broke while the instance arrived (") + cond.text() +
                  "); nothing was stored";
    report(lost);
    return cond;
  }
  InstanceOutcome outcome = storeReceivedFile(m_options.root, incoming.value());
  outcome.callingAeTitle = callingAe;
  if (outcome.sopInstanceUid.empty()) outcome.sopInstanceUid = lost.sopInstanceUid;
  if (outcome.sopClassUid.empty()) outcome.sopClassUid = lost.sopClassUid;
  const Uint16 status = outcome.status == InstanceStatus::Failed ? static_cast<Uint16>(outcome.dimseStatus) : STATUS_Success;
  outcome.dimseStatus = status;
  cond = sendSTOREResponse(presID, request, status);
  if (cond.bad() && outcome.status != InstanceStatus::Failed)
    outcome.reason = "stored, but the response could not be sent: the sender may send it again";
  report(outcome);
  return cond;
}

void StorageScp::report(const InstanceOutcome& outcome) {
  if (!m_onInstance) return;
  try {
    m_onInstance(outcome);
  } catch (...) {
    // A throwing callback must not unwind through DCMTK; the instance is stored either way.
  }
}

}  // namespace hilum::pacs
