#include "hilum/ai/analyzer.h"

#include "hilum/ai/covariates.h"

#include "hilum/ai/film_gate.h"
#include "hilum/ai/lung_crop.h"
#include "hilum/ai/pack_trust.h"
#include "hilum/base/atomic_file.h"

#include "hilum/ai/internal/networks.h"
#include "hilum/ai/internal/state_dict.h"

#include <ATen/Parallel.h>
#include <torch/csrc/autograd/autograd.h>
#include <torch/script.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <map>
#include <mutex>
#include <numeric>
#include <optional>
#include <set>
#include <stdexcept>
#include <thread>

namespace hilum::ai {
namespace {

using Clock = std::chrono::steady_clock;
double msSince(Clock::time_point t) { return std::chrono::duration<double, std::milli>(Clock::now() - t).count(); }

Error aiError(ErrorCode code, const std::string& reason, const std::string& path = {}) {
  return Error(Module::Ai, code, reason, path);
}

// The network behind a pack: a native one (state dict) or a TorchScript module. Both split at the
// Grad-CAM target layer; a TorchScript module does so when it exports `features` and `head` methods.
class Backend {
public:
  virtual ~Backend() = default;
  virtual torch::Tensor forward(const torch::Tensor& x) = 0;
  virtual bool canSplit() const = 0;
  virtual torch::Tensor features(const torch::Tensor& x) = 0;
  virtual torch::Tensor head(const torch::Tensor& f) = 0;
  virtual std::optional<torch::Tensor> linearWeights() = 0;  // (K, C) when the head is GAP + linear
  // The patient covariates' term added to the logits (networks.h); TorchScript packs read none.
  virtual torch::Tensor withCovariates(const torch::Tensor& logits, const torch::Tensor& covariates) = 0;
  virtual void to(const torch::Device& device) = 0;
};

class NativeBackend : public Backend {
public:
  explicit NativeBackend(std::shared_ptr<internal::ClassifierNetImpl> net) : m_net(std::move(net)) { m_net->eval(); }
  // The image's logits; the covariates' term is added by withCovariates().
  torch::Tensor forward(const torch::Tensor& x) override { return m_net->head(m_net->features(x)); }
  bool canSplit() const override { return true; }
  torch::Tensor features(const torch::Tensor& x) override { return m_net->features(x); }
  torch::Tensor head(const torch::Tensor& f) override { return m_net->head(f); }
  std::optional<torch::Tensor> linearWeights() override {
    auto linear = m_net->linearHead();
    if (!linear) return std::nullopt;
    return linear->weight;
  }
  torch::Tensor withCovariates(const torch::Tensor& logits, const torch::Tensor& covariates) override {
    return m_net->withCovariates(logits, covariates);
  }
  void to(const torch::Device& device) override { m_net->to(device); }

private:
  std::shared_ptr<internal::ClassifierNetImpl> m_net;
};

class ScriptBackend : public Backend {
public:
  explicit ScriptBackend(torch::jit::Module module) : m_module(std::move(module)) {
    m_module.eval();
    m_split = m_module.find_method("features").has_value() && m_module.find_method("head").has_value();
  }
  torch::Tensor forward(const torch::Tensor& x) override { return m_module.forward({x}).toTensor(); }
  bool canSplit() const override { return m_split; }
  torch::Tensor features(const torch::Tensor& x) override { return m_module.get_method("features")({x}).toTensor(); }
  torch::Tensor head(const torch::Tensor& f) override { return m_module.get_method("head")({f}).toTensor(); }
  std::optional<torch::Tensor> linearWeights() override { return std::nullopt; }
  torch::Tensor withCovariates(const torch::Tensor& logits, const torch::Tensor&) override { return logits; }
  void to(const torch::Device& device) override { m_module.to(device); }

private:
  torch::jit::Module m_module;
  bool m_split = false;
};

Result<torch::Device> chooseDevice(const std::string& wanted) {
  const bool cuda = torch::cuda::is_available();
  if (wanted == "auto") return cuda ? torch::Device(torch::kCUDA, 0) : torch::Device(torch::kCPU);
  if (wanted == "cpu") return torch::Device(torch::kCPU);
  if (wanted.rfind("cuda", 0) == 0) {
    if (!cuda)
      return aiError(ErrorCode::Unsupported,
                     "CUDA was asked for, but this LibTorch build has no CUDA support or no GPU is visible");
    try {
      return torch::Device(wanted);
    } catch (const c10::Error&) {
      return aiError(ErrorCode::InvalidArgument, "device \"" + wanted + "\" is not a valid CUDA device");
    }
  }
  return aiError(ErrorCode::InvalidArgument, "device \"" + wanted + "\" is not auto, cpu or cuda[:N]");
}

// The test-time augmentation views of a (1, C, H, W) input as one batch (V, C, H, W): each zoomed
// and shifted by an affine sampling grid, edges repeated (model_manifest.h TtaView).
torch::Tensor augmentedViews(const torch::Tensor& x, const std::vector<TtaView>& views) {
  std::vector<float> theta;
  for (const auto& v : views) {
    // An output pixel at u samples the input at (u - 2 d) / s in [-1, 1] coordinates: the picture
    // grows by s and moves by d of its size.
    const auto a = static_cast<float>(1.0 / v.scale);
    theta.insert(theta.end(), {a, 0.0f, static_cast<float>(-2.0 * v.dx) * a, 0.0f, a, static_cast<float>(-2.0 * v.dy) * a});
  }
  const auto count = static_cast<int64_t>(views.size());
  const auto batch = x.expand({count, x.size(1), x.size(2), x.size(3)}).contiguous();
  const auto grid = at::affine_grid_generator(torch::tensor(theta).reshape({count, 2, 3}).to(x.device()), batch.sizes(), false);
  constexpr int64_t kBilinear = 0, kBorder = 1;
  return at::grid_sampler(batch, grid, kBilinear, kBorder, false);
}

// Normalises each map to [0, 1] by its own maximum: what matters is where a label's evidence lies,
// not how strong it is compared with another label's.
std::vector<float> normalised(const torch::Tensor& map) {
  auto m = map.to(torch::kCPU, torch::kFloat).contiguous();
  const float top = m.max().item<float>();
  if (top > 0.0f) m = m / top;
  else m = torch::zeros_like(m);
  return std::vector<float>(m.data_ptr<float>(), m.data_ptr<float>() + m.numel());
}

}  // namespace

int physicalCores() {
  // Count distinct (physical id, core id) pairs; containers often hide the topology, then fall back.
  std::ifstream cpuinfo("/proc/cpuinfo");
  std::set<std::pair<std::string, std::string>> cores;
  std::string line, physical = "0";
  while (std::getline(cpuinfo, line)) {
    const auto colon = line.find(':');
    if (colon == std::string::npos) continue;
    const std::string key = line.substr(0, line.find_last_not_of(" \t", colon - 1) + 1);
    const std::string value = colon + 2 <= line.size() ? line.substr(colon + 2) : "";
    if (key == "physical id") physical = value;
    if (key == "core id") cores.insert({physical, value});
  }
  const int counted = static_cast<int>(cores.size());
  const int logical = static_cast<int>(std::thread::hardware_concurrency());
  if (counted > 0 && counted <= std::max(1, logical)) return counted;
  return std::max(1, logical);
}

class Analyzer::Impl {
public:
  ModelManifest manifest;
  std::unique_ptr<Backend> backend;
  torch::Device device{torch::kCPU};
  int threads = 1;
  std::mutex mutex;
  torch::Tensor oodMean, oodPrecision;  // CPU float; undefined without a detector
  std::unique_ptr<LungCrop> lungCrop;   // packs that look at the lungs only

