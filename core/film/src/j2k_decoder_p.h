#pragma once
// JPEG 2000 decoding with OpenJPEG, for the two DICOM transfer syntaxes DCMTK 3.6.7 cannot decode
// (1.2.840.10008.1.2.4.90 lossless only, .91 lossless or lossy).
#include "hilum/base/result.h"

#include <cstdint>
#include <vector>

namespace hilum::film::detail {

struct J2kImage {
  int columns = 0;
  int rows = 0;
  int precision = 0;       // bits per sample of the first component
  bool isSigned = false;
  int components = 0;
  std::vector<std::int32_t> gray;  // one value per pixel: component 0, or luminance of 3 components
};

// Decodes a raw J2K codestream or a JP2 file held in memory. The header is read first and its size
// checked against maxPixels before OpenJPEG allocates the image.
Result<J2kImage> decodeJ2k(const std::uint8_t* data, std::size_t size, std::int64_t maxPixels);

}  // namespace hilum::film::detail
