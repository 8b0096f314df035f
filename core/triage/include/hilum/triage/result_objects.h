#pragma once
// A film's AI result as the DICOM objects that go back to the PACS: the findings SR (TID 1500) and
// a Secondary Capture with the selected finding's heatmap and the decision-support caption burned
// in -- the same objects File > Export writes. Used by the worklist (sent automatically) and by the
// viewer's PACS > Send AI result.
#include "hilum/base/result.h"
#include "hilum/report/pdf_report.h"

#include <string>
#include <vector>

namespace hilum::triage {

// Writes <resultsDirectory>/<StudyUID>/<SOPUID>-sr.dcm and -sc.dcm atomically; returns both paths.
// The film must carry findings.
Result<std::vector<std::string>> writeResultObjects(const report::ReportFilm& film, const std::string& resultsDirectory);

}  // namespace hilum::triage
