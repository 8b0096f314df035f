#pragma once
#include "hilum/base/result.h"
#include "hilum/display/gray_image.h"

#include <string>

namespace hilum::display {

// Writes an 8-bit gray PNG atomically (temporary file, then rename). Any thread.
Status writePng(const GrayImage& image, const std::string& path);

}  // namespace hilum::display
