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

std::string readableDate(const std::string& date) {
  if (date.size() != 8) return date;
  return date.substr(0, 4) + "-" + date.substr(4, 2) + "-" + date.substr(6, 2);
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
  // One pass at load time so every later window computation is O(1); loops without branches on
  // signedness or padding inside, as they run over every pixel of a 9-megapixel film.
  const std::size_t n = m_pixels.size();
  const std::uint16_t* data = m_pixels.data.data();
  auto range = [n, data](auto tag, bool skip, int padding, int& lo, int& hi) {
    using T = decltype(tag);
    int l = std::numeric_limits<int>::max(), h = std::numeric_limits<int>::min();
    for (std::size_t i = 0; i < n; ++i) {
      const int v = static_cast<T>(data[i]);
      const bool counted = !skip || v != padding;
      l = counted ? std::min(l, v) : l;
      h = counted ? std::max(h, v) : h;
    }
    lo = l;
    hi = h;
  };
  const bool hasPadding = m_display.paddingValue.has_value();
  const int padding = m_display.paddingValue.value_or(0);
  int lo = 0, hi = 0;
  if (m_pixels.isSigned) range(std::int16_t{}, hasPadding, padding, lo, hi);
  else range(std::uint16_t{}, hasPadding, padding, lo, hi);
  if (n == 0) {
    lo = hi = 0;
  } else if (lo > hi) {  // every pixel is padding
    if (m_pixels.isSigned) range(std::int16_t{}, false, 0, lo, hi);
    else range(std::uint16_t{}, false, 0, lo, hi);
  }
  m_minStored = lo;
  m_maxStored = hi;
}

}  // namespace hilum::film
