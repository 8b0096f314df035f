#pragma once
#include "hilum/base/result.h"
#include "hilum/display/gray_image.h"

#include <cstdint>
#include <string>

namespace hilum::display {

// Writes an 8-bit gray PNG atomically (temporary file, then rename). Any thread.
Status writePng(const GrayImage& image, const std::string& path);

// The same for 8-bit RGB pixels (row-major, 3 bytes a pixel): heatmap overlays, report figures.
Status writePngRgb(int width, int height, const std::uint8_t* rgb, const std::string& path);

}  // namespace hilum::display
