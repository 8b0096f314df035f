#include "orthanc_server.h"

#include <nlohmann/json.hpp>

#include <arpa/inet.h>
#include <cerrno>
#include <cstring>
#include <chrono>
#include <csignal>
#include <fstream>
#include <netinet/in.h>
#include <sstream>
#include <sys/socket.h>
#include <thread>
#include <unistd.h>


namespace hilum::test {
namespace {

int loopbackSocket() { return ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0); }

sockaddr_in loopback(int port) {
  sockaddr_in a{};
  a.sin_family = AF_INET;
  a.sin_port = htons(static_cast<uint16_t>(port));
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  return a;
}

}  // namespace

HttpReply httpRequest(int port, const std::string& method, const std::string& path, const std::string& body) {
  HttpReply reply;
  const int fd = loopbackSocket();
  if (fd < 0) return reply;
  timeval timeout{60, 0};
  ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof(timeout));
  sockaddr_in a = loopback(port);
  if (::connect(fd, reinterpret_cast<sockaddr*>(&a), sizeof(a)) != 0) {
    ::close(fd);
    return reply;
  }
  std::ostringstream request;
  request << method << " " << path << " HTTP/1.0\r\nHost: 127.0.0.1\r\nContent-Length: " << body.size()
          << "\r\nContent-Type: application/json\r\n\r\n"
          << body;
  const std::string bytes = request.str();
  std::size_t sent = 0;
  while (sent < bytes.size()) {
    const ssize_t n = ::send(fd, bytes.data() + sent, bytes.size() - sent, MSG_NOSIGNAL);
    if (n <= 0) break;
    sent += static_cast<std::size_t>(n);
  }
  std::string answer;
  char buffer[65536];
  for (;;) {
    const ssize_t n = ::recv(fd, buffer, sizeof(buffer), 0);
    if (n <= 0) break;
    answer.append(buffer, static_cast<std::size_t>(n));
  }
  ::close(fd);
  const auto space = answer.find(' ');
  const auto headerEnd = answer.find("\r\n\r\n");
  if (space == std::string::npos || headerEnd == std::string::npos) return reply;
  reply.status = std::atoi(answer.c_str() + space + 1);
  reply.body = answer.substr(headerEnd + 4);
  return reply;
}

bool OrthancServer::installed() { return ::access(kBinary, X_OK) == 0; }

OrthancServer::OrthancServer(OrthancOptions options) : m_options(std::move(options)) {}

OrthancServer::~OrthancServer() {
  if (m_process) m_process->stop(std::chrono::seconds(15));
}

bool OrthancServer::start(std::string& problem) {
  m_dicomPort = freePort();
  m_httpPort = freePort();
  while (m_httpPort == m_dicomPort) m_httpPort = freePort();
  nlohmann::json config = {
      {"Name", "HilumTest"},
      {"StorageDirectory", m_dir.file("storage")},
      {"IndexDirectory", m_dir.file("storage")},
      {"StorageCompression", false},
      {"Plugins", nlohmann::json::array()},
      {"HttpServerEnabled", true},
      {"HttpPort", m_httpPort},
      {"RemoteAccessAllowed", false},
      {"AuthenticationEnabled", false},
      {"DicomServerEnabled", true},
      {"DicomAet", "ORTHANC"},
      {"DicomPort", m_dicomPort},
      {"DicomCheckCalledAet", m_options.checkCalledAet},
      {"DicomAlwaysAllowEcho", true},
      {"DicomAlwaysAllowStore", true},
      {"DicomCheckModalityHost", true},
      {"DicomModalities",
       {{"HILUM", {m_options.hilumAeTitle, "127.0.0.1", m_options.hilumPort > 0 ? m_options.hilumPort : 11112}}}},
      {"DicomAssociationCloseDelay", 0},
      {"DicomScuTimeout", 10},
      {"DicomScpTimeout", 30},
      {"SaveJobs", false},
      {"OverwriteInstances", false},
      {"HttpTimeout", 60},
  };
  const std::string configPath = m_dir.file("orthanc.json");
  std::ofstream(configPath) << config.dump(2);
  const std::string logPath = m_dir.file("orthanc.log");

  try {
    m_process = std::make_unique<ChildProcess>(kBinary, std::vector<std::string>{configPath}, logPath);
  } catch (const std::runtime_error& e) {
    problem = e.what();
    return false;
  }
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
  while (std::chrono::steady_clock::now() < deadline) {
    if (!m_process->running()) {
      m_process.reset();
      problem = "Orthanc exited at start:\n" + logTail();
      return false;
    }
    if (get("/system").status == 200) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  problem = "Orthanc's REST API did not answer within 30 s:\n" + logTail();
  return false;
}

void OrthancServer::kill() {
  if (!m_process) return;
  m_process->kill();
  m_process->wait();
  m_process.reset();
}

int OrthancServer::count(const std::string& path) const {
  const HttpReply r = get(path);
  if (r.status != 200) return -1;
  const auto j = nlohmann::json::parse(r.body, nullptr, false);
  return j.is_array() ? static_cast<int>(j.size()) : -1;
}

std::string OrthancServer::logTail() const {
  std::ifstream in(m_dir.file("orthanc.log"));
  std::stringstream all;
  all << in.rdbuf();
  const std::string text = all.str();
  return text.size() > 3000 ? text.substr(text.size() - 3000) : text;
}

}  // namespace hilum::test
