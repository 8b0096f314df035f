#pragma once
// JPEG 2000 codestreams for fixtures, through OpenJPEG (DCMTK 3.6.7 has no J2K encoder).
#include <cstdint>
#include <vector>

namespace hilum::test {

// Encodes one gray component. lossy = false: reversible 5/3 wavelet, bit-exact.
std::vector<std::uint8_t> encodeJ2k(const std::vector<int>& values, int columns, int rows, int precision,
                                    bool isSigned, bool lossy);

}  // namespace hilum::test
