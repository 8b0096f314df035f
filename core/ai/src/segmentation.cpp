#include "hilum/ai/segmentation.h"

#include <opencv2/core.hpp>
#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>

namespace hilum::ai {
namespace {

// A region below this share of the largest one is a speck the network left, not a lung.
constexpr double kMinRegionShare = 0.05;

// Outlines are simplified to within this share of the film's longer side (3 px on a 3000 px film):
// invisible at any zoom that shows the whole lung, and far fewer vertices to paint.
constexpr double kOutlineTolerance = 0.001;

struct Overlap {
  std::size_t both = 0, a = 0, b = 0;
};

Overlap overlap(const std::vector<std::uint8_t>& a, const std::vector<std::uint8_t>& b) {
  Overlap o;
  const std::size_t n = std::min(a.size(), b.size());
  for (std::size_t i = 0; i < n; ++i) {
    const bool inA = a[i] != 0, inB = b[i] != 0;
    o.a += inA;
    o.b += inB;
    o.both += inA && inB;
  }
  return o;
}

}  // namespace

Segmentation regionsFromMask(const std::vector<std::uint8_t>& mask, int columns, int rows, int keep) {
  Segmentation out;
  out.columns = columns;
  out.rows = rows;
  out.mask.assign(static_cast<std::size_t>(columns) * static_cast<std::size_t>(rows), 0);
  if (columns <= 0 || rows <= 0 || mask.size() != out.mask.size()) return out;

  const cv::Mat source(rows, columns, CV_8U, const_cast<std::uint8_t*>(mask.data()));
  cv::Mat binary = source != 0;
  cv::Mat labels, stats, centroids;
  const int count = cv::connectedComponentsWithStats(binary, labels, stats, centroids, 8, CV_32S);
  std::vector<int> order;  // component labels, largest first (0 is the background)
  for (int label = 1; label < count; ++label) order.push_back(label);
  std::sort(order.begin(), order.end(), [&](int l, int r) {
    return stats.at<int>(l, cv::CC_STAT_AREA) > stats.at<int>(r, cv::CC_STAT_AREA);
  });
  if (order.empty()) return out;
  const int largest = stats.at<int>(order.front(), cv::CC_STAT_AREA);
  std::vector<int> kept;
  for (int label : order) {
    if (static_cast<int>(kept.size()) >= keep) break;
    if (stats.at<int>(label, cv::CC_STAT_AREA) < kMinRegionShare * largest) break;
    kept.push_back(label);
  }

  cv::Mat keptMask(rows, columns, CV_8U, out.mask.data());
  cv::Rect box;
  std::size_t inside = 0;
  const double tolerance = kOutlineTolerance * std::max(columns, rows);
  for (int label : kept) {
    const cv::Mat region = labels == label;
    keptMask.setTo(255, region);
    const cv::Rect r(stats.at<int>(label, cv::CC_STAT_LEFT), stats.at<int>(label, cv::CC_STAT_TOP),
                     stats.at<int>(label, cv::CC_STAT_WIDTH), stats.at<int>(label, cv::CC_STAT_HEIGHT));
    box = box.area() == 0 ? r : (box | r);
    inside += static_cast<std::size_t>(stats.at<int>(label, cv::CC_STAT_AREA));
    std::vector<std::vector<cv::Point>> contours;
    cv::findContours(region, contours, cv::RETR_EXTERNAL, cv::CHAIN_APPROX_SIMPLE);
    if (contours.empty()) continue;
    // One region is one 8-connected piece, so it has one outer contour; take the longest for safety.
    const auto& contour = *std::max_element(contours.begin(), contours.end(),
                                            [](const auto& a, const auto& b) { return a.size() < b.size(); });
    std::vector<cv::Point> simplified;
    if (tolerance >= 1.0 && contour.size() > 8) cv::approxPolyDP(contour, simplified, tolerance, true);
    else simplified = contour;
    std::vector<FilmPoint> polygon;
    polygon.reserve(simplified.size());
    for (const auto& p : simplified) polygon.push_back({p.x + 0.5, p.y + 0.5});
    out.outlines.push_back(std::move(polygon));
  }
  out.boundingBox = {box.x, box.y, box.width, box.height};
  out.areaFraction = static_cast<double>(inside) / static_cast<double>(out.mask.size());
  return out;
}

Segmentation segmentationFromProbabilities(const std::vector<float>& probabilities, int size, const InputGeometry& g,
                                           double threshold, int keep) {
  const int columns = g.filmColumns, rows = g.filmRows;
  if (size <= 0 || probabilities.size() != static_cast<std::size_t>(size) * static_cast<std::size_t>(size) || columns <= 0 ||
      rows <= 0)
    return regionsFromMask({}, columns, rows, keep);
  const cv::Mat map(size, size, CV_32F, const_cast<float*>(probabilities.data()));
  const cv::Rect content = cv::Rect(static_cast<int>(std::lround(g.contentX)), static_cast<int>(std::lround(g.contentY)),
                                    std::max(1, static_cast<int>(std::lround(g.contentWidth))),
                                    std::max(1, static_cast<int>(std::lround(g.contentHeight)))) &
                           cv::Rect(0, 0, size, size);
  const cv::Rect film = cv::Rect(static_cast<int>(std::lround(g.filmX)), static_cast<int>(std::lround(g.filmY)),
                                 std::max(1, static_cast<int>(std::lround(g.filmWidth))),
                                 std::max(1, static_cast<int>(std::lround(g.filmHeight)))) &
                        cv::Rect(0, 0, columns, rows);
  cv::Mat onFilm = cv::Mat::zeros(rows, columns, CV_32F);
  if (content.area() > 0 && film.area() > 0) {
    cv::Mat resized;
    cv::resize(map(content), resized, film.size(), 0, 0, cv::INTER_LINEAR);
    resized.copyTo(onFilm(film));
  }
  std::vector<std::uint8_t> mask(static_cast<std::size_t>(columns) * static_cast<std::size_t>(rows));
  cv::Mat binary(rows, columns, CV_8U, mask.data());
  cv::Mat(onFilm >= threshold).copyTo(binary);
  return regionsFromMask(mask, columns, rows, keep);
}

std::vector<std::uint8_t> maskToInput(const std::vector<std::uint8_t>& mask, int columns, int rows, const InputGeometry& g, int size) {
  std::vector<std::uint8_t> out(static_cast<std::size_t>(size) * static_cast<std::size_t>(size), 0);
  if (columns <= 0 || rows <= 0 || size <= 0 || mask.size() != static_cast<std::size_t>(columns) * static_cast<std::size_t>(rows)) return out;
  const cv::Mat source(rows, columns, CV_8U, const_cast<std::uint8_t*>(mask.data()));
  const cv::Rect film = cv::Rect(static_cast<int>(std::lround(g.filmX)), static_cast<int>(std::lround(g.filmY)),
                                 std::max(1, static_cast<int>(std::lround(g.filmWidth))),
                                 std::max(1, static_cast<int>(std::lround(g.filmHeight)))) &
                        cv::Rect(0, 0, columns, rows);
  const cv::Rect content = cv::Rect(static_cast<int>(std::lround(g.contentX)), static_cast<int>(std::lround(g.contentY)),
                                    std::max(1, static_cast<int>(std::lround(g.contentWidth))),
                                    std::max(1, static_cast<int>(std::lround(g.contentHeight)))) &
                           cv::Rect(0, 0, size, size);
  if (film.area() == 0 || content.area() == 0) return out;
  cv::Mat canvas(size, size, CV_8U, out.data());
  cv::Mat resized;
  cv::resize(source(film), resized, content.size(), 0, 0, film.width > content.width ? cv::INTER_AREA : cv::INTER_LINEAR);
  resized.copyTo(canvas(content));
  return out;
}

double diceCoefficient(const std::vector<std::uint8_t>& a, const std::vector<std::uint8_t>& b) {
  const Overlap o = overlap(a, b);
  if (o.a + o.b == 0) return 1.0;
  return 2.0 * static_cast<double>(o.both) / static_cast<double>(o.a + o.b);
}

double intersectionOverUnion(const std::vector<std::uint8_t>& a, const std::vector<std::uint8_t>& b) {
  const Overlap o = overlap(a, b);
  const std::size_t either = o.a + o.b - o.both;
  if (either == 0) return 1.0;
  return static_cast<double>(o.both) / static_cast<double>(either);
}

}  // namespace hilum::ai
