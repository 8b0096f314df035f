#pragma once
// Reading Hilum's view of a DICOM data set: metadata, display attributes and pixel spacing.
// Private to hilum_film; DCMTK types never leave this module.
#include "hilum/film/display_attributes.h"
#include "hilum/film/film_metadata.h"
#include "hilum/film/pixel_spacing.h"

#include <string>

class DcmItem;

namespace hilum::film::detail {

FilmMetadata readMetadata(DcmItem& dataset);
DisplayAttributes readDisplayAttributes(DcmItem& dataset, bool pixelSigned);
PixelSpacing readPixelSpacing(DcmItem& dataset);

// What a SOP class that holds no image is, in words a user recognises ("encapsulated PDF document,
// not an image"); empty for classes that should hold one.
std::string nonImageKind(const std::string& sopClassUid);

}  // namespace hilum::film::detail
