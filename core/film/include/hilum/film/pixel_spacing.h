#pragma once
// Physical size of a pixel and, as important for measurements, where that number came from.
// Projection radiography has several spacing attributes with different meanings (PS3.3 C.8.11.7,
// C.7.6.3.1.7 and 10.7.1.3): the detector plane, a calibrated plane, or an estimate corrected for
// geometric magnification. A measurement is only as good as its source, so the source travels with it.
#include <string>

namespace hilum::film {

enum class SpacingSource {
  Unknown,     // no usable spacing (absent, zero, negative, or a raster image)
  Detector,    // at the detector plane (Imager Pixel Spacing, or Pixel Spacing equal to it): objects
               // at the patient look larger by the geometric magnification
  Calibrated,  // Pixel Spacing calibrated to the patient (differs from Imager Pixel Spacing, or a
               // Pixel Spacing Calibration Type is given)
  Estimated,   // Imager Pixel Spacing divided by Estimated Radiographic Magnification Factor
};

// "detector", "calibrated", "estimated", "unknown": the words the CLI and reports print.
const char* toString(SpacingSource source);

struct PixelSpacing {
  double rowMm = 0.0;     // distance between the centres of adjacent rows (vertical), in mm
  double columnMm = 0.0;  // distance between the centres of adjacent columns (horizontal), in mm
  SpacingSource source = SpacingSource::Unknown;
  std::string note;       // why this source was chosen, or why the declared spacing was rejected

  bool known() const { return source != SpacingSource::Unknown; }
};

}  // namespace hilum::film
