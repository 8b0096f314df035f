#include "loopback_listener_p.h"

#include <dcmtk/config/osconfig.h>
#include <dcmtk/dcmnet/assoc.h>
#include <dcmtk/dcmnet/dulstruc.h>

#include <arpa/inet.h>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

namespace hilum::pacs {
namespace {

Error bindError(const std::string& address, int port, const std::string& what) {
  return Error(Module::Pacs, ErrorCode::Unreadable,
               "cannot listen on " + address + ":" + std::to_string(port) + ": " + what);
}

}  // namespace

bool isLoopbackAddress(const std::string& address) {
  if (address.rfind("127.", 0) == 0 || address == "::1" || address == "localhost") return true;
  return address.rfind("::ffff:127.", 0) == 0;
}

Result<int> rebindListener(T_ASC_Network* network, const std::string& address, int port) {
  in_addr wanted{};
  if (::inet_pton(AF_INET, address.c_str(), &wanted) != 1)
    return Error(Module::Pacs, ErrorCode::InvalidArgument, "bind address '" + address + "' is not an IPv4 address");
  if (network == nullptr || network->network == nullptr)
    return bindError(address, port, "DCMTK network not initialised");
  auto* key = reinterpret_cast<PRIVATE_NETWORKKEY*>(network->network);
  const int fd = static_cast<int>(key->networkSpecific.TCP.listenSocket);

  // Check that this really is DCMTK's listening socket on our port before replacing it.
  sockaddr_in current{};
  socklen_t len = sizeof(current);
  int listening = 0;
  socklen_t optLen = sizeof(listening);
  if (fd < 0 || ::getsockname(fd, reinterpret_cast<sockaddr*>(&current), &len) != 0 || current.sin_family != AF_INET ||
      (port != 0 && ntohs(current.sin_port) != port) || ::getsockopt(fd, SOL_SOCKET, SO_ACCEPTCONN, &listening, &optLen) != 0 ||
      !listening)
    return bindError(address, port, "DCMTK's listening socket is not where DCMTK 3.6.7 keeps it");
  if (current.sin_addr.s_addr == wanted.s_addr) return fd;  // already there (0.0.0.0 asked)
  port = ntohs(current.sin_port);  // the one the system picked when 0 was asked

  const int fresh = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (fresh < 0) return bindError(address, port, std::strerror(errno));
  const int fdFlags = ::fcntl(fd, F_GETFD);
  const int flFlags = ::fcntl(fd, F_GETFL);
  // dup2 closes DCMTK's wildcard socket (freeing the port) and puts the new one at its number.
  if (::dup2(fresh, fd) < 0) {
    const std::string why = std::strerror(errno);
    ::close(fresh);
    return bindError(address, port, why);
  }
  ::close(fresh);
  if (fdFlags >= 0) ::fcntl(fd, F_SETFD, fdFlags);
  if (flFlags >= 0) ::fcntl(fd, F_SETFL, flFlags);
  const int one = 1;
  ::setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
  sockaddr_in bindTo{};
  bindTo.sin_family = AF_INET;
  bindTo.sin_port = htons(static_cast<uint16_t>(port));
  bindTo.sin_addr = wanted;
  if (::bind(fd, reinterpret_cast<sockaddr*>(&bindTo), sizeof(bindTo)) != 0 || ::listen(fd, 64) != 0)
    return bindError(address, port, std::strerror(errno));
  return fd;
}

}  // namespace hilum::pacs
