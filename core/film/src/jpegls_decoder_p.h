#pragma once
// JPEG-LS decoding with CharLS 2 (Debian's libcharls). DCMTK 3.6.7 bundles CharLS 1.x, which
// decodes a 3000 x 3000 16-bit film several times slower; the two must not share a process
// (both export JpegLsDecode), so Hilum links only this one.
#include "hilum/base/result.h"

#include <cstdint>
#include <vector>

namespace hilum::film::detail {

struct JpegLsImage {
  int columns = 0;
  int rows = 0;
  int bitsPerSample = 0;
  int components = 0;
  std::vector<std::uint8_t> samples;  // interleaved; 16-bit samples as host-order words
};

// Decodes one frame. The codestream is taken by value: CharLS must find a marker at its end (see
// the source), so one is appended when the frame lacks its End of Image.
Result<JpegLsImage> decodeJpegLs(std::vector<std::uint8_t> codestream, std::int64_t maxPixels);

}  // namespace hilum::film::detail
