// Film decoding from untrusted bytes: DICOM in every transfer syntax Hilum decodes (the content
// decides), PNG, JPEG and TIFF, then the display pipeline over whatever opened.
#include "fuzz_support.h"

#include "hilum/display/renderer.h"
#include "hilum/film/loader.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const hilum::fuzz::MemoryFile file(data, size);
  // Tighter than the product's limits, so one input cannot take the fuzzer's 2 GB by itself; the
  // checks are the same code.
  hilum::film::LoadLimits limits;
  limits.maxDimension = 4096;
  limits.maxFramePixels = 4096LL * 4096LL;
  limits.maxPixelDataBytes = 256LL << 20;
  const auto film = size > 0 && (data[size - 1] & 1) ? hilum::film::loadFilmPreview(file.path(), 64, limits)
                                                     : hilum::film::loadFilm(file.path(), limits);
  if (!film.ok()) return 0;
  hilum::display::RenderOptions options;
  options.maxSizePx = 64;
  (void)hilum::display::render(film.value(), {}, options);
  return 0;
}
