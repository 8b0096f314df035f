#pragma once
// hilum-cli: everything the GUI can do to a film, headless. Each command writes its result to `out`
// and its problems to `err` as "hilum-cli: FILE: reason".
#include <iosfwd>
#include <string>
#include <vector>

namespace hilum::cli {

// Exit codes: what scripts and CI branch on.
enum ExitCode : int { kExitOk = 0, kExitFailed = 1, kExitUsage = 2 };

// Runs one command line (without the program name). Thread-compatible: one call at a time per
// pair of streams.
int run(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

}  // namespace hilum::cli
