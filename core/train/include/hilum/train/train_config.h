#pragma once
// A training run, as the JSON file `hilum-cli train CONFIG.json` reads. Relative paths are taken
// from the config file's folder, so a committed config reproduces its pack from any working folder.
#include "hilum/ai/model_manifest.h"
#include "hilum/base/result.h"
#include "hilum/train/augment.h"
#include "hilum/train/dataset.h"

#include <cstdint>
#include <string>
#include <vector>

namespace hilum::train {

struct TrainConfig {
  std::string configPath;
  // "data": one CSV source, or a list merged by readCsvDatasets; empty with `folder` set: a
  // folder-per-class data set.
  std::vector<CsvSpec> sources;
  std::string folder;
  double validationFraction = 0.15, testFraction = 0.15;
  std::uint64_t splitSeed = 42;

  ai::ModelManifest model;    // name, version, architecture, input, preprocessing, labels filled later
  std::string initFrom;       // a pack to start from (fine-tuning); its labels may differ
  bool freezeBackbone = false;

  int epochs = 10;
  int batchSize = 16;
  std::string optimizer = "adamw";  // adam, adamw, sgd
  double learningRate = 1e-3;
  double weightDecay = 1e-4;
  std::string scheduler = "plateau";  // plateau, cosine, none
  int plateauPatience = 2;
  int earlyStopping = 5;      // epochs without validation improvement; 0: never stop early
  double gradClip = 5.0;      // max gradient norm; 0: off
  bool balance = true;        // pos_weight (multi-label) / class weights (single-label)
  std::uint64_t seed = 1;
  int threads = 0;
  AugmentOptions augment;

  bool exportHalf = false;    // store the pack's floating weights as float16: half the size, same outputs
  bool exportCalibration = true;  // fit the pack's calibration on the validation films
  bool exportOod = true;          // fit its out-of-distribution detector (training films, validation threshold)
                              // to ~1e-3 (the Analyzer computes in float32 either way)
  std::string output;         // run folder: checkpoint, metrics, split, exported pack
};

Result<TrainConfig> readTrainConfig(const std::string& path);
// The same from JSON text; relative paths are taken from the folder of `path` (which need not exist
// yet: the training tab writes its config into the run folder).
Result<TrainConfig> parseTrainConfig(const std::string& text, const std::string& path);

}  // namespace hilum::train
