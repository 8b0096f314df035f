// The PACS configuration file ($XDG_CONFIG_HOME/hilum/pacs.json), edited by hand or by the viewer.
#include "fuzz_support.h"

#include "hilum/pacs/pacs_config.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const hilum::fuzz::MemoryFile file(data, size);
  const auto config = hilum::pacs::loadPacsConfig(file.path());
  if (config.ok()) (void)config.value().resolve("fuzz");
  return 0;
}
