#pragma once
// One association as a service class user: DcmSCU configured from a Node and ScuOptions, with the
// failures of dcmnet turned into Errors that name the node and the reason. Each operation
// (echo, find, get, move, store) derives from it to hook DcmSCU's response handlers.
#include "hilum/base/result.h"
#include "hilum/pacs/node.h"
#include "hilum/pacs/options.h"

#include <dcmtk/config/osconfig.h>
#include <dcmtk/dcmnet/scu.h>

#include <csignal>
#include <string>
#include <vector>

namespace hilum::pacs {

// Once per process: the data dictionary check, the decoders send needs to convert, and dcmnet's
// logger quietened (it would print to stderr what our Errors already say; HILUM_DCMNET_LOG=debug,
// info or warn turns it back on for diagnosis).
void prepareDcmtk();

// Blocks SIGPIPE in the calling thread for the scope, and swallows one raised meanwhile: writing to
// a peer that died (a PACS killed mid-transfer) must fail the write, not kill the process.
class SigpipeGuard {
public:
  SigpipeGuard();
  ~SigpipeGuard();
  SigpipeGuard(const SigpipeGuard&) = delete;
  SigpipeGuard& operator=(const SigpipeGuard&) = delete;

private:
  sigset_t m_previous;
  bool m_wasPending = false;
};

class Association : public DcmSCU {
public:
  Association(const Node& node, const ScuOptions& options, CancelFlag cancel);
  ~Association() override;

  // Presentation contexts first (DcmSCU::addPresentationContext), then open(). `operation` names
  // the service in messages ("C-FIND").
  Status open(const std::string& operation);
  // A-RELEASE, or A-ABORT when the association is no longer in a state to release.
  void release();
  void abort();

  bool cancelRequested() const { return m_cancel != nullptr && m_cancel->load(); }
  const Node& node() const { return m_node; }
  const ScuOptions& options() const { return m_options; }

  // "C-FIND to ORTHANC@127.0.0.1:4242 failed: connection lost (...)" with a code callers can branch
  // on: Unreadable when the node could not be reached or stopped answering, Unsupported when it
  // answered and refused.
  Error failure(const std::string& operation, const OFCondition& cond) const;
  Error refused(const std::string& operation, const std::string& reason) const;
  Error cancelled(const std::string& operation) const;

private:
  std::string describe(const OFCondition& cond) const;

  Node m_node;
  ScuOptions m_options;
  CancelFlag m_cancel;
};

// The peer's A-ASSOCIATE-RJ reason, asked again on a bare Verification association because
// DcmSCU 3.6.7 keeps the reject parameters private: "called AE title not recognised".
std::string rejectionReason(const Node& node, const ScuOptions& options);

// "0xA700 Refused: Out of resources" for a C-STORE status (and the other services).
std::string storeStatusText(unsigned status);
std::string findStatusText(unsigned status);
std::string moveStatusText(unsigned status);
std::string getStatusText(unsigned status);

}  // namespace hilum::pacs
