#pragma once
// The VOI choices a film offers the user: each Window Center/Width pair, each VOI LUT, and always a
// full-range window computed from the pixels, as DICOM viewers list them in a preset menu; then
// windows derived from the film's histogram: an auto window and chest presets (lung, mediastinum,
// bone). Projection radiographs have no Hounsfield scale, so unlike CT presets these cannot be
// fixed numbers: they are percentile ranges of the film's own pixels, in display brightness (a
// MONOCHROME1 film's dark lungs are its high values).
#include "hilum/display/region.h"
#include "hilum/display/voi.h"
#include "hilum/film/film.h"

#include <string>
#include <vector>

namespace hilum::display {

struct VoiPreset {
  enum class Kind { Window, Lut, FullRange, Derived };
  Kind kind = Kind::FullRange;
  std::string name;     // the file's explanation, or a generated one ("Window 1", "Full range")
  VoiWindow window;     // valid for Window and FullRange
  int lutIndex = -1;    // index into film.display().voiLuts for Lut
};

const char* toString(VoiPreset::Kind kind);  // "window", "lut", "full-range", "derived"

// The smallest and largest modality value of the film's pixels (padding excluded).
struct ModalityRange {
  double min = 0.0;
  double max = 0.0;
};
ModalityRange modalityRange(const film::Film& film);

// Window covering the whole modality range with LINEAR: what a film without VOI attributes shows.
VoiWindow fullRangeWindow(const film::Film& film);
// The same over a rectangle of the film (film pixels, clipped): what a crop of a film without VOI
// attributes shows, so that burned-in labels or markers outside it do not set its contrast.
// A region covering the whole film costs nothing extra (the film's own range).
VoiWindow fullRangeWindow(const film::Film& film, const Region& region);

// The window spanning the pixels between two display-brightness percentiles (0..100), padding
// excluded: 1 and 99 give the auto window.
VoiWindow percentileWindow(const film::Film& film, double lowPercent, double highPercent);

// File windows first, then VOI LUTs, then full range, in file order; then the derived windows:
// "Auto (1-99 %)", "Chest: lung", "Chest: mediastinum", "Chest: bone".
// withDerived = false stops after full range and skips the histogram (what choosing a file window
// for display needs; the indices of the presets it returns are the same).
std::vector<VoiPreset> voiPresets(const film::Film& film, bool withDerived = true);

// The preset a film opens with. PS3.4 leaves the choice to the display; the first window is the one
// the modality meant for primary viewing, so it wins -- unless it misses every pixel of the film
// (seen in real files whose encoder shifted the data but not the window), which would open a blank
// white or black film. Then the first VOI LUT, else the full range.
int defaultPresetIndex(const film::Film& film, const std::vector<VoiPreset>& presets);

}  // namespace hilum::display
