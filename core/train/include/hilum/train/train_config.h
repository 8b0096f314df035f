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

// Data-parallel training over several processes (one per machine or GPU), on PyTorch's c10d:
// a TCPStore at the rendezvous (served by rank 0) and a Gloo process group. Each rank trains on its
// slice of every global batch of `worldSize * batchSize` films; gradients are averaged by c10d's
// Reducer (DistributedDataParallel's engine) during backward. worldSize 1: no group at all.
struct DistributedOptions {
  int worldSize = 1;
  int rank = 0;
  std::string host = "127.0.0.1";  // rendezvous: rank 0's address
  int port = 29500;
  int timeoutSeconds = 300;  // a collective that waits longer than this fails the run
  int localWorldSize = 0;    // ranks sharing this machine's cores (0: worldSize when host is loopback, else 1)
  bool active() const { return worldSize > 1; }
};

// "HOST:PORT" into options; the error names the text.
Status parseRendezvous(const std::string& text, DistributedOptions& options);
// torchrun's variables, where set: WORLD_SIZE, RANK, LOCAL_WORLD_SIZE, MASTER_ADDR, MASTER_PORT.
Status distributedFromEnvironment(DistributedOptions& options);
// Rank within [0, worldSize), sizes positive, port in range.
Status validateDistributed(const DistributedOptions& options);

struct TrainConfig {
  std::string configPath;
  // "data": one CSV source, or a list merged by readCsvDatasets; empty with `folder` set: a
  // folder-per-class data set.
  std::vector<CsvSpec> sources;
  std::string folder;
  double validationFraction = 0.15, testFraction = 0.15;
  std::uint64_t splitSeed = 42;

  ai::ModelManifest model;    // name, version, architecture, input, preprocessing, labels filled later
  // "lung_crop": {"segmenter": "models/lungs-unet-128", "margin": 0.1}: every film is cropped to
  // its lungs by that segmentation pack (hilum/ai/lung_crop.h) before training, evaluation and
  // export; the pack pins the segmenter, and a copy of it goes beside the exported pack.
  std::string lungCropSegmenter;
  double lungCropMargin = 0.1;
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
  // Batch norm layers kept in inference mode (running statistics, affine still trained): every
  // film's gradient then no longer depends on the others in its batch, so a run split over ranks
  // equals the one-process run exactly (the equivalence test uses it), and tiny per-rank batches
  // cannot destabilise the statistics.
  bool freezeBatchNorm = false;
  // Threads that augment the next batch while the network trains on this one. One suffices for
  // CPU training (the network is the slow part, and shares the cores); a GPU rank needs many: one
  // thread augments ~500 films of 224 px per second, a GPU trains ResNet-18 on ~11,000.
  int loaderThreads = 1;
  AugmentOptions augment;
  DistributedOptions distributed;

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
