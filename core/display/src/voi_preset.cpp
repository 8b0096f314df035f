#include "hilum/display/voi_preset.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <optional>
#include <vector>

namespace hilum::display {
namespace {

// Percentile ranges of display brightness, chosen on chest films: the lung window spreads the
// darker two-thirds (parenchyma and vessels), the mediastinal window the brighter part (heart,
// mediastinum, retrocardiac and subdiaphragmatic areas), the bone window the mid-tones where ribs
// and clavicles cross lung and soft tissue, with both tails cut for contrast (taking only the
// brightest tail leaves nothing but the spine). Heuristics for a first look; right-drag refines.
struct DerivedWindow {
  const char* name;
  double low, high;
};
constexpr std::array<DerivedWindow, 4> kDerived{{
    {"Auto (1-99 %)", 1.0, 99.0},
    {"Chest: lung", 2.0, 65.0},
    {"Chest: mediastinum", 30.0, 99.0},
    {"Chest: bone", 25.0, 92.0},
}};

// Stored-value histogram, padding excluded; signed values offset so the index orders them. Every
// second row and column is plenty for percentiles and keeps a 9 MP film under a few ms.
struct Histogram {
  std::vector<std::uint32_t> counts = std::vector<std::uint32_t>(65536, 0);
  std::uint64_t total = 0;
  int offset = 0;
};

Histogram histogram(const film::Film& film) {
  Histogram h;
  const auto& pixels = film.pixels();
  h.offset = pixels.isSigned ? 32768 : 0;
  const auto padding = film.display().paddingValue;
  for (int y = 0; y < film.rows(); y += 2)
    for (int x = 0; x < film.columns(); x += 2) {
      const int v = pixels.value(x, y);
      if (padding && v == *padding) continue;
      ++h.counts[static_cast<std::size_t>(v + h.offset)];
      ++h.total;
    }
  return h;
}

// The stored value below which `percent` of the counted pixels lie.
int storedPercentile(const Histogram& h, double percent) {
  const auto target = static_cast<std::uint64_t>(std::llround(std::clamp(percent, 0.0, 100.0) / 100.0 * static_cast<double>(h.total)));
  std::uint64_t seen = 0;
  for (std::size_t i = 0; i < h.counts.size(); ++i) {
    seen += h.counts[i];
    if (seen >= target && seen > 0) return static_cast<int>(i) - h.offset;
  }
  return static_cast<int>(h.counts.size()) - 1 - h.offset;
}

VoiWindow windowFromHistogram(const film::Film& film, const Histogram& h, double lowPercent, double highPercent) {
  if (h.total == 0) return fullRangeWindow(film);
  // Display brightness rises with the value, except in MONOCHROME1.
  const bool inverted = film.display().monochrome1;
  const int a = storedPercentile(h, inverted ? 100.0 - highPercent : lowPercent);
  const int b = storedPercentile(h, inverted ? 100.0 - lowPercent : highPercent);
  const double lo = std::min(modalityValue(film.display(), a), modalityValue(film.display(), b));
  const double hi = std::max(modalityValue(film.display(), a), modalityValue(film.display(), b));
  const double width = std::max(2.0, hi - lo + 1.0);
  return VoiWindow{lo + width / 2.0, width, film::VoiFunction::Linear};
}

}  // namespace

VoiWindow percentileWindow(const film::Film& film, double lowPercent, double highPercent) {
  return windowFromHistogram(film, histogram(film), lowPercent, highPercent);
}

const char* toString(VoiPreset::Kind kind) {
  switch (kind) {
    case VoiPreset::Kind::Window: return "window";
    case VoiPreset::Kind::Lut: return "lut";
    case VoiPreset::Kind::FullRange: return "full-range";
    case VoiPreset::Kind::Derived: return "derived";
  }
  return "full-range";
}

namespace {

// The modality values of stored values lo..hi.
ModalityRange modalityRangeOf(const film::Film& film, int lo, int hi) {
  const auto& a = film.display();
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

// LINEAR maps [c - 0.5 - (w-1)/2, c - 0.5 + (w-1)/2] onto the output: w = max - min + 1 and
// c = min + w/2 put the darkest pixel at 0 and the brightest at the top.
VoiWindow spanning(const ModalityRange& r) {
  const double width = std::max(1.0, r.max - r.min + 1.0);
  return VoiWindow{r.min + width / 2.0, width, film::VoiFunction::Linear};
}

}  // namespace

ModalityRange modalityRange(const film::Film& film) {
  return modalityRangeOf(film, film.minStoredValue(), film.maxStoredValue());
}

VoiWindow fullRangeWindow(const film::Film& film) { return spanning(modalityRange(film)); }

VoiWindow fullRangeWindow(const film::Film& film, const Region& region) {
  const Region on = region.clippedTo(film.columns(), film.rows());
  if (on.x == 0 && on.y == 0 && on.width == film.columns() && on.height == film.rows()) return fullRangeWindow(film);
  const int x0 = on.x, y0 = on.y, x1 = on.x + on.width, y1 = on.y + on.height;
  const auto& pixels = film.pixels();
  const std::optional<int> padding = film.display().paddingValue;
  int lo = std::numeric_limits<int>::max(), hi = std::numeric_limits<int>::min();
  for (int row = y0; row < y1; ++row) {
    const std::uint16_t* line = pixels.data.data() + static_cast<std::size_t>(row) * film.columns();
    for (int col = x0; col < x1; ++col) {
      const int v = pixels.isSigned ? static_cast<int>(static_cast<std::int16_t>(line[col])) : line[col];
      if (padding && v == *padding) continue;
      lo = std::min(lo, v);
      hi = std::max(hi, v);
    }
  }
  if (lo > hi) return fullRangeWindow(film);  // nothing but padding there
  return spanning(modalityRangeOf(film, lo, hi));
}

std::vector<VoiPreset> voiPresets(const film::Film& film, bool withDerived) {
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
  if (!withDerived) return presets;
  const Histogram h = histogram(film);
  for (const auto& d : kDerived) {
    VoiPreset p;
    p.kind = VoiPreset::Kind::Derived;
    p.name = d.name;
    p.window = windowFromHistogram(film, h, d.low, d.high);
    presets.push_back(std::move(p));
  }
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
  for (std::size_t i = 0; i < presets.size(); ++i)
    if (presets[i].kind == VoiPreset::Kind::FullRange) return static_cast<int>(i);
  return 0;
}

}  // namespace hilum::display
