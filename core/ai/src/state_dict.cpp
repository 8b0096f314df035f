#include "hilum/ai/internal/state_dict.h"

#include "hilum/base/atomic_file.h"

#include <fstream>
#include <iterator>
#include <regex>
#include <sstream>

namespace hilum::ai::internal {
namespace {

std::string shapeOf(const torch::Tensor& t) {
  std::ostringstream s;
  s << t.sizes();
  return s.str();
}

// DataParallel prefixes every key with "module."; torchvision before 0.4 (and CheXNet checkpoints)
// named DenseNet layers "norm.1" / "conv.2" instead of "norm1" / "conv2".
std::string normaliseKey(std::string key) {
  if (key.rfind("module.", 0) == 0) key.erase(0, 7);
  static const std::regex legacy(R"((denselayer\d+)\.(norm|relu|conv)\.(\d+))");
  return std::regex_replace(key, legacy, "$1.$2$3");
}

std::string firstFew(const std::vector<std::string>& names) {
  std::string out;
  for (std::size_t i = 0; i < names.size() && i < 3; ++i) out += (i ? ", " : "") + names[i];
  if (names.size() > 3) out += " and " + std::to_string(names.size() - 3) + " more";
  return out;
}

}  // namespace

Result<StateDict> readStateDict(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Error(Module::Ai, ErrorCode::NotFound, "weights file is missing", path);
  std::vector<char> bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  StateDict weights;
  try {
    const c10::IValue value = torch::pickle_load(bytes);
    if (!value.isGenericDict())
      return Error(Module::Ai, ErrorCode::Malformed, "weights file holds no name -> tensor dict", path);
    for (const auto& entry : value.toGenericDict()) {
      if (!entry.key().isString() || !entry.value().isTensor())
        return Error(Module::Ai, ErrorCode::Malformed, "weights dict holds something other than named tensors", path);
      weights[normaliseKey(entry.key().toStringRef())] = entry.value().toTensor();
    }
  } catch (const c10::Error& e) {
    // Python's default state_dict() is an OrderedDict, which pickle_load cannot rebuild.
    return Error(Module::Ai, ErrorCode::Malformed,
                 "weights are not a readable state dict (save dict(model.state_dict()) with torch.save; " +
                     std::string(e.what_without_backtrace()) + ")", path);
  }
  return weights;
}

Status applyStateDict(torch::nn::Module& module, const StateDict& weights, const std::string& path) {
  std::vector<std::string> missing, misshaped;
  std::size_t used = 0;
  auto assign = [&](const std::string& name, torch::Tensor& target) {
    const auto it = weights.find(name);
    if (it == weights.end()) {
      missing.push_back(name);
      return;
    }
    ++used;
    if (it->second.sizes() != target.sizes()) {
      misshaped.push_back(name + " " + shapeOf(it->second) + " where the network has " + shapeOf(target));
      return;
    }
    torch::NoGradGuard noGrad;
    target.copy_(it->second);
  };
  for (auto& p : module.named_parameters(true)) assign(p.key(), p.value());
  for (auto& b : module.named_buffers(true)) assign(b.key(), b.value());
  if (!misshaped.empty())
    return Error(Module::Ai, ErrorCode::Malformed, "weights do not fit the network: " + firstFew(misshaped), path);
  if (!missing.empty())
    return Error(Module::Ai, ErrorCode::Malformed, "weights lack " + firstFew(missing) + " (another architecture?)", path);
  if (used != weights.size()) {
    std::vector<std::string> unexpected;
    const auto names = stateDictOf(module);
    for (const auto& [name, tensor] : weights)
      if (!names.count(name)) unexpected.push_back(name);
    return Error(Module::Ai, ErrorCode::Malformed, "weights hold entries the network lacks: " + firstFew(unexpected), path);
  }
  return Status::success();
}

StateDict stateDictOf(const torch::nn::Module& module) {
  StateDict out;
  for (const auto& p : module.named_parameters(true)) out[p.key()] = p.value();
  for (const auto& b : module.named_buffers(true)) out[b.key()] = b.value();
  return out;
}

Status writeStateDict(const torch::nn::Module& module, const std::string& path, bool half) {
  c10::Dict<std::string, torch::Tensor> dict;
  for (const auto& [name, tensor] : stateDictOf(module)) {
    auto t = tensor.detach().to(torch::kCPU).contiguous();
    if (half && t.is_floating_point()) t = t.to(torch::kHalf);
    dict.insert(name, t);
  }
  std::vector<char> bytes;
  try {
    bytes = torch::pickle_save(c10::IValue(dict));
  } catch (const c10::Error& e) {
    return Error(Module::Ai, ErrorCode::WriteFailed, std::string("weights could not be serialised: ") + e.what_without_backtrace(), path);
  }
  return writeFileAtomically(path, bytes.data(), bytes.size());
}

}  // namespace hilum::ai::internal
