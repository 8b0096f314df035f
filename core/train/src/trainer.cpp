#include "hilum/train/trainer.h"

#include "hilum/ai/analyzer.h"
#include "hilum/ai/covariates.h"
#include "hilum/ai/lung_crop.h"
#include "hilum/ai/internal/networks.h"
#include "hilum/ai/internal/state_dict.h"
#include "hilum/ai/preprocess.h"
#include "hilum/base/atomic_file.h"
#include "hilum/base/time_text.h"
#include "hilum/film/loader.h"
#include "hilum/train/calibration.h"
#include "hilum/train/metrics.h"
#include "hilum/train/split.h"
#include "training_group.h"

#include "optimizer_state.h"
#include <ATen/Parallel.h>
#include <nlohmann/json.hpp>

#include <chrono>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <future>
#include <iterator>
#include <numeric>
#include <random>
#include <sstream>
#include <thread>
#include <tuple>

namespace hilum::train {
namespace fs = std::filesystem;
namespace F = torch::nn::functional;
namespace {

constexpr double kPosWeightCap = 50.0;  // rare labels (Hernia: 20 of 1222) must not swamp the loss

// What the pack's provenance names as its data: the folder, or the CSVs joined with " + ".
std::string provenanceOfData(const TrainConfig& config) {
  if (!config.folder.empty()) return config.folder;
  std::string out;
  for (const auto& source : config.sources) out += (out.empty() ? "" : " + ") + source.csv;
  return out;
}

Error trainError(ErrorCode code, const std::string& reason, const std::string& path = {}) {
  return Error(Module::Train, code, reason, path);
}

// Every film decoded once, at model resolution, before the first epoch; epochs then only augment.
// With a lung crop, each film's field of view is found here too, once.
Result<std::vector<ai::InputPicture>> cachePictures(const Dataset& data, const ai::ModelManifest& manifest, ai::LungCrop* crop,
                                                   const TrainCallbacks& cb) {
  std::vector<ai::InputPicture> pictures(data.samples.size());
  std::vector<std::optional<Error>> errors(data.samples.size());
  std::atomic<int> whole{0};
  const unsigned workers = std::max(1u, std::thread::hardware_concurrency());
  std::atomic<std::size_t> next{0};
  auto work = [&] {
    for (std::size_t i = next++; i < data.samples.size(); i = next++) {
      auto film = film::loadFilm(data.samples[i].image);
      if (!film.ok()) {
        errors[i] = film.error();
        continue;
      }
      std::optional<display::Region> region;
      if (crop) {
        auto view = crop->fieldOfView(film.value());
        if (!view.ok()) {
          errors[i] = view.error();
          continue;
        }
        region = view.value().region;
        if (!region) ++whole;
      }
      auto picture = ai::filmToPicture(film.value(), manifest, region);
      if (!picture.ok()) errors[i] = picture.error();
      else pictures[i] = std::move(picture).value();
    }
  };
  std::vector<std::future<void>> tasks;
  for (unsigned w = 0; w < workers; ++w) tasks.push_back(std::async(std::launch::async, work));
  for (auto& t : tasks) t.get();
  int failed = 0;
  std::optional<Error> first;
  for (auto& e : errors)
    if (e) {
      ++failed;
      if (!first) first = e;
    }
  if (first)
    return trainError(first->code(), std::to_string(failed) + " of " + std::to_string(data.samples.size()) +
                                         " images could not be read; first: " + first->message());
  if (cb.log) cb.log("cached " + std::to_string(pictures.size()) + " films at " + std::to_string(manifest.inputSize) + " px");
  if (cb.log && crop)
    cb.log("cropped to the lungs by " + crop->segmenterName() + ": " + std::to_string(static_cast<int>(pictures.size()) - whole) +
           " films; " + std::to_string(whole.load()) + " seen whole (no lungs, too small an area, or one lung found)");
  return pictures;
}

// Films [from, to) of `indices`, augmented and normalised, on `threads` threads (each film is
// seeded on its own, so the batch is the same whatever the thread count).
torch::Tensor batchTensor(const std::vector<ai::InputPicture>& pictures, const std::vector<std::size_t>& indices,
                          std::size_t from, std::size_t to, const ai::ModelManifest& manifest,
                          const AugmentOptions* augmentation, std::uint64_t seed, int threads = 1) {
  const int c = manifest.inputChannels, s = manifest.inputSize;
  auto batch = torch::empty({static_cast<int64_t>(to - from), c, s, s});
  float* out = batch.data_ptr<float>();
  const std::size_t stride = static_cast<std::size_t>(c) * s * s;
  auto films = [&](std::size_t first, std::size_t last) {
    for (std::size_t k = first; k < last; ++k) {
      const std::size_t i = indices[k];
      ai::InputPicture picture = pictures[i];
      if (augmentation) {
        // Seeded per (run seed, epoch, film): resuming replays exactly the same augmentations.
        std::mt19937_64 random(seed * 1000003ULL + i);
        picture = augment(picture, *augmentation, random);
      }
      const ai::ModelInput input = ai::normalise(picture, manifest);
      std::copy(input.values.begin(), input.values.end(), out + (k - from) * stride);
    }
  };
  const std::size_t parts = std::min<std::size_t>(static_cast<std::size_t>(std::max(1, threads)), to - from);
  if (parts <= 1) {
    films(from, to);
    return batch;
  }
  std::vector<std::future<void>> work;
  for (std::size_t p = 1; p < parts; ++p)
    work.push_back(std::async(std::launch::async, films, from + (to - from) * p / parts, from + (to - from) * (p + 1) / parts));
  films(from, from + (to - from) / parts);
  for (auto& w : work) w.get();
  return batch;
}

torch::Tensor targetsTensor(const Dataset& data, const std::vector<std::size_t>& indices, std::size_t from, std::size_t to) {
  const auto labels = static_cast<int64_t>(data.labels.size());
  auto t = torch::empty({static_cast<int64_t>(to - from), labels});
  for (std::size_t k = from; k < to; ++k)
    for (int64_t l = 0; l < labels; ++l) t[static_cast<int64_t>(k - from)][l] = data.samples[indices[k]].targets[static_cast<std::size_t>(l)];
  return t;
}

// A covariate no film of the data set knows cannot be learnt: say so instead of training a head on
// a constant. How many films know each one goes to the log.
Status checkCovariates(const Dataset& data, const std::vector<std::string>& names, const std::string& configPath) {
  for (const auto& name : names) {
    if (data.filmsKnowing(name) == 0)
      return trainError(ErrorCode::InvalidArgument, "covariate \"" + name + "\" is known for none of the " + std::to_string(data.samples.size()) +
                                                        " films (does the data have an " + name + " column?)", configPath);
  }
  return Status::success();
}

// The films' encoded patient covariates (N, width), or an undefined tensor for an image-only pack.
torch::Tensor covariatesTensor(const Dataset& data, const std::vector<std::size_t>& indices, std::size_t from, std::size_t to,
                               const ai::ModelManifest& manifest) {
  if (manifest.covariates.empty()) return {};
  const int width = ai::covariateWidth(manifest.covariates);
  auto t = torch::empty({static_cast<int64_t>(to - from), width});
  float* out = t.data_ptr<float>();
  for (std::size_t k = from; k < to; ++k) {
    const auto values = ai::encodeCovariates(manifest.covariates, covariatesOf(data.samples[indices[k]]));
    std::copy(values.begin(), values.end(), out + (k - from) * static_cast<std::size_t>(width));
  }
  return t;
}

struct LossWeights {
  torch::Tensor posWeight;    // multi-label
  torch::Tensor classWeight;  // single-label
};

LossWeights lossWeights(const Dataset& data, const std::vector<std::size_t>& train, bool balance) {
  const std::size_t labels = data.labels.size();
  std::vector<double> positives(labels, 0);
  for (std::size_t i : train)
    for (std::size_t l = 0; l < labels; ++l) positives[l] += data.samples[i].targets[l];
  const double n = static_cast<double>(train.size());
  LossWeights w;
  std::vector<float> pos(labels, 1.0f), cls(labels, 1.0f);
  if (balance) {
    for (std::size_t l = 0; l < labels; ++l) {
      pos[l] = static_cast<float>(std::clamp((n - positives[l]) / std::max(1.0, positives[l]), 1.0, kPosWeightCap));
      cls[l] = static_cast<float>(n / (static_cast<double>(labels) * std::max(1.0, positives[l])));
    }
  }
  w.posWeight = torch::tensor(pos);
  w.classWeight = torch::tensor(cls);
  return w;
}

torch::Tensor lossOf(const torch::Tensor& logits, const torch::Tensor& targets, ai::Task task, const LossWeights& w) {
  if (task == ai::Task::MultiLabel)
    return F::binary_cross_entropy_with_logits(logits, targets, F::BinaryCrossEntropyWithLogitsFuncOptions().pos_weight(w.posWeight));
  return F::cross_entropy(logits, targets.argmax(1), F::CrossEntropyFuncOptions().weight(w.classWeight));
}

// A rank's share of the global batch's mean loss: its films' summed loss over the global batch's
// denominator (films x labels; for weighted cross-entropy, the summed weights of the films' classes,
// as torch's "mean" reduction divides by). Summed over the ranks it is the one-process batch loss,
// whatever the slices' sizes, so the averaged gradients equal the one-process gradients.
torch::Tensor shareOfLoss(const torch::Tensor& logits, const torch::Tensor& targets, ai::Task task, const LossWeights& w,
                          const Dataset& data, const std::vector<std::size_t>& order, std::size_t from, std::size_t to) {
  double denominator = 0;
  for (std::size_t k = from; k < to; ++k) {
    const auto& t = data.samples[order[k]].targets;
    if (task == ai::Task::MultiLabel) denominator += static_cast<double>(t.size());
    else denominator += w.classWeight[std::max_element(t.begin(), t.end()) - t.begin()].item<double>();
  }
  if (logits.size(0) == 0) return logits.sum() * 0.0;
  const auto sum = task == ai::Task::MultiLabel
                       ? F::binary_cross_entropy_with_logits(logits, targets, F::BinaryCrossEntropyWithLogitsFuncOptions().pos_weight(w.posWeight).reduction(torch::kSum))
                       : F::cross_entropy(logits, targets.argmax(1), F::CrossEntropyFuncOptions().weight(w.classWeight).reduction(torch::kSum));
  return sum / denominator;
}

// Training mode, with batch norm left in inference mode when the config freezes it.
void setTraining(torch::nn::Module& net, bool freezeBatchNorm) {
  net.train();
  if (!freezeBatchNorm) return;
  for (const auto& m : net.modules(false))
    if (m->as<torch::nn::BatchNorm2d>()) m->eval();
}

// Probabilities [film][label] for a set of films, and the mean loss.
// Global-average-pooled features (what the out-of-distribution detector reads) of the given films.
std::vector<std::vector<float>> pooledFeatures(ai::internal::ClassifierNetImpl& net, const std::vector<ai::InputPicture>& pictures,
                                               const std::vector<std::size_t>& indices, const ai::ModelManifest& manifest,
                                               int batchSize) {
  net.eval();
  c10::InferenceMode inference;
  std::vector<std::vector<float>> out;
  for (std::size_t from = 0; from < indices.size(); from += static_cast<std::size_t>(batchSize)) {
    const std::size_t to = std::min(indices.size(), from + static_cast<std::size_t>(batchSize));
    const auto pooled = net.features(batchTensor(pictures, indices, from, to, manifest, nullptr, 0)).mean({2, 3}).contiguous();
    for (int64_t r = 0; r < pooled.size(0); ++r)
      out.emplace_back(pooled[r].data_ptr<float>(), pooled[r].data_ptr<float>() + pooled.size(1));
  }
  return out;
}

std::pair<std::vector<std::vector<float>>, double> predict(ai::internal::ClassifierNetImpl& net,
                                                           const std::vector<ai::InputPicture>& pictures,
                                                           const Dataset& data, const std::vector<std::size_t>& indices,
                                                           const ai::ModelManifest& manifest, const LossWeights& w,
                                                           int batchSize) {
  net.eval();
  c10::InferenceMode inference;
  std::vector<std::vector<float>> out;
  double loss = 0;
  for (std::size_t from = 0; from < indices.size(); from += static_cast<std::size_t>(batchSize)) {
    const std::size_t to = std::min(indices.size(), from + static_cast<std::size_t>(batchSize));
    const auto logits = net.forward(batchTensor(pictures, indices, from, to, manifest, nullptr, 0),
                                    covariatesTensor(data, indices, from, to, manifest));
    loss += lossOf(logits, targetsTensor(data, indices, from, to), manifest.task, w).item<double>() * static_cast<double>(to - from);
    const auto p = (manifest.task == ai::Task::MultiLabel ? torch::sigmoid(logits) : torch::softmax(logits, 1)).contiguous();
    for (int64_t r = 0; r < p.size(0); ++r) out.emplace_back(p[r].data_ptr<float>(), p[r].data_ptr<float>() + p.size(1));
  }
  return {out, indices.empty() ? 0.0 : loss / static_cast<double>(indices.size())};
}

std::vector<float> column(const std::vector<std::vector<float>>& rows, std::size_t l) {
  std::vector<float> c;
  c.reserve(rows.size());
  for (const auto& r : rows) c.push_back(r[l]);
  return c;
}

std::vector<float> truthOf(const Dataset& data, const std::vector<std::size_t>& indices, std::size_t l) {
  std::vector<float> t;
  for (std::size_t i : indices) t.push_back(data.samples[i].targets[l]);
  return t;
}

struct Scores {
  std::vector<std::optional<double>> auc;
  double meanAuc = 0, meanAveragePrecision = 0, accuracy = 0;
};

Scores score(const std::vector<std::vector<float>>& p, const Dataset& data, const std::vector<std::size_t>& indices) {
  Scores s;
  double sum = 0;
  int counted = 0;
  double apSum = 0;
  for (std::size_t l = 0; l < data.labels.size(); ++l) {
    s.auc.push_back(rocAuc(column(p, l), truthOf(data, indices, l)));
    if (s.auc.back()) {
      sum += *s.auc.back();
      ++counted;
      // PR-AUC: with rare findings it moves where ROC AUC barely does.
      apSum += averagePrecision(column(p, l), truthOf(data, indices, l)).value_or(0.0);
    }
  }
  s.meanAuc = counted ? sum / counted : 0.0;
  s.meanAveragePrecision = counted ? apSum / counted : 0.0;
  if (data.task == ai::Task::SingleLabel && !p.empty()) {
    int right = 0;
    for (std::size_t k = 0; k < indices.size(); ++k) {
      const auto& row = p[k];
      const auto predicted = std::max_element(row.begin(), row.end()) - row.begin();
      const auto& t = data.samples[indices[k]].targets;
      right += t[static_cast<std::size_t>(predicted)] > 0.5f ? 1 : 0;
    }
    s.accuracy = static_cast<double>(right) / static_cast<double>(indices.size());
  }
  return s;
}

std::unique_ptr<torch::optim::Optimizer> makeOptimizer(const TrainConfig& c, std::vector<torch::Tensor> parameters) {
  if (c.optimizer == "sgd")
    return std::make_unique<torch::optim::SGD>(parameters, torch::optim::SGDOptions(c.learningRate).momentum(0.9).nesterov(true).weight_decay(c.weightDecay));
  if (c.optimizer == "adam")
    return std::make_unique<torch::optim::Adam>(parameters, torch::optim::AdamOptions(c.learningRate).weight_decay(c.weightDecay));
  return std::make_unique<torch::optim::AdamW>(parameters, torch::optim::AdamWOptions(c.learningRate).weight_decay(c.weightDecay));
}

void setLearningRate(torch::optim::Optimizer& optimizer, double lr) {
  for (auto& group : optimizer.param_groups()) group.options().set_lr(lr);
}



nlohmann::json reportJson(const EpochReport& r, const std::vector<std::string>& labels) {
  nlohmann::json auc = nlohmann::json::object();
  for (std::size_t l = 0; l < labels.size(); ++l) auc[labels[l]] = r.validationAuc[l] ? nlohmann::json(*r.validationAuc[l]) : nlohmann::json(nullptr);
  return {{"epoch", r.epoch}, {"train_loss", r.trainLoss}, {"validation_loss", r.validationLoss}, {"validation_auc", auc},
          {"mean_auc", r.meanAuc}, {"mean_average_precision", r.meanAveragePrecision}, {"accuracy", r.accuracy}, {"lr", r.learningRate}, {"seconds", r.seconds}, {"data_wait_seconds", r.dataWaitSeconds}, {"best", r.best}};
}

}  // namespace

Result<TrainSummary> trainModel(const TrainConfig& config, const TrainCallbacks& cb, bool resume) {
  auto log = [&cb](const std::string& s) { if (cb.log) cb.log(s); };
  try {
    auto loaded = config.folder.empty() ? readCsvDatasets(config.sources) : readFolderDataset(config.folder);
    if (!loaded.ok()) return loaded.error();
    const Dataset& data = loaded.value();
    ai::ModelManifest manifest = config.model;
    manifest.task = data.task;
    manifest.labels.clear();
    for (const auto& l : data.labels) manifest.labels.push_back({l, "", {}});
    manifest.operatingPoints.assign(data.labels.size(), {});

    std::error_code ec;
    if (config.distributed.rank == 0) fs::create_directories(config.output, ec);
    if (ec) return trainError(ErrorCode::WriteFailed, "cannot create run folder: " + ec.message(), config.output);
    const Split split = splitByPatient(data, config.validationFraction, config.testFraction, config.splitSeed);
    if (split.train.empty() || split.validation.empty()) return trainError(ErrorCode::InvalidArgument, "too few films to split", config.configPath);
    if (!config.distributed.active() || config.distributed.rank == 0)
      if (Status s = writeFileAtomically(config.output + "/split.json", splitToJson(data, split)); !s.ok()) return s.error();
    log(std::to_string(data.samples.size()) + " films, " + std::to_string(data.labels.size()) + " labels; split " +
        std::to_string(split.train.size()) + " / " + std::to_string(split.validation.size()) + " / " + std::to_string(split.test.size()));

    std::unique_ptr<ai::LungCrop> crop;
    if (!config.lungCropSegmenter.empty()) {
      auto opened = ai::LungCrop::open(config.lungCropSegmenter, config.lungCropMargin);
      if (!opened.ok()) return opened.error();
      crop = std::move(opened).value();
      manifest.lungCrop = crop->spec();
    }
    auto pictures = cachePictures(data, manifest, crop.get(), cb);
    if (!pictures.ok()) return pictures.error();

    // A data-parallel run: join the other ranks once this one's films are decoded (the rendezvous
    // absorbs the ranks' different decode times). Only rank 0 writes into the run folder.
    std::unique_ptr<internal::TrainingGroup> group;
    const DistributedOptions& dist = config.distributed;
    if (dist.active()) {
      log("rank " + std::to_string(dist.rank) + " of " + std::to_string(dist.worldSize) + ": joining " + dist.host + ":" + std::to_string(dist.port));
      group = internal::TrainingGroup::join(dist);
      log("training group of " + std::to_string(dist.worldSize) + " ranks formed");
    }
    const int rank = group ? group->rank() : 0, world = group ? group->size() : 1;
    const bool writer = rank == 0;
    const int localRanks = dist.localWorldSize > 0 ? dist.localWorldSize
                           : (dist.host == "localhost" || dist.host.rfind("127.", 0) == 0) ? world : 1;
    at::set_num_threads(config.threads > 0 ? config.threads : std::max(1, ai::physicalCores() / localRanks));
    torch::manual_seed(config.seed);
    if (Status s = checkCovariates(data, manifest.covariates, config.configPath); !s.ok()) return s.error();
    auto net = ai::internal::makeNetwork(manifest.architecture, static_cast<int>(data.labels.size()), manifest.inputChannels,
                                         ai::covariateWidth(manifest.covariates));
    if (!config.initFrom.empty()) {
      auto from = ai::readManifest(config.initFrom);
      if (!from.ok()) return from.error();
      auto weights = ai::internal::readStateDict(from.value().weightsPath());
      if (!weights.ok()) return weights.error();
      // Fine-tuning onto other labels: take everything but a classifier of another shape. A
      // covariate head starts fresh (at zero) when the source pack had none or other covariates.
      auto own = ai::internal::stateDictOf(*net);
      auto& source = weights.value();
      for (auto& [name, tensor] : source)
        if (own.count(name) && own[name].sizes() != tensor.sizes()) tensor = own[name].clone();
      const bool sameCovariates = from.value().covariates == manifest.covariates;
      for (auto it = source.begin(); it != source.end();)
        it = it->first.rfind("covariate_head.", 0) == 0 && (!own.count(it->first) || !sameCovariates) ? source.erase(it) : std::next(it);
      for (const auto& [name, tensor] : own)
        if (name.rfind("covariate_head.", 0) == 0 && !source.count(name)) source[name] = tensor.clone();
      if (Status s = ai::internal::applyStateDict(*net, weights.value(), from.value().weightsPath()); !s.ok()) return s.error();
      log("started from " + config.initFrom);
    }
    std::vector<torch::Tensor> trainable;
    const auto head = net->linearHead();
    const auto covariateHead = net->covariateHead();
    for (auto& p : net->named_parameters(true)) {
      const bool isHead = (head && (p.value().is_same(head->weight) || p.value().is_same(head->bias))) ||
                          (covariateHead && p.value().is_same(covariateHead->weight));
      if (config.freezeBackbone && !isHead) p.value().set_requires_grad(false);
      else trainable.push_back(p.value());
    }
    auto optimizer = makeOptimizer(config, trainable);
    const LossWeights weights = lossWeights(data, split.train, config.balance);

    // Resumable state, all of it: written after every epoch, read back by --resume.
    int startEpoch = 1, bestEpoch = 0, sinceBest = 0, plateau = 0;
    double bestAuc = -1, lr = config.learningRate;
    std::vector<EpochReport> history;
    const std::string statePath = config.output + "/state.json";
    // Rank 0 reads the checkpoint; the state and optimizer travel to the other ranks as bytes and the
    // weights by the broadcast below, so a group resumes without a shared file system.
    std::string stateText, optimizerBytes;
    if (writer && resume && fs::exists(statePath)) {
      std::ifstream in(statePath);
      stateText.assign(std::istreambuf_iterator<char>(in), {});
      const int done = nlohmann::json::parse(stateText).at("epoch").get<int>();
      auto w = ai::internal::readStateDict(config.output + "/model-e" + std::to_string(done) + ".pt");
      if (!w.ok()) return w.error();
      if (Status s = ai::internal::applyStateDict(*net, w.value(), statePath); !s.ok()) return s.error();
      std::ifstream optimizerFile(config.output + "/optimizer-e" + std::to_string(done) + ".pt", std::ios::binary);
      optimizerBytes.assign(std::istreambuf_iterator<char>(optimizerFile), {});
    }
    if (group) {
      stateText = group->broadcastBytes(stateText);
      optimizerBytes = group->broadcastBytes(optimizerBytes);
      group->broadcastModule(*net);
    }
    if (!stateText.empty()) {
      const auto state = nlohmann::json::parse(stateText);
      const int done = state.at("epoch").get<int>();
      torch::serialize::InputArchive archive;
      archive.load_from(optimizerBytes.data(), optimizerBytes.size());
      optimizer->load(archive);
      startEpoch = done + 1;
      bestEpoch = state.at("best_epoch").get<int>();
      bestAuc = state.at("best_auc").get<double>();
      sinceBest = state.at("since_best").get<int>();
      plateau = state.at("plateau").get<int>();
      lr = state.at("lr").get<double>();
      for (const auto& h : state.at("history")) {
        EpochReport r;
        r.epoch = h.at("epoch");
        r.trainLoss = h.at("train_loss");
        r.validationLoss = h.at("validation_loss");
        r.meanAuc = h.at("mean_auc");
        r.meanAveragePrecision = h.value("mean_average_precision", 0.0);  // runs from before it was kept
        r.accuracy = h.at("accuracy");
        r.learningRate = h.at("lr");
        r.seconds = h.at("seconds");
        r.dataWaitSeconds = h.value("data_wait_seconds", 0.0);
        r.best = h.at("best");
        for (const auto& l : data.labels)
          r.validationAuc.push_back(h.at("validation_auc").at(l).is_null() ? std::nullopt : std::optional<double>(h.at("validation_auc").at(l).get<double>()));
        history.push_back(std::move(r));
      }
      log("resuming after epoch " + std::to_string(done));
    } else if (resume && writer) {
      log("nothing to resume in " + config.output + "; starting afresh");
    }

    // A global batch is batch_size films per rank; each rank takes its even slice of it.
    const std::size_t globalBatch = static_cast<std::size_t>(config.batchSize) * static_cast<std::size_t>(world);
    const std::size_t batches = (split.train.size() + globalBatch - 1) / globalBatch;
    const auto reducer = group ? group->reducerFor(trainable) : nullptr;
    // This rank's films of the global batch [from, to).
    auto sliceOf = [&](std::size_t from, std::size_t to) {
      const std::size_t n = to - from, r = static_cast<std::size_t>(rank), w = static_cast<std::size_t>(world);
      return std::pair<std::size_t, std::size_t>{from + r * n / w, from + (r + 1) * n / w};
    };
    // This rank's validation films (every world-th one): predicted here, summed over the ranks.
    std::vector<std::size_t> ownValidation;
    for (std::size_t k = static_cast<std::size_t>(rank); k < split.validation.size(); k += static_cast<std::size_t>(world))
      ownValidation.push_back(split.validation[k]);
    for (int epoch = startEpoch; epoch <= config.epochs; ++epoch) {
      const auto epochStart = std::chrono::steady_clock::now();
      if (config.scheduler == "cosine") lr = config.learningRate * 0.5 * (1.0 + std::cos(M_PI * (epoch - 1) / config.epochs));
      setLearningRate(*optimizer, lr);
      std::vector<std::size_t> order = split.train;
      std::mt19937_64 shuffle(config.seed * 7919ULL + static_cast<std::uint64_t>(epoch));
      std::shuffle(order.begin(), order.end(), shuffle);
      setTraining(*net, config.freezeBatchNorm);
      double lossSum = 0;
      // The next batch is augmented on a second thread while this one trains, so the network waits
      // for data only when augmenting a batch takes longer than a training step.
      std::vector<std::pair<std::size_t, std::size_t>> ranges;
      for (std::size_t b = 0; b < batches; ++b) {
        const std::size_t from = b * globalBatch;
        const std::size_t to = std::min(order.size(), from + globalBatch);
        // Batch norm needs two films; every rank needs one.
        if (to - from >= std::max<std::size_t>(2, static_cast<std::size_t>(world)) || batches == 1) ranges.emplace_back(from, to);
      }
      const std::uint64_t augmentSeed = config.seed * 1000ULL + static_cast<std::uint64_t>(epoch);
      auto prepare = [&](std::size_t k) {
        return std::async(std::launch::async, [&, k] {
          const auto [from, to] = sliceOf(ranges[k].first, ranges[k].second);
          return batchTensor(pictures.value(), order, from, to, manifest, &config.augment, augmentSeed, config.loaderThreads);
        });
      };
      double dataWait = 0;
      std::future<torch::Tensor> pending = ranges.empty() ? std::future<torch::Tensor>() : prepare(0);
      for (std::size_t k = 0; k < ranges.size(); ++k) {
        if (cb.cancel && cb.cancel->load()) return trainError(ErrorCode::Cancelled, "training cancelled; resume with --resume");
        const auto [from, to] = ranges[k];
        const auto waitStart = std::chrono::steady_clock::now();
        const auto x = pending.get();
        dataWait += std::chrono::duration<double>(std::chrono::steady_clock::now() - waitStart).count();
        if (k + 1 < ranges.size()) pending = prepare(k + 1);
        optimizer->zero_grad();
        double batchLoss = 0;
        if (reducer) {
          // The Reducer averages over the ranks, so each rank's share is scaled up by their number.
          const auto [own, ownEnd] = sliceOf(from, to);
          reducer->prepareForForward();
          const auto share = shareOfLoss(net->forward(x, covariatesTensor(data, order, own, ownEnd, manifest)),
                                         targetsTensor(data, order, own, ownEnd), manifest.task, weights, data, order, from, to);
          reducer->prepareForBackward();
          try {
            (share * static_cast<double>(world)).backward();
          } catch (const std::exception& e) {  // the Reducer waits for its all-reduces at the end of backward;
            // Gloo's own exceptions (a peer's socket closed) come through as they are, not as c10::Error
            const auto* c10 = dynamic_cast<const c10::Error*>(&e);
            throw internal::GroupError("rank " + std::to_string(rank) + ": gradient all-reduce failed (another rank stopped, or the network or the timeout broke the group): " +
                                       (c10 ? c10->what_without_backtrace() : e.what()));
          }
          batchLoss = share.item<double>();  // summed over the ranks at the epoch's end
        } else {
          const auto loss = lossOf(net->forward(x, covariatesTensor(data, order, from, to, manifest)),
                                   targetsTensor(data, order, from, to), manifest.task, weights);
          loss.backward();
          batchLoss = loss.item<double>();
        }
        if (config.gradClip > 0) torch::nn::utils::clip_grad_norm_(trainable, config.gradClip);
        optimizer->step();
        lossSum += batchLoss * static_cast<double>(to - from);
        if (cb.progress) cb.progress({epoch, config.epochs, static_cast<int>(from / globalBatch + 1),
                                      static_cast<int>(batches), batchLoss * world});
      }

      std::vector<std::vector<float>> probabilities;
      double validationLoss = 0;
      if (group) {
        group->averageBuffers(*net);
        auto [own, ownLoss] = predict(*net, pictures.value(), data, ownValidation, manifest, weights, config.batchSize);
        // Every rank's rows in place, zeros elsewhere: one sum gives all ranks every row.
        const std::size_t labels = data.labels.size();
        auto rows = torch::zeros({static_cast<int64_t>(split.validation.size()), static_cast<int64_t>(labels) + 2}, torch::kDouble);
        auto cell = rows.accessor<double, 2>();
        for (std::size_t k = 0; k < own.size(); ++k)
          for (std::size_t l = 0; l < labels; ++l) cell[static_cast<int64_t>(static_cast<std::size_t>(rank) + k * static_cast<std::size_t>(world))][static_cast<int64_t>(l)] = own[k][l];
        cell[0][static_cast<int64_t>(labels)] = ownLoss * static_cast<double>(own.size());
        cell[0][static_cast<int64_t>(labels) + 1] = lossSum;
        group->allReduceSum(rows);
        probabilities.assign(split.validation.size(), std::vector<float>(labels));
        for (std::size_t f = 0; f < split.validation.size(); ++f)
          for (std::size_t l = 0; l < labels; ++l) probabilities[f][l] = static_cast<float>(cell[static_cast<int64_t>(f)][static_cast<int64_t>(l)]);
        validationLoss = cell[0][static_cast<int64_t>(labels)] / static_cast<double>(split.validation.size());
        lossSum = cell[0][static_cast<int64_t>(labels) + 1];
      } else {
        std::tie(probabilities, validationLoss) = predict(*net, pictures.value(), data, split.validation, manifest, weights, config.batchSize);
      }
      const Scores s = score(probabilities, data, split.validation);
      EpochReport report;
      report.epoch = epoch;
      report.trainLoss = lossSum / static_cast<double>(split.train.size());
      report.validationLoss = validationLoss;
      report.validationAuc = s.auc;
      report.meanAuc = s.meanAuc;
      report.meanAveragePrecision = s.meanAveragePrecision;
      report.accuracy = s.accuracy;
      report.learningRate = lr;
      report.dataWaitSeconds = dataWait;
      // Single-label runs keep the epoch with the best accuracy, multi-label the best mean AUC.
      const double metric = data.task == ai::Task::SingleLabel ? s.accuracy + 1e-3 * s.meanAuc : s.meanAuc;
      report.best = metric > bestAuc;
      if (report.best) {
        bestAuc = metric;
        bestEpoch = epoch;
        sinceBest = 0;
        plateau = 0;
        if (writer)
          if (Status st = ai::internal::writeStateDict(*net, config.output + "/best.pt"); !st.ok()) return st.error();
      } else {
        ++sinceBest;
        if (config.scheduler == "plateau" && ++plateau > config.plateauPatience) {
          lr *= 0.5;
          plateau = 0;
        }
      }
      report.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - epochStart).count();
      history.push_back(report);

      // Checkpoint (rank 0 only): weights and optimizer under the epoch's name first, then the state
      // that names them.
      if (writer) {
        if (Status st = ai::internal::writeStateDict(*net, config.output + "/model-e" + std::to_string(epoch) + ".pt"); !st.ok()) return st.error();
        if (Status st = internal::saveOptimizer(*optimizer, config.output + "/optimizer-e" + std::to_string(epoch) + ".pt"); !st.ok()) return st.error();
        nlohmann::json state = {{"epoch", epoch}, {"best_epoch", bestEpoch}, {"best_auc", bestAuc}, {"since_best", sinceBest},
                                {"plateau", plateau}, {"lr", lr}, {"history", nlohmann::json::array()}};
        for (const auto& h : history) state["history"].push_back(reportJson(h, data.labels));
        if (Status st = writeFileAtomically(statePath, state.dump(1)); !st.ok()) return st.error();
        fs::remove(config.output + "/model-e" + std::to_string(epoch - 1) + ".pt", ec);
        fs::remove(config.output + "/optimizer-e" + std::to_string(epoch - 1) + ".pt", ec);
        std::ofstream(config.output + "/metrics.jsonl", std::ios::app) << reportJson(report, data.labels).dump() << "\n";
      }
      if (cb.epochEnded) cb.epochEnded(report);
      if (cb.stopAfterEpoch > 0 && epoch == cb.stopAfterEpoch)
        return trainError(ErrorCode::Cancelled, "stopped after epoch " + std::to_string(epoch));
      if (config.earlyStopping > 0 && sinceBest >= config.earlyStopping) {
        log("early stop: no validation improvement for " + std::to_string(sinceBest) + " epochs");
        break;
      }
    }

    TrainSummary summary;
    summary.labels = data.labels;
    summary.epochsRun = static_cast<int>(history.size());
    summary.bestEpoch = bestEpoch;
    summary.bestValidationAuc = bestAuc;
    summary.history = history;
    if (!writer) return summary;  // rank 0 exports; the others are done with the last epoch

    // Export the best epoch: operating points by Youden's J on validation, metrics on the test patients.
    auto best = ai::internal::readStateDict(config.output + "/best.pt");
    if (!best.ok()) return best.error();
    if (Status st = ai::internal::applyStateDict(*net, best.value(), config.output + "/best.pt"); !st.ok()) return st.error();
    auto [validation, ignoredLoss] = predict(*net, pictures.value(), data, split.validation, manifest, weights, config.batchSize);
    auto [test, testLoss] = predict(*net, pictures.value(), data, split.test, manifest, weights, config.batchSize);
    summary.testSet.labels = data.labels;
    summary.testSet.task = data.task;
    for (std::size_t i : split.test.empty() ? split.validation : split.test) summary.testSet.samples.push_back(data.samples[i]);
    nlohmann::json metrics = {{"best_epoch", bestEpoch}, {"validation_films", split.validation.size()}, {"test_films", split.test.size()},
                              {"test", nlohmann::json::object()}};
    const Scores testScores = score(test, data, split.test);
    for (std::size_t l = 0; l < data.labels.size(); ++l) {
      const auto op = youdenPoint(column(validation, l), truthOf(data, split.validation, l));
      manifest.operatingPoints[l] = {op.threshold, op.sensitivity, op.specificity};
      const auto truth = truthOf(data, split.test, l);
      const auto scores = column(test, l);
      nlohmann::json m = {{"positives", std::count(truth.begin(), truth.end(), 1.0f)}, {"films", truth.size()}};
      if (const auto auc = rocAuc(scores, truth)) {
        m["auc"] = *auc;
        if (const auto ci = bootstrapAucInterval(scores, truth, 1000, config.seed)) m["auc_95ci"] = {ci->low, ci->high};
        const auto at = atThreshold(scores, truth, op.threshold);
        m["sensitivity"] = at.sensitivity;
        m["specificity"] = at.specificity;
      }
      metrics["test"][data.labels[l]] = m;
      summary.testRoc.push_back(rocCurve(scores, truth));
    }
    if (data.task == ai::Task::SingleLabel) {
      const std::size_t k = data.labels.size();
      summary.testConfusion.assign(k, std::vector<int>(k, 0));
      for (std::size_t f = 0; f < split.test.size(); ++f) {
        const auto& t = data.samples[split.test[f]].targets;
        const auto truthClass = static_cast<std::size_t>(std::max_element(t.begin(), t.end()) - t.begin());
        const auto predicted = static_cast<std::size_t>(std::max_element(test[f].begin(), test[f].end()) - test[f].begin());
        ++summary.testConfusion[truthClass][predicted];
      }
    }
    metrics["test_mean_auc"] = testScores.meanAuc;
    if (data.task == ai::Task::SingleLabel) metrics["test_accuracy"] = testScores.accuracy;
    summary.testAuc = testScores.auc;
    summary.testMeanAuc = testScores.meanAuc;

    const std::string pack = config.output + "/pack";
    fs::create_directories(pack, ec);
    if (Status st = ai::internal::writeStateDict(*net, pack + "/weights.pt", config.exportHalf); !st.ok()) return st.error();
    auto hash = ai::sha256File(pack + "/weights.pt");
    if (!hash.ok()) return hash.error();
    manifest.weightsFile = "weights.pt";
    manifest.weightsSha256 = hash.value();
    manifest.provenanceData = provenanceOfData(config);
    manifest.provenanceCommand = "hilum-cli train " + config.configPath;
    manifest.provenanceDate = utcIsoTime();
    manifest.provenanceSoftware = std::string("hilum ") + HILUM_VERSION + " (git " + HILUM_GIT_REVISION + ")";
    manifest.metricsJson = metrics.dump();
    if (Status st = writeFileAtomically(pack + "/model.json", ai::toJson(manifest)); !st.ok()) return st.error();
    if (crop) {  // the pinned segmenter beside the pack, so the run folder opens as it is
      const fs::path beside = fs::path(config.output) / manifest.lungCrop->segmenter;
      if (fs::weakly_canonical(beside, ec) != fs::weakly_canonical(config.lungCropSegmenter, ec)) {
        fs::remove_all(beside, ec);
        fs::copy(config.lungCropSegmenter, beside, fs::copy_options::recursive, ec);
        if (ec) return trainError(ErrorCode::WriteFailed, "cannot copy the segmentation pack beside the exported one: " + ec.message(),
                                  beside.string());
      }
    }
    summary.packDirectory = pack;
    log("exported epoch " + std::to_string(bestEpoch) + " to " + pack);

    // Probabilities that mean what they say, and a way to say "unlike my training films": both
    // fitted on this run's own splits (calibration on validation; the detector on training films,
    // its threshold on validation), so the pack never meets its test films before its metrics do.
    if (config.exportCalibration && split.validation.size() >= 5) {
      std::vector<std::vector<float>> logits, targets;
      for (std::size_t f = 0; f < split.validation.size(); ++f) {
        std::vector<float> z;
        for (float p : validation[f]) {
          const double q = std::clamp(static_cast<double>(p), 1e-7, 1.0 - 1e-7);
          // Softmax is shift-invariant: log p serves as its logits.
          z.push_back(static_cast<float>(data.task == ai::Task::MultiLabel ? std::log(q / (1.0 - q)) : std::log(q)));
        }
        logits.push_back(std::move(z));
        targets.push_back(data.samples[split.validation[f]].targets);
      }
      const auto calibrated = calibratePack(pack, logits, targets);
      if (!calibrated.ok()) return calibrated.error();
      summary.reliabilityBefore = calibrated.value().reliabilityBefore;
      summary.reliabilityAfter = calibrated.value().reliabilityAfter;
      summary.eceBefore = calibrated.value().meanEceBefore;
      summary.eceAfter = calibrated.value().meanEceAfter;
      log("calibrated on " + std::to_string(split.validation.size()) + " validation films: mean ECE " +
          std::to_string(calibrated.value().meanEceBefore) + " -> " + std::to_string(calibrated.value().meanEceAfter));
    }
    if (config.exportOod && split.train.size() >= 2) {
      const auto fit = pooledFeatures(*net, pictures.value(), split.train, manifest, config.batchSize);
      const auto heldOut = pooledFeatures(*net, pictures.value(), split.validation, manifest, config.batchSize);
      const auto ood = ai::fitOutOfDistribution(pack, fit, heldOut, 0.99);
      if (!ood.ok()) return ood.error();
      log("out-of-distribution threshold " + std::to_string(ood.value().threshold));
    }
    return summary;
  } catch (const internal::GroupError& e) {
    return trainError(ErrorCode::Internal, std::string("distributed training stopped: ") + e.what() +
                                               "; restart every rank with --resume to continue from the last checkpoint", config.output);
  } catch (const c10::Error& e) {
    return trainError(ErrorCode::Internal, std::string("training failed: ") + e.what_without_backtrace(), config.configPath);
  } catch (const nlohmann::json::exception& e) {
    return trainError(ErrorCode::Malformed, std::string("run state is damaged: ") + e.what(), config.output);
  } catch (const std::exception& e) {  // Gloo and the standard library throw their own types
    return trainError(ErrorCode::Internal, std::string("training failed: ") + e.what(), config.configPath);
  }
}

}  // namespace hilum::train

