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

  // Patient covariates (hilum/ai/covariates.h): a linear term in their encoding added to the image's
  // logits. Registered as "covariate_head" only in networks of packs that read covariates, without
  // bias (the image head has one) and zero at the start, so the image decides until the covariates
  // earn a say. Being additive, it leaves every heatmap (CAM and Grad-CAM) the image's alone.
  void addCovariateHead(int width, int classes) {
    m_covariateHead = register_module("covariate_head", torch::nn::Linear(torch::nn::LinearOptions(width, classes).bias(false)));
    torch::nn::init::zeros_(m_covariateHead->weight);
  }
  int covariateWidth() const { return m_covariateHead ? static_cast<int>(m_covariateHead->weight.size(1)) : 0; }
  torch::nn::Linear covariateHead() const { return m_covariateHead; }
  // The image's logits plus the covariates' term; `covariates` is (N, covariateWidth()) and ignored
  // by a network without the head.
  torch::Tensor withCovariates(const torch::Tensor& logits, const torch::Tensor& covariates) {
    if (!m_covariateHead) return logits;
    TORCH_CHECK(covariates.defined() && covariates.dim() == 2 && covariates.size(1) == covariateWidth(),
                "the network reads ", covariateWidth(), " covariate values per film");
    return logits + m_covariateHead(covariates);
  }

  torch::Tensor forward(const torch::Tensor& input, const torch::Tensor& covariates = {}) {
    return withCovariates(head(features(input)), covariates);
  }

private:
  torch::nn::Linear m_covariateHead{nullptr};
};

// densenet121, resnet18, resnet34, resnet50 (torchvision layouts) or smallcnn (a 3-layer network for
// tests and tiny models), with a covariate head when covariateWidth > 0. Throws
// std::invalid_argument for an unknown name.
std::shared_ptr<ClassifierNetImpl> makeNetwork(const std::string& architecture, int classes, int inputChannels,
                                               int covariateWidth = 0);
const std::vector<std::string>& knownArchitectures();

}  // namespace hilum::ai::internal
