#include "tiny_pack.h"

#include "dicom_fixture.h"

#include "hilum/ai/internal/networks.h"
#include "hilum/ai/internal/state_dict.h"
#include "hilum/ai/preprocess.h"
#include "hilum/base/atomic_file.h"

#include <torch/script.h>

#include <cmath>
#include <random>
#include <stdexcept>

namespace hilum::test {

film::Film shapesFilm(double cx, double cy, double barY, const std::string& name) {
  film::PixelBuffer pixels;
  pixels.columns = pixels.rows = 128;
  pixels.data.resize(128 * 128);
  for (int y = 0; y < 128; ++y)
    for (int x = 0; x < 128; ++x) {
      const double dx = x / 127.0 - cx, dy = y / 127.0 - cy;
      const bool inDisc = cx >= 0 && dx * dx + dy * dy < 0.12 * 0.12;
      const bool inBar = barY >= 0 && std::abs(y / 127.0 - barY) < 0.05 && x > 12 && x < 116;
      const bool inside = inDisc || inBar;
      pixels.data[static_cast<std::size_t>(y) * 128 + x] = static_cast<std::uint16_t>(inside ? 3500 : 300 + (x * 7 + y * 3) % 200);
    }
  film::FilmMetadata metadata;
  metadata.bitsStored = 12;
  metadata.photometric = "MONOCHROME2";
  return film::Film(name + ".dcm", std::move(pixels), {}, {}, metadata);
}

void writeFilmDicom(const film::Film& film, const std::string& path) {
  DicomSpec spec;
  spec.rows = film.rows();
  spec.columns = film.columns();
  for (std::size_t i = 0; i < film.pixels().size(); ++i) spec.pixels.push_back(film.pixels().value(i));
  writeDicom(spec, path);
}

ai::ModelManifest tinyManifest() {
  ai::ModelManifest m;
  m.name = "tiny-blobs";
  m.version = "0.1";
  m.architecture = "smallcnn";
  m.labels = {{"Disc", "", {}}, {"Bar", "", {}}};
  m.inputSize = 32;
  m.inputChannels = 1;
  m.normalization = {"unit", {0.0}, {1.0}, 1.0, 0.0};
  m.window = ai::FilmWindow::FullRange;
  m.operatingPoints = {ai::OperatingPoint{0.5, 0.9, 0.8}, ai::OperatingPoint{0.5, std::nullopt, std::nullopt}};
  m.weightsFile = "weights.pt";
  m.provenanceData = "generated shape films";
  m.provenanceCommand = "test_ai";
  return m;
}

void writeManifest(const std::string& directory, ai::ModelManifest manifest) {
  auto hash = ai::sha256File(directory + "/" + manifest.weightsFile);
  if (!hash.ok()) throw std::runtime_error(hash.error().message());
  manifest.weightsSha256 = hash.value();
  const Status written = writeFileAtomically(directory + "/model.json", ai::toJson(manifest));
  if (!written.ok()) throw std::runtime_error(written.error().message());
}

ai::ModelManifest writeTinyPack(const std::string& directory, ai::Task task) {
  torch::manual_seed(7);
  ai::ModelManifest manifest = tinyManifest();
  manifest.task = task;
  auto net = ai::internal::makeNetwork("smallcnn", 2, 1);
  torch::optim::Adam optimiser(net->parameters(), torch::optim::AdamOptions(1e-2));
  std::mt19937 random(11);
  std::uniform_real_distribution<double> where(0.15, 0.85);
  std::bernoulli_distribution coin(0.5);
  net->train();
  for (int step = 0; step < 150; ++step) {
    std::vector<torch::Tensor> inputs, targets;
    for (int i = 0; i < 16; ++i) {
      bool disc = coin(random), bar = coin(random);
      if (task == ai::Task::SingleLabel) bar = !disc;
      // Training goes through the same preprocessing as analysis.
      const auto film = shapesFilm(disc ? where(random) : -1.0, where(random), bar ? where(random) : -1.0);
      const auto input = ai::preprocess(film, manifest).value();
      inputs.push_back(torch::from_blob(const_cast<float*>(input.values.data()), {1, 32, 32}).clone());
      targets.push_back(torch::tensor({disc ? 1.0f : 0.0f, bar ? 1.0f : 0.0f}));
    }
    const auto x = torch::stack(inputs);
    const auto y = torch::stack(targets);
    const auto logits = net->forward(x);
    const auto loss = task == ai::Task::MultiLabel
                          ? torch::binary_cross_entropy_with_logits(logits, y)
                          : torch::nn::functional::cross_entropy(logits, y.argmax(1));
    optimiser.zero_grad();
    loss.backward();
    optimiser.step();
  }
  net->eval();
  const Status saved = ai::internal::writeStateDict(*net, directory + "/weights.pt");
  if (!saved.ok()) throw std::runtime_error(saved.error().message());
  writeManifest(directory, manifest);
  return manifest;
}

ai::ModelManifest writeRandomPack(const std::string& directory, const std::string& architecture,
                                  const std::vector<std::string>& labels, int inputSize, int channels) {
  torch::manual_seed(3);
  ai::ModelManifest manifest = tinyManifest();
  manifest.name = "random-" + architecture;
  manifest.architecture = architecture;
  manifest.labels.clear();
  manifest.operatingPoints.clear();
  for (const auto& l : labels) {
    manifest.labels.push_back({l, "", {}});
    manifest.operatingPoints.push_back({});
  }
  manifest.inputSize = inputSize;
  manifest.inputChannels = channels;
  manifest.normalization = channels == 3 ? ai::Normalization{"imagenet", {0.485, 0.456, 0.406}, {0.229, 0.224, 0.225}, 1.0, 0.0}
                                         : ai::Normalization{"unit", {0.0}, {1.0}, 1.0, 0.0};
  auto net = ai::internal::makeNetwork(architecture, static_cast<int>(labels.size()), channels);
  net->eval();
  const Status saved = ai::internal::writeStateDict(*net, directory + "/weights.pt");
  if (!saved.ok()) throw std::runtime_error(saved.error().message());
  writeManifest(directory, manifest);
  return manifest;
}

ai::ModelManifest writeScriptPack(const std::string& directory, int outputs, bool splittable) {
  torch::manual_seed(5);
  torch::jit::Module module("HilumTestScript");
  module.register_parameter("weight", torch::randn({outputs, 4}), false);
  module.register_parameter("kernel", torch::randn({4, 1, 3, 3}), false);
  const std::string features = R"(
  def features(self, x):
      return torch.relu(torch.conv2d(x, self.kernel, padding=1))
  def head(self, f):
      return torch.matmul(torch.mean(f, dim=[2, 3]), self.weight.t())
  def forward(self, x):
      return self.head(self.features(x))
)";
  const std::string plain = R"(
  def forward(self, x):
      f = torch.relu(torch.conv2d(x, self.kernel, padding=1))
      return torch.matmul(torch.mean(f, dim=[2, 3]), self.weight.t())
)";
  module.define(splittable ? features : plain);
  module.save(directory + "/weights.pt");
  ai::ModelManifest manifest = tinyManifest();
  manifest.name = "script-test";
  manifest.architecture.clear();
  manifest.weightsFormat = ai::WeightsFormat::TorchScript;
  writeManifest(directory, manifest);
  return manifest;
}

}  // namespace hilum::test
