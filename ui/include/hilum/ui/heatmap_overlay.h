#pragma once
// Turns an analysis and the panel's heatmap style into what a film view draws: a colour image over
// the film (heatmap mode) or labelled outlines (contour mode), for the selected finding or for all
// positive findings at once.
#include "hilum/ai/findings.h"
#include "hilum/ui/film_view.h"
#include "hilum/ui/findings_panel.h"

#include <QImage>
#include <QString>

#include <vector>

namespace hilum::ui {

struct HeatmapLayer {
  QImage image;                          // null in contour and off modes
  std::vector<ContourOverlay> contours;  // empty in heatmap and off modes
  QString caption;                       // which finding(s) the layer shows
};

// `selected` indexes findings.ranked (-1: none). The image is made at a moderate size (longest side
// 768): the view scales it with the film.
HeatmapLayer heatmapLayer(const ai::Findings& findings, int selected, const HeatmapStyle& style);

// Distinct, legible colours over a film for the i-th outlined finding.
QColor contourColour(int index);

}  // namespace hilum::ui
