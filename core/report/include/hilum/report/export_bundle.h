#pragma once
// Everything a clinician exports for a report in one call, shared by `hilum-cli report` and the
// viewer's Export dialog: the PDF, an annotated PNG, and the DICOM objects (Secondary Capture with
// the heatmap burned in, findings SR, the PDF as Encapsulated PDF, the annotations as GSPS) of the
// first film. One de-identification mapping covers the whole bundle, so its objects keep
// referencing each other when anonymised. Each file is written atomically.
#include "hilum/report/pdf_report.h"

#include <optional>
#include <string>
#include <vector>

namespace hilum::report {

struct ExportTargets {
  std::optional<std::string> pdf, png, secondaryCapture, structuredReport, encapsulatedPdf, presentationState;
  int pngMaxSizePx = 0;  // 0: full resolution
};

struct ExportedFile {
  std::string path;
  std::string what;  // "PDF report", "DICOM Secondary Capture 2.25.…"
};

struct ExportOutcome {
  std::vector<ExportedFile> files;
  std::vector<std::string> warnings;  // e.g. identity may be burned into the source pixels
};

// Stops at the first failure (files already written stay; none is half-written). Encapsulated PDF
// needs the PDF target; GSPS needs annotations and a DICOM source.
Result<ExportOutcome> exportBundle(const ReportRequest& request, const ExportTargets& targets);

}  // namespace hilum::report
