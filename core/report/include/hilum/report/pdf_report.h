#pragma once
// The report a clinician hands to a colleague, as PDF (A4 or Letter): institution header, patient and
// study block (or "anonymised"), each film at print resolution with its heatmap and annotations, the
// findings table (label, probability, operating point, above/below; model name, version and weights
// sha256), the measurements, the clinician's impression, the decision-support statement, date and
// page numbers. One page per film, so a film beside its prior paginates cleanly.
//
// Needs a QGuiApplication (fonts); safe off the GUI thread (QPdfWriter and QPainter on images are).
#include "hilum/base/result.h"
#include "hilum/report/film_picture.h"

#include <QDateTime>
#include <QString>

#include <memory>
#include <vector>

namespace hilum::report {

struct ReportFilm {
  std::shared_ptr<const film::Film> film;
  std::shared_ptr<const ai::Findings> findings;  // may be null: a film without analysis
  display::DisplaySettings display;
  int selectedFinding = -1;
  HeatmapStyle style;
  std::vector<measure::Annotation> annotations;
};

// How this film is to be pictured (its display, heatmap and annotations), at `maxSizePx`.
PictureRequest pictureOf(const ReportFilm& film, int maxSizePx = 0, bool burnInCaption = false);

enum class PageSize { A4, Letter };

struct ReportRequest {
  std::vector<ReportFilm> films;
  QString institution;      // header line (a setting)
  QString impression;       // typed by the clinician
  bool anonymise = false;   // no patient identity anywhere in the report
  PageSize pageSize = PageSize::A4;
  QDateTime created = QDateTime::currentDateTime();
  QString software;         // "Hilum 0.4.0"
};

// Written atomically: a report is there whole or not at all.
Status writePdfReport(const ReportRequest& request, const std::string& path);

// A PNG of one film with its overlays (and the burned-in model caption), atomically.
Status writePicturePng(const ReportFilm& film, int maxSizePx, const std::string& path);

}  // namespace hilum::report
