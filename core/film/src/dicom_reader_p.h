#pragma once
// Reads DICOM Part 10 files (and bare data sets without preamble or File Meta) into a Film.
#include "hilum/base/result.h"
#include "hilum/film/film.h"
#include "hilum/film/loader.h"

#include <string>

class OFCondition;

namespace hilum::film::detail {

// A failed DcmFileFormat load as an Error: Truncated when the file ends early, else Malformed.
Error loadFailure(const OFCondition& loaded, const std::string& path);

// previewSizePx > 0: decode JPEG 2000 at the lowest resolution whose longest side still reaches it.
Result<Film> readDicom(const std::string& path, const LoadLimits& limits, int previewSizePx = 0);

}  // namespace hilum::film::detail