  torch::Tensor toTensor(const ModelInput& input) const {
    auto t = torch::from_blob(const_cast<float*>(input.values.data()), {1, input.channels, input.size, input.size},
                              torch::kFloat);
    return t.to(device);  // from_blob does not own: copy before the input goes away
  }
  // (1, width) for packs that read covariates, undefined otherwise. An input prepared without them
  // (tests, benchmarks) counts every covariate as unknown, as the encoding allows.
  torch::Tensor covariateTensor(const ModelInput& input) const {
    if (manifest.covariates.empty()) return {};
    auto values = input.covariates.empty() ? encodeCovariates(manifest.covariates, input.patient) : input.covariates;
    return torch::tensor(values).reshape({1, -1}).to(device);
  }
  // The plain view's image logits with the covariates' term, averaged with the pack's test-time
  // augmentation views (the same covariates for each).
  torch::Tensor finalLogits(const torch::Tensor& x, const torch::Tensor& imageLogits, const ModelInput& input) const {
    const auto covariates = covariateTensor(input);
    auto logits = backend->withCovariates(imageLogits, covariates);
    const auto& views = manifest.testTimeAugmentation;
    if (views.empty()) return logits;
    const auto count = static_cast<int64_t>(views.size());
    const auto extra = backend->withCovariates(backend->forward(augmentedViews(x, views)),
                                               covariates.defined() ? covariates.expand({count, covariates.size(1)}) : covariates);
    return (logits + extra.sum(0, /*keepdim=*/true)) / static_cast<double>(count + 1);
  }
  // The whole network on one input: covariates and test-time augmentation included.
  torch::Tensor logitsOf(const ModelInput& input) const {
    const auto x = toTensor(input);
    return finalLogits(x, backend->forward(x), input);
  }

