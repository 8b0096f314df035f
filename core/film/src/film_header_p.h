#pragma once
// One file's entry in a study index, read from its header only: DICOM up to Pixel Data, rasters
// from their first bytes. Never decodes pixels, so damaged pixel data is found on open, not here.
#include "hilum/base/result.h"
#include "hilum/film/film_metadata.h"
#include "hilum/film/study_index.h"

#include <string>

namespace hilum::film::detail {

struct FilmHeader {
  IndexedFilm film;
  FilmMetadata metadata;  // patient, study and series identity; only `format` for rasters
};

// An IS value ("12", " +3 ") as an int; 0 when absent or not a number.
int parseNumber(const std::string& text);

// True for .png, .jpg, .jpeg, .tif and .tiff in any letter case.
bool hasRasterExtension(const std::string& path);

// `path` must be absolute (it becomes IndexedFilm::path). DICOM is recognised by content: a DICM
// preamble, or a bare data set that starts like one. A raster is taken when its content is PNG,
// JPEG or TIFF and, if `rasterNeedsExtension`, its name has a raster extension (folder scans pick
// rasters by name, so only files a user would call images are listed). A file that is neither, is
// empty, ends inside its header or holds no image gives an Error whose reason says which.
Result<FilmHeader> readFilmHeader(const std::string& path, bool rasterNeedsExtension);

}  // namespace hilum::film::detail
