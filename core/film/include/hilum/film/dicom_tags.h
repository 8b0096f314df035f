#pragma once
// Every attribute of a DICOM file as text, for the tag browser and `hilum-cli tags`. Pixel Data and
// other bulk values are summarised (their length), not dumped.
#include "hilum/base/result.h"

#include <string>
#include <vector>

namespace hilum::film {

struct DicomTag {
  int depth = 0;        // 0 at the top level; items of a sequence are one deeper
  std::string tag;      // "(0010,0010)"
  std::string keyword;  // "PatientName"; empty for private or unknown tags
  std::string vr;       // "PN"
  std::string value;    // UTF-8; "(sequence, 2 items)" / "(item 1)" / "(1048576 bytes)" for structure and bulk data
};

// The File Meta group first, then the data set, in file order. Safe from any thread.
Result<std::vector<DicomTag>> readDicomTags(const std::string& path);

}  // namespace hilum::film