  Result<Findings> run(const ModelInput& input, const AnalyzeOptions& options);
};

Analyzer::Analyzer(std::unique_ptr<Impl> impl) : d(std::move(impl)) {}
Analyzer::~Analyzer() = default;

const ModelManifest& Analyzer::manifest() const { return d->manifest; }
ModelIdentity Analyzer::identity() const { return {d->manifest.name, d->manifest.version, d->manifest.weightsSha256}; }
std::string Analyzer::device() const { return d->device.str(); }
int Analyzer::threads() const { return d->threads; }
bool Analyzer::hasFastHeatmaps() const { return d->backend->canSplit() && d->backend->linearWeights().has_value(); }

Result<std::unique_ptr<Analyzer>> Analyzer::open(const std::string& packDirectory, const AnalyzerOptions& options) {
  auto manifest = readManifest(packDirectory);
  if (!manifest.ok()) return manifest.error();
  auto impl = std::make_unique<Impl>();
  impl->manifest = std::move(manifest).value();
  const ModelManifest& m = impl->manifest;
  const std::string weightsPath = m.weightsPath();
  // Before anything of the weights is read: TorchScript runs code (pack_trust.h).
  if (auto refused = torchScriptRefusal(m)) return *std::move(refused);

  auto hash = sha256File(weightsPath);
  if (!hash.ok()) return hash.error();
  if (hash.value() != m.weightsSha256)
    return aiError(ErrorCode::Malformed, "weights do not match the manifest's sha256 (damaged or replaced: " +
                                             hash.value().substr(0, 12) + "... instead of " + m.weightsSha256.substr(0, 12) + "...)",
                   weightsPath);

  auto device = chooseDevice(options.device);
  if (!device.ok()) return device.error();
  impl->device = device.value();
  impl->threads = options.threads > 0 ? options.threads : physicalCores();
  at::set_num_threads(impl->threads);  // LibTorch defaults to one thread here
  if (m.lungCrop) {
    auto crop = LungCrop::forPack(m, impl->threads);
    if (!crop.ok()) return crop.error();
    impl->lungCrop = std::move(crop).value();
  }

  try {
    if (m.weightsFormat == WeightsFormat::StateDict) {
      std::shared_ptr<internal::ClassifierNetImpl> net;
      try {
        if (options.randomWeights) torch::manual_seed(0);  // the same "random" model every run
        net = internal::makeNetwork(m.architecture, static_cast<int>(m.labels.size()), m.inputChannels, covariateWidth(m.covariates));
      } catch (const std::invalid_argument& e) {
        return aiError(ErrorCode::Unsupported, e.what(), packDirectory + "/model.json");
      }
      if (!options.randomWeights) {
        auto weights = internal::readStateDict(weightsPath);
        if (!weights.ok()) return weights.error();
        const Status applied = internal::applyStateDict(*net, weights.value(), weightsPath);
        if (!applied.ok()) return applied.error();
      }
      impl->backend = std::make_unique<NativeBackend>(std::move(net));
    } else {
      if (options.randomWeights)
        return aiError(ErrorCode::Unsupported, "random weights need a state-dict pack (TorchScript fixes its own weights)", weightsPath);
      impl->backend = std::make_unique<ScriptBackend>(torch::jit::load(weightsPath));
    }
    impl->backend->to(impl->device);

    // Warm-up doubles as the output-size check TorchScript packs need (native ones fail at load).
    torch::NoGradGuard noGrad;
    ModelInput blank;
    blank.size = m.inputSize;
    blank.channels = m.inputChannels;
    blank.values.assign(static_cast<std::size_t>(m.inputChannels) * m.inputSize * m.inputSize, 0.0f);
    const auto logits = impl->logitsOf(blank);
    if (logits.dim() != 2 || logits.size(1) != static_cast<int64_t>(m.labels.size()))
      return aiError(ErrorCode::Malformed, "model gives " + std::to_string(logits.dim() == 2 ? logits.size(1) : -1) +
                                               " outputs but the manifest lists " + std::to_string(m.labels.size()) + " labels",
                     weightsPath);
    if (options.warmUp && impl->backend->canSplit()) impl->backend->features(
        torch::zeros({1, m.inputChannels, m.inputSize, m.inputSize}, torch::TensorOptions().device(impl->device)));
  } catch (const c10::Error& e) {
    return aiError(ErrorCode::Malformed, std::string("model cannot be loaded or run: ") + e.what_without_backtrace(), weightsPath);
  } catch (const std::exception& e) {
    return aiError(ErrorCode::Internal, std::string("model cannot be loaded: ") + e.what(), weightsPath);
  }
  if (m.ood) {
    const std::string oodPath = m.directory + "/" + m.ood->file;
    auto oodHash = sha256File(oodPath);
    if (!oodHash.ok()) return oodHash.error();
    if (!m.ood->sha256.empty() && oodHash.value() != m.ood->sha256)
      return aiError(ErrorCode::Malformed, "out-of-distribution statistics do not match the manifest's sha256", oodPath);
    if (!impl->backend->canSplit())
      return aiError(ErrorCode::Unsupported, "an out-of-distribution detector needs a model with features and head", oodPath);
    const auto dim = static_cast<std::size_t>(m.ood->dim);
    std::ifstream in(oodPath, std::ios::binary);
    std::vector<float> values(dim + dim * dim);
    in.read(reinterpret_cast<char*>(values.data()), static_cast<std::streamsize>(values.size() * sizeof(float)));
    if (!in || in.peek() != std::char_traits<char>::eof())
      return aiError(ErrorCode::Malformed, "out-of-distribution statistics are not " + std::to_string(dim) + " + " +
                                               std::to_string(dim) + "^2 floats", oodPath);
    impl->oodMean = torch::from_blob(values.data(), {static_cast<int64_t>(dim)}, torch::kFloat).clone();
    impl->oodPrecision = torch::from_blob(values.data() + dim, {static_cast<int64_t>(dim), static_cast<int64_t>(dim)}, torch::kFloat).clone();
  }
  return std::unique_ptr<Analyzer>(new Analyzer(std::move(impl)));
}

Result<ModelInput> Analyzer::prepare(const film::Film& film) {
  std::optional<display::Region> region;
  std::string description;
  if (d->lungCrop) {
    auto view = d->lungCrop->fieldOfView(film);
    if (!view.ok()) return view.error();
    region = view.value().region;
    description = view.value().description;
  }
  auto input = preprocess(film, d->manifest, region);
  if (input.ok()) input.value().fieldOfView = description;
  return input;
}

Result<Findings> Analyzer::analyze(const film::Film& film, const AnalyzeOptions& options) {
  const auto start = Clock::now();
  if (options.progress) options.progress(0.0, "preprocess");
  auto input = prepare(film);
  if (!input.ok()) return input.error();
  if (options.patient) setCovariates(input.value(), d->manifest, *options.patient);
  const double preprocessMs = msSince(start);
  auto findings = analyzeInput(input.value(), options);
  if (!findings.ok()) return findings.error().withPath(film.path());
  findings.value().timing.preprocessMs = preprocessMs;
  const GateResult gate = checkFilm(d->manifest, film);
  findings.value().accepted = gate.accepted;
  findings.value().gateReasons = gate.reasons;
  auto& warnings = findings.value().qualityWarnings;  // the detector's own warning, if any, follows the pixel checks
  warnings.insert(warnings.begin(), gate.qualityWarnings.begin(), gate.qualityWarnings.end());
  findings.value().timing.totalMs = msSince(start);
  return findings;
}

Result<std::vector<float>> Analyzer::rawLogits(const ModelInput& input) {
  if (input.size != d->manifest.inputSize || input.channels != d->manifest.inputChannels)
    return aiError(ErrorCode::InvalidArgument, "input does not have the model's size or channels");
  std::lock_guard<std::mutex> lock(d->mutex);
  c10::InferenceMode inference;
  const auto z = d->logitsOf(input)[0].to(torch::kCPU, torch::kFloat).contiguous();
  return std::vector<float>(z.data_ptr<float>(), z.data_ptr<float>() + z.numel());
}

Result<std::vector<float>> Analyzer::pooledFeatures(const ModelInput& input) {
  if (!d->backend->canSplit()) return aiError(ErrorCode::Unsupported, "the model has no features/head split");
  if (input.size != d->manifest.inputSize || input.channels != d->manifest.inputChannels)
    return aiError(ErrorCode::InvalidArgument, "input does not have the model's size or channels");
  std::lock_guard<std::mutex> lock(d->mutex);
  c10::InferenceMode inference;
  const auto pooled = d->backend->features(d->toTensor(input)).mean({2, 3})[0].to(torch::kCPU, torch::kFloat).contiguous();
  return std::vector<float>(pooled.data_ptr<float>(), pooled.data_ptr<float>() + pooled.numel());
}

Result<OodSpec> fitOutOfDistribution(const std::string& packDirectory, const std::vector<std::vector<float>>& fit,
                                     const std::vector<std::vector<float>>& heldOut, double quantile) {
  auto manifest = readManifest(packDirectory);
  if (!manifest.ok()) return manifest.error();
  if (fit.size() < 2) return aiError(ErrorCode::InvalidArgument, "fitting needs at least two films", packDirectory);
  const auto dim = static_cast<int64_t>(fit.front().size());
  auto toMatrix = [dim](const std::vector<std::vector<float>>& rows) {
    auto t = torch::empty({static_cast<int64_t>(rows.size()), dim}, torch::kDouble);
    for (std::size_t i = 0; i < rows.size(); ++i)
      for (int64_t j = 0; j < dim; ++j) t[static_cast<int64_t>(i)][j] = static_cast<double>(rows[i][static_cast<std::size_t>(j)]);
    return t;
  };
  for (const auto& rows : {fit, heldOut})
    for (const auto& r : rows)
      if (static_cast<int64_t>(r.size()) != dim) return aiError(ErrorCode::InvalidArgument, "feature vectors differ in length", packDirectory);
  const auto f = toMatrix(fit);
  const auto mean = f.mean(0);
  const auto z = f - mean;
  const auto covariance = torch::matmul(z.t(), z) / static_cast<double>(fit.size() - 1);
  // Shrink towards a scaled identity (more when films are few against dimensions): an invertible,
  // well-conditioned estimate where the sample covariance alone would be singular.
  const double n = static_cast<double>(fit.size()), d = static_cast<double>(dim);
  const double alpha = std::max(0.1, d / (n + d));
  const double scale = covariance.trace().item<double>() / d;
  const auto shrunk = covariance * (1.0 - alpha) + torch::eye(dim, torch::kDouble) * (alpha * scale);
  const auto precision = torch::inverse(shrunk);
  const auto& reference = heldOut.empty() ? fit : heldOut;
  const auto r = toMatrix(reference) - mean;
  auto distances = (torch::matmul(r, precision) * r).sum(1).clamp_min(0).sqrt();
  distances = std::get<0>(distances.sort());
  const auto at = static_cast<int64_t>(std::min<double>(distances.size(0) - 1, std::ceil(quantile * static_cast<double>(distances.size(0))) - 1));
  OodSpec spec;
  spec.file = "ood.f32";
  spec.dim = static_cast<int>(dim);
  spec.threshold = distances[std::max<int64_t>(0, at)].item<double>();
  spec.fitFilms = static_cast<int>(fit.size());
  spec.heldOutFilms = static_cast<int>(heldOut.size());
  spec.heldOutQuantile = quantile;

  std::vector<float> values(static_cast<std::size_t>(dim + dim * dim));
  const auto meanF = mean.to(torch::kFloat).contiguous(), precisionF = precision.to(torch::kFloat).contiguous();
  std::memcpy(values.data(), meanF.data_ptr<float>(), static_cast<std::size_t>(dim) * sizeof(float));
  std::memcpy(values.data() + dim, precisionF.data_ptr<float>(), static_cast<std::size_t>(dim * dim) * sizeof(float));
  const std::string statsPath = packDirectory + "/" + spec.file;
  if (const Status s = writeFileAtomically(statsPath, values.data(), values.size() * sizeof(float)); !s.ok()) return s.error();
  auto hash = sha256File(statsPath);
  if (!hash.ok()) return hash.error();
  spec.sha256 = hash.value();
  ModelManifest updated = manifest.value();
  updated.ood = spec;
  if (const Status s = writeFileAtomically(packDirectory + "/model.json", toJson(updated)); !s.ok()) return s.error();
  return spec;
}

Result<Findings> Analyzer::analyzeInput(const ModelInput& input, const AnalyzeOptions& options) {
  if (input.size != d->manifest.inputSize || input.channels != d->manifest.inputChannels)
    return aiError(ErrorCode::InvalidArgument, "input does not have the model's size or channels");
  std::lock_guard<std::mutex> lock(d->mutex);
  try {
    return d->run(input, options);
  } catch (const c10::Error& e) {
    return aiError(ErrorCode::Internal, std::string("inference failed: ") + e.what_without_backtrace());
  } catch (const std::bad_alloc&) {
    return aiError(ErrorCode::TooLarge, "out of memory during inference");
  }
}

Status Analyzer::forwardOnly(const ModelInput& input) {
  std::lock_guard<std::mutex> lock(d->mutex);
  try {
    c10::InferenceMode inference;
    d->logitsOf(input);
  } catch (const c10::Error& e) {
    return aiError(ErrorCode::Internal, std::string("inference failed: ") + e.what_without_backtrace());
  }
  return Status::success();
}

Result<Findings> Analyzer::Impl::run(const ModelInput& input, const AnalyzeOptions& options) {
  auto cancelled = [&options] { return options.cancel != nullptr && options.cancel->load(); };
  auto progress = [&options](double f, const char* stage) {
    if (options.progress) options.progress(f, stage);
  };
  const ModelManifest& m = manifest;
  const std::size_t labels = m.labels.size();
  Findings out;
  out.model = {m.name, m.version, m.weightsSha256};
  out.labels = m.labels;
  out.device = device.str();
  out.task = m.task;
  out.fieldOfView = input.fieldOfView;
  if (cancelled()) return aiError(ErrorCode::Cancelled, "analysis cancelled");
  if (!m.covariates.empty()) {
    // The reader is told what the model read beside the film, and what it had to do without.
    out.covariates = describeCovariates(m.covariates, input.patient);
    out.unknownCovariates = unknownCovariates(m.covariates, input.patient);
  }
  progress(0.1, "inference");

  const auto inferenceStart = Clock::now();
  const torch::Tensor x = toTensor(input);
  const bool wantMaps = options.heatmaps && backend->canSplit();
  const bool fast = wantMaps && options.method == HeatmapMethod::Auto && backend->linearWeights().has_value();
  const bool split = backend->canSplit() && (wantMaps || oodMean.defined());
  torch::Tensor features, logits;
  {
    // Inference mode skips autograd bookkeeping entirely; Grad-CAM needs the features as ordinary
    // tensors it can differentiate through, so it gets plain no-grad instead.
    const bool autograd = wantMaps && !fast;
    std::optional<c10::InferenceMode> inference;
    std::optional<torch::NoGradGuard> noGrad;
    if (autograd) noGrad.emplace();
    else inference.emplace();
    if (split) {
      features = backend->features(x);
      logits = finalLogits(x, backend->head(features), input);
    } else {
      logits = finalLogits(x, backend->forward(x), input);
    }
    if (oodMean.defined()) {
      // Mahalanobis distance of the pooled features to the training films'.
      const auto z = (features.mean({2, 3})[0].to(torch::kCPU, torch::kFloat) - oodMean).unsqueeze(0);
      const double d2 = torch::matmul(torch::matmul(z, oodPrecision), z.t()).item<float>();
      out.oodScore = std::sqrt(std::max(0.0, d2));
      out.oodThreshold = m.ood->threshold;
      if (out.outOfDistribution()) {
        char text[160];
        std::snprintf(text, sizeof text, "unlike the films the model was trained on (out-of-distribution score %.1f, threshold %.1f)",
                      *out.oodScore, *out.oodThreshold);
        out.qualityWarnings.push_back(text);
      }
    }
  }
  torch::Tensor scaled = logits;
  if (!m.calibration.scales.empty()) {
    // Platt / temperature scaling: the ranking stays, the probabilities mean what they say.
    auto vector = [&](const std::vector<double>& v) {
      return torch::tensor(std::vector<float>(v.begin(), v.end())).to(logits.device()).unsqueeze(0);
    };
    scaled = m.task == Task::MultiLabel ? logits * vector(m.calibration.scales) + vector(m.calibration.offsets)
                                        : logits * m.calibration.scales[0];
  }
  const torch::Tensor probabilities =
      (m.task == Task::MultiLabel ? torch::sigmoid(scaled) : torch::softmax(scaled, 1)).to(torch::kCPU).contiguous();
  out.timing.inferenceMs = msSince(inferenceStart);

  std::vector<std::size_t> order(labels);
  std::iota(order.begin(), order.end(), 0);
  const float* p = probabilities.data_ptr<float>();
  std::stable_sort(order.begin(), order.end(), [p](std::size_t a, std::size_t b) { return p[a] > p[b]; });
  for (std::size_t i : order) {
    Finding f;
    f.label = m.labels[i].name;
    f.parent = m.labels[i].parent;
    f.probability = p[i];
    f.threshold = m.operatingPoints[i].threshold;
    f.positive = f.probability >= f.threshold;
    f.sensitivity = m.operatingPoints[i].sensitivity;
    f.specificity = m.operatingPoints[i].specificity;
    out.ranked.push_back(std::move(f));
  }
  if (m.task == Task::SingleLabel) out.topLabel = out.ranked.front().label;
  std::map<std::string, FindingGroup> groups;
  for (const Finding& f : out.ranked) {
    if (f.parent.empty()) continue;
    FindingGroup& g = groups[f.parent];
    g.name = f.parent;
    g.probability = m.task == Task::SingleLabel ? g.probability + f.probability : std::max(g.probability, f.probability);
    g.children.push_back(f.label);
  }
  for (auto& [name, group] : groups) out.groups.push_back(std::move(group));
  std::sort(out.groups.begin(), out.groups.end(), [](const auto& a, const auto& b) { return a.probability > b.probability; });

  if (!wantMaps) return out;
  const auto heatmapStart = Clock::now();
  progress(0.5, "heatmaps");
  torch::Tensor maps;  // (K, h, w), before normalisation
  if (fast) {
    // GAP + linear: d logit_k / d A_c(i,j) = W_kc / (h w), so Grad-CAM's weights are W_k up to a
    // positive constant and every map is one matrix product over the features already computed.
    c10::InferenceMode inference;
    const auto f = features[0];  // (C, h, w)
    const auto w = *backend->linearWeights();
    maps = torch::relu(torch::matmul(w, f.reshape({f.size(0), -1})).reshape({w.size(0), f.size(1), f.size(2)}));
  } else {
    torch::AutoGradMode enable(true);
    auto a = features.detach().requires_grad_(true);
    auto z = backend->head(a);
    std::vector<torch::Tensor> perLabel;
    for (std::size_t k = 0; k < labels; ++k) {
      if (cancelled()) return aiError(ErrorCode::Cancelled, "analysis cancelled");
      const auto grad = torch::autograd::grad({z.select(1, static_cast<int64_t>(k)).sum()}, {a}, {}, /*retain_graph=*/true)[0];
      const auto alpha = grad.mean({2, 3}, /*keepdim=*/true);  // Grad-CAM neuron importance
      perLabel.push_back(torch::relu((alpha * a).sum(1))[0].detach());
      progress(0.5 + 0.5 * static_cast<double>(k + 1) / labels, "heatmaps");
    }
    maps = torch::stack(perLabel);
  }
  for (std::size_t i : order) {
    Heatmap h;
    h.label = m.labels[i].name;
    h.height = static_cast<int>(maps.size(1));
    h.width = static_cast<int>(maps.size(2));
    h.values = normalised(maps[static_cast<int64_t>(i)]);
    h.inputSize = input.size;
    h.geometry = input.geometry;
    out.heatmaps.push_back(std::move(h));
  }
  out.timing.heatmapsMs = msSince(heatmapStart);
  progress(1.0, "done");
  return out;
}

}  // namespace hilum::ai
