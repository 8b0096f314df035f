#include "hilum/display/voi.h"

#include <algorithm>
#include <cmath>

namespace hilum::display {

double lookupEntry(const film::LookupTable& lut, double input) {
  if (lut.entries.empty()) return 0.0;
  const double index = std::floor(input + 0.5) - lut.firstMapped;
  const auto last = static_cast<double>(lut.entries.size() - 1);
  return lut.entries[static_cast<std::size_t>(std::clamp(index, 0.0, last))];
}

double modalityValue(const film::DisplayAttributes& a, int stored) {
  if (a.modalityLut && a.modalityLut->valid()) return lookupEntry(*a.modalityLut, stored);
  return a.rescaleSlope * stored + a.rescaleIntercept;
}

double applyWindow(const VoiWindow& w, double x) {
  const double c = w.center;
  switch (w.function) {
    case film::VoiFunction::Linear: {
      const double width = std::max(1.0, w.width);
      if (width <= 1.0) return x <= c - 0.5 ? 0.0 : 1.0;  // width 1: a threshold, as the formula gives
      const double lo = c - 0.5 - (width - 1.0) / 2.0;
      const double hi = c - 0.5 + (width - 1.0) / 2.0;
      if (x <= lo) return 0.0;
      if (x > hi) return 1.0;
      return (x - (c - 0.5)) / (width - 1.0) + 0.5;
    }
    case film::VoiFunction::LinearExact: {
      const double width = std::max(1e-12, w.width);
      if (x <= c - width / 2.0) return 0.0;
      if (x > c + width / 2.0) return 1.0;
      return (x - c) / width + 0.5;
    }
    case film::VoiFunction::Sigmoid: {
      const double width = std::max(1e-12, w.width);
      return 1.0 / (1.0 + std::exp(-4.0 * (x - c) / width));
    }
  }
  return 0.0;
}

double applyVoiLut(const film::LookupTable& lut, double x) {
  const double top = std::ldexp(1.0, lut.bitsPerEntry) - 1.0;
  return std::clamp(lookupEntry(lut, x) / top, 0.0, 1.0);
}

}  // namespace hilum::display
