#pragma once
// Image size from the first bytes of a PNG, JPEG or TIFF file, read without decoding, so that a
// decompression bomb (a tiny file declaring 100000 x 100000 pixels) is refused before OpenCV
// allocates for it.
#include "hilum/film/film_metadata.h"

#include <cstdint>
#include <optional>
#include <string>

namespace hilum::film::detail {

struct RasterHeader {
  SourceFormat format = SourceFormat::Png;
  std::int64_t columns = 0;
  std::int64_t rows = 0;
};

// The format by magic number, or nothing if the bytes are not PNG, JPEG or TIFF.
std::optional<SourceFormat> sniffRasterFormat(const std::uint8_t* head, std::size_t size);

// Reads the declared size; nothing if the header is cut short or malformed.
std::optional<RasterHeader> readRasterHeader(const std::string& path, SourceFormat format);

}  // namespace hilum::film::detail
