#pragma once
// A rectangle of a film in film pixels (a render region, a model's field of view), and the part of
// it that lies on a film: the one clipping rule the renderer, the windows and the AI input share.
#include <algorithm>

namespace hilum::display {

struct Region {
  int x = 0, y = 0, width = 0, height = 0;  // in film pixels

  bool empty() const { return width <= 0 || height <= 0; }
  // The part on a film of columns x rows; empty when none of it is.
  Region clippedTo(int columns, int rows) const {
    const int x0 = std::clamp(x, 0, columns), y0 = std::clamp(y, 0, rows);
    const int x1 = std::clamp(x + width, x0, columns), y1 = std::clamp(y + height, y0, rows);
    return {x0, y0, x1 - x0, y1 - y0};
  }
};

}  // namespace hilum::display
