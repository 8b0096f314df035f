#include "hilum/pacs/node.h"

#include <cerrno>
#include <cstdlib>

namespace hilum::pacs {
namespace {

Error invalid(const std::string& reason) { return Error(Module::Pacs, ErrorCode::InvalidArgument, reason); }

}  // namespace

std::string Node::toString() const {
  const bool ipv6 = host.find(':') != std::string::npos;
  return aeTitle + "@" + (ipv6 ? "[" + host + "]" : host) + ":" + std::to_string(port);
}

Status validateAeTitle(const std::string& aeTitle) {
  if (aeTitle.empty()) return invalid("AE title is empty");
  if (aeTitle.size() > kMaxAeTitleLength)
    return invalid("AE title '" + aeTitle + "' is longer than 16 characters");
  bool onlySpaces = true;
  for (const char c : aeTitle) {
    const auto u = static_cast<unsigned char>(c);
    if (u < 0x20 || u > 0x7e || c == '\\')
      return invalid("AE title '" + aeTitle + "' holds a character DICOM does not allow (control, backslash or non-ASCII)");
    if (c != ' ') onlySpaces = false;
  }
  if (onlySpaces) return invalid("AE title is only spaces");
  return Status::success();
}

Result<Node> parseNode(const std::string& text) {
  const auto at = text.find('@');
  if (at == std::string::npos)
    return invalid("node '" + text + "' is not AET@host:port");
  Node node;
  node.aeTitle = text.substr(0, at);
  if (Status s = validateAeTitle(node.aeTitle); !s.ok())
    return invalid("node '" + text + "': " + s.error().reason());

  std::string rest = text.substr(at + 1);
  std::string portText;
  if (!rest.empty() && rest.front() == '[') {  // [IPv6]:port
    const auto close = rest.find(']');
    if (close == std::string::npos || close + 1 >= rest.size() || rest[close + 1] != ':')
      return invalid("node '" + text + "': IPv6 host must be written [address]:port");
    node.host = rest.substr(1, close - 1);
    portText = rest.substr(close + 2);
  } else {
    const auto colon = rest.rfind(':');
    if (colon == std::string::npos) return invalid("node '" + text + "' has no port (AET@host:port)");
    node.host = rest.substr(0, colon);
    portText = rest.substr(colon + 1);
    if (node.host.find(':') != std::string::npos)
      return invalid("node '" + text + "': IPv6 host must be written [address]:port");
  }
  if (node.host.empty()) return invalid("node '" + text + "' has no host");
  if (node.host.size() > 57)  // DCMTK keeps "host:port" in 64 bytes
    return invalid("node '" + text + "': host name longer than 57 characters");
  if (portText.empty()) return invalid("node '" + text + "' has no port (AET@host:port)");
  char* end = nullptr;
  errno = 0;
  const long port = std::strtol(portText.c_str(), &end, 10);
  if (errno != 0 || *end != '\0' || portText[0] == '-' || portText[0] == '+')
    return invalid("node '" + text + "': port '" + portText + "' is not a number");
  if (port < 1 || port > 65535) return invalid("node '" + text + "': port " + portText + " is outside 1-65535");
  node.port = static_cast<int>(port);
  return node;
}

}  // namespace hilum::pacs
