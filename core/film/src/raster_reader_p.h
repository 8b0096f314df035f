#pragma once
// PNG, JPEG and TIFF films through OpenCV imgcodecs: 8- or 16-bit, gray or colour (made gray).
#include "hilum/base/result.h"
#include "hilum/film/film.h"
#include "hilum/film/loader.h"

namespace hilum::film::detail {

Result<Film> readRaster(const std::string& path, SourceFormat format, const LoadLimits& limits);

}  // namespace hilum::film::detail
