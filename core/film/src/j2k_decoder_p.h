#pragma once
// JPEG 2000 decoding with OpenJPEG, for the two DICOM transfer syntaxes DCMTK 3.6.7 cannot decode
// (1.2.840.10008.1.2.4.90 lossless only, .91 lossless or lossy).
#include "hilum/base/result.h"

#include <cstdint>
#include <vector>

namespace hilum::film::detail {

struct J2kImage {
  int columns = 0;         // of the decoded (possibly reduced) image
  int rows = 0;
  int reduction = 0;       // wavelet levels skipped: the image is 1/2^reduction of full size
  int precision = 0;       // bits per sample of the first component
  bool isSigned = false;
  int components = 0;
  std::vector<std::int32_t> gray;  // one value per pixel: component 0, or luminance of 3 components
};

// Decodes a raw J2K codestream or a JP2 file held in memory. The header is read first and its size
// checked against maxPixels before OpenJPEG allocates the image. previewSizePx > 0 decodes only the
// wavelet levels needed for a longest side of at least that many pixels (much less entropy decoding:
// the finest level alone holds three quarters of the coefficients).
Result<J2kImage> decodeJ2k(const std::uint8_t* data, std::size_t size, std::int64_t maxPixels, int previewSizePx = 0);

}  // namespace hilum::film::detail
