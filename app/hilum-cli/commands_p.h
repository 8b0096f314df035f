#pragma once
// The commands behind hilum-cli and what they share. Each takes the arguments after its name.
#include "hilum/base/error.h"

#include <iosfwd>
#include <string>
#include <vector>

namespace hilum::cli {

int infoCommand(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);
int renderCommand(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);
int benchCommand(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

// "hilum-cli: usage: <problem>" plus the command's synopsis; returns kExitUsage.
int usageError(std::ostream& err, const std::string& problem, const std::string& synopsis);
// "hilum-cli: FILE: reason" with the path as the user gave it; returns kExitFailed.
int reportError(std::ostream& err, const Error& error);

}  // namespace hilum::cli
