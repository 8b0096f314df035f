#pragma once
// What an annotation measures on its film: lengths in mm when the film declares a usable pixel
// spacing (with the spacing's source, because "estimated" and "detector" mean different accuracy
// to a reader), in pixels otherwise; angles; region statistics in modality values; the
// cardiothoracic ratio.
#include "hilum/film/film.h"
#include "hilum/measure/annotation.h"

#include <cstddef>
#include <optional>
#include <string>

namespace hilum::measure {

// Modality values (after Rescale Slope/Intercept or the Modality LUT) of the pixels whose centres
// fall inside the region, padding pixels left out.
struct RegionStats {
  std::size_t pixels = 0;
  double mean = 0.0;
  double sd = 0.0;  // population standard deviation
  double min = 0.0;
  double max = 0.0;
};

struct Measurement {
  Kind kind = Kind::Distance;
  // Distance, arrow: the segment. Cardiothoracic ratio: the thoracic width.
  double lengthPx = 0.0;
  std::optional<double> lengthMm;
  double angleDegrees = 0.0;         // Angle: between the arms, 0..180
  RegionStats region;                // Rectangle, Ellipse
  double areaPx = 0.0;               // geometric area of the shape, in film pixels
  std::optional<double> areaMm2;
  double heartPx = 0.0;              // Cardiothoracic ratio: the heart width
  std::optional<double> heartMm;
  std::optional<double> ratio;       // heart / thorax; empty while the thorax width is zero
  std::string spacingSource;         // "detector", "calibrated", "estimated"; empty when unknown
  std::string unit;                  // of region values: "HU" when the film says so, else empty
};

Measurement measure(const film::Film& film, const Annotation& annotation);

// One line a reader understands: "52.3 mm (detector)", "34.5 deg", "mean 1234 SD 56, 120 mm2
// (detector), 900 px", "CTR 0.48 (heart 140 mm / thorax 290 mm)". Shared by the viewer, the CLI
// and reports so they never disagree.
std::string describe(const Measurement& measurement);

}  // namespace hilum::measure
