#pragma once
// Film: one chest radiograph as every part of Hilum sees it. A movable value: the decoded first
// frame at original resolution (stored values, before any LUT), the declared display attributes,
// the pixel spacing with its source, and the metadata. Immutable once loaded; safe to read from
// several threads.
#include "hilum/film/display_attributes.h"
#include "hilum/film/film_metadata.h"
#include "hilum/film/pixel_spacing.h"

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace hilum::film {

// Stored pixel values of one grayscale frame, row-major. 16 bits hold every depth Hilum accepts
// (1..16 bits stored); signed data keeps its two's-complement pattern and reads back through value().
struct PixelBuffer {
  int columns = 0;
  int rows = 0;
  bool isSigned = false;
  std::vector<std::uint16_t> data;

  std::size_t size() const { return data.size(); }
  int value(std::size_t index) const {
    return isSigned ? static_cast<int>(static_cast<std::int16_t>(data[index])) : static_cast<int>(data[index]);
  }
  int value(int x, int y) const { return value(static_cast<std::size_t>(y) * columns + x); }
};

class Film {
public:
  Film() = default;
  // resolutionReduction > 0 marks a preview decoded at 1/2^r of full size (see loadFilmPreview);
  // spacing must then already describe the reduced pixels.
  Film(std::string path, PixelBuffer pixels, DisplayAttributes display, PixelSpacing spacing,
       FilmMetadata metadata, int resolutionReduction = 0);

  const std::string& path() const { return m_path; }
  int columns() const { return m_pixels.columns; }
  int rows() const { return m_pixels.rows; }
  const PixelBuffer& pixels() const { return m_pixels; }
  const DisplayAttributes& display() const { return m_display; }
  const PixelSpacing& spacing() const { return m_spacing; }
  const FilmMetadata& metadata() const { return m_metadata; }

  // A preview holds 1/2^r of the full resolution; measurements, AI and export need the full film.
  bool isPreview() const { return m_reduction > 0; }
  int resolutionReduction() const { return m_reduction; }

  // Smallest and largest stored value, padding pixels excluded (all of them if every pixel is padding).
  int minStoredValue() const { return m_minStored; }
  int maxStoredValue() const { return m_maxStored; }

private:
  std::string m_path;
  PixelBuffer m_pixels;
  DisplayAttributes m_display;
  PixelSpacing m_spacing;
  FilmMetadata m_metadata;
  int m_minStored = 0;
  int m_maxStored = 0;
  int m_reduction = 0;
};

}  // namespace hilum::film
