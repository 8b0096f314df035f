#pragma once
// Film -> 8-bit picture, exactly as the viewer shows it and `hilum-cli render` writes it:
// Modality LUT -> VOI (preset or custom window) -> presentation (MONOCHROME1 / INVERSE shown
// inverted once, then the user's invert toggle) -> region crop -> area-averaged downscale.
//
// Thread safety: pure functions of their arguments; call from any thread.
#include "hilum/base/result.h"
#include "hilum/display/gray_image.h"
#include "hilum/display/region.h"
#include "hilum/display/voi.h"
#include "hilum/film/film.h"

#include <array>
#include <cstdint>
#include <optional>

namespace hilum::display {

struct DisplaySettings {
  std::optional<int> presetIndex;         // into voiPresets(film); none: defaultPresetIndex(film).
                                          // Ignored when customWindow is set.
  std::optional<VoiWindow> customWindow;  // the user's own window/level
  bool invert = false;                    // the user's toggle, on top of what the film declares
};

struct RenderOptions {
  std::optional<Region> region;  // default: the whole film; clipped to it
  int maxSizePx = 0;             // longest output side; 0 keeps native resolution. Never upscales.
};

// Whether the film's own attributes ask for inversion: MONOCHROME1, or Presentation LUT Shape
// INVERSE. Both mean the same single inversion (PS3.3 C.8.11.1.1.1), never a double one.
bool filmInverts(const film::Film& film);

// stored value (as the raw 16-bit pattern of PixelBuffer::data) -> displayed 8-bit value.
using DisplayTable = std::array<std::uint8_t, 65536>;
Result<DisplayTable> displayTable(const film::Film& film, const DisplaySettings& settings);

Result<GrayImage> render(const film::Film& film, const DisplaySettings& settings, const RenderOptions& options = {});

// The region's stored values averaged over box x box blocks (padding left out), as a film with the
// same display attributes. A view that only changes window/level renders this small film again
// instead of the full one: the LUT then runs over screen pixels, not film pixels. Averaging before
// the LUT (as viewers' mipmaps do) differs from render()'s LUT-then-average only where the window
// clips inside a block.
film::Film reducedFilm(const film::Film& film, const Region& region, int box);

}  // namespace hilum::display
