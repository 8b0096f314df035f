#include "hilum/train/segmentation_trainer.h"

#include "hilum/ai/analyzer.h"
#include "hilum/ai/internal/state_dict.h"
#include "hilum/ai/internal/unet.h"
#include "hilum/ai/preprocess.h"
#include "hilum/ai/segmentation.h"
#include "hilum/ai/segmentation_manifest.h"
#include "hilum/base/atomic_file.h"
#include "hilum/base/time_text.h"
#include "hilum/film/loader.h"
#include "hilum/train/dataset.h"
#include "hilum/train/split.h"

#include "optimizer_state.h"
#include <ATen/Parallel.h>
#include <nlohmann/json.hpp>
#include <opencv2/core.hpp>
#include <opencv2/imgproc.hpp>

#include <chrono>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <numeric>
#include <random>
#include <set>
#include <sstream>

namespace hilum::train {
namespace {

namespace fs = std::filesystem;
namespace F = torch::nn::functional;
using Clock = std::chrono::steady_clock;

// Smoothing of the soft Dice loss: an empty mask and an empty prediction agree (loss 0), and the
// gradient stays finite on nearly empty masks.
constexpr double kDiceSmoothing = 1.0;
// The cosine schedule ends at this fraction of the initial learning rate.
constexpr double kFinalLearningRateShare = 0.01;

Error trainError(ErrorCode code, const std::string& reason, const std::string& path) { return Error(Module::Train, code, reason, path); }

double seconds(Clock::time_point since) { return std::chrono::duration<double>(Clock::now() - since).count(); }

struct Pair {
  ai::InputPicture picture;        // the film as the network sees it (8-bit, before normalisation)
  std::vector<std::uint8_t> mask;  // the mask through the same geometry, 0..255
};

// Geometry on film and mask together (one affine), then intensity on the film alone through
// augment() with its geometry switched off, so the two never drift apart.
Pair augmentPair(const Pair& in, const AugmentOptions& o, std::mt19937_64& random) {
  if (!o.enabled) return in;
  const int size = in.picture.size;
  auto geometry = randomAffine(o, size, random);
  const cv::Mat affine(2, 3, CV_64F, geometry.data());
  Pair out = in;
  const cv::Mat film(size, size, CV_8U, const_cast<std::uint8_t*>(in.picture.pixels.data()));
  const cv::Mat mask(size, size, CV_8U, const_cast<std::uint8_t*>(in.mask.data()));
  cv::Mat filmOut(size, size, CV_8U, out.picture.pixels.data()), maskOut(size, size, CV_8U, out.mask.data());
  cv::warpAffine(film, filmOut, affine, film.size(), cv::INTER_LINEAR, cv::BORDER_CONSTANT, cv::Scalar(0));
  cv::warpAffine(mask, maskOut, affine, mask.size(), cv::INTER_LINEAR, cv::BORDER_CONSTANT, cv::Scalar(0));
  AugmentOptions intensity = o;
  intensity.rotationDeg = 0;
  intensity.scaleMin = intensity.scaleMax = 1.0;
  intensity.translate = 0;
  intensity.horizontalFlip = false;
  out.picture = augment(out.picture, intensity, random);
  return out;
}

// A batch as tensors: films normalised as the pack will normalise them, masks as [0, 1] targets.
std::pair<torch::Tensor, torch::Tensor> batchOf(const std::vector<Pair>& pairs, const ai::SegmentationManifest& m) {
  const int size = m.inputSize;
  const auto n = static_cast<int64_t>(pairs.size());
  auto x = torch::empty({n, 1, size, size}, torch::kFloat);
  auto y = torch::empty({n, 1, size, size}, torch::kFloat);
  float* xs = x.data_ptr<float>();
  float* ys = y.data_ptr<float>();
  const std::size_t plane = static_cast<std::size_t>(size) * static_cast<std::size_t>(size);
  const float mul = static_cast<float>(1.0 / 255.0 / m.std), add = static_cast<float>(-m.mean / m.std);
  for (std::size_t b = 0; b < pairs.size(); ++b) {
    for (std::size_t i = 0; i < plane; ++i) {
      xs[b * plane + i] = pairs[b].picture.pixels[i] * mul + add;
      ys[b * plane + i] = pairs[b].mask[i] / 255.0f;
    }
  }
  return {x, y};
}

// Binary cross-entropy plus soft Dice (per film, averaged): BCE teaches every pixel, Dice keeps the
// small structure from losing to the large background.
torch::Tensor segmentationLoss(const torch::Tensor& logits, const torch::Tensor& target) {
  const auto bce = F::binary_cross_entropy_with_logits(logits, target);
  const auto p = torch::sigmoid(logits);
  const auto overlap = (p * target).sum({1, 2, 3});
  const auto total = p.sum({1, 2, 3}) + target.sum({1, 2, 3});
  const auto dice = (2.0 * overlap + kDiceSmoothing) / (total + kDiceSmoothing);
  return bce + (1.0 - dice).mean();
}

// Hard Dice per film at input resolution (prediction p >= 0.5, target >= 0.5).
std::vector<double> hardDice(const torch::Tensor& logits, const torch::Tensor& target) {
  const auto p = (logits >= 0).to(torch::kFloat);
  const auto t = (target >= 0.5).to(torch::kFloat);
  const auto overlap = (p * t).sum({1, 2, 3});
  const auto total = p.sum({1, 2, 3}) + t.sum({1, 2, 3});
  std::vector<double> out;
  for (int64_t i = 0; i < logits.size(0); ++i) {
    const double sum = total[i].item<double>();
    out.push_back(sum == 0 ? 1.0 : 2.0 * overlap[i].item<double>() / sum);
  }
  return out;
}


nlohmann::json epochJson(const SegmentationEpoch& e) {
  return {{"epoch", e.epoch}, {"train_loss", e.trainLoss}, {"validation_loss", e.validationLoss}, {"validation_dice", e.validationDice},
          {"lr", e.learningRate}, {"seconds", e.seconds}, {"best", e.best}};
}

SegmentationEpoch epochFromJson(const nlohmann::json& j) {
  SegmentationEpoch e;
  e.epoch = j.at("epoch").get<int>();
  e.trainLoss = j.at("train_loss").get<double>();
  e.validationLoss = j.at("validation_loss").get<double>();
  e.validationDice = j.at("validation_dice").get<double>();
  e.learningRate = j.at("lr").get<double>();
  e.seconds = j.at("seconds").get<double>();
  e.best = j.at("best").get<bool>();
  return e;
}

nlohmann::json scoresJson(const SegmentationScores& s) {
  return {{"films", s.films}, {"patients", s.patients}, {"dice_mean", s.meanDice}, {"dice_median", s.medianDice},
          {"iou_mean", s.meanIou}, {"iou_median", s.medianIou}};
}

// The configuration a run folder was started with, to refuse resuming it with another one.
nlohmann::json configJson(const SegmentationTrainConfig& c) {
  return {{"labels", c.labelsCsv}, {"images", c.imagesDir}, {"masks", c.masksDir}, {"input_size", c.inputSize},
          {"base_channels", c.baseChannels}, {"levels", c.levels}, {"epochs", c.epochs}, {"batch_size", c.batchSize},
          {"learning_rate", c.learningRate}, {"weight_decay", c.weightDecay}, {"validation_fraction", c.validationFraction},
          {"test_fraction", c.testFraction}, {"seed", c.seed}, {"licences", c.licences}};
}

}  // namespace

Result<SegmentationTrainSummary> trainSegmenter(const SegmentationTrainConfig& config, const SegmentationCallbacks& cb, bool resume) {
  auto log = [&cb](const std::string& s) { if (cb.log) cb.log(s); };
  const auto started = Clock::now();
  try {
    if (config.epochs < 1 || config.batchSize < 1) return trainError(ErrorCode::InvalidArgument, "epochs and batch size must be positive", config.output);
    auto films = readMaskedFilms(config.labelsCsv, config.imagesDir, config.masksDir, config.licences);
    if (!films.ok()) return films.error();
    const auto& all = films.value();

    ai::SegmentationManifest manifest;
    manifest.name = config.name;
    manifest.version = config.version;
    manifest.inputSize = config.inputSize;
    manifest.baseChannels = config.baseChannels;
    manifest.levels = config.levels;
    const int multiple = 1 << (config.levels - 1);
    if (config.inputSize < 16 || config.inputSize % multiple != 0)
      return trainError(ErrorCode::InvalidArgument, "input size must be at least 16 and divisible by " + std::to_string(multiple), config.output);
    const ai::ModelManifest input = manifest.asModelManifest();

    std::error_code ec;
    fs::create_directories(config.output, ec);
    if (ec) return trainError(ErrorCode::WriteFailed, "cannot create run folder: " + ec.message(), config.output);
    const std::string configPath = config.output + "/segmentation_config.json";
    if (resume) {
      std::ifstream in(configPath);
      if (!in) return trainError(ErrorCode::NotFound, "nothing to resume: the run folder has no segmentation_config.json", config.output);
      if (nlohmann::json::parse(in) != configJson(config))
        return trainError(ErrorCode::InvalidArgument, "the run folder was started with another configuration", configPath);
    } else if (Status s = writeFileAtomically(configPath, configJson(config).dump(2) + "\n"); !s.ok()) {
      return s.error();
    }

    // The patient-wise split of the classifier trainer, balancing film counts (no labels here).
    Dataset byPatient;
    for (const auto& f : all) {
      Sample sample;
      sample.image = f.image;
      sample.patientId = f.patientId;
      byPatient.samples.push_back(std::move(sample));
    }
    const Split split = splitByPatient(byPatient, config.validationFraction, config.testFraction, config.seed);
    if (split.train.empty() || split.validation.empty())
      return trainError(ErrorCode::InvalidArgument, "too few patients to split (" + std::to_string(all.size()) + " films)", config.labelsCsv);
    if (Status s = writeFileAtomically(config.output + "/split.json", splitToJson(byPatient, split)); !s.ok()) return s.error();
    SegmentationTrainSummary summary;
    summary.trainFilms = static_cast<int>(split.train.size());
    summary.validationFilms = static_cast<int>(split.validation.size());
    summary.testFilms = static_cast<int>(split.test.size());
    for (const auto* side : {&split.train, &split.validation})
      for (std::size_t i : *side) ++summary.licences[all[i].license.empty() ? "unspecified" : all[i].license];
    log(std::to_string(all.size()) + " films with masks; split " + std::to_string(split.train.size()) + " / " +
        std::to_string(split.validation.size()) + " / " + std::to_string(split.test.size()) + " (train / validation / test, by patient)");

    // Every film and mask through the inference preprocessing once; epochs then only augment.
    std::vector<Pair> pairs(all.size());
    for (std::size_t i = 0; i < all.size(); ++i) {
      auto film = film::loadFilm(all[i].image);
      if (!film.ok()) return film.error();
      auto picture = ai::filmToPicture(film.value(), input);
      if (!picture.ok()) return picture.error();
      auto mask = readMask(all[i].mask, film.value().columns(), film.value().rows());
      if (!mask.ok()) return mask.error();
      pairs[i].picture = std::move(picture).value();
      pairs[i].mask = ai::maskToInput(mask.value(), film.value().columns(), film.value().rows(), pairs[i].picture.geometry, config.inputSize);
      if (cb.cancel && cb.cancel->load()) return trainError(ErrorCode::Cancelled, "cancelled while reading films", config.output);
    }
    log("films read and resized to " + std::to_string(config.inputSize) + " px in " + std::to_string(static_cast<int>(seconds(started))) + " s");

    at::set_num_threads(config.threads > 0 ? config.threads : ai::physicalCores());
    torch::manual_seed(config.seed);
    ai::internal::UNetOptions options;
    options.baseChannels = config.baseChannels;
    options.levels = config.levels;
    ai::internal::UNet net(options);
    torch::optim::AdamW optimizer(net->parameters(), torch::optim::AdamWOptions(config.learningRate).weight_decay(config.weightDecay));

    const std::string checkpoint = config.output + "/checkpoint.pt", optimizerPath = config.output + "/optimizer.pt",
                      bestPath = config.output + "/best.pt", historyPath = config.output + "/history.json";
    int firstEpoch = 1;
    double bestDice = -1;
    if (resume && fs::exists(historyPath, ec)) {
      std::ifstream in(historyPath);
      const auto history = nlohmann::json::parse(in);
      for (const auto& e : history.at("epochs")) summary.history.push_back(epochFromJson(e));
      auto weights = ai::internal::readStateDict(checkpoint);
      if (!weights.ok()) return weights.error();
      if (Status s = ai::internal::applyStateDict(*net, weights.value(), checkpoint); !s.ok()) return s.error();
      torch::serialize::InputArchive archive;
      archive.load_from(optimizerPath);
      optimizer.load(archive);
      firstEpoch = static_cast<int>(summary.history.size()) + 1;
      for (const auto& e : summary.history)
        if (e.best) {
          bestDice = e.validationDice;
          summary.bestEpoch = e.epoch;
        }
      log("resuming after epoch " + std::to_string(firstEpoch - 1));
    }

    for (int epoch = firstEpoch; epoch <= config.epochs; ++epoch) {
      const auto epochStart = Clock::now();
      // Per-epoch seeds: a resumed run shuffles and augments exactly as an uninterrupted one.
      std::mt19937_64 random(config.seed * 1000003ULL + static_cast<std::uint64_t>(epoch));
      const double progress = config.epochs > 1 ? (epoch - 1.0) / (config.epochs - 1.0) : 0.0;
      const double lr = config.learningRate * (kFinalLearningRateShare + (1 - kFinalLearningRateShare) * 0.5 * (1 + std::cos(M_PI * progress)));
      for (auto& group : optimizer.param_groups()) group.options().set_lr(lr);

      std::vector<std::size_t> order = split.train;
      std::shuffle(order.begin(), order.end(), random);
      net->train();
      double lossSum = 0;
      int batches = 0;
      for (std::size_t start = 0; start < order.size(); start += static_cast<std::size_t>(config.batchSize)) {
        // A last batch of one would give batch norm a single film's statistics: fold it away.
        if (order.size() - start == 1 && start > 0) break;
        std::vector<Pair> batch;
        for (std::size_t i = start; i < std::min(order.size(), start + static_cast<std::size_t>(config.batchSize)); ++i)
          batch.push_back(augmentPair(pairs[order[i]], config.augment, random));
        auto [x, y] = batchOf(batch, manifest);
        optimizer.zero_grad();
        auto loss = segmentationLoss(net->forward(x), y);
        loss.backward();
        optimizer.step();
        lossSum += loss.item<double>();
        ++batches;
        if (cb.cancel && cb.cancel->load()) return trainError(ErrorCode::Cancelled, "cancelled in epoch " + std::to_string(epoch), config.output);
      }

      net->eval();
      double validationLoss = 0;
      std::vector<double> dice;
      {
        torch::NoGradGuard noGrad;
        for (std::size_t start = 0; start < split.validation.size(); start += static_cast<std::size_t>(config.batchSize)) {
          std::vector<Pair> batch;
          for (std::size_t i = start; i < std::min(split.validation.size(), start + static_cast<std::size_t>(config.batchSize)); ++i)
            batch.push_back(pairs[split.validation[i]]);
          auto [x, y] = batchOf(batch, manifest);
          const auto logits = net->forward(x);
          validationLoss += segmentationLoss(logits, y).item<double>() * static_cast<double>(batch.size());
          for (double d : hardDice(logits, y)) dice.push_back(d);
        }
      }
      SegmentationEpoch report;
      report.epoch = epoch;
      report.trainLoss = batches ? lossSum / batches : 0;
      report.validationLoss = validationLoss / static_cast<double>(split.validation.size());
      report.validationDice = std::accumulate(dice.begin(), dice.end(), 0.0) / static_cast<double>(dice.size());
      report.learningRate = lr;
      report.seconds = seconds(epochStart);
      report.best = report.validationDice > bestDice;
      if (report.best) {
        bestDice = report.validationDice;
        summary.bestEpoch = epoch;
        if (Status s = ai::internal::writeStateDict(*net, bestPath); !s.ok()) return s.error();
      }
      summary.history.push_back(report);
      // The checkpoint (weights, optimizer, history) is written file by file, each atomically, the
      // history last: a run killed in between resumes from the epoch the history names, whose
      // weights are already in place.
      if (Status s = ai::internal::writeStateDict(*net, checkpoint); !s.ok()) return s.error();
      if (Status s = internal::saveOptimizer(optimizer, optimizerPath); !s.ok()) return s.error();
      nlohmann::json history = {{"epochs", nlohmann::json::array()}};
      for (const auto& e : summary.history) history["epochs"].push_back(epochJson(e));
      if (Status s = writeFileAtomically(historyPath, history.dump(1) + "\n"); !s.ok()) return s.error();
      if (cb.epochEnded) cb.epochEnded(report);
      summary.epochsRun = epoch;
      if (cb.stopAfterEpoch > 0 && epoch >= cb.stopAfterEpoch) {
        summary.seconds = seconds(started);
        return summary;
      }
    }

    // Export the best epoch, then score the pack itself (film resolution, its post-processing) on
    // the held-out patients.
    const std::string pack = config.output + "/pack";
    fs::create_directories(pack, ec);
    if (ec) return trainError(ErrorCode::WriteFailed, "cannot create pack folder: " + ec.message(), pack);
    auto best = ai::internal::readStateDict(bestPath);
    if (!best.ok()) return best.error();
    if (Status s = ai::internal::applyStateDict(*net, best.value(), bestPath); !s.ok()) return s.error();
    if (Status s = ai::internal::writeStateDict(*net, pack + "/weights.pt"); !s.ok()) return s.error();
    auto hash = ai::sha256File(pack + "/weights.pt");
    if (!hash.ok()) return hash.error();
    manifest.weightsFile = "weights.pt";
    manifest.weightsSha256 = hash.value();
    std::set<std::string> patients;
    for (const auto& f : all) patients.insert(f.patientId);
    manifest.provenanceData = fs::path(config.labelsCsv).lexically_normal().string() + ": " + std::to_string(all.size()) +
                              " films of " + std::to_string(patients.size()) + " patients with masks in " +
                              fs::path(config.masksDir).lexically_normal().string();
    manifest.provenanceCommand = config.command;
    manifest.provenanceDate = utcIsoTime();
    manifest.provenanceSoftware = std::string("hilum ") + HILUM_VERSION + " (git " + HILUM_GIT_REVISION + ")";
    const std::string manifestPath = pack + "/" + ai::kSegmentationManifestFile;
    if (Status s = writeFileAtomically(manifestPath, ai::toJson(manifest)); !s.ok()) return s.error();

    auto sideFilms = [&](const std::vector<std::size_t>& side) {
      std::vector<MaskedFilm> out;
      for (std::size_t i : side) out.push_back(all[i]);
      return out;
    };
    auto validation = scoreSegmentationPack(pack, sideFilms(split.validation));
    if (!validation.ok()) return validation.error();
    summary.validation = validation.value();
    if (!split.test.empty()) {
      auto test = scoreSegmentationPack(pack, sideFilms(split.test));
      if (!test.ok()) return test.error();
      summary.test = test.value();
    }
    nlohmann::json licences = nlohmann::json::object();
    for (const auto& [licence, count] : summary.licences) licences[licence] = count;
    nlohmann::json metrics = {{"resolution", "film"}, {"threshold", manifest.threshold},  {"split_seed", config.seed},
                              {"best_epoch", summary.bestEpoch}, {"epochs", config.epochs},
                              {"train", {{"films", summary.trainFilms}}}, {"validation", scoresJson(summary.validation)},
                              {"training_licences", licences}};
    if (!split.test.empty()) metrics["test"] = scoresJson(summary.test);
    manifest.metricsJson = metrics.dump();
    if (Status s = writeFileAtomically(manifestPath, ai::toJson(manifest)); !s.ok()) return s.error();
    summary.packDirectory = pack;
    summary.seconds = seconds(started);
    log("exported epoch " + std::to_string(summary.bestEpoch) + " to " + pack);
    return summary;
  } catch (const c10::Error& e) {
    return trainError(ErrorCode::Internal, std::string("training failed: ") + e.what_without_backtrace(), config.output);
  } catch (const nlohmann::json::exception& e) {
    return trainError(ErrorCode::Malformed, std::string("run folder file is damaged: ") + e.what(), config.output);
  } catch (const cv::Exception& e) {
    return trainError(ErrorCode::Internal, std::string("image processing failed: ") + e.what(), config.output);
  } catch (const std::bad_alloc&) {
    return trainError(ErrorCode::TooLarge, "out of memory while training", config.output);
  }
}

}  // namespace hilum::train
