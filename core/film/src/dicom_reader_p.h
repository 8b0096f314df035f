#pragma once
// Reads DICOM Part 10 files (and bare data sets without preamble or File Meta) into a Film.
#include "hilum/base/result.h"
#include "hilum/film/film.h"
#include "hilum/film/loader.h"

#include <string>

namespace hilum::film::detail {

Result<Film> readDicom(const std::string& path, const LoadLimits& limits);

}  // namespace hilum::film::detail
