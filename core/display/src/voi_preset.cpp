#include "hilum/display/voi_preset.h"

#include <algorithm>

namespace hilum::display {

const char* toString(VoiPreset::Kind kind) {
  switch (kind) {
    case VoiPreset::Kind::Window: return "window";
    case VoiPreset::Kind::Lut: return "lut";
    case VoiPreset::Kind::FullRange: return "full-range";
  }
  return "full-range";
}

ModalityRange modalityRange(const film::Film& film) {
  const auto& a = film.display();
  const int lo = film.minStoredValue();
  const int hi = film.maxStoredValue();
  ModalityRange range{modalityValue(a, lo), modalityValue(a, lo)};
  if (a.modalityLut && a.modalityLut->valid()) {
    // A LUT need not be monotonic: take its extremes over the stored range actually used.
    for (int v = lo; v <= hi; ++v) {
      const double m = modalityValue(a, v);
      range.min = std::min(range.min, m);
      range.max = std::max(range.max, m);
    }
  } else {
    const double m = modalityValue(a, hi);
    range.min = std::min(range.min, m);
    range.max = std::max(range.max, m);
  }
  return range;
}

VoiWindow fullRangeWindow(const film::Film& film) {
  const ModalityRange r = modalityRange(film);
  // LINEAR maps [c - 0.5 - (w-1)/2, c - 0.5 + (w-1)/2] onto the output: w = max - min + 1 and
  // c = min + w/2 put the darkest pixel at 0 and the brightest at the top.
  const double width = std::max(1.0, r.max - r.min + 1.0);
  return VoiWindow{r.min + width / 2.0, width, film::VoiFunction::Linear};
}

std::vector<VoiPreset> voiPresets(const film::Film& film) {
  std::vector<VoiPreset> presets;
  const auto& a = film.display();
  for (std::size_t i = 0; i < a.windows.size(); ++i) {
    const auto& w = a.windows[i];
    VoiPreset p;
    p.kind = VoiPreset::Kind::Window;
    p.name = w.explanation.empty() ? "Window " + std::to_string(i + 1) : w.explanation;
    p.window = VoiWindow{w.center, w.width, a.voiFunction};
    presets.push_back(std::move(p));
  }
  for (std::size_t i = 0; i < a.voiLuts.size(); ++i) {
    VoiPreset p;
    p.kind = VoiPreset::Kind::Lut;
    p.name = a.voiLuts[i].explanation.empty() ? "VOI LUT " + std::to_string(i + 1) : a.voiLuts[i].explanation;
    p.lutIndex = static_cast<int>(i);
    presets.push_back(std::move(p));
  }
  VoiPreset full;
  full.kind = VoiPreset::Kind::FullRange;
  full.name = "Full range";
  full.window = fullRangeWindow(film);
  presets.push_back(std::move(full));
  return presets;
}

int defaultPresetIndex(const film::Film& film, const std::vector<VoiPreset>& presets) {
  const ModalityRange range = modalityRange(film);
  int firstLut = -1;
  for (std::size_t i = 0; i < presets.size(); ++i) {
    const VoiPreset& p = presets[i];
    if (p.kind == VoiPreset::Kind::Window) {
      const double lo = p.window.center - p.window.width / 2.0;
      const double hi = p.window.center + p.window.width / 2.0;
      if (hi >= range.min && lo <= range.max) return static_cast<int>(i);
    } else if (p.kind == VoiPreset::Kind::Lut && firstLut < 0) {
      firstLut = static_cast<int>(i);
    }
  }
  if (firstLut >= 0) return firstLut;
  return static_cast<int>(presets.size()) - 1;  // full range is always last
}

}  // namespace hilum::display
