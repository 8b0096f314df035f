#include "hilum/report/heatmap_layer.h"

#include "hilum/report/localized.h"

#include <QObject>

#include <algorithm>

namespace hilum::report {

QColor contourColour(int index) {
  static const QColor kColours[] = {QColor(255, 200, 40), QColor(90, 220, 255), QColor(255, 110, 200),
                                    QColor(130, 255, 120), QColor(255, 140, 60), QColor(190, 150, 255)};
  return kColours[index % 6];
}

namespace {

// Which findings' maps the style shows: the selected one, or every positive one.
std::vector<int> shownFindings(const ai::Findings& findings, int selected, const HeatmapStyle& style) {
  std::vector<int> shown;
  if (style.mode == HeatmapMode::Off || findings.heatmaps.empty()) return shown;
  if (style.allPositives) {
    for (std::size_t i = 0; i < findings.ranked.size() && i < findings.heatmaps.size(); ++i)
      if (findings.ranked[i].positive) shown.push_back(static_cast<int>(i));
  } else if (selected >= 0 && selected < static_cast<int>(findings.heatmaps.size())) {
    shown.push_back(selected);
  }
  return shown;
}

QString captionOf(const ai::Findings& findings, const std::vector<int>& shown, const HeatmapStyle& style) {
  if (style.mode == HeatmapMode::Off || findings.heatmaps.empty()) return {};
  if (shown.empty()) return style.allPositives ? QObject::tr("No finding above its operating point") : QString();
  QStringList labels;
  for (int i : shown) labels << findingName(findings, findings.ranked[static_cast<std::size_t>(i)].label);
  return QObject::tr("Heatmap: %1").arg(labels.join(", "));
}

}  // namespace

QString heatmapCaption(const ai::Findings& findings, int selected, const HeatmapStyle& style) {
  return captionOf(findings, shownFindings(findings, selected, style), style);
}

HeatmapLayer heatmapLayer(const ai::Findings& findings, int selected, const HeatmapStyle& style, int imageSidePx) {
  HeatmapLayer layer;
  const std::vector<int> shown = shownFindings(findings, selected, style);
  layer.caption = captionOf(findings, shown, style);
  if (shown.empty()) return layer;
  for (int i : shown) layer.labels << findingName(findings, findings.ranked[static_cast<std::size_t>(i)].label);

  if (style.mode == HeatmapMode::Contour) {
    // Half the map's maximum is the usual outline of a class activation map; a higher
    // "hide below" tightens it.
    const double level = std::max(0.5, style.floor);
    for (std::size_t n = 0; n < shown.size(); ++n) {
      const auto& heatmap = findings.heatmaps[static_cast<std::size_t>(shown[n])];
      ContourOverlay contour;
      contour.colour = contourColour(static_cast<int>(n));
      contour.label = findingName(findings, heatmap.label);
      for (const auto& polygon : ai::heatmapContours(heatmap, level)) {
        QPolygonF p;
        for (const auto& [x, y] : polygon) p << QPointF(x, y);
        contour.polygons.push_back(p);
      }
      layer.contours.push_back(std::move(contour));
    }
    return layer;
  }
  std::vector<const ai::Heatmap*> maps;
  for (int i : shown) maps.push_back(&findings.heatmaps[static_cast<std::size_t>(i)]);
  const ai::Heatmap heatmap = maps.size() == 1 ? *maps.front() : ai::maxHeatmap(maps);
  const double longest = std::max(heatmap.geometry.filmColumns, heatmap.geometry.filmRows);
  if (longest <= 0) return layer;
  const double scale = std::min(1.0, imageSidePx / longest);
  const int w = std::max(1, static_cast<int>(heatmap.geometry.filmColumns * scale));
  const int h = std::max(1, static_cast<int>(heatmap.geometry.filmRows * scale));
  const auto rgba = ai::heatmapRgba(heatmap, w, h, style.colorMap, style.opacity, style.floor);
  layer.image = QImage(rgba.data(), w, h, w * 4, QImage::Format_RGBA8888).copy();
  return layer;
}

}  // namespace hilum::report
