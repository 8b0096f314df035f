#pragma once
// Torch-facing internals of hilum::ai, shared with hilum::train and the tests only (never with ui/):
// the U-Net of the lung-field segmentation packs (Ronneberger et al. 2015), small enough to train
// on two CPU cores, written after pytorch/examples' module idiom. The registered names
// ("encoders.0.conv1.weight", "head.weight") are the checkpoint keys: changing them breaks packs.
#include <torch/torch.h>

namespace hilum::ai::internal {

struct UNetOptions {
  int inputChannels = 1;
  int outputChannels = 1;  // logits; a sigmoid gives the per-pixel probability
  int baseChannels = 16;   // the first level's width; each level below doubles it
  int levels = 4;          // 16 -> 32 -> 64 -> 128 with the defaults; inputs divisible by 2^(levels-1)
};

// Two 3x3 convolutions, each followed by batch norm and ReLU, keeping the spatial size.
struct DoubleConvImpl : torch::nn::Module {
  DoubleConvImpl(int in, int out);
  torch::Tensor forward(const torch::Tensor& x);
  torch::nn::Conv2d conv1{nullptr};
  torch::nn::BatchNorm2d bn1{nullptr};
  torch::nn::Conv2d conv2{nullptr};
  torch::nn::BatchNorm2d bn2{nullptr};
};
TORCH_MODULE(DoubleConv);

// Encoder levels (max-pooled between them), then per level up: a 2x2 transposed convolution, the
// skip connection concatenated, a double convolution; a 1x1 convolution gives the logits. Output
// has the input's height and width.
struct UNetImpl : torch::nn::Module {
  explicit UNetImpl(const UNetOptions& options = {});
  torch::Tensor forward(const torch::Tensor& x);
  UNetOptions options;
  torch::nn::ModuleList encoders{nullptr};
  torch::nn::ModuleList upsamplers{nullptr};
  torch::nn::ModuleList decoders{nullptr};
  torch::nn::Conv2d head{nullptr};
};
TORCH_MODULE(UNet);

}  // namespace hilum::ai::internal
