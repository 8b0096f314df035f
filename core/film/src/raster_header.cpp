#include "raster_header_p.h"

#include <cstring>
#include <fstream>
#include <vector>

namespace hilum::film::detail {
namespace {

std::uint32_t be32(const std::uint8_t* p) { return std::uint32_t(p[0]) << 24 | std::uint32_t(p[1]) << 16 | std::uint32_t(p[2]) << 8 | p[3]; }
std::uint16_t be16(const std::uint8_t* p) { return static_cast<std::uint16_t>(p[0] << 8 | p[1]); }

std::optional<RasterHeader> pngHeader(std::istream& in) {
  // Signature (8) + IHDR length (4) + "IHDR" (4) + width (4) + height (4).
  std::uint8_t b[24];
  if (!in.read(reinterpret_cast<char*>(b), sizeof b) || std::memcmp(b + 12, "IHDR", 4) != 0) return std::nullopt;
  return RasterHeader{SourceFormat::Png, be32(b + 16), be32(b + 20)};
}

std::optional<RasterHeader> jpegHeader(std::istream& in) {
  // Walk the marker segments to the first SOFn (C0..CF except C4 DHT, C8 JPG, CC DAC).
  std::uint8_t b[2];
  if (!in.read(reinterpret_cast<char*>(b), 2) || b[0] != 0xFF || b[1] != 0xD8) return std::nullopt;
  for (int guard = 0; guard < 4096; ++guard) {
    if (!in.read(reinterpret_cast<char*>(b), 2)) return std::nullopt;
    if (b[0] != 0xFF) return std::nullopt;
    std::uint8_t marker = b[1];
    while (marker == 0xFF) {  // fill bytes
      if (!in.read(reinterpret_cast<char*>(&marker), 1)) return std::nullopt;
    }
    if (marker == 0xD8 || (marker >= 0xD0 && marker <= 0xD7) || marker == 0x01) continue;
    std::uint8_t len[2];
    if (!in.read(reinterpret_cast<char*>(len), 2)) return std::nullopt;
    const int length = be16(len);
    if (length < 2) return std::nullopt;
    if (marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC) {
      std::uint8_t sof[5];
      if (!in.read(reinterpret_cast<char*>(sof), 5)) return std::nullopt;
      return RasterHeader{SourceFormat::Jpeg, be16(sof + 3), be16(sof + 1)};
    }
    in.seekg(length - 2, std::ios::cur);
  }
  return std::nullopt;
}

std::optional<RasterHeader> tiffHeader(std::istream& in) {
  std::uint8_t b[8];
  if (!in.read(reinterpret_cast<char*>(b), 8)) return std::nullopt;
  const bool little = b[0] == 'I';
  auto u16 = [little](const std::uint8_t* p) { return little ? std::uint16_t(p[0] | p[1] << 8) : be16(p); };
  auto u32 = [little](const std::uint8_t* p) {
    return little ? std::uint32_t(p[0]) | std::uint32_t(p[1]) << 8 | std::uint32_t(p[2]) << 16 | std::uint32_t(p[3]) << 24
                  : be32(p);
  };
  in.seekg(u32(b + 4));
  std::uint8_t countBytes[2];
  if (!in.read(reinterpret_cast<char*>(countBytes), 2)) return std::nullopt;
  const int count = u16(countBytes);
  RasterHeader header{SourceFormat::Tiff, 0, 0};
  for (int i = 0; i < count && i < 1024; ++i) {
    std::uint8_t e[12];
    if (!in.read(reinterpret_cast<char*>(e), 12)) return std::nullopt;
    const int tag = u16(e);
    const int type = u16(e + 2);
    const std::uint32_t value = type == 3 ? u16(e + 8) : u32(e + 8);  // SHORT or LONG
    if (tag == 256) header.columns = value;
    if (tag == 257) header.rows = value;
  }
  if (header.columns == 0 || header.rows == 0) return std::nullopt;
  return header;
}

}  // namespace

std::optional<SourceFormat> sniffRasterFormat(const std::uint8_t* h, std::size_t size) {
  if (size >= 8 && std::memcmp(h, "\x89PNG\r\n\x1a\n", 8) == 0) return SourceFormat::Png;
  if (size >= 3 && h[0] == 0xFF && h[1] == 0xD8 && h[2] == 0xFF) return SourceFormat::Jpeg;
  if (size >= 4 && (std::memcmp(h, "II*\0", 4) == 0 || std::memcmp(h, "MM\0*", 4) == 0)) return SourceFormat::Tiff;
  return std::nullopt;
}

std::optional<RasterHeader> readRasterHeader(const std::string& path, SourceFormat format) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  switch (format) {
    case SourceFormat::Png: return pngHeader(in);
    case SourceFormat::Jpeg: return jpegHeader(in);
    case SourceFormat::Tiff: return tiffHeader(in);
    case SourceFormat::Dicom: break;
  }
  return std::nullopt;
}

}  // namespace hilum::film::detail
