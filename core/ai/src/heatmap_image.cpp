#include "hilum/ai/heatmap_image.h"

#include "hilum/display/png_writer.h"
#include "hilum/display/renderer.h"

#include <opencv2/core.hpp>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>

namespace hilum::ai {

const char* toString(ColorMap map) {
  switch (map) {
    case ColorMap::Inferno: return "inferno";
    case ColorMap::Jet: return "jet";
    case ColorMap::Viridis: return "viridis";
  }
  return "inferno";
}

std::vector<std::uint8_t> heatmapRgba(const Heatmap& heatmap, int columns, int rows, ColorMap map, double opacity,
                                      double floor) {
  std::vector<float> heat = heatmap.resampled(columns, rows);
  const cv::Mat heatF(rows, columns, CV_32F, heat.data());
  cv::Mat heat8, bgr;
  heatF.convertTo(heat8, CV_8U, 255.0);
  const int cvMap = map == ColorMap::Jet ? cv::COLORMAP_JET : map == ColorMap::Viridis ? cv::COLORMAP_VIRIDIS : cv::COLORMAP_INFERNO;
  cv::applyColorMap(heat8, bgr, cvMap);
  std::vector<std::uint8_t> rgba(static_cast<std::size_t>(columns) * rows * 4);
  for (std::size_t i = 0; i < heat.size(); ++i) {
    const auto* c = bgr.ptr<cv::Vec3b>(0) + i;
    rgba[4 * i + 0] = (*c)[2];
    rgba[4 * i + 1] = (*c)[1];
    rgba[4 * i + 2] = (*c)[0];
    // Fade in over 0.15 above the floor: a hard cut draws false edges across coarse maps.
    const double ramp = std::clamp((heat[i] - floor) / 0.15, 0.0, 1.0);
    const double a = opacity * heat[i] * ramp * ramp * (3.0 - 2.0 * ramp);
    rgba[4 * i + 3] = static_cast<std::uint8_t>(std::lround(std::clamp(a, 0.0, 1.0) * 255.0));
  }
  return rgba;
}

std::vector<Polygon> heatmapContours(const Heatmap& heatmap, double level, int maxSidePx) {
  const int filmColumns = heatmap.geometry.filmColumns, filmRows = heatmap.geometry.filmRows;
  if (filmColumns <= 0 || filmRows <= 0 || heatmap.values.empty()) return {};
  const double scale = std::min(1.0, static_cast<double>(maxSidePx) / std::max(filmColumns, filmRows));
  const int columns = std::max(1, static_cast<int>(std::lround(filmColumns * scale)));
  const int rows = std::max(1, static_cast<int>(std::lround(filmRows * scale)));
  std::vector<float> heat = heatmap.resampled(columns, rows);
  const cv::Mat heatF(rows, columns, CV_32F, heat.data());
  cv::Mat mask;
  cv::threshold(heatF, mask, level, 255.0, cv::THRESH_BINARY);
  mask.convertTo(mask, CV_8U);
  std::vector<std::vector<cv::Point>> traced;
  cv::findContours(mask, traced, cv::RETR_EXTERNAL, cv::CHAIN_APPROX_SIMPLE);
  std::vector<Polygon> polygons;
  const double sx = static_cast<double>(filmColumns) / columns, sy = static_cast<double>(filmRows) / rows;
  for (const auto& contour : traced) {
    if (contour.size() < 3) continue;
    Polygon polygon;
    // Pixel centres of the traced grid back onto the film.
    for (const auto& p : contour) polygon.emplace_back((p.x + 0.5) * sx, (p.y + 0.5) * sy);
    polygons.push_back(std::move(polygon));
  }
  return polygons;
}

Heatmap maxHeatmap(const std::vector<const Heatmap*>& heatmaps) {
  if (heatmaps.empty()) return {};
  Heatmap out = *heatmaps.front();
  out.label.clear();
  for (const Heatmap* h : heatmaps) {
    if (h->values.size() != out.values.size()) continue;  // another grid: not of this analysis
    for (std::size_t i = 0; i < out.values.size(); ++i) out.values[i] = std::max(out.values[i], h->values[i]);
    out.label += (out.label.empty() ? "" : ", ") + h->label;
  }
  return out;
}

Status writeHeatmapOverlay(const film::Film& film, const Heatmap& heatmap, const std::string& path, int maxSizePx,
                           double opacity) {
  display::RenderOptions options;
  options.maxSizePx = maxSizePx;
  auto rendered = display::render(film, {}, options);
  if (!rendered.ok()) return rendered.error();
  const auto& g = rendered.value();
  const cv::Mat gray(g.height, g.width, CV_8U, const_cast<std::uint8_t*>(g.pixels.data()));
  std::vector<float> heat = heatmap.resampled(g.width, g.height);
  const cv::Mat heatF(g.height, g.width, CV_32F, heat.data());
  cv::Mat heat8, colour, base, out;
  heatF.convertTo(heat8, CV_8U, 255.0);
  cv::applyColorMap(heat8, colour, cv::COLORMAP_INFERNO);
  cv::cvtColor(gray, base, cv::COLOR_GRAY2BGR);
  // Per-pixel alpha = opacity x activation: the colour fades out where the evidence does.
  cv::Mat alpha;
  heatF.convertTo(alpha, CV_32F, opacity);
  cv::Mat alpha3;
  cv::merge(std::vector<cv::Mat>{alpha, alpha, alpha}, alpha3);
  cv::Mat baseF, colourF;
  base.convertTo(baseF, CV_32FC3);
  colour.convertTo(colourF, CV_32FC3);
  cv::Mat blended = baseF.mul(cv::Scalar::all(1.0) - alpha3) + colourF.mul(alpha3);
  blended.convertTo(out, CV_8UC3);
  cv::cvtColor(out, out, cv::COLOR_BGR2RGB);
  return display::writePngRgb(out.cols, out.rows, out.ptr<std::uint8_t>(0), path);
}

}  // namespace hilum::ai
