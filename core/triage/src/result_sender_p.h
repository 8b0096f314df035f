#pragma once
// A film's AI result as DICOM, sent back to the PACS: the findings SR (TID 1500) and a Secondary
// Capture with the top finding's heatmap and the decision-support caption burned in, the same
// objects File > Export writes.
#include "hilum/ai/findings.h"
#include "hilum/base/result.h"
#include "hilum/film/film.h"
#include "hilum/pacs/node.h"
#include "hilum/pacs/options.h"

#include <memory>
#include <string>

namespace hilum::triage::detail {

// Writes <resultsDirectory>/<StudyUID>/<SOPUID>-sr.dcm and -sc.dcm (atomically) and C-STOREs
// both. An Error names the node and the reason when the PACS did not take them.
Status sendResults(std::shared_ptr<const film::Film> film, std::shared_ptr<const ai::Findings> findings,
                   const pacs::Node& node, const pacs::ScuOptions& options, const std::string& resultsDirectory);

}  // namespace hilum::triage::detail
