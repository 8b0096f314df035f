#pragma once
// Stand-in for a LibTorch header that Debian's libtorch-dev 1.13 does not ship: c10d/reducer.hpp
// (DistributedDataParallel's engine, which libtorch_cpu.so exports) includes it for two names of
// the RPC framework's distributed autograd. The Reducer only holds a shared_ptr to the context and
// an atomic pointer to it (sizes independent of the class) and checks its callback type, so these
// declarations match what libtorch was built with. Found with -idirafter: a LibTorch that ships the
// real header uses the real one.
#include <ATen/core/Tensor.h>

#include <functional>
#include <memory>

namespace torch::distributed::autograd {

class DistAutogradContext {
public:
  using GradCallback = std::function<bool(at::Tensor&)>;
};
using ContextPtr = std::shared_ptr<DistAutogradContext>;

}  // namespace torch::distributed::autograd
