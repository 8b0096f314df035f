// Model pack manifests (model.json) from colleagues and downloads: parsed and validated, never trusted.
#include "hilum/ai/model_manifest.h"

#include <cstdint>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  const auto manifest = hilum::ai::parseManifest(text, "fuzz/model.json");
  // What parses must also write back and parse again (packs are written by toJson).
  if (manifest.ok()) (void)hilum::ai::parseManifest(hilum::ai::toJson(manifest.value()), "fuzz/model.json");
  return 0;
}
