#pragma once
// The worklist's automatic send, in two steps so the ledger can record the files between them: a
// film's result objects (result_objects.h, the top finding's heatmap) are written, then C-STOREd
// to the results node.
#include "hilum/ai/findings.h"
#include "hilum/base/result.h"
#include "hilum/film/film.h"
#include "hilum/pacs/node.h"
#include "hilum/pacs/options.h"

#include <memory>
#include <string>
#include <vector>

namespace hilum::triage::detail {

// The SR and SC paths under `resultsDirectory`; an Error naming the folder or file when they
// cannot be written.
Result<std::vector<std::string>> writeResults(std::shared_ptr<const film::Film> film,
                                              std::shared_ptr<const ai::Findings> findings,
                                              const std::string& resultsDirectory);

// An Error names the node (or a missing file) and the reason when the PACS did not take them.
Status sendResultFiles(const std::vector<std::string>& files, const pacs::Node& node, const pacs::ScuOptions& options);

}  // namespace hilum::triage::detail
