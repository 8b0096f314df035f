#include "hilum/ai/internal/networks.h"

#include <stdexcept>

namespace hilum::ai::internal {
namespace {

namespace nn = torch::nn;
namespace F = torch::nn::functional;

// Every convolution before a batch norm has no bias, as in torchvision (the BN shift makes it redundant).
nn::Conv2d conv2d(int in, int out, int kernel, int stride = 1, int padding = 0) {
  return nn::Conv2d(nn::Conv2dOptions(in, out, kernel).stride(stride).padding(padding).bias(false));
}

// ---- DenseNet-121 (Huang et al. 2017; torchvision.models.densenet121) ----------------------------

constexpr int kGrowthRate = 32;
constexpr int kBottleneckWidth = 4;  // bn_size: 1x1 convolutions produce 4 * growth channels
constexpr int kDenseNetInitFeatures = 64;

struct DenseLayerImpl : nn::Module {
  DenseLayerImpl(int in, int growth, int bottleneck)
      : norm1(in), conv1(conv2d(in, bottleneck * growth, 1)), norm2(bottleneck * growth),
        conv2(conv2d(bottleneck * growth, growth, 3, 1, 1)) {
    register_module("norm1", norm1);
    register_module("conv1", conv1);
    register_module("norm2", norm2);
    register_module("conv2", conv2);
  }
  torch::Tensor forward(const torch::Tensor& x) {
    // In-place ReLU on fresh batch-norm outputs, as torchvision does: batch norm's backward does not
    // need its output, and the saved allocation is a measurable part of a DenseNet training step.
    auto y = conv1(norm1(x).relu_());
    y = conv2(norm2(y).relu_());
    return torch::cat({x, y}, 1);
  }
  nn::BatchNorm2d norm1;
  nn::Conv2d conv1;
  nn::BatchNorm2d norm2;
  nn::Conv2d conv2;
};
TORCH_MODULE(DenseLayer);

struct TransitionImpl : nn::Module {
  TransitionImpl(int in, int out) : norm(in), conv(conv2d(in, out, 1)) {
    register_module("norm", norm);
    register_module("conv", conv);
  }
  torch::Tensor forward(const torch::Tensor& x) { return F::avg_pool2d(conv(norm(x).relu_()), F::AvgPool2dFuncOptions(2).stride(2)); }
  nn::BatchNorm2d norm;
  nn::Conv2d conv;
};
TORCH_MODULE(Transition);

// torchvision keeps these in an nn.Sequential named "features" with named children; a Module with
// the same registration order gives the same keys ("features.denseblock1.denselayer1.conv1.weight").
struct DenseFeaturesImpl : nn::Module {
  explicit DenseFeaturesImpl(int inputChannels)
      : conv0(conv2d(inputChannels, kDenseNetInitFeatures, 7, 2, 3)), norm0(kDenseNetInitFeatures) {
    register_module("conv0", conv0);
    register_module("norm0", norm0);
    int channels = kDenseNetInitFeatures;
    const int layers[] = {6, 12, 24, 16};
    for (int b = 0; b < 4; ++b) {
      auto block = std::make_shared<nn::Module>();
      for (int l = 0; l < layers[b]; ++l) {
        block->register_module("denselayer" + std::to_string(l + 1), DenseLayer(channels, kGrowthRate, kBottleneckWidth));
        channels += kGrowthRate;
      }
      blocks.push_back(register_module("denseblock" + std::to_string(b + 1), block));
      if (b < 3) {
        transitions.push_back(register_module("transition" + std::to_string(b + 1), Transition(channels, channels / 2)));
        channels /= 2;
      }
    }
    norm5 = register_module("norm5", nn::BatchNorm2d(channels));
    outChannels = channels;
  }
  torch::Tensor forward(torch::Tensor x) {
    x = norm0(conv0(x)).relu_();
    x = F::max_pool2d(x, F::MaxPool2dFuncOptions(3).stride(2).padding(1));
    for (std::size_t b = 0; b < blocks.size(); ++b) {
      for (const auto& layer : blocks[b]->children()) x = layer->as<DenseLayer>()->forward(x);
      if (b < transitions.size()) x = transitions[b]->forward(x);
    }
    return norm5(x);
  }
  nn::Conv2d conv0;
  nn::BatchNorm2d norm0;
  std::vector<std::shared_ptr<nn::Module>> blocks;
  std::vector<Transition> transitions;
  nn::BatchNorm2d norm5{nullptr};
  int outChannels = 0;
};
TORCH_MODULE(DenseFeatures);

class DenseNet121 : public ClassifierNetImpl {
public:
  DenseNet121(int classes, int inputChannels) : m_features(inputChannels), m_classifier(m_features->outChannels, classes) {
    register_module("features", m_features);
    register_module("classifier", m_classifier);
    // torchvision's initialisation: Kaiming for convolutions, BN at identity, zero classifier bias.
    for (auto& module : modules(/*include_self=*/false)) {
      if (auto* c = module->template as<nn::Conv2d>()) nn::init::kaiming_normal_(c->weight);
      else if (auto* bn = module->as<nn::BatchNorm2d>()) {
        nn::init::ones_(bn->weight);
        nn::init::zeros_(bn->bias);
      }
    }
    nn::init::zeros_(m_classifier->bias);
  }
  torch::Tensor features(const torch::Tensor& x) override { return torch::relu(m_features->forward(x)); }
  torch::Tensor head(const torch::Tensor& f) override {
    return m_classifier(F::adaptive_avg_pool2d(f, F::AdaptiveAvgPool2dFuncOptions(1)).flatten(1));
  }
  nn::Linear linearHead() override { return m_classifier; }

private:
  DenseFeatures m_features;
  nn::Linear m_classifier;
};

// ---- ResNet (He et al. 2016; torchvision.models.resnet18/34/50, v1.5 strides) --------------------

struct BasicBlockImpl : nn::Module {
  static constexpr int kExpansion = 1;
  BasicBlockImpl(int in, int planes, int stride)
      : conv1(conv2d(in, planes, 3, stride, 1)), bn1(planes), conv2(conv2d(planes, planes, 3, 1, 1)), bn2(planes) {
    register_module("conv1", conv1);
    register_module("bn1", bn1);
    register_module("conv2", conv2);
    register_module("bn2", bn2);
    if (stride != 1 || in != planes) {
      downsample = register_module("downsample", nn::Sequential(conv2d(in, planes, 1, stride), nn::BatchNorm2d(planes)));
    }
  }
  torch::Tensor forward(const torch::Tensor& x) {
    auto y = bn2(conv2(bn1(conv1(x)).relu_()));
    return (y + (downsample ? downsample->forward(x) : x)).relu_();
  }
  nn::Conv2d conv1;
  nn::BatchNorm2d bn1;
  nn::Conv2d conv2;
  nn::BatchNorm2d bn2;
  nn::Sequential downsample{nullptr};
};
TORCH_MODULE(BasicBlock);

struct BottleneckImpl : nn::Module {
  static constexpr int kExpansion = 4;
  BottleneckImpl(int in, int planes, int stride)
      : conv1(conv2d(in, planes, 1)), bn1(planes), conv2(conv2d(planes, planes, 3, stride, 1)), bn2(planes),
        conv3(conv2d(planes, planes * kExpansion, 1)), bn3(planes * kExpansion) {
    register_module("conv1", conv1);
    register_module("bn1", bn1);
    register_module("conv2", conv2);
    register_module("bn2", bn2);
    register_module("conv3", conv3);
    register_module("bn3", bn3);
    if (stride != 1 || in != planes * kExpansion) {
      downsample = register_module(
          "downsample", nn::Sequential(conv2d(in, planes * kExpansion, 1, stride), nn::BatchNorm2d(planes * kExpansion)));
    }
  }
  torch::Tensor forward(const torch::Tensor& x) {
    auto y = bn1(conv1(x)).relu_();
    y = bn2(conv2(y)).relu_();
    y = bn3(conv3(y));
    return (y + (downsample ? downsample->forward(x) : x)).relu_();
  }
  nn::Conv2d conv1;
  nn::BatchNorm2d bn1;
  nn::Conv2d conv2;
  nn::BatchNorm2d bn2;
  nn::Conv2d conv3;
  nn::BatchNorm2d bn3;
  nn::Sequential downsample{nullptr};
};
TORCH_MODULE(Bottleneck);

template <typename Block>
class ResNet : public ClassifierNetImpl {
public:
  ResNet(const std::vector<int>& layers, int classes, int inputChannels)
      : m_conv1(conv2d(inputChannels, 64, 7, 2, 3)), m_bn1(64) {
    register_module("conv1", m_conv1);
    register_module("bn1", m_bn1);
    int in = 64;
    const int planes[] = {64, 128, 256, 512};
    for (int l = 0; l < 4; ++l) {
      nn::Sequential layer;
      for (int b = 0; b < layers[static_cast<std::size_t>(l)]; ++b) {
        layer->push_back(Block(in, planes[l], b == 0 && l > 0 ? 2 : 1));
        in = planes[l] * Block::ContainedType::kExpansion;
      }
      m_layers.push_back(register_module("layer" + std::to_string(l + 1), layer));
    }
    m_fc = register_module("fc", nn::Linear(in, classes));
    for (auto& module : modules(false)) {
      if (auto* c = module->template as<nn::Conv2d>()) nn::init::kaiming_normal_(c->weight, 0.0, torch::kFanOut, torch::kReLU);
    }
  }
  torch::Tensor features(const torch::Tensor& x) override {
    auto y = m_bn1(m_conv1(x)).relu_();
    y = F::max_pool2d(y, F::MaxPool2dFuncOptions(3).stride(2).padding(1));
    for (auto& layer : m_layers) y = layer->forward(y);
    return y;  // each block ends in ReLU
  }
  torch::Tensor head(const torch::Tensor& f) override {
    return m_fc(F::adaptive_avg_pool2d(f, F::AdaptiveAvgPool2dFuncOptions(1)).flatten(1));
  }
  nn::Linear linearHead() override { return m_fc; }

private:
  nn::Conv2d m_conv1;
  nn::BatchNorm2d m_bn1;
  std::vector<nn::Sequential> m_layers;
  nn::Linear m_fc{nullptr};
};

// ---- SmallCnn: three conv blocks; trains in seconds on 64 px inputs (tests, tiny models) -----------

class SmallCnn : public ClassifierNetImpl {
public:
  SmallCnn(int classes, int inputChannels)
      : m_conv1(nn::Conv2dOptions(inputChannels, 16, 3).padding(1)), m_bn1(16),
        m_conv2(nn::Conv2dOptions(16, 32, 3).padding(1)), m_bn2(32), m_conv3(nn::Conv2dOptions(32, 32, 3).padding(1)),
        m_classifier(32, classes) {
    register_module("conv1", m_conv1);
    register_module("bn1", m_bn1);
    register_module("conv2", m_conv2);
    register_module("bn2", m_bn2);
    register_module("conv3", m_conv3);
    register_module("classifier", m_classifier);
  }
  torch::Tensor features(const torch::Tensor& x) override {
    auto y = F::max_pool2d(torch::relu(m_bn1(m_conv1(x))), F::MaxPool2dFuncOptions(2));
    y = F::max_pool2d(torch::relu(m_bn2(m_conv2(y))), F::MaxPool2dFuncOptions(2));
    return torch::relu(m_conv3(y));
  }
  torch::Tensor head(const torch::Tensor& f) override {
    return m_classifier(F::adaptive_avg_pool2d(f, F::AdaptiveAvgPool2dFuncOptions(1)).flatten(1));
  }
  nn::Linear linearHead() override { return m_classifier; }

private:
  nn::Conv2d m_conv1;
  nn::BatchNorm2d m_bn1;
  nn::Conv2d m_conv2;
  nn::BatchNorm2d m_bn2;
  nn::Conv2d m_conv3;
  nn::Linear m_classifier;
};

}  // namespace

const std::vector<std::string>& knownArchitectures() {
  static const std::vector<std::string> names = {"densenet121", "resnet18", "resnet34", "resnet50", "smallcnn"};
  return names;
}

namespace {
std::shared_ptr<ClassifierNetImpl> makeImageNetwork(const std::string& architecture, int classes, int inputChannels) {
  if (architecture == "densenet121") return std::make_shared<DenseNet121>(classes, inputChannels);
  if (architecture == "resnet18") return std::make_shared<ResNet<BasicBlock>>(std::vector<int>{2, 2, 2, 2}, classes, inputChannels);
  if (architecture == "resnet34") return std::make_shared<ResNet<BasicBlock>>(std::vector<int>{3, 4, 6, 3}, classes, inputChannels);
  if (architecture == "resnet50") return std::make_shared<ResNet<Bottleneck>>(std::vector<int>{3, 4, 6, 3}, classes, inputChannels);
  if (architecture == "smallcnn") return std::make_shared<SmallCnn>(classes, inputChannels);
  throw std::invalid_argument("unknown architecture \"" + architecture + "\"");
}
}  // namespace

std::shared_ptr<ClassifierNetImpl> makeNetwork(const std::string& architecture, int classes, int inputChannels, int covariateWidth) {
  auto net = makeImageNetwork(architecture, classes, inputChannels);
  if (covariateWidth > 0) net->addCovariateHead(covariateWidth, classes);
  return net;
}

}  // namespace hilum::ai::internal
