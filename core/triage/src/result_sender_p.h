#pragma once
// The worklist's automatic send: a film's result objects (result_objects.h, the top finding's
// heatmap) written and C-STOREd to the results node.
#include "hilum/ai/findings.h"
#include "hilum/base/result.h"
#include "hilum/film/film.h"
#include "hilum/pacs/node.h"
#include "hilum/pacs/options.h"

#include <memory>
#include <string>

namespace hilum::triage::detail {

// An Error names the node and the reason when the PACS did not take them.
Status sendResults(std::shared_ptr<const film::Film> film, std::shared_ptr<const ai::Findings> findings,
                   const pacs::Node& node, const pacs::ScuOptions& options, const std::string& resultsDirectory);

}  // namespace hilum::triage::detail
