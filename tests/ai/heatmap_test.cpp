// Heatmap display helpers on hand-made maps: contours land where the activation is, on the film's grid.
#include "hilum/ai/heatmap_image.h"

#include <catch2/catch.hpp>

#include <algorithm>

using namespace hilum::ai;

namespace {

// A 10 x 10 map over a 1000 x 500 film squashed into a 100 px input; hot block at cells (6..7, 2..3).
Heatmap blockMap(const std::string& label, int cx, int cy) {
  Heatmap h;
  h.label = label;
  h.width = h.height = 10;
  h.inputSize = 100;
  h.values.assign(100, 0.0f);
  for (int y = cy; y < cy + 2; ++y)
    for (int x = cx; x < cx + 2; ++x) h.values[static_cast<std::size_t>(y * 10 + x)] = 1.0f;
  h.geometry.filmColumns = 1000;
  h.geometry.filmRows = 500;
  h.geometry.contentWidth = h.geometry.contentHeight = 100;
  h.geometry.filmWidth = 1000;
  h.geometry.filmHeight = 500;
  return h;
}

}  // namespace

TEST_CASE("heatmap contours outline the hot region in film coordinates", "[ai][heatmaps]") {
  const Heatmap h = blockMap("a", 6, 2);
  const auto polygons = heatmapContours(h, 0.5);
  REQUIRE(polygons.size() == 1);
  double minX = 1e9, maxX = -1, minY = 1e9, maxY = -1;
  for (const auto& [x, y] : polygons[0]) {
    minX = std::min(minX, x), maxX = std::max(maxX, x);
    minY = std::min(minY, y), maxY = std::max(maxY, y);
  }
  // Cells 6..7 of 10 span film x 600..800; rows 2..3 span film y 100..200 (bicubic blurs the edge a little).
  CHECK(minX == Approx(600).margin(60));
  CHECK(maxX == Approx(800).margin(60));
  CHECK(minY == Approx(100).margin(30));
  CHECK(maxY == Approx(200).margin(30));
  CHECK(heatmapContours(h, 1.01).empty());  // nothing reaches the level
}

TEST_CASE("the all-positives map is the largest activation of each cell", "[ai][heatmaps]") {
  const Heatmap a = blockMap("Effusion", 0, 0), b = blockMap("Nodule", 6, 6);
  const Heatmap both = maxHeatmap({&a, &b});
  CHECK(both.label == "Effusion, Nodule");
  CHECK(both.values[0] == 1.0f);
  CHECK(both.values[66] == 1.0f);
  CHECK(both.values[5] == 0.0f);
  CHECK(heatmapContours(both, 0.5).size() == 2);
  CHECK(maxHeatmap({}).values.empty());
}
