#pragma once
// Training-time augmentation on the 8-bit model picture (after the display pipeline, before
// normalisation), so it never changes what inference sees. Horizontal flips are off by default:
// they move the heart to the right, which real PA films never show (situs inversus aside).
#include "hilum/ai/preprocess.h"

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

ai::InputPicture augment(const ai::InputPicture& picture, const AugmentOptions& options, std::mt19937_64& random);

}  // namespace hilum::train
