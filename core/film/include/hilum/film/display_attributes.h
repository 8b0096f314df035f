#pragma once
// The grayscale display parameters a film declares (PS3.3 C.11: Modality LUT, VOI LUT and
// Presentation LUT modules). The film only records them; hilum::display applies them.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace hilum::film {

// A LUT as DICOM encodes it (PS3.3 C.11.1.1.1): the input value mapped to the first entry, the
// entries, and their bit depth. Inputs below the first mapped value take the first entry, inputs
// past the end take the last.
struct LookupTable {
  int firstMapped = 0;
  int bitsPerEntry = 16;
  std::vector<std::uint16_t> entries;
  std::string explanation;

  bool valid() const { return !entries.empty(); }
};

// One Window Center / Window Width pair (PS3.3 C.11.2.1.2) and its explanation.
struct WindowPreset {
  double center = 0.0;
  double width = 1.0;
  std::string explanation;
};

enum class VoiFunction { Linear, LinearExact, Sigmoid };  // VOI LUT Function (0028,1056)
enum class PresentationShape { Identity, Inverse };      // Presentation LUT Shape (2050,0020)

const char* toString(VoiFunction function);  // "LINEAR", "LINEAR_EXACT", "SIGMOID"

struct DisplayAttributes {
  // MONOCHROME1: the minimum value is meant to be shown white. Raster films are MONOCHROME2.
  bool monochrome1 = false;
  // Modality LUT: either the linear rescale or a LUT; the LUT wins when both are present (C.11.1).
  double rescaleSlope = 1.0;
  double rescaleIntercept = 0.0;
  std::string rescaleType;
  std::optional<LookupTable> modalityLut;
  // VOI: every window pair and every VOI LUT item the film offers, in file order.
  std::vector<WindowPreset> windows;
  std::vector<LookupTable> voiLuts;
  VoiFunction voiFunction = VoiFunction::Linear;
  // Present in the image itself for DX/MG; INVERSE there restates MONOCHROME1, it is not a second
  // inversion (PS3.3 C.8.11.1.1.1: INVERSE is required for MONOCHROME1, IDENTITY for MONOCHROME2).
  std::optional<PresentationShape> presentationShape;
  // Pixel Padding Value (0028,0120): stored value of pixels outside the exposed field; left out of
  // the automatic full-range window so collimator borders do not flatten the contrast.
  std::optional<int> paddingValue;
};

}  // namespace hilum::film
