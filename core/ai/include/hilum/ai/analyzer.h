#pragma once
// Analyzer: one loaded model pack serving many films. open() validates the pack (manifest, weights
// hash, architecture, label count), picks the device, sets the thread count and runs a warm-up pass,
// so the first real film is as fast as the rest.
//
// Thread safety: analyze() may be called from any thread; calls on one Analyzer are serialised
// (one forward at a time keeps memory predictable). Long work belongs on a worker thread: analyze()
// reports progress through a callback and stops early when the cancel flag is set.
#include "hilum/ai/findings.h"
#include "hilum/ai/model_manifest.h"
#include "hilum/ai/preprocess.h"
#include "hilum/base/result.h"
#include "hilum/film/film.h"

#include <atomic>
#include <functional>
#include <memory>
#include <optional>
#include <string>

namespace hilum::ai {

struct AnalyzerOptions {
  std::string device = "auto";  // "auto" (CUDA when built in and present), "cpu", "cuda", "cuda:N"
  int threads = 0;              // intra-op threads; 0: one per physical core
  bool warmUp = true;
  // The model-randomisation sanity check (Adebayo et al. 2018): the pack's architecture with fresh,
  // seeded random weights instead of its trained ones. Heatmaps that survive this show the image,
  // not the model. State-dict packs only.
  bool randomWeights = false;
};

enum class HeatmapMethod {
  Auto,     // CAM from the forward pass where the head is GAP + linear (exactly Grad-CAM there), else Grad-CAM
  GradCam,  // autograd Grad-CAM on the target layer, one backward pass per label
};

struct AnalyzeOptions {
  bool heatmaps = true;
  HeatmapMethod method = HeatmapMethod::Auto;
  // For packs that read patient covariates: these instead of what the film's header says (evaluation
  // passes the data set's values; the CLI's --age/--sex/--view fill gaps of a header or a PNG).
  std::optional<PatientCovariates> patient;
  const std::atomic<bool>* cancel = nullptr;               // set -> analyze() returns ErrorCode::Cancelled
  std::function<void(double fraction, const char* stage)> progress;  // called on the calling thread
};

// Fits the pack's out-of-distribution detector from pooled features of in-distribution films
// (`fit`, e.g. the training split) and sets its threshold at `quantile` of the distances of other
// in-distribution films (`heldOut`, e.g. validation). Writes the statistics file and the updated
// model.json (both atomically); the covariance is shrunk towards a scaled identity, so fewer films
// than feature dimensions still give an invertible matrix.
Result<OodSpec> fitOutOfDistribution(const std::string& packDirectory, const std::vector<std::vector<float>>& fit,
                                     const std::vector<std::vector<float>>& heldOut, double quantile = 0.99);

class Analyzer {
public:
  static Result<std::unique_ptr<Analyzer>> open(const std::string& packDirectory, const AnalyzerOptions& options = {});
  ~Analyzer();
  Analyzer(const Analyzer&) = delete;
  Analyzer& operator=(const Analyzer&) = delete;

  const ModelManifest& manifest() const;
  ModelIdentity identity() const;
  std::string device() const;
  int threads() const;
  bool hasFastHeatmaps() const;  // the CAM fast path applies

  Result<Findings> analyze(const film::Film& film, const AnalyzeOptions& options = {});
  // The film as this pack's input: preprocess() of the pack's field of view (its lung crop, when it
  // has one), covariates from the header. What analyze() runs first.
  Result<ModelInput> prepare(const film::Film& film);
  // The same from an already prepared input (tests, benchmarks, training-time evaluation).
  Result<Findings> analyzeInput(const ModelInput& input, const AnalyzeOptions& options = {});
  // The pooled features the out-of-distribution detector reads (global average of the feature map
  // before the head); an Error for packs without a features/head split.
  Result<std::vector<float>> pooledFeatures(const ModelInput& input);
  // The model's outputs before sigmoid/softmax and before any calibration (what calibration fits).
  Result<std::vector<float>> rawLogits(const ModelInput& input);
  // Forward pass only, nothing returned: the baseline `bench analyze` compares against.
  Status forwardOnly(const ModelInput& input);

private:
  class Impl;
  explicit Analyzer(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> d;
};

// Physical cores of this machine (hyper-threads share execution units; LibTorch's GEMMs gain
// nothing from them), at least 1.
int physicalCores();

}  // namespace hilum::ai
