#include "hilum/ai/findings.h"

#include <opencv2/core.hpp>
#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>

namespace hilum::ai {

std::vector<float> Heatmap::resampled(int columns, int rows) const {
  std::vector<float> out(static_cast<std::size_t>(columns) * rows, 0.0f);
  if (width <= 0 || height <= 0 || columns <= 0 || rows <= 0 || geometry.filmColumns <= 0) return out;
  const cv::Mat cam(height, width, CV_32F, const_cast<float*>(values.data()));
  // CAM cell (i, j) covers input pixels [i * s, (i + 1) * s): upsample to the input first, keep the
  // content rectangle, then stretch that over the part of the film the model saw.
  cv::Mat input;
  cv::resize(cam, input, cv::Size(inputSize, inputSize), 0, 0, cv::INTER_CUBIC);
  const cv::Rect content(static_cast<int>(std::lround(geometry.contentX)), static_cast<int>(std::lround(geometry.contentY)),
                         std::max(1, static_cast<int>(std::lround(geometry.contentWidth))),
                         std::max(1, static_cast<int>(std::lround(geometry.contentHeight))));
  const cv::Mat seen = input(content & cv::Rect(0, 0, inputSize, inputSize));
  const double sx = static_cast<double>(columns) / geometry.filmColumns;
  const double sy = static_cast<double>(rows) / geometry.filmRows;
  const cv::Rect onFilm(static_cast<int>(std::lround(geometry.filmX * sx)), static_cast<int>(std::lround(geometry.filmY * sy)),
                        std::max(1, static_cast<int>(std::lround(geometry.filmWidth * sx))),
                        std::max(1, static_cast<int>(std::lround(geometry.filmHeight * sy))));
  const cv::Rect clipped = onFilm & cv::Rect(0, 0, columns, rows);
  cv::Mat target(rows, columns, CV_32F, out.data());
  cv::Mat placed;
  cv::resize(seen, placed, clipped.size(), 0, 0, cv::INTER_CUBIC);
  cv::min(cv::max(placed, 0.0), 1.0, placed);  // bicubic overshoots
  placed.copyTo(target(clipped));
  return out;
}

std::string Findings::displayName(const std::string& label, const std::string& language) const {
  for (const auto& spec : labels)
    if (spec.name == label) return ai::displayName(spec, language);
  return defaultDisplayName(label);
}

std::vector<float> Heatmap::atFilmResolution() const { return resampled(geometry.filmColumns, geometry.filmRows); }

std::string Findings::covariatesForReport(bool anonymised) const {
  if (covariates.empty() || !anonymised) return covariates;
  std::string unknown;
  for (const auto& name : unknownCovariates) unknown += (unknown.empty() ? "" : ", ") + name;
  return "values withheld in this anonymised report" + (unknown.empty() ? std::string() : "; unknown to the model: " + unknown);
}

}  // namespace hilum::ai
