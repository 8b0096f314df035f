#include "hilum/film/film.h"

#include <algorithm>
#include <limits>

namespace hilum::film {

const char* toString(SpacingSource source) {
  switch (source) {
    case SpacingSource::Unknown: return "unknown";
    case SpacingSource::Detector: return "detector";
    case SpacingSource::Calibrated: return "calibrated";
    case SpacingSource::Estimated: return "estimated";
  }
  return "unknown";
}

const char* toString(VoiFunction function) {
  switch (function) {
    case VoiFunction::Linear: return "LINEAR";
    case VoiFunction::LinearExact: return "LINEAR_EXACT";
    case VoiFunction::Sigmoid: return "SIGMOID";
  }
  return "LINEAR";
}

const char* toString(SourceFormat format) {
  switch (format) {
    case SourceFormat::Dicom: return "DICOM";
    case SourceFormat::Png: return "PNG";
    case SourceFormat::Jpeg: return "JPEG";
    case SourceFormat::Tiff: return "TIFF";
  }
  return "DICOM";
}

Film::Film(std::string path, PixelBuffer pixels, DisplayAttributes display, PixelSpacing spacing,
           FilmMetadata metadata, int resolutionReduction)
    : m_path(std::move(path)),
      m_pixels(std::move(pixels)),
      m_display(std::move(display)),
      m_spacing(std::move(spacing)),
      m_metadata(std::move(metadata)),
      m_reduction(resolutionReduction) {
  // One pass at load time so every later window computation is O(1).
  int lo = std::numeric_limits<int>::max();
  int hi = std::numeric_limits<int>::min();
  int loAll = lo, hiAll = hi;
  const bool hasPadding = m_display.paddingValue.has_value();
  const int padding = m_display.paddingValue.value_or(0);
  const std::size_t n = m_pixels.size();
  for (std::size_t i = 0; i < n; ++i) {
    const int v = m_pixels.value(i);
    loAll = std::min(loAll, v);
    hiAll = std::max(hiAll, v);
    if (hasPadding && v == padding) continue;
    lo = std::min(lo, v);
    hi = std::max(hi, v);
  }
  if (n == 0) {
    lo = hi = 0;
  } else if (lo > hi) {  // every pixel is padding
    lo = loAll;
    hi = hiAll;
  }
  m_minStored = lo;
  m_maxStored = hi;
}

}  // namespace hilum::film