namespace hilum::train {

Result<StepTiming> benchmarkTrainingStep(const std::string& architecture, int batchSize, int inputSize, int runs, int threads,
                                         const DistributedOptions& distributed) {
  try {
    StepTiming timing;
    std::unique_ptr<internal::TrainingGroup> group;
    if (distributed.active()) group = internal::TrainingGroup::join(distributed);
    timing.worldSize = group ? group->size() : 1;
    const int localRanks = distributed.localWorldSize > 0 ? distributed.localWorldSize : timing.worldSize;
    timing.threads = threads > 0 ? threads : std::max(1, ai::physicalCores() / localRanks);
    at::set_num_threads(timing.threads);
    torch::manual_seed(0);
    auto net = ai::internal::makeNetwork(architecture, 14, 3);
    net->train();
    if (group) group->broadcastModule(*net);
    const auto parameters = net->parameters();
    const auto reducer = group ? group->reducerFor(parameters) : nullptr;
    torch::optim::AdamW optimizer(parameters, torch::optim::AdamWOptions(1e-3));
    torch::manual_seed(1 + (group ? group->rank() : 0));  // each rank its own films
    const auto x = torch::randn({batchSize, 3, inputSize, inputSize});
    const auto y = torch::randint(0, 2, {batchSize, 14}).to(torch::kFloat);
    std::vector<double> ms;
    for (int i = 0; i < runs + 2; ++i) {  // two warm-up steps (the Reducer rebuilds its buckets after the first)
      const auto start = std::chrono::steady_clock::now();
      if (reducer) reducer->prepareForForward();
      const auto loss = F::binary_cross_entropy_with_logits(net->forward(x), y);
      if (reducer) reducer->prepareForBackward();
      optimizer.zero_grad();
      loss.backward();
      optimizer.step();
      if (i >= 2) ms.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count());
    }
    std::sort(ms.begin(), ms.end());
    timing.medianMs = ms[ms.size() / 2];
    timing.minMs = ms.front();
    timing.maxMs = ms.back();
    timing.imagesPerSecond = 1000.0 * batchSize * timing.worldSize / timing.medianMs;
    if (group) {
      // The communication alone: every gradient, as one flat tensor, all-reduced once per step.
      int64_t count = 0;
      for (const auto& p : parameters) count += p.numel();
      auto flat = torch::ones({count});
      std::vector<double> reduceMs;
      for (int i = 0; i < runs + 1; ++i) {
        group->barrier();
        const auto start = std::chrono::steady_clock::now();
        group->allReduceSum(flat);
        if (i >= 1) reduceMs.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count());
      }
      std::sort(reduceMs.begin(), reduceMs.end());
      timing.allReduceMedianMs = reduceMs[reduceMs.size() / 2];
    }
    return timing;
  } catch (const std::invalid_argument& e) {
    return trainError(ErrorCode::InvalidArgument, e.what());
  } catch (const internal::GroupError& e) {
    return trainError(ErrorCode::Internal, e.what());
  } catch (const c10::Error& e) {
    return trainError(ErrorCode::Internal, e.what_without_backtrace());
  } catch (const std::exception& e) {
    return trainError(ErrorCode::Internal, e.what());
  }
}

}  // namespace hilum::train
