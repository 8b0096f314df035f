#include "hilum/measure/measurements.h"

#include "hilum/display/voi.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace hilum::measure {
namespace {

constexpr double kPi = 3.14159265358979323846;

struct Length {
  double px = 0.0;
  std::optional<double> mm;
};

Length length(const film::PixelSpacing& spacing, Point a, Point b) {
  const double dx = b.x - a.x, dy = b.y - a.y;
  Length out{std::hypot(dx, dy), std::nullopt};
  // Columns run along x: x steps are column spacing, y steps row spacing (pixels may be non-square).
  if (spacing.known()) out.mm = std::hypot(dx * spacing.columnMm, dy * spacing.rowMm);
  return out;
}

double angleAt(Point end1, Point vertex, Point end2) {
  const double ax = end1.x - vertex.x, ay = end1.y - vertex.y;
  const double bx = end2.x - vertex.x, by = end2.y - vertex.y;
  if ((ax == 0 && ay == 0) || (bx == 0 && by == 0)) return 0.0;
  return std::abs(std::atan2(ax * by - ay * bx, ax * bx + ay * by)) * 180.0 / kPi;
}

// Statistics over the pixels whose centres are inside the shape's box (and ellipse, if asked).
RegionStats regionStats(const film::Film& film, Point a, Point b, bool ellipse) {
  const double left = std::min(a.x, b.x), right = std::max(a.x, b.x);
  const double top = std::min(a.y, b.y), bottom = std::max(a.y, b.y);
  const double cx = (left + right) / 2, cy = (top + bottom) / 2;
  const double rx = (right - left) / 2, ry = (bottom - top) / 2;
  const auto& pixels = film.pixels();
  const auto& display = film.display();
  const int c0 = std::max(0, static_cast<int>(std::ceil(left - 0.5)));
  const int c1 = std::min(film.columns() - 1, static_cast<int>(std::floor(right - 0.5)));
  const int r0 = std::max(0, static_cast<int>(std::ceil(top - 0.5)));
  const int r1 = std::min(film.rows() - 1, static_cast<int>(std::floor(bottom - 0.5)));
  RegionStats stats;
  double sum = 0.0, sumSquares = 0.0;
  for (int r = r0; r <= r1; ++r) {
    for (int c = c0; c <= c1; ++c) {
      if (ellipse) {
        if (rx <= 0 || ry <= 0) continue;
        const double u = (c + 0.5 - cx) / rx, v = (r + 0.5 - cy) / ry;
        if (u * u + v * v > 1.0) continue;
      }
      const int stored = pixels.value(c, r);
      if (display.paddingValue && stored == *display.paddingValue) continue;
      const double value = display::modalityValue(display, stored);
      if (stats.pixels == 0) stats.min = stats.max = value;
      stats.min = std::min(stats.min, value);
      stats.max = std::max(stats.max, value);
      sum += value;
      sumSquares += value * value;
      ++stats.pixels;
    }
  }
  if (stats.pixels > 0) {
    const double n = static_cast<double>(stats.pixels);
    stats.mean = sum / n;
    stats.sd = std::sqrt(std::max(0.0, sumSquares / n - stats.mean * stats.mean));
  }
  return stats;
}

std::string format(const char* pattern, double value) {
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, pattern, value);
  return buffer;
}

std::string lengthText(double px, const std::optional<double>& mm) {
  return mm ? format("%.1f mm", *mm) : format("%.0f px", px);
}

}  // namespace

Measurement measure(const film::Film& film, const Annotation& annotation) {
  Measurement m;
  m.kind = annotation.kind;
  if (!annotation.complete()) return m;
  const auto& spacing = film.spacing();
  if (spacing.known()) m.spacingSource = film::toString(spacing.source);
  if (film.display().rescaleType == "HU") m.unit = "HU";
  const auto& p = annotation.points;
  switch (annotation.kind) {
    case Kind::Distance:
    case Kind::Arrow: {
      const Length l = length(spacing, p[0], p[1]);
      m.lengthPx = l.px;
      m.lengthMm = l.mm;
      break;
    }
    case Kind::Angle: m.angleDegrees = angleAt(p[0], p[1], p[2]); break;
    case Kind::Rectangle:
    case Kind::Ellipse: {
      const bool ellipse = annotation.kind == Kind::Ellipse;
      m.region = regionStats(film, p[0], p[1], ellipse);
      const double w = std::abs(p[1].x - p[0].x), h = std::abs(p[1].y - p[0].y);
      m.areaPx = ellipse ? kPi * w * h / 4 : w * h;
      if (spacing.known()) m.areaMm2 = m.areaPx * spacing.columnMm * spacing.rowMm;
      break;
    }
    case Kind::CardiothoracicRatio: {
      // Widths are horizontal by definition (the viewer constrains them); only x counts.
      const Length heart = length(spacing, p[0], {p[1].x, p[0].y});
      const Length thorax = length(spacing, p[2], {p[3].x, p[2].y});
      m.heartPx = heart.px;
      m.heartMm = heart.mm;
      m.lengthPx = thorax.px;
      m.lengthMm = thorax.mm;
      if (thorax.px > 0) m.ratio = heart.px / thorax.px;
      break;
    }
  }
  return m;
}

std::string describe(const Measurement& m) {
  const std::string source = m.spacingSource.empty() ? std::string(" (no spacing)") : " (" + m.spacingSource + ")";
  switch (m.kind) {
    case Kind::Distance:
    case Kind::Arrow: return lengthText(m.lengthPx, m.lengthMm) + source;
    case Kind::Angle: return format("%.1f deg", m.angleDegrees);
    case Kind::Rectangle:
    case Kind::Ellipse: {
      if (m.region.pixels == 0) return "no pixels";
      const std::string unit = m.unit.empty() ? std::string() : " " + m.unit;
      return format("mean %.1f", m.region.mean) + unit + format(" SD %.1f", m.region.sd) + ", " +
             (m.areaMm2 ? format("%.1f mm2", *m.areaMm2) : format("%.0f px2", m.areaPx)) + source +
             format(", %.0f px", static_cast<double>(m.region.pixels));
    }
    case Kind::CardiothoracicRatio:
      if (!m.ratio) return "CTR: draw the thoracic width";
      return format("CTR %.2f", *m.ratio) + " (heart " + lengthText(m.heartPx, m.heartMm) + " / thorax " +
             lengthText(m.lengthPx, m.lengthMm) + ")";
  }
  return {};
}

}  // namespace hilum::measure
