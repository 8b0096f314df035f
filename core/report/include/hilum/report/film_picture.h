#pragma once
// A film as a picture for export: the display pipeline's rendering with the heatmap layer and the
// annotations (with their measurements) drawn over it, at any size up to full resolution. The PDF
// report, PNG export and the DICOM Secondary Capture all print this one picture.
#include "hilum/ai/findings.h"
#include "hilum/display/renderer.h"
#include "hilum/film/film.h"
#include "hilum/measure/annotation.h"
#include "hilum/report/heatmap_layer.h"

#include <QImage>
#include <QString>

#include <vector>

namespace hilum::report {

struct PictureRequest {
  const film::Film* film = nullptr;
  display::DisplaySettings display;
  const ai::Findings* findings = nullptr;  // none: no heatmap
  int selectedFinding = -1;                // into findings->ranked; ignored with style.allPositives
  HeatmapStyle style;
  std::vector<measure::Annotation> annotations;
  int maxSizePx = 0;  // longest side; 0 keeps the film's resolution
  // A band along the bottom naming the model and saying "decision support, not a diagnosis":
  // for pictures that leave Hilum on their own (Secondary Capture, PNG).
  bool burnInCaption = false;
};

// RGB32. An Error when the film cannot be rendered (e.g. a preset it does not have).
Result<QImage> renderPicture(const PictureRequest& request);

// A picture as PNG, atomically (QSaveFile: a temporary beside the target, renamed on success).
Status writePng(const QImage& image, const std::string& path);

// The line a burned-in caption or a PDF caption carries: "nih14 0.1.0 -- heatmap: Effusion --
// decision support, not a diagnosis".
QString modelCaption(const ai::Findings& findings, const QString& heatmapCaption);

}  // namespace hilum::report
