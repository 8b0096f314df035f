#pragma once
// Words that follow the UI language: the language of the Hilum translation the application installed
// (app/hilum loads it; hilum-cli loads none, so its reports stay English). Finding names come from the
// pack's manifest (model_manifest.h LabelSpec::display); SR and JSON outputs keep the label codes.
// Safe from any thread once the translators are installed.
#include "hilum/ai/findings.h"
#include "hilum/film/pixel_spacing.h"
#include "hilum/measure/measurements.h"

#include <QString>

#include <string>

namespace hilum::report {

// ISO 639-1 code of the installed translation: "en" without one, "de", "fr".
QString uiLanguage();
// ai::Findings::kDisclaimer in the UI language.
QString disclaimer();
// The name a reader sees for a label of these findings, in the UI language.
QString findingName(const ai::Findings& findings, const std::string& label);
// "detector", "calibrated", "estimated", "unknown" (film::toString) in the UI language.
QString spacingSourceName(film::SpacingSource source);
// measure::describe's line ("12.3 mm (detector)", "CTR 0.48 (heart ... / thorax ...)") in the UI
// language, for the viewer, the PDF report and PNG pictures; DICOM presentation states keep describe's.
QString describeMeasurement(const measure::Measurement& measurement);

}  // namespace hilum::report
