#pragma once
// Hilum's storage SCP: receives C-STORE (and answers C-ECHO) into a local store
//   <root>/<StudyInstanceUID>/<SOPInstanceUID>.dcm
// Each instance is written to a temporary file, flushed and renamed without replacing: an instance
// whose SOP Instance UID is already stored is acknowledged (so the sender does not retry forever)
// and reported AlreadyPresent, the first copy kept. An instance that cannot be written is refused
// with 0xA700 (out of resources) so the sender knows it was not kept.
//
// Binds 127.0.0.1 by default. DCMTK 3.6.7 always binds the wildcard address, so the server replaces
// DCMTK's listening socket with one bound to `bindAddress` before accepting anything; associations
// from non-loopback peers are also refused while bound to loopback (belt and braces).
//
// One association at a time (a second sender waits in the TCP backlog). Thread rules: start(),
// stop() and the destructor from one owning thread; `onInstance` runs on the server's own thread,
// once per received instance, after the sender got its response; it must not call stop().
#include "hilum/base/result.h"
#include "hilum/pacs/node.h"
#include "hilum/pacs/outcome.h"

#include <functional>
#include <memory>
#include <string>

namespace hilum::pacs {

struct StorageServerOptions {
  std::string aeTitle = kDefaultAeTitle;
  int port = 11112;                        // 0: any free port (see StorageServer::port())
  std::string bindAddress = "127.0.0.1";   // an IPv4 address of this machine; "0.0.0.0" for all
  std::string root;                        // the local store; created if missing
  bool checkCalledAeTitle = true;          // refuse associations that call another AE title
  int dimseTimeoutS = 30;                  // an idle association is closed after this long
};

class StorageServer {
public:
  // Each received instance (stored, duplicate or failed) with the calling AE title filled in.
  using InstanceCallback = std::function<void(const InstanceOutcome&)>;

  explicit StorageServer(StorageServerOptions options, InstanceCallback onInstance = {});
  ~StorageServer();  // stop()
  StorageServer(const StorageServer&) = delete;
  StorageServer& operator=(const StorageServer&) = delete;

  // Opens the port and starts the server thread; returns once it accepts associations. Errors:
  // bad AE title or bind address, store root not writable, port in use or privileged.
  Status start();
  // Stops accepting, lets the association in progress finish its current instance (at most the
  // DIMSE timeout when the peer holds it open silently), and joins the thread. Idempotent.
  void stop();

  bool running() const;
  int port() const;  // the bound port (the one picked when options.port was 0)
  const StorageServerOptions& options() const;

private:
  struct Impl;
  std::unique_ptr<Impl> m_impl;
};

}  // namespace hilum::pacs
