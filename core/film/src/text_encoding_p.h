#pragma once
#include <string>

namespace hilum::film::detail {

// DICOM strings are converted to UTF-8 by DCMTK when Specific Character Set is declared. Files that
// use non-ASCII bytes without declaring one are common (old modalities); they are read as Latin-1,
// the most frequent undeclared set, so every string Hilum passes on is valid UTF-8.
std::string validUtf8(const std::string& text);

}  // namespace hilum::film::detail
