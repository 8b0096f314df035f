#pragma once
// Heatmaps made visible: a colour map blended over the film as the viewer shows it. Colour is for
// display only; Heatmap keeps floats.
#include "hilum/ai/findings.h"
#include "hilum/base/result.h"
#include "hilum/film/film.h"

#include <string>

namespace hilum::ai {

// Writes an RGB PNG (atomically) of the film, longest side maxSizePx, with the heatmap in the
// inferno colour map over it; weak activation stays transparent so anatomy remains readable.
Status writeHeatmapOverlay(const film::Film& film, const Heatmap& heatmap, const std::string& path, int maxSizePx = 1024,
                           double opacity = 0.6);

}  // namespace hilum::ai
