#pragma once
// The grayscale transforms of PS3.3 C.11, each a pure function so tests can pin them to the standard's
// formulas: Modality LUT (rescale or LUT), VOI (window functions or LUT). Outputs of the VOI stage are
// normalised to [0, 1]; the presentation stage (inversion, 8-bit quantisation) lives in renderer.h.
#include "hilum/film/display_attributes.h"

namespace hilum::display {

struct VoiWindow {
  double center = 0.0;
  double width = 1.0;
  film::VoiFunction function = film::VoiFunction::Linear;
};

// Stored value -> modality value (C.11.1): the Modality LUT when present, else slope * v + intercept.
double modalityValue(const film::DisplayAttributes& attributes, int stored);

// Entry of a DICOM LUT for an input value, clamped to the first/last entry (C.11.1.1.1).
double lookupEntry(const film::LookupTable& lut, double input);

// Modality value -> [0, 1] through a window (C.11.2.1.2 LINEAR, C.11.2.1.3.2 LINEAR_EXACT,
// C.11.2.1.3.1 SIGMOID). LINEAR clamps width to >= 1 as the standard requires.
double applyWindow(const VoiWindow& window, double x);

// Modality value -> [0, 1] through a VOI LUT (entries scaled by 2^bits - 1).
double applyVoiLut(const film::LookupTable& lut, double x);

}  // namespace hilum::display
