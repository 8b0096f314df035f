#include "hilum/train/augment.h"

#include <opencv2/core.hpp>
#include <opencv2/imgproc.hpp>

#include <cmath>

namespace hilum::train {

std::array<double, 6> randomAffine(const AugmentOptions& o, int size, std::mt19937_64& random) {
  std::uniform_real_distribution<double> unit(-1.0, 1.0);
  const double angle = o.rotationDeg * unit(random);
  const double scale = o.scaleMin + (o.scaleMax - o.scaleMin) * (unit(random) + 1.0) / 2.0;
  cv::Mat affine = cv::getRotationMatrix2D(cv::Point2f(size / 2.0f, size / 2.0f), angle, scale);
  affine.at<double>(0, 2) += o.translate * size * unit(random);
  affine.at<double>(1, 2) += o.translate * size * unit(random);
  if (o.horizontalFlip && unit(random) > 0) {
    // Mirror after the affine: x -> size - 1 - x.
    affine.row(0) *= -1.0;
    affine.at<double>(0, 2) += size - 1;
  }
  std::array<double, 6> out{};
  std::copy(affine.begin<double>(), affine.end<double>(), out.begin());
  return out;
}

ai::InputPicture augment(const ai::InputPicture& picture, const AugmentOptions& o, std::mt19937_64& random) {
  if (!o.enabled) return picture;
  std::uniform_real_distribution<double> unit(-1.0, 1.0);
  const int size = picture.size;
  const cv::Mat source(size, size, CV_8U, const_cast<std::uint8_t*>(picture.pixels.data()));
  auto geometry = randomAffine(o, size, random);
  const cv::Mat affine(2, 3, CV_64F, geometry.data());
  cv::Mat warped;
  cv::warpAffine(source, warped, affine, source.size(), cv::INTER_LINEAR, cv::BORDER_CONSTANT, cv::Scalar(0));

  // Intensity: contrast around mid-gray, brightness shift, gamma, through one 256-entry table.
  const double contrast = 1.0 + o.contrast * unit(random);
  const double brightness = o.brightness * unit(random);
  const double gamma = 1.0 + o.gamma * unit(random);
  cv::Mat table(1, 256, CV_8U);
  for (int v = 0; v < 256; ++v) {
    double x = (v / 255.0 - 0.5) * contrast + 0.5 + brightness;
    x = std::pow(std::clamp(x, 0.0, 1.0), gamma);
    table.at<std::uint8_t>(v) = cv::saturate_cast<std::uint8_t>(x * 255.0);
  }
  cv::LUT(warped, table, warped);
  if (o.noise > 0) {
    cv::Mat noise(warped.size(), CV_32F);
    std::normal_distribution<float> gauss(0.0f, static_cast<float>(o.noise * 255.0));
    for (int i = 0; i < noise.rows * noise.cols; ++i) noise.at<float>(i) = gauss(random);
    cv::Mat asFloat;
    warped.convertTo(asFloat, CV_32F);
    asFloat += noise;
    asFloat.convertTo(warped, CV_8U);
  }
  ai::InputPicture out = picture;
  out.pixels.assign(warped.datastart, warped.dataend);
  return out;
}

}  // namespace hilum::train
