#pragma once
// Training-time augmentation on the 8-bit model picture (after the display pipeline, before
// normalisation), so it never changes what inference sees. Horizontal flips are off by default:
// they move the heart to the right, which real PA films never show (situs inversus aside).
#include "hilum/ai/preprocess.h"

#include <array>
#include <cstdint>
#include <random>

namespace hilum::train {

struct AugmentOptions {
  double rotationDeg = 10.0;   // uniform in [-r, r]
  double scaleMin = 0.9, scaleMax = 1.1;
  double translate = 0.05;     // fraction of the side, each axis
  double brightness = 0.1;     // added, fraction of full scale
  double contrast = 0.1;       // multiplied around mid-gray: 1 +- c
  double gamma = 0.1;          // exponent 1 +- g
  double noise = 0.01;         // Gaussian sigma, fraction of full scale
  bool horizontalFlip = false;
  bool enabled = true;
};

// The random geometric part of `options` for a size x size picture: a 2 x 3 affine matrix (row-major,
// as cv::warpAffine takes it) rotating and scaling about the centre, shifting, and mirroring when
// flips are on. Draws from `random` in a fixed order, so one draw can move a film and its mask alike.
std::array<double, 6> randomAffine(const AugmentOptions& options, int size, std::mt19937_64& random);

ai::InputPicture augment(const ai::InputPicture& picture, const AugmentOptions& options, std::mt19937_64& random);

}  // namespace hilum::train
