#pragma once
// Training a lung-field segmentation pack: films with masks -> patient-wise split -> cached
// pictures and masks (through the same preprocessing as inference) -> U-Net epochs with Dice + BCE
// loss and augmentation applied to film and mask together -> atomic checkpoints -> the best epoch
// exported as a segmentation pack (segmenter.json) scored at film resolution on held-out patients.
//
// Thread safety: trainSegmenter() blocks for the whole run; call it from a worker thread. Callbacks
// run on that thread. The other functions are synchronous and may be called from any thread.
#include "hilum/base/result.h"
#include "hilum/train/augment.h"

#include <atomic>
#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <vector>

namespace hilum::train {

struct MaskedFilm {
  std::string image;      // the film
  std::string mask;       // same size as the film: non-zero inside the structure
  std::string patientId;  // the split keeps a patient's films together; empty: the film is its own patient
  std::string license;    // the row's licence, for the pack's card; empty when the CSV has none
};

// The films of `labelsCsv` (columns image and patient_id; optional license and has_mask) that have
// masks: <imagesDir>/<image> with <masksDir>/<image>. With a has_mask column, every row saying yes
// must have its mask file (an Error naming the missing file), the others are passed over; without
// it, rows whose mask file exists are taken. `licences` non-empty: only rows whose license is one of
// them (exactly), so a pack meant for redistribution learns from rows whose terms allow it; the CSV
// must then have the column. An Error when no film is left.
Result<std::vector<MaskedFilm>> readMaskedFilms(const std::string& labelsCsv, const std::string& imagesDir,
                                                const std::string& masksDir, const std::vector<std::string>& licences = {});

// A mask file as film-size bytes; an Error naming the mask when it cannot be read or its size is not
// columns x rows.
Result<std::vector<std::uint8_t>> readMask(const std::string& path, int columns, int rows);

struct SegmentationScores {
  int films = 0, patients = 0;
  double meanDice = 0, medianDice = 0, meanIou = 0, medianIou = 0;
  std::vector<double> dice, iou;  // per film, in the order given
};

// The pack's segmentation of each film (LungSegmenter: film resolution, the kept regions only)
// against its mask, at the film's resolution.
Result<SegmentationScores> scoreSegmentationPack(const std::string& packDirectory, const std::vector<MaskedFilm>& films);

struct SegmentationTrainConfig {
  std::string labelsCsv, imagesDir, masksDir;
  std::vector<std::string> licences;  // keep only rows with one of these licences; empty: every row
  std::string output;  // run folder: split.json, checkpoints, history.json, pack/
  std::string name = "lungs-unet";
  std::string version = "1.0.0";
  std::string command;  // the command line the pack's provenance names
  int inputSize = 128;
  int baseChannels = 16, levels = 4;
  int epochs = 40;
  int batchSize = 8;
  double learningRate = 2e-3;  // AdamW, cosine decay to a hundredth over the run
  double weightDecay = 1e-4;
  double validationFraction = 0.15, testFraction = 0.15;
  std::uint64_t seed = 1;  // split, initialisation, shuffling and augmentation
  int threads = 0;         // LibTorch intra-op threads; 0: one per physical core
  // Geometry (rotation, scale, shift, optional flip) moves film and mask together; intensity and
  // noise change the film alone.
  AugmentOptions augment;
};

struct SegmentationEpoch {
  int epoch = 0;  // 1-based
  double trainLoss = 0, validationLoss = 0;
  double validationDice = 0;  // mean over validation films, at input resolution
  double learningRate = 0, seconds = 0;
  bool best = false;
};

struct SegmentationCallbacks {
  std::function<void(const std::string&)> log;
  std::function<void(const SegmentationEpoch&)> epochEnded;
  const std::atomic<bool>* cancel = nullptr;  // set: stop after the current batch (the last epoch stays resumable)
  int stopAfterEpoch = 0;  // > 0: stop (as if killed) once this epoch's checkpoint is written (tests)
};

struct SegmentationTrainSummary {
  std::string packDirectory;  // empty when the run stopped early
  int trainFilms = 0, validationFilms = 0, testFilms = 0;
  int epochsRun = 0, bestEpoch = 0;
  double seconds = 0;  // this process's training time, loading included
  std::vector<SegmentationEpoch> history;
  SegmentationScores validation, test;  // film resolution, the exported pack
  std::map<std::string, int> licences;  // of the films the pack learned from (train + validation)
};

// resume: continue from the run folder's last checkpoint (same config).
Result<SegmentationTrainSummary> trainSegmenter(const SegmentationTrainConfig& config, const SegmentationCallbacks& callbacks = {},
                                                bool resume = false);

}  // namespace hilum::train
