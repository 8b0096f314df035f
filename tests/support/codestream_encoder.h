#pragma once
// Compressed frames for fixtures that DCMTK cannot make: JPEG 2000 through OpenJPEG (DCMTK 3.6.7
// has no J2K codec) and JPEG-LS through CharLS 2 (the one Hilum decodes with; DCMTK's bundled
// CharLS 1 must not be loaded beside it).
#include <cstdint>
#include <vector>

namespace hilum::test {

// Encodes one gray component. lossy = false: reversible 5/3 wavelet, bit-exact.
std::vector<std::uint8_t> encodeJ2k(const std::vector<int>& values, int columns, int rows, int precision,
                                    bool isSigned, bool lossy);

// Encodes one gray component (values as unsigned bit patterns of `bits` bits). near = 0: lossless.
std::vector<std::uint8_t> encodeJpegLs(const std::vector<int>& values, int columns, int rows, int bits, int near);

}  // namespace hilum::test
