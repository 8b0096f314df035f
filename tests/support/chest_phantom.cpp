#include "chest_phantom.h"

#include <opencv2/core.hpp>
#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>

namespace hilum::test {
namespace {

// Drawing in a 1000 x 1000 design space, scaled to the film.
struct Canvas {
  cv::Mat image;  // CV_32F, attenuation: 0 air .. 1 dense bone
  double sx, sy;
  cv::Point at(double x, double y) const { return {static_cast<int>(x * sx), static_cast<int>(y * sy)}; }
  cv::Size size(double w, double h) const { return {static_cast<int>(w * sx), static_cast<int>(h * sy)}; }
  int thick(double t) const { return std::max(1, static_cast<int>(t * (sx + sy) / 2)); }
};

// Adds `value` inside a filled shape (attenuations add up, as X-ray paths do).
template <typename Draw>
void add(Canvas& c, double value, Draw draw, double blur = 0) {
  cv::Mat layer = cv::Mat::zeros(c.image.size(), CV_32F);
  draw(layer);
  if (blur > 0) {
    const int k = static_cast<int>(blur * c.sx) | 1;
    cv::GaussianBlur(layer, layer, cv::Size(k, k), 0);
  }
  c.image += layer * value;
}

}  // namespace

std::vector<int> chestPhantom(int rows, int columns, int bits) {
  Canvas c{cv::Mat::zeros(rows, columns, CV_32F), columns / 1000.0, rows / 1000.0};
  const cv::Scalar one(1.0);
  // Soft tissue of the trunk and shoulders.
  add(c, 0.45, [&](cv::Mat& m) {
    cv::ellipse(m, c.at(500, 620), c.size(470, 560), 0, 0, 360, one, cv::FILLED);
    cv::ellipse(m, c.at(500, 170), c.size(470, 110), 0, 0, 360, one, cv::FILLED);
  }, 90);
  // Lungs: air lowers the attenuation; domes of the diaphragm close them below.
  add(c, -0.32, [&](cv::Mat& m) {
    cv::ellipse(m, c.at(315, 470), c.size(175, 330), 4, 0, 360, one, cv::FILLED);
    cv::ellipse(m, c.at(690, 480), c.size(170, 320), -4, 0, 360, one, cv::FILLED);
  }, 30);
  // Abdomen under the diaphragm.
  add(c, 0.18, [&](cv::Mat& m) {
    cv::ellipse(m, c.at(300, 900), c.size(260, 150), 0, 180, 360, one, cv::FILLED);
    cv::ellipse(m, c.at(700, 920), c.size(250, 150), 0, 180, 360, one, cv::FILLED);
    cv::rectangle(m, c.at(40, 900), c.at(960, 1000), one, cv::FILLED);
  }, 25);
  // Mediastinum and heart (the heart bulges to the patient's left: the image's right).
  add(c, 0.28, [&](cv::Mat& m) {
    cv::rectangle(m, c.at(440, 120), c.at(560, 760), one, cv::FILLED);
    cv::ellipse(m, c.at(585, 650), c.size(185, 150), -25, 0, 360, one, cv::FILLED);
    cv::ellipse(m, c.at(455, 330), c.size(55, 90), 0, 0, 360, one, cv::FILLED);  // aortic knob side
  }, 30);
  // Vessels fanning out from the hila.
  add(c, 0.05, [&](cv::Mat& m) {
    std::uint32_t state = 7;
    auto random = [&state] {
      state = state * 1664525u + 1013904223u;
      return (state >> 8) / 16777216.0;
    };
    for (int side = 0; side < 2; ++side) {
      const double hx = side ? 620 : 385, hy = 450;
      for (int i = 0; i < 18; ++i) {
        const double angle = (side ? -1 : 1) * (0.5 + 2.2 * random()) + (side ? 0 : 3.14159);
        const double length = 120 + 170 * random();
        const double ex = hx + std::cos(angle) * length, ey = hy + std::sin(angle) * length * 1.2;
        cv::line(m, c.at(hx, hy), c.at(ex, ey), one, c.thick(4 - 2 * random()), cv::LINE_AA);
      }
    }
  }, 6);
  // Spine, ribs and clavicles.
  add(c, 0.22, [&](cv::Mat& m) {
    for (int v = 0; v < 12; ++v)
      cv::rectangle(m, c.at(478, 140 + v * 58), c.at(522, 186 + v * 58), one, cv::FILLED);
    for (int r = 0; r < 9; ++r) {
      // Posterior ribs: from the spine they rise a little, then sweep out and down to the chest wall.
      const double y = 200 + r * 62, half = 230 + 12 * std::min(r, 5);
      cv::ellipse(m, c.at(500, y + 75), c.size(half, 95), 0, 188, 262, one, c.thick(14), cv::LINE_AA);
      cv::ellipse(m, c.at(500, y + 75), c.size(half, 95), 0, 278, 352, one, c.thick(14), cv::LINE_AA);
    }
    cv::line(m, c.at(200, 150), c.at(470, 210), one, c.thick(22), cv::LINE_AA);
    cv::line(m, c.at(800, 150), c.at(530, 210), one, c.thick(22), cv::LINE_AA);
  }, 8);
  // A small nodule in the right upper lobe (the image's left).
  add(c, 0.16, [&](cv::Mat& m) { cv::circle(m, c.at(300, 330), c.thick(22), one, cv::FILLED); }, 10);

  // The focal spot and scatter soften every edge.
  cv::GaussianBlur(c.image, c.image, cv::Size(0, 0), 2.5 * c.sx);
  // Film response and a little quantum noise.
  const int top = (1 << bits) - 1;
  std::vector<int> out(static_cast<std::size_t>(rows) * columns);
  std::uint32_t state = 99;
  for (int y = 0; y < rows; ++y)
    for (int x = 0; x < columns; ++x) {
      state = state * 1664525u + 1013904223u;
      const double noise = ((state >> 16) % 1000) / 1000.0 - 0.5;
      const double value = std::clamp(0.06 + c.image.at<float>(y, x) + 0.012 * noise, 0.0, 1.0);
      out[static_cast<std::size_t>(y) * columns + x] = static_cast<int>(std::lround(value * top));
    }
  return out;
}

}  // namespace hilum::test
