#pragma once
// DICOM RLE Lossless (PS3.5 Annex G) decoding with bounds checks on every read and write.
// DCMTK 3.6.7's RLE decoder reads out of bounds on damaged segment headers (our damage test
// crashed it), and the format is small enough to decode safely here.
#include "hilum/base/result.h"

#include <cstdint>
#include <vector>

namespace hilum::film::detail {

// Decodes one frame into the uncompressed layout: samples interleaved (Planar Configuration 0),
// 16-bit samples as host-order words. bytesPerSample is 1 or 2.
Result<std::vector<std::uint8_t>> decodeRleFrame(const std::vector<std::uint8_t>& frame, int columns, int rows,
                                                 int samples, int bytesPerSample);

}  // namespace hilum::film::detail
