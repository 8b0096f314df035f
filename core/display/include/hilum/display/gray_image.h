#pragma once
// An 8-bit grayscale picture ready for the screen or a PNG: the end of the display pipeline.
#include <cstdint>
#include <vector>

namespace hilum::display {

struct GrayImage {
  int width = 0;
  int height = 0;
  std::vector<std::uint8_t> pixels;  // row-major, stride == width

  std::uint8_t at(int x, int y) const { return pixels[static_cast<std::size_t>(y) * width + x]; }
};

}  // namespace hilum::display
