#pragma once
// The worklist's ledger: its studies as JSON, so a restart shows the same rows and knows which
// films were analysed and whose results were sent.
#include "hilum/base/result.h"
#include "hilum/triage/worklist.h"

#include <string>
#include <vector>

namespace hilum::triage::detail {

std::string ledgerToJson(const std::vector<TriageStudy>& studies);
// A missing file is an empty ledger; a malformed one is an Error naming it.
Result<std::vector<TriageStudy>> readLedger(const std::string& path);

}  // namespace hilum::triage::detail
