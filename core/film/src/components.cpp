#include "hilum/film/components.h"

#include <charls/charls.h>
#include <dcmtk/dcmdata/dcuid.h>
#include <opencv2/core/version.hpp>
#include <openjpeg.h>

namespace hilum::film {

std::vector<Component> decoderComponents() {
  return {
      {"DCMTK", OFFIS_DCMTK_VERSION_STRING, "BSD-3-Clause (OFFIS)"},
      {"OpenJPEG", opj_version(), "BSD-2-Clause"},
      {"CharLS", charls_get_version_string(), "BSD-3-Clause"},
      {"OpenCV", CV_VERSION, "Apache-2.0"},
  };
}

}  // namespace hilum::film
