#pragma once
// Opening films. One entry point for every format: the content (not the extension) decides between
// DICOM (with or without preamble and File Meta), PNG, JPEG and TIFF.
//
// Thread safety: loadFilm may be called from any thread, concurrently for different files.
// Errors: every failure comes back as an Error naming the file and the reason; nothing throws.
#include "hilum/base/result.h"
#include "hilum/film/film.h"

#include <cstdint>
#include <string>
#include <vector>

namespace hilum::film {

// Limits checked against the declared sizes before any pixel buffer is allocated, so that a
// 60000 x 60000 x 1000 header in a 1 kB file is refused, not obeyed.
struct LoadLimits {
  int maxDimension = 16384;                           // rows or columns; a 43 cm film at 0.05 mm is ~8600
  std::int64_t maxFramePixels = 16384LL * 16384LL;    // rows x columns of the one frame decoded
  std::int64_t maxFrames = 10000;
  std::int64_t maxPixelDataBytes = 4LL << 30;         // rows x columns x frames x bytes, all frames
  // Wall-clock cap on decoding a JPEG 2000 or JPEG-LS frame (a 3000 x 3000 film takes well under a
  // second); a damaged stream can keep a codec busy far longer. On time-out the load fails with
  // TooLarge and the codec, which cannot be interrupted, finishes on a thread of its own in the
  // background. 0 or less: no cap, decoded on the calling thread.
  double maxDecodeSeconds = 15.0;
};

[[nodiscard]] Result<Film> loadFilm(const std::string& path, const LoadLimits& limits = {});

// A first look, fast: where the codec can decode a lower resolution (JPEG 2000's wavelet levels),
// only what a view of previewSizePx (longest side) needs is decoded and the Film says isPreview().
// Every other film is decoded in full, exactly as loadFilm does, and is final. The viewer shows the
// preview at once and swaps in loadFilm's result when it arrives.
[[nodiscard]] Result<Film> loadFilmPreview(const std::string& path, int previewSizePx, const LoadLimits& limits = {});

// The transfer syntaxes loadFilm decodes, as UIDs (for `hilum-cli info`, the manual and tests).
const std::vector<std::string>& supportedTransferSyntaxes();

}  // namespace hilum::film
