#include "rle_decoder_p.h"

#include <cstring>
#include <string>

namespace hilum::film::detail {
namespace {

std::uint32_t le32(const std::uint8_t* p) {
  return std::uint32_t(p[0]) | std::uint32_t(p[1]) << 8 | std::uint32_t(p[2]) << 16 | std::uint32_t(p[3]) << 24;
}

Error rleError(const std::string& what) { return Error(Module::Film, ErrorCode::Malformed, "RLE " + what); }

// PackBits (G.3.1): n >= 0 copies n + 1 literal bytes, -127..-1 repeats the next byte 1 - n times,
// -128 is a no-op. Stops when the plane is full; a segment that ends early is an error.
bool unpackSegment(const std::uint8_t* in, std::size_t size, std::uint8_t* plane, std::size_t planeSize) {
  std::size_t i = 0, o = 0;
  while (o < planeSize && i < size) {
    const auto n = static_cast<std::int8_t>(in[i++]);
    if (n >= 0) {
      const std::size_t count = static_cast<std::size_t>(n) + 1;
      if (i + count > size || o + count > planeSize) return false;
      std::memcpy(plane + o, in + i, count);
      i += count;
      o += count;
    } else if (n != -128) {
      const std::size_t count = static_cast<std::size_t>(1 - n);
      if (i >= size || o + count > planeSize) return false;
      std::memset(plane + o, in[i++], count);
      o += count;
    }
  }
  return o == planeSize;
}

}  // namespace

Result<std::vector<std::uint8_t>> decodeRleFrame(const std::vector<std::uint8_t>& frame, int columns, int rows,
                                                 int samples, int bytesPerSample) {
  if (frame.size() < 64) return rleError("frame is shorter than its 64-byte header");
  const std::uint32_t segments = le32(frame.data());
  const auto expected = static_cast<std::uint32_t>(samples * bytesPerSample);
  if (segments != expected)
    return rleError("frame has " + std::to_string(segments) + " segments, " + std::to_string(expected) + " expected");
  std::uint32_t offsets[16] = {};
  for (std::uint32_t s = 0; s < segments; ++s) {
    offsets[s] = le32(frame.data() + 4 + 4 * s);
    if (offsets[s] < 64 || offsets[s] >= frame.size() || (s > 0 && offsets[s] <= offsets[s - 1]))
      return rleError("segment offset table is damaged");
  }
  offsets[segments] = static_cast<std::uint32_t>(frame.size());

  const std::size_t pixels = static_cast<std::size_t>(columns) * static_cast<std::size_t>(rows);
  std::vector<std::uint8_t> plane(pixels);
  std::vector<std::uint8_t> out(pixels * expected);
  for (std::uint32_t s = 0; s < segments; ++s) {
    if (!unpackSegment(frame.data() + offsets[s], offsets[s + 1] - offsets[s], plane.data(), pixels))
      return rleError("segment " + std::to_string(s + 1) + " is truncated or damaged");
    // Segments run sample by sample, most significant byte first (G.2).
    const int sample = static_cast<int>(s) / bytesPerSample;
    const int byteFromTop = static_cast<int>(s) % bytesPerSample;
    const int byteInWord = bytesPerSample - 1 - byteFromTop;  // little-endian position
    for (std::size_t p = 0; p < pixels; ++p)
      out[(p * samples + sample) * bytesPerSample + byteInWord] = plane[p];
  }
  if (bytesPerSample == 2) {
    // The words were assembled little-endian; make them host order.
    const std::uint16_t probe = 1;
    if (*reinterpret_cast<const std::uint8_t*>(&probe) == 0)
      for (std::size_t i = 0; i + 1 < out.size(); i += 2) std::swap(out[i], out[i + 1]);
  }
  return out;
}

}  // namespace hilum::film::detail
