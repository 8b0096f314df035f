#pragma once
// A real Orthanc (Debian package `orthanc`) for the PACS tests: a temporary configuration (storage
// in a temp dir, DICOM and HTTP ports picked free, loopback-only REST without authentication, no
// plugins, Hilum's AE registered as a modality at 127.0.0.1 so C-MOVE and pushes reach the test's
// storage SCP), started as a child process, ready once its REST API answers, killed in the
// destructor. Tests skip (WARN) when /usr/sbin/Orthanc is not installed.
#include "hilum/pacs/node.h"
#include "child_process.h"
#include "temp_dir.h"

#include <memory>
#include <string>
#include <sys/types.h>

namespace hilum::test {

struct HttpReply {
  int status = 0;  // 0: no answer
  std::string body;
};
// A minimal HTTP/1.0 client over a plain socket (no curl in the test's dependencies).
HttpReply httpRequest(int port, const std::string& method, const std::string& path, const std::string& body = {});

struct OrthancOptions {
  bool checkCalledAet = false;  // true: associations calling another AE than ORTHANC are rejected
  int hilumPort = 0;            // where Orthanc sends C-MOVE results and pushes (the test SCP)
  std::string hilumAeTitle = "HILUM";
};

class OrthancServer {
public:
  static constexpr const char* kBinary = "/usr/sbin/Orthanc";
  static bool installed();

  explicit OrthancServer(OrthancOptions options = {});
  ~OrthancServer();
  OrthancServer(const OrthancServer&) = delete;
  OrthancServer& operator=(const OrthancServer&) = delete;

  // Starts Orthanc and waits (at most 30 s) until GET /system answers; `problem` says why not.
  bool start(std::string& problem);
  // SIGKILL at once: a PACS that dies mid-transfer.
  void kill();

  pacs::Node node() const { return {"ORTHANC", "127.0.0.1", m_dicomPort, {}}; }
  int dicomPort() const { return m_dicomPort; }
  int httpPort() const { return m_httpPort; }
  HttpReply get(const std::string& path) const { return httpRequest(m_httpPort, "GET", path); }
  HttpReply post(const std::string& path, const std::string& body) const {
    return httpRequest(m_httpPort, "POST", path, body);
  }
  // Number of elements of the JSON array at `path` (/instances, /studies), -1 when unreadable.
  int count(const std::string& path) const;
  std::string logTail() const;

private:
  OrthancOptions m_options;
  TempDir m_dir;
  int m_dicomPort = 0;
  int m_httpPort = 0;
  std::unique_ptr<ChildProcess> m_process;
};

}  // namespace hilum::test
