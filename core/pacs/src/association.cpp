#include "association_p.h"

#include <dcmtk/dcmdata/dcdict.h>
#include <dcmtk/dcmdata/dcrledrg.h>
#include <dcmtk/dcmjpeg/djdecode.h>
#include <dcmtk/dcmjpls/djdecode.h>
#include <dcmtk/dcmnet/assoc.h>
#include <dcmtk/dcmnet/diutil.h>
#include <dcmtk/oflog/oflog.h>

#include <cstdlib>
#include <cstring>
#include <mutex>
#include <pthread.h>
#include <time.h>

namespace hilum::pacs {
namespace {

bool contains(const std::string& text, const char* needle) { return text.find(needle) != std::string::npos; }

}  // namespace

void prepareDcmtk() {
  static std::once_flag once;
  std::call_once(once, [] {
    OFLogger logger = OFLog::getLogger("dcmtk.dcmnet");
    const char* level = std::getenv("HILUM_DCMNET_LOG");
    if (level && std::strcmp(level, "debug") == 0) logger.setLogLevel(OFLogger::DEBUG_LOG_LEVEL);
    else if (level && std::strcmp(level, "info") == 0) logger.setLogLevel(OFLogger::INFO_LOG_LEVEL);
    else if (level && std::strcmp(level, "warn") == 0) logger.setLogLevel(OFLogger::WARN_LOG_LEVEL);
    else logger.setLogLevel(OFLogger::OFF_LOG_LEVEL);
    // Registration is idempotent; core/film registers the JPEG and RLE decoders too.
    DJDecoderRegistration::registerCodecs();
    DJLSDecoderRegistration::registerCodecs();
    DcmRLEDecoderRegistration::registerCodecs();
  });
}

SigpipeGuard::SigpipeGuard() {
  sigset_t block;
  sigemptyset(&block);
  sigaddset(&block, SIGPIPE);
  pthread_sigmask(SIG_BLOCK, &block, &m_previous);
  sigset_t pending;
  sigpending(&pending);
  m_wasPending = sigismember(&pending, SIGPIPE) == 1;
}

SigpipeGuard::~SigpipeGuard() {
  sigset_t pending;
  sigpending(&pending);
  if (!m_wasPending && sigismember(&pending, SIGPIPE) == 1) {
    sigset_t only;
    sigemptyset(&only);
    sigaddset(&only, SIGPIPE);
    const timespec zero{0, 0};
    sigtimedwait(&only, nullptr, &zero);
  }
  pthread_sigmask(SIG_SETMASK, &m_previous, nullptr);
}

Association::Association(const Node& node, const ScuOptions& options, CancelFlag cancel)
    : m_node(node), m_options(options), m_cancel(cancel) {
  prepareDcmtk();
  setAETitle(options.callingAeTitle.c_str());
  setPeerAETitle(node.aeTitle.c_str());
  setPeerHostName(node.host.c_str());
  setPeerPort(static_cast<Uint16>(node.port));
  setMaxReceivePDULength(ASC_DEFAULTMAXPDU);
  // Non-blocking DIMSE is what makes the DIMSE timeout apply; blocking mode would wait forever.
  setDIMSEBlockingMode(DIMSE_NONBLOCKING);
  setDIMSETimeout(static_cast<Uint32>(std::max(1, options.dimseTimeoutS)));
  setACSETimeout(static_cast<Uint32>(std::max(1, options.connectTimeoutS)));
  setConnectionTimeout(std::max(1, options.connectTimeoutS));
  setProgressNotificationMode(OFFalse);
}

Association::~Association() {
  if (isConnected()) abort();
}

Status Association::open(const std::string& operation) {
  if (Status s = validateAeTitle(m_options.callingAeTitle); !s.ok())
    return Error(Module::Pacs, ErrorCode::InvalidArgument, "calling " + s.error().reason());
  if (Status s = validateAeTitle(m_node.aeTitle); !s.ok())
    return Error(Module::Pacs, ErrorCode::InvalidArgument, m_node.toString() + ": " + s.error().reason());
  if (cancelRequested()) return cancelled(operation);
  OFCondition cond = initNetwork();
  if (cond.good()) cond = negotiateAssociation();
  if (cond.bad()) {
    // Error first, then the network is freed when this object goes.
    if (cond == DUL_ASSOCIATIONREJECTED)
      return refused(operation, "association rejected: " + rejectionReason(m_node, m_options));
    return failure(operation, cond);
  }
  return Status::success();
}

void Association::release() {
  if (!isConnected()) return;
  if (releaseAssociation().bad() && isConnected()) closeAssociation(DCMSCU_ABORT_ASSOCIATION);
}

void Association::abort() {
  if (isConnected()) closeAssociation(DCMSCU_ABORT_ASSOCIATION);
}

std::string Association::describe(const OFCondition& cond) const {
  const std::string text = cond.text() ? cond.text() : "unknown dcmnet error";
  const std::string port = std::to_string(m_node.port);
  if (cond == NET_EC_NoAcceptablePresentationContexts)
    return "the node accepted none of the proposed presentation contexts (SOP class or transfer syntax not supported)";
  if (cond == DIMSE_NODATAAVAILABLE || cond == DUL_READTIMEOUT)
    return "timed out: no answer within " + std::to_string(m_options.dimseTimeoutS) + " s";
  if (cond == DUL_PEERABORTEDASSOCIATION) return "the node aborted the association";
  if (cond == DUL_NETWORKCLOSED || cond == DIMSE_READPDVFAILED || contains(text, "Connection reset") ||
      contains(text, "Broken pipe") || contains(text, "Peer aborted") || contains(text, "connection closed"))
    return "connection lost (" + text + ")";
  if (contains(text, "Connection refused")) return "connection refused: nothing accepts DICOM on port " + port;
  if (contains(text, "Connection timed out") || contains(text, "timeout") || contains(text, "Timeout") ||
      contains(text, "in progress"))
    return "timed out connecting after " + std::to_string(m_options.connectTimeoutS) + " s";
  if (contains(text, "Name or service not known") || contains(text, "unknown host") ||
      contains(text, "Unknown host") || contains(text, "lookup"))
    return "unknown host '" + m_node.host + "'";
  if (contains(text, "No route") || contains(text, "unreachable"))
    return "host unreachable (" + text + ")";
  // Multi-line dcmnet texts ("Failed to establish association\n...") read better on one line.
  std::string flat;
  for (const char c : text) flat += (c == '\n') ? ' ' : c;
  return flat;
}

Error Association::failure(const std::string& operation, const OFCondition& cond) const {
  const std::string reason = describe(cond);
  const bool refusal = cond == NET_EC_NoAcceptablePresentationContexts;
  return Error(Module::Pacs, refusal ? ErrorCode::Unsupported : ErrorCode::Unreadable,
               operation + " to " + m_node.toString() + " failed: " + reason);
}

Error Association::refused(const std::string& operation, const std::string& reason) const {
  return Error(Module::Pacs, ErrorCode::Unsupported, operation + " to " + m_node.toString() + " failed: " + reason);
}

Error Association::cancelled(const std::string& operation) const {
  return Error(Module::Pacs, ErrorCode::Cancelled, operation + " to " + m_node.toString() + " cancelled");
}

std::string rejectionReason(const Node& node, const ScuOptions& options) {
  T_ASC_Network* net = nullptr;
  T_ASC_Parameters* params = nullptr;
  T_ASC_Association* assoc = nullptr;
  std::string reason = "no reason given";
  if (ASC_initializeNetwork(NET_REQUESTOR, 0, std::max(1, options.connectTimeoutS), &net).bad()) return reason;
  if (ASC_createAssociationParameters(&params, ASC_DEFAULTMAXPDU).good()) {
    ASC_setAPTitles(params, options.callingAeTitle.c_str(), node.aeTitle.c_str(), nullptr);
    const std::string peer = node.host + ":" + std::to_string(node.port);
    ASC_setPresentationAddresses(params, OFStandard::getHostName().c_str(), peer.c_str());
    const char* syntaxes[] = {UID_LittleEndianImplicitTransferSyntax};
    ASC_addPresentationContext(params, 1, UID_VerificationSOPClass, syntaxes, 1);
    const OFCondition cond = ASC_requestAssociation(net, params, &assoc);
    if (cond == DUL_ASSOCIATIONREJECTED) {
      T_ASC_RejectParameters rej;
      ASC_getRejectParameters(params, &rej);
      const std::string calling = "'" + options.callingAeTitle + "'";
      switch (rej.reason) {
        case ASC_REASON_SU_CALLEDAETITLENOTRECOGNIZED:
          reason = "called AE title '" + node.aeTitle + "' not recognised by the node";
          break;
        case ASC_REASON_SU_CALLINGAETITLENOTRECOGNIZED:
          reason = "calling AE title " + calling + " not recognised: register it on the node";
          break;
        case ASC_REASON_SU_APPCONTEXTNAMENOTSUPPORTED: reason = "application context not supported"; break;
        case ASC_REASON_SP_ACSE_PROTOCOLVERSIONNOTSUPPORTED: reason = "protocol version not supported"; break;
        case ASC_REASON_SP_PRES_TEMPORARYCONGESTION: reason = "node congested, try later"; break;
        case ASC_REASON_SP_PRES_LOCALLIMITEXCEEDED: reason = "node busy (too many associations), try later"; break;
        default: reason = "no reason given"; break;
      }
      reason += rej.result == ASC_RESULT_REJECTEDTRANSIENT ? ", transient" : ", permanent";
    } else if (cond.good()) {
      // Accepted this time: the refusal depended on what was proposed, or was transient.
      reason = "refused the proposal (a bare C-ECHO association is accepted)";
      ASC_releaseAssociation(assoc);
    }
    if (assoc) {
      ASC_dropAssociation(assoc);
      ASC_destroyAssociation(&assoc);
    } else {
      ASC_destroyAssociationParameters(&params);
    }
  }
  ASC_dropNetwork(&net);
  return reason;
}

namespace {

std::string hex4(unsigned status) {
  static const char* const kDigits = "0123456789ABCDEF";
  std::string s = "0x0000";
  for (int i = 0; i < 4; ++i) s[5 - i] = kDigits[(status >> (4 * i)) & 0xF];
  return s;
}

}  // namespace

std::string storeStatusText(unsigned status) {
  return hex4(status) + " " + DU_cstoreStatusString(static_cast<Uint16>(status));
}
std::string findStatusText(unsigned status) {
  return hex4(status) + " " + DU_cfindStatusString(static_cast<Uint16>(status));
}
std::string moveStatusText(unsigned status) {
  return hex4(status) + " " + DU_cmoveStatusString(static_cast<Uint16>(status));
}
std::string getStatusText(unsigned status) {
  return hex4(status) + " " + DU_cgetStatusString(static_cast<Uint16>(status));
}

}  // namespace hilum::pacs
