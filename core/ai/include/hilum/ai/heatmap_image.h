#pragma once
// Heatmaps made visible: a colour map blended over the film as the viewer shows it. Colour is for
// display only; Heatmap keeps floats.
#include "hilum/ai/findings.h"
#include "hilum/base/result.h"
#include "hilum/film/film.h"

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace hilum::ai {

enum class ColorMap { Inferno, Jet, Viridis };
const char* toString(ColorMap map);

// The heatmap as premultiplied-free RGBA (row-major, 4 bytes a pixel) at columns x rows, for
// drawing over the film: colour from the map, alpha = opacity x activation, zero below `floor` and
// fading in smoothly just above it, so weak activation does not veil the anatomy.
std::vector<std::uint8_t> heatmapRgba(const Heatmap& heatmap, int columns, int rows, ColorMap map = ColorMap::Inferno,
                                      double opacity = 0.6, double floor = 0.0);

// Outlines of where the activation reaches `level` (0..1), as closed polygons in film pixel
// coordinates: the contour display mode, which leaves the anatomy inside untouched. Traced on the
// map resampled to at most maxSidePx, which is finer than any model's feature grid.
using Polygon = std::vector<std::pair<double, double>>;
std::vector<Polygon> heatmapContours(const Heatmap& heatmap, double level, int maxSidePx = 512);

// The largest activation of several maps of one analysis (same grid): the "all positives" view.
// Empty input gives an empty heatmap.
Heatmap maxHeatmap(const std::vector<const Heatmap*>& heatmaps);

// Writes an RGB PNG (atomically) of the film, longest side maxSizePx, with the heatmap in the
// inferno colour map over it; weak activation stays transparent so anatomy remains readable.
Status writeHeatmapOverlay(const film::Film& film, const Heatmap& heatmap, const std::string& path, int maxSizePx = 1024,
                           double opacity = 0.6);

}  // namespace hilum::ai
