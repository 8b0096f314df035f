#pragma once
// The tiny U-Net the segmentation tests train on writeGeneratedLungs' folder (lung_films.h): 32 px,
// 3 levels of 8 channels, 8 epochs. Seconds on a CPU; Dice above 0.8 on the generated lungs.
#include "temp_dir.h"

#include "hilum/train/segmentation_trainer.h"

#include <string>

namespace hilum::test {

inline train::SegmentationTrainConfig tinySegmenterConfig(const TempDir& dir, const std::string& output = "run") {
  train::SegmentationTrainConfig c;
  c.labelsCsv = dir.file("labels.csv");
  c.imagesDir = dir.file("images");
  c.masksDir = dir.file("masks");
  c.output = dir.file(output);
  c.name = "test-lungs";
  c.inputSize = 32;
  c.baseChannels = 8;
  c.levels = 3;
  c.epochs = 8;
  c.batchSize = 8;
  c.learningRate = 1e-2;
  c.threads = 2;
  c.seed = 4;
  c.validationFraction = 0.2;
  c.testFraction = 0.2;
  return c;
}

}  // namespace hilum::test
