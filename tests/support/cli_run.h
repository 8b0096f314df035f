#pragma once
// hilum-cli run in-process, as the CLI, PACS and hardening tests drive it: exit code, stdout and
// stderr. Header-only, for test executables that link hilum::cli.
#include "cli.h"

#include <sstream>
#include <string>
#include <vector>

namespace hilum::test {

struct CliRun {
  int code;
  std::string out;
  std::string err;
};

inline CliRun runCli(const std::vector<std::string>& args) {
  std::ostringstream out, err;
  const int code = hilum::cli::run(args, out, err);
  return {code, out.str(), err.str()};
}

}  // namespace hilum::test
