#pragma once
// A program run as a child process for tests that need several processes (data-parallel ranks,
// a killed writer): its stdout and stderr go to one log file the test can read while it runs.
#include <chrono>
#include <optional>
#include <string>
#include <sys/types.h>
#include <vector>

namespace hilum::test {

class ChildProcess {
public:
  // Starts `program` with `args`; throws std::runtime_error when it cannot be started.
  ChildProcess(const std::string& program, const std::vector<std::string>& args, std::string logPath);
  ~ChildProcess();  // kills it if still running
  ChildProcess(const ChildProcess&) = delete;
  ChildProcess& operator=(const ChildProcess&) = delete;

  // The exit status once it has ended within `timeout` (128 + signal when killed); none if still running.
  std::optional<int> wait(std::chrono::milliseconds timeout);
  // Polls the log until it contains `text` or `timeout` passes (or the process ends first).
  bool waitForLog(const std::string& text, std::chrono::milliseconds timeout);
  void kill();  // SIGKILL, as a crash or an operator would
  std::string log() const;

private:
  pid_t m_pid = -1;
  std::optional<int> m_status;
  std::string m_logPath;
};

// A TCP port on 127.0.0.1 that was free a moment ago (bound, read, released).
int freeLoopbackPort();

}  // namespace hilum::test
