#pragma once
// The DcmSCP behind StorageServer: accepts C-ECHO and C-STORE of every storage SOP class DCMTK
// knows, writes each instance into the local store, refuses peers that are not on loopback while
// bound there, and leaves its accept loop when asked to stop. Runs on StorageServer's thread only.
#include "hilum/base/result.h"
#include "hilum/pacs/storage_server.h"

#include <dcmtk/config/osconfig.h>
#include <dcmtk/dcmnet/scp.h>

#include <atomic>
#include <functional>
#include <string>

namespace hilum::pacs {

class StorageScp : public DcmSCP {
public:
  // `onListening` is called once on the server thread, with the rebound listening socket or the
  // reason it could not be; after an error the accept loop ends.
  StorageScp(const StorageServerOptions& options, StorageServer::InstanceCallback onInstance,
             const std::atomic<bool>& stopping, std::function<void(Result<int>)> onListening);

  // Presentation contexts and timeouts from the options.
  Status configure();

protected:
  OFCondition waitForAssociationRQ(T_ASC_Network* network) override;
  OFBool stopAfterCurrentAssociation() override;
  OFBool stopAfterConnectionTimeout() override;
  void notifyAssociationRequest(const T_ASC_Parameters& params, DcmSCPActionType& desiredAction) override;
  OFBool checkCalledAETitleAccepted(const OFString& calledAE) override;
  OFCondition handleIncomingCommand(T_DIMSE_Message* incomingMsg, const DcmPresentationContextInfo& presInfo) override;

private:
  OFCondition receiveInstance(T_DIMSE_C_StoreRQ& request, T_ASC_PresentationContextID presID);
  void report(const InstanceOutcome& outcome);

  StorageServerOptions m_options;
  StorageServer::InstanceCallback m_onInstance;
  const std::atomic<bool>& m_stopping;
  std::function<void(Result<int>)> m_onListening;
  bool m_listening = false;
  bool m_failed = false;
  bool m_loopbackOnly = true;
};

}  // namespace hilum::pacs
