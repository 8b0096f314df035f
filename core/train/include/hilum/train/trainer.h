#pragma once
// The trainer: data set -> patient split -> cached model pictures -> epochs with augmentation ->
// validation metrics -> checkpoints -> the best epoch exported as a model pack the viewer opens.
//
// Thread safety: train() blocks for the whole run; call it from a worker thread. Callbacks run on
// that thread. Setting the cancel flag ends the run after the current batch (the last completed
// epoch stays resumable).
#include "hilum/base/result.h"
#include "hilum/train/metrics.h"
#include "hilum/train/train_config.h"

#include <atomic>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace hilum::train {

struct EpochReport {
  int epoch = 0;  // 1-based
  double trainLoss = 0, validationLoss = 0;
  std::vector<std::optional<double>> validationAuc;  // per label; none when a class is absent
  double meanAuc = 0;   // over labels with both classes in validation
  double meanAveragePrecision = 0;  // PR-AUC over the same labels
  double accuracy = 0;  // single-label only
  double learningRate = 0;
  double seconds = 0;
  double dataWaitSeconds = 0;  // of those, training waited for augmented batches
  bool best = false;
};

struct TrainProgress {
  int epoch = 0, epochs = 0, batch = 0, batches = 0;
  double loss = 0;
};

struct TrainCallbacks {
  std::function<void(const std::string&)> log;
  std::function<void(const TrainProgress&)> progress;
  std::function<void(const EpochReport&)> epochEnded;
  const std::atomic<bool>* cancel = nullptr;
  int stopAfterEpoch = 0;  // > 0: stop (as if killed) once this epoch's checkpoint is written (tests)
};

struct TrainSummary {
  std::string packDirectory;
  int epochsRun = 0, bestEpoch = 0;
  double bestValidationAuc = 0;
  std::vector<std::string> labels;
  std::vector<std::optional<double>> testAuc;
  double testMeanAuc = 0;
  std::vector<std::vector<RocPoint>> testRoc;  // per label, on the test patients
  // Validation reliability before and after the pack's calibration (empty when not calibrated).
  std::vector<ReliabilityBin> reliabilityBefore, reliabilityAfter;
  double eceBefore = 0, eceAfter = 0;
  std::vector<std::vector<int>> testConfusion; // single-label: [truth][predicted] on the test patients
  std::vector<EpochReport> history;
  Dataset testSet;  // the test patients' films (validation's when the split has no test side), for the gallery
};

// resume: continue from the run folder's last checkpoint (same config), giving the same result as
// an uninterrupted run on the same machine and thread count.
Result<TrainSummary> trainModel(const TrainConfig& config, const TrainCallbacks& callbacks = {}, bool resume = false);

}  // namespace hilum::train

namespace hilum::train {

// Median milliseconds of one training step (forward, backward, optimiser step) on random data:
// the number `hilum-cli bench train` compares with the same step in python3-torch.
// With a group (distributed.worldSize > 1), each rank steps on its own batch with the gradients
// averaged by c10d's Reducer, and the all-reduce of one step's gradients is also timed on its own.
struct StepTiming {
  double medianMs = 0, minMs = 0, maxMs = 0;
  int threads = 0;
  int worldSize = 1;
  double imagesPerSecond = 0;    // over all ranks: worldSize * batch / median step
  double allReduceMedianMs = 0;  // all gradients, alone (not overlapped with backward); 0 for one rank
};
Result<StepTiming> benchmarkTrainingStep(const std::string& architecture, int batchSize, int inputSize, int runs, int threads = 0,
                                         const DistributedOptions& distributed = {});

}  // namespace hilum::train
