#include "hilum/ai/internal/unet.h"

#include <stdexcept>
#include <string>

namespace hilum::ai::internal {
namespace {

namespace nn = torch::nn;
namespace F = torch::nn::functional;

}  // namespace

DoubleConvImpl::DoubleConvImpl(int in, int out)
    // No bias before batch norm: its shift makes one redundant (as torchvision does).
    : conv1(nn::Conv2dOptions(in, out, 3).padding(1).bias(false)), bn1(out),
      conv2(nn::Conv2dOptions(out, out, 3).padding(1).bias(false)), bn2(out) {
  register_module("conv1", conv1);
  register_module("bn1", bn1);
  register_module("conv2", conv2);
  register_module("bn2", bn2);
}

torch::Tensor DoubleConvImpl::forward(const torch::Tensor& x) {
  auto y = bn1(conv1(x)).relu_();
  return bn2(conv2(y)).relu_();
}

UNetImpl::UNetImpl(const UNetOptions& o) : options(o) {
  if (o.levels < 2 || o.levels > 6 || o.baseChannels < 1 || o.inputChannels < 1 || o.outputChannels < 1)
    throw std::invalid_argument("U-Net needs 2 to 6 levels and positive channel counts");
  encoders = register_module("encoders", nn::ModuleList());
  upsamplers = register_module("upsamplers", nn::ModuleList());
  decoders = register_module("decoders", nn::ModuleList());
  int in = o.inputChannels;
  for (int level = 0; level < o.levels; ++level) {
    const int width = o.baseChannels << level;
    encoders->push_back(DoubleConv(in, width));
    in = width;
  }
  // Decoders run from the deepest level up; index 0 joins the two deepest levels.
  for (int level = o.levels - 1; level > 0; --level) {
    const int width = o.baseChannels << level, below = o.baseChannels << (level - 1);
    upsamplers->push_back(nn::ConvTranspose2d(nn::ConvTranspose2dOptions(width, below, 2).stride(2)));
    decoders->push_back(DoubleConv(2 * below, below));
  }
  head = register_module("head", nn::Conv2d(nn::Conv2dOptions(o.baseChannels, o.outputChannels, 1)));
  for (auto& module : modules(/*include_self=*/false))
    if (auto* c = module->as<nn::Conv2d>()) nn::init::kaiming_normal_(c->weight, 0.0, torch::kFanOut, torch::kReLU);
}

torch::Tensor UNetImpl::forward(const torch::Tensor& x) {
  const int64_t multiple = int64_t{1} << (options.levels - 1);
  if (x.dim() != 4 || x.size(2) % multiple != 0 || x.size(3) % multiple != 0)
    throw std::invalid_argument("U-Net input must be N x C x H x W with H and W divisible by " + std::to_string(multiple));
  std::vector<torch::Tensor> skips;
  auto y = x;
  for (std::size_t level = 0; level < encoders->size(); ++level) {
    if (level > 0) y = F::max_pool2d(y, F::MaxPool2dFuncOptions(2));
    y = encoders[level]->as<DoubleConv>()->forward(y);
    skips.push_back(y);
  }
  for (std::size_t i = 0; i < decoders->size(); ++i) {
    y = upsamplers[i]->as<nn::ConvTranspose2d>()->forward(y);
    y = torch::cat({skips[skips.size() - 2 - i], y}, 1);
    y = decoders[i]->as<DoubleConv>()->forward(y);
  }
  return head(y);
}

}  // namespace hilum::ai::internal
