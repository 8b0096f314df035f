#pragma once
// Reading Hilum's view of a DICOM data set: metadata, display attributes and pixel spacing.
// Private to hilum_film; DCMTK types never leave this module.
#include "hilum/film/display_attributes.h"
#include "hilum/film/film_metadata.h"
#include "hilum/film/pixel_spacing.h"

class DcmItem;

namespace hilum::film::detail {

FilmMetadata readMetadata(DcmItem& dataset);
DisplayAttributes readDisplayAttributes(DcmItem& dataset, bool pixelSigned);
PixelSpacing readPixelSpacing(DcmItem& dataset);

}  // namespace hilum::film::detail
