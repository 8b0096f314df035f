// Annotation sidecars (the viewer's per-film JSON, and hilum-cli measure --annotations).
#include "hilum/measure/annotation_json.h"

#include <cstdint>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  (void)hilum::measure::parseAnnotations(text, "fuzz.json");
  return 0;
}
