#include "hilum/pacs/storage_server.h"

#include "association_p.h"
#include "local_store_p.h"
#include "storage_scp_p.h"

#include <dcmtk/dcmdata/dcobject.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <atomic>
#include <future>
#include <sys/socket.h>
#include <thread>
#include <unistd.h>

namespace hilum::pacs {

struct StorageServer::Impl {
  StorageServerOptions options;
  InstanceCallback onInstance;
  std::unique_ptr<StorageScp> scp;
  std::thread thread;
  std::atomic<bool> stopping{false};
  int wakeFd = -1;  // our own descriptor of the listening socket, for shutdown() in stop()
  int port = 0;
};

StorageServer::StorageServer(StorageServerOptions options, InstanceCallback onInstance)
    : m_impl(std::make_unique<Impl>()) {
  m_impl->options = std::move(options);
  m_impl->onInstance = std::move(onInstance);
}

StorageServer::~StorageServer() { stop(); }

Status StorageServer::start() {
  Impl& d = *m_impl;
  if (d.thread.joinable()) return Status::success();
  prepareDcmtk();
  if (Status s = validateAeTitle(d.options.aeTitle); !s.ok())
    return Error(Module::Pacs, ErrorCode::InvalidArgument, "storage SCP: " + s.error().reason());
  in_addr probe{};
  if (::inet_pton(AF_INET, d.options.bindAddress.c_str(), &probe) != 1)
    return Error(Module::Pacs, ErrorCode::InvalidArgument,
                 "storage SCP: bind address '" + d.options.bindAddress + "' is not an IPv4 address");
  if (d.options.port < 0 || d.options.port > 65535)
    return Error(Module::Pacs, ErrorCode::InvalidArgument,
                 "storage SCP: port " + std::to_string(d.options.port) + " is outside 0-65535");
  if (Status s = prepareStoreRoot(d.options.root); !s.ok()) return s;

  d.stopping = false;
  std::promise<Result<int>> listening;
  std::future<Result<int>> ready = listening.get_future();
  d.scp = std::make_unique<StorageScp>(d.options, d.onInstance, d.stopping,
                                       [&listening](Result<int> fd) { listening.set_value(std::move(fd)); });
  if (Status s = d.scp->configure(); !s.ok()) {
    d.scp.reset();
    return s;
  }
  // DcmSCP switches dcmdata's automatic input correction off for the whole process; core/film reads
  // with it on, so the flag is put back once the port is open.
  const OFBool correction = dcmEnableAutomaticInputDataCorrection.get();
  const OFCondition opened = d.scp->openListenPort();
  dcmEnableAutomaticInputDataCorrection.set(correction);
  const std::string where = d.options.bindAddress + ":" + std::to_string(d.options.port);
  if (opened.bad()) {
    d.scp.reset();
    return Error(Module::Pacs, ErrorCode::Unreadable,
                 "storage SCP " + d.options.aeTitle + " cannot listen on " + where + ": " + opened.text());
  }

  d.thread = std::thread([scp = d.scp.get()] {
    SigpipeGuard sigpipe;  // a sender that dies mid-response must not kill the process
    scp->acceptAssociations();
  });
  Result<int> fd = ready.get();  // set by the server thread before it accepts anything
  if (!fd.ok()) {
    d.stopping = true;
    d.thread.join();
    d.scp.reset();
    return Error(Module::Pacs, fd.error().code(), "storage SCP " + d.options.aeTitle + ": " + fd.error().reason());
  }
  d.wakeFd = ::dup(fd.value());
  sockaddr_in bound{};
  socklen_t len = sizeof(bound);
  if (::getsockname(fd.value(), reinterpret_cast<sockaddr*>(&bound), &len) == 0) d.port = ntohs(bound.sin_port);
  return Status::success();
}

void StorageServer::stop() {
  Impl& d = *m_impl;
  if (!d.thread.joinable()) return;
  d.stopping = true;
  // Wakes the accept loop at once: select() sees the socket readable, accept() fails, the loop
  // looks at the stop flag. Our own descriptor, so this can never hit a reused number.
  if (d.wakeFd >= 0) ::shutdown(d.wakeFd, SHUT_RDWR);
  d.thread.join();
  if (d.wakeFd >= 0) ::close(d.wakeFd);
  d.wakeFd = -1;
  d.scp.reset();
}

bool StorageServer::running() const { return m_impl->thread.joinable(); }
int StorageServer::port() const { return m_impl->port; }
const StorageServerOptions& StorageServer::options() const { return m_impl->options; }

}  // namespace hilum::pacs
