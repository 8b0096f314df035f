#pragma once
// Torch-facing internals of hilum::ai, shared with hilum::train and the tests only (never with ui/):
// the classifier networks, written after pytorch/examples' module idiom. Submodule names follow
// torchvision exactly, because they are the checkpoint keys: a torchvision, CheXNet or
// torchxrayvision DenseNet-121 state dict loads by name.
#include <torch/torch.h>

#include <memory>
#include <string>
#include <vector>

namespace hilum::ai::internal {

// A classifier split where class activation maps are read: features() returns the activation the
// heatmaps come from (after the last non-linearity), head() pools it and classifies.
class ClassifierNetImpl : public torch::nn::Module {
public:
  virtual torch::Tensor features(const torch::Tensor& input) = 0;
  virtual torch::Tensor head(const torch::Tensor& features) = 0;
  // The linear layer after global average pooling, when the head is exactly GAP + linear: then
  // Grad-CAM equals CAM and every label's map comes from one forward pass.
  virtual torch::nn::Linear linearHead() = 0;

  torch::Tensor forward(const torch::Tensor& input) { return head(features(input)); }
};

// densenet121, resnet18, resnet34, resnet50 (torchvision layouts) or smallcnn (a 3-layer network for
// tests and tiny models). Throws std::invalid_argument for an unknown name.
std::shared_ptr<ClassifierNetImpl> makeNetwork(const std::string& architecture, int classes, int inputChannels);
const std::vector<std::string>& knownArchitectures();

}  // namespace hilum::ai::internal
