#pragma once
// What the `pacs` sub-commands share: the NODE argument, --aet and --timeout, the store report, and
// progress lines on stderr.
#include "hilum/pacs/node.h"
#include "hilum/pacs/options.h"
#include "hilum/pacs/outcome.h"

#include <iosfwd>
#include <optional>
#include <set>
#include <string>

namespace hilum::cli {

class Arguments;

// Options every pacs sub-command takes (values).
const std::set<std::string>& pacsCommonOptions();

// --aet (default HILUM) and --timeout S (connect and response timeouts; defaults 10 s and 30 s).
// Nothing, with `problem` set, when a value is invalid.
std::optional<pacs::ScuOptions> scuOptions(const Arguments& parsed, std::string& problem);

// "AET@host:port". Named nodes from the viewer's settings are not read by the CLI yet.
std::optional<pacs::Node> nodeArgument(const std::string& text, std::string& problem);

// "[3/12] what" on stderr.
pacs::ProgressCallback progressPrinter(std::ostream& err);

// One line per instance on `out` ("stored PATH", "already present PATH", "failed WHAT: reason"),
// a summary and the interruption on `err`; returns the exit code (0 only when all went well).
int printTransfer(const pacs::TransferReport& report, std::ostream& out, std::ostream& err);

}  // namespace hilum::cli
