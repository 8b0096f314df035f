#pragma once
// Weights as name -> tensor maps, in the format Python's torch.save(dict(model.state_dict())) writes
// and torch::pickle_load reads (a plain dict: pickle_load rejects the OrderedDict state_dict() gives).
#include "hilum/base/result.h"

#include <torch/torch.h>

#include <map>
#include <string>

namespace hilum::ai::internal {

using StateDict = std::map<std::string, torch::Tensor>;

Result<StateDict> readStateDict(const std::string& path);

// Copies every parameter and buffer of `module` from `weights` by name. Keys from DataParallel
// ("module.") and pre-0.4 torchvision DenseNets ("norm.1") are normalised first. Missing, unexpected
// or mis-shaped entries are errors naming the first offenders.
Status applyStateDict(torch::nn::Module& module, const StateDict& weights, const std::string& path);

StateDict stateDictOf(const torch::nn::Module& module);
// Atomic. half: floating tensors stored as float16 (applyStateDict converts back on load).
Status writeStateDict(const torch::nn::Module& module, const std::string& path, bool half = false);

}  // namespace hilum::ai::internal
