#pragma once
// The libraries behind film decoding (DCMTK, OpenJPEG, CharLS, OpenCV) with their versions.
#include "hilum/base/components.h"

#include <vector>

namespace hilum::film {

std::vector<Component> decoderComponents();

}  // namespace hilum::film
