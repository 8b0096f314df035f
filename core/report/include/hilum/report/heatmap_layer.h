#pragma once
// Turns an analysis and a heatmap style into what is drawn over a film -- in the viewer, in PDF and
// PNG exports and in DICOM Secondary Captures alike: a colour image over the film (heatmap mode) or
// labelled outlines (contour mode), for one finding or for all positive findings at once.
#include "hilum/ai/findings.h"
#include "hilum/ai/heatmap_image.h"

#include <QColor>
#include <QImage>
#include <QPolygonF>
#include <QString>

#include <vector>

namespace hilum::report {

enum class HeatmapMode { Heatmap, Contour, Off };

struct HeatmapStyle {
  HeatmapMode mode = HeatmapMode::Heatmap;
  bool allPositives = false;  // every positive finding at once instead of the selected one
  double opacity = 0.6;
  ai::ColorMap colorMap = ai::ColorMap::Inferno;
  double floor = 0.2;  // activation below this stays transparent; the contour level in contour mode
};

// A heatmap drawn as iso-activation outlines in film coordinates.
struct ContourOverlay {
  std::vector<QPolygonF> polygons;
  QColor colour;
  QString label;
};

struct HeatmapLayer {
  QImage image;                          // over the whole film; null in contour and off modes
  std::vector<ContourOverlay> contours;  // empty in heatmap and off modes
  QString caption;                       // which finding(s) the layer shows
  QStringList labels;
};

// `selected` indexes findings.ranked (-1: none). The image is made at a moderate size (longest side
// `imageSidePx`): it is scaled with the film when drawn.
HeatmapLayer heatmapLayer(const ai::Findings& findings, int selected, const HeatmapStyle& style, int imageSidePx = 768);

// The layer's caption alone ("Heatmap: Effusion, Mass"), without making the picture or contours.
QString heatmapCaption(const ai::Findings& findings, int selected, const HeatmapStyle& style);

// Distinct, legible colours over a film for the i-th outlined finding.
QColor contourColour(int index);

}  // namespace hilum::report
