#include "hilum/ai/lung_segmenter.h"

#include "hilum/ai/internal/state_dict.h"
#include "hilum/ai/internal/unet.h"
#include "hilum/ai/model_manifest.h"

#include <torch/torch.h>

#include <mutex>

namespace hilum::ai {
namespace {

Error segError(ErrorCode code, const std::string& reason, const std::string& path) { return Error(Module::Ai, code, reason, path); }

}  // namespace

class LungSegmenter::Impl {
public:
  SegmentationManifest manifest;
  ModelManifest input;  // the same geometry and normalisation as a classification manifest
  internal::UNet net{nullptr};
  std::mutex mutex;

  std::vector<float> run(const InputPicture& picture) {
    const ModelInput normalised = normalise(picture, input);
    const int size = picture.size;
    auto x = torch::from_blob(const_cast<float*>(normalised.values.data()), {1, 1, size, size}, torch::kFloat);
    c10::InferenceMode inference;
    const auto p = torch::sigmoid(net->forward(x)).contiguous();
    const float* values = p.data_ptr<float>();
    return std::vector<float>(values, values + static_cast<std::ptrdiff_t>(size) * size);
  }
};

LungSegmenter::LungSegmenter(std::unique_ptr<Impl> impl) : d(std::move(impl)) {}
LungSegmenter::~LungSegmenter() = default;

const SegmentationManifest& LungSegmenter::manifest() const { return d->manifest; }

Result<std::unique_ptr<LungSegmenter>> LungSegmenter::open(const std::string& packDirectory, int threads) {
  auto manifest = readSegmentationManifest(packDirectory);
  if (!manifest.ok()) return manifest.error();
  auto impl = std::make_unique<Impl>();
  impl->manifest = std::move(manifest).value();
  const SegmentationManifest& m = impl->manifest;
  impl->input = m.asModelManifest();
  const std::string weightsPath = m.weightsPath();
  auto hash = sha256File(weightsPath);
  if (!hash.ok()) return hash.error();
  if (hash.value() != m.weightsSha256)
    return segError(ErrorCode::Malformed, "weights do not match the sha256 in " + std::string(kSegmentationManifestFile) +
                                              " (damaged or replaced: " + hash.value().substr(0, 12) + "... instead of " +
                                              m.weightsSha256.substr(0, 12) + "...)",
                    weightsPath);
  if (threads > 0) at::set_num_threads(threads);
  try {
    internal::UNetOptions options;
    options.baseChannels = m.baseChannels;
    options.levels = m.levels;
    impl->net = internal::UNet(options);
    auto weights = internal::readStateDict(weightsPath);
    if (!weights.ok()) return weights.error();
    if (Status applied = internal::applyStateDict(*impl->net, weights.value(), weightsPath); !applied.ok()) return applied.error();
    impl->net->eval();
    InputPicture blank;  // warm-up, and proof that the weights run at the manifest's size
    blank.size = m.inputSize;
    blank.pixels.assign(static_cast<std::size_t>(m.inputSize) * m.inputSize, 0);
    impl->run(blank);
  } catch (const c10::Error& e) {
    return segError(ErrorCode::Malformed, std::string("segmentation network cannot be loaded or run: ") + e.what_without_backtrace(),
                    weightsPath);
  } catch (const std::exception& e) {
    return segError(ErrorCode::Internal, std::string("segmentation network cannot be loaded: ") + e.what(), weightsPath);
  }
  return std::unique_ptr<LungSegmenter>(new LungSegmenter(std::move(impl)));
}

Result<std::vector<float>> LungSegmenter::probabilities(const InputPicture& picture) {
  if (picture.size != d->manifest.inputSize ||
      picture.pixels.size() != static_cast<std::size_t>(picture.size) * static_cast<std::size_t>(picture.size))
    return segError(ErrorCode::InvalidArgument,
                    "picture is " + std::to_string(picture.size) + " px, the pack takes " + std::to_string(d->manifest.inputSize),
                    d->manifest.directory);
  std::lock_guard<std::mutex> lock(d->mutex);
  try {
    return d->run(picture);
  } catch (const c10::Error& e) {
    return segError(ErrorCode::Internal, std::string("segmentation failed: ") + e.what_without_backtrace(), d->manifest.directory);
  } catch (const std::bad_alloc&) {
    return segError(ErrorCode::TooLarge, "out of memory while segmenting", d->manifest.directory);
  }
}

Result<Segmentation> LungSegmenter::segment(const film::Film& film) {
  auto picture = filmToPicture(film, d->input);
  if (!picture.ok()) return picture.error();
  auto p = probabilities(picture.value());
  if (!p.ok()) return p.error().withPath(film.path());
  try {
    Segmentation out = segmentationFromProbabilities(p.value(), picture.value().size, picture.value().geometry, d->manifest.threshold,
                                                     d->manifest.keepComponents);
    out.model = d->manifest.name + " " + d->manifest.version;
    out.structure = d->manifest.structure;
    return out;
  } catch (const std::bad_alloc&) {
    return segError(ErrorCode::TooLarge, "out of memory for the film-size mask", film.path());
  } catch (const std::exception& e) {  // cv::Exception
    return segError(ErrorCode::Internal, std::string("segmentation post-processing failed: ") + e.what(), film.path());
  }
}

}  // namespace hilum::ai
