// Data set CSVs (NIH-style and others, from anywhere): the RFC 4180 reader and the data set built
// on it.
#include "fuzz_support.h"

#include "hilum/train/dataset.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const hilum::fuzz::MemoryFile file(data, size);
  (void)hilum::train::readCsv(file.path());
  hilum::train::CsvSpec spec;
  spec.csv = file.path();
  spec.imageRoot = "/nonexistent";
  (void)hilum::train::readCsvDataset(spec);
  spec.task = hilum::ai::Task::SingleLabel;
  (void)hilum::train::readCsvDataset(spec);
  return 0;
}
