#pragma once
// A program run as a child process, for tests that need several processes (data-parallel ranks,
// batch shards, a PACS, a killed writer): stdout (and stderr, unless given a file of its own) go to
// a log the test can read while it runs.
#include <chrono>
#include <optional>
#include <string>
#include <sys/types.h>
#include <vector>

namespace hilum::test {

struct ChildOptions {
  std::string errorLogPath;              // empty: stderr joins stdout in the log
  std::vector<std::string> environment;  // "NAME=value": replaces the inherited NAME, or adds it
};

class ChildProcess {
public:
  // Starts `program` with `args`; throws std::runtime_error when it cannot be started.
  ChildProcess(const std::string& program, const std::vector<std::string>& args, std::string logPath,
               ChildOptions options = {});
  ~ChildProcess();  // kills it if still running
  ChildProcess(const ChildProcess&) = delete;
  ChildProcess& operator=(const ChildProcess&) = delete;

  // The exit status once it has ended within `timeout` (128 + signal when a signal ended it, as
  // shells report it); none if still running.
  std::optional<int> wait(std::chrono::milliseconds timeout);
  int wait();  // until it ends
  bool running();
  // Polls the log until it contains `text` or `timeout` passes (or the process ends first).
  bool waitForLog(const std::string& text, std::chrono::milliseconds timeout);
  void signal(int number);
  void kill();  // SIGKILL, as a crash or an operator would
  // SIGTERM, then SIGKILL if it has not ended within `grace`.
  void stop(std::chrono::milliseconds grace);
  std::string log() const;
  std::string errorLog() const;  // stderr's own file, or the joint log

private:
  pid_t m_pid = -1;
  std::optional<int> m_status;
  std::string m_logPath, m_errorLogPath;
};

// A TCP port on 127.0.0.1 that was free a moment ago (bound to port 0, then released); 0 if none.
int freePort();

}  // namespace hilum::test
