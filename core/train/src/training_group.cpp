// c10d behind the TrainingGroup interface. The only translation unit that sees c10d and Gloo.
#include "training_group.h"

#include <torch/csrc/distributed/c10d/ProcessGroupGloo.hpp>
#include <torch/csrc/distributed/c10d/TCPStore.hpp>
#include <torch/csrc/distributed/c10d/comm.hpp>
#include <torch/csrc/distributed/c10d/reducer.hpp>

#include <chrono>
#include <cstring>

namespace hilum::train::internal {
namespace {

constexpr std::size_t kBroadcastBucketBytes = 256u << 20;  // as DistributedDataParallel's module sync
constexpr std::size_t kFirstBucketBytes = 1u << 20;        // torch.distributed's defaults: a small first
constexpr std::size_t kBucketBytes = 25u << 20;            // bucket so communication starts early

// Runs a c10d call; any failure becomes a GroupError that says which rank saw it and why.
template <typename F>
auto guarded(int rank, const std::string& what, F&& call) {
  try {
    return call();
  } catch (const c10::Error& e) {
    throw GroupError("rank " + std::to_string(rank) + ": " + what +
                     " failed (another rank stopped, or the network or the timeout broke the group): " +
                     e.what_without_backtrace());
  } catch (const std::exception& e) {
    throw GroupError("rank " + std::to_string(rank) + ": " + what + " failed: " + e.what());
  }
}

bool isLoopback(const std::string& host) { return host == "localhost" || host.rfind("127.", 0) == 0 || host == "::1"; }

class Reducer final : public GradientReducer {
public:
  Reducer(std::vector<at::Tensor> parameters, const c10::intrusive_ptr<c10d::ProcessGroup>& group, int rank)
      : m_rank(rank) {
    auto [buckets, limits] = c10d::compute_bucket_assignment_by_size(parameters, {kFirstBucketBytes, kBucketBytes});
    // Gradients arrive roughly in reverse order of the parameters: the last buckets go first.
    std::reverse(buckets.begin(), buckets.end());
    std::reverse(limits.begin(), limits.end());
    m_reducer = std::make_unique<c10d::Reducer>(std::move(parameters), std::move(buckets), std::move(limits), group,
                                                std::vector<bool>(), static_cast<int64_t>(kBucketBytes),
                                                /*find_unused_parameters=*/false, /*gradient_as_bucket_view=*/false,
                                                std::unordered_map<size_t, std::string>(), static_cast<int64_t>(kFirstBucketBytes));
  }
  void prepareForForward() override {
    guarded(m_rank, "rebuilding gradient buckets", [&] { return m_reducer->rebuild_buckets(); });
    m_reducer->prepare_for_forward();
  }
  void prepareForBackward() override { m_reducer->prepare_for_backward({}); }

private:
  int m_rank;
  std::unique_ptr<c10d::Reducer> m_reducer;
};

class GlooGroup final : public TrainingGroup {
public:
  explicit GlooGroup(const DistributedOptions& o) : m_rank(o.rank), m_size(o.worldSize) {
    const std::chrono::milliseconds timeout(static_cast<int64_t>(o.timeoutSeconds) * 1000);
    c10d::TCPStoreOptions storeOptions;
    storeOptions.port = static_cast<std::uint16_t>(o.port);
    storeOptions.isServer = o.rank == 0;
    storeOptions.numWorkers = static_cast<std::size_t>(o.worldSize);
    storeOptions.waitWorkers = true;
    storeOptions.timeout = timeout;
    auto store = guarded(m_rank, "meeting the other ranks at " + o.host + ":" + std::to_string(o.port), [&] {
      return c10::make_intrusive<c10d::TCPStore>(o.host, storeOptions);
    });
    auto options = c10d::ProcessGroupGloo::Options::create(timeout);
    // Gloo's own sockets: the interface torch names in GLOO_SOCKET_IFNAME, loopback for a
    // one-machine run, else the address this machine's hostname resolves to.
    const char* interface = std::getenv("GLOO_SOCKET_IFNAME");
    options->devices.push_back(guarded(m_rank, "opening the Gloo device", [&] {
      if (interface && *interface) return c10d::ProcessGroupGloo::createDeviceForInterface(interface);
      if (isLoopback(o.host)) return c10d::ProcessGroupGloo::createDeviceForHostname("127.0.0.1");
      return c10d::ProcessGroupGloo::createDefaultDevice();
    }));
    m_group = guarded(m_rank, "connecting the process group", [&] {
      return c10::make_intrusive<c10d::ProcessGroupGloo>(store, o.rank, o.worldSize, options);
    });
  }

  int rank() const override { return m_rank; }
  int size() const override { return m_size; }

  void broadcastModule(torch::nn::Module& module) override {
    std::vector<at::Tensor> tensors;
    for (auto& p : module.parameters()) tensors.push_back(p.detach());
    for (auto& b : module.buffers()) tensors.push_back(b.detach());
    guarded(m_rank, "broadcasting the model", [&] {
      c10d::broadcast_coalesced(m_group, tensors, kBroadcastBucketBytes, 0);
      return 0;
    });
  }

  void averageBuffers(torch::nn::Module& module) override {
    for (auto& b : module.buffers()) {
      if (!b.is_floating_point()) continue;  // num_batches_tracked: the same count on every rank
      at::Tensor t = b.detach();
      allReduceSum(t);
      t.div_(m_size);
    }
  }

  void allReduceSum(at::Tensor& tensor) override {
    guarded(m_rank, "all-reduce", [&] {
      std::vector<at::Tensor> tensors{tensor};
      m_group->allreduce(tensors)->wait();
      return 0;
    });
  }

  std::string broadcastBytes(const std::string& bytes) override {
    return guarded(m_rank, "broadcasting the run state", [&] {
      std::vector<at::Tensor> size{torch::tensor({static_cast<int64_t>(bytes.size())}, torch::kLong)};
      m_group->broadcast(size)->wait();
      const auto n = size[0].item<int64_t>();
      std::vector<at::Tensor> data{torch::empty({n}, torch::kUInt8)};
      if (m_rank == 0 && n > 0) std::memcpy(data[0].data_ptr(), bytes.data(), static_cast<std::size_t>(n));
      if (n > 0) m_group->broadcast(data)->wait();
      return std::string(static_cast<const char*>(data[0].data_ptr()), static_cast<std::size_t>(n));
    });
  }

  void barrier() override {
    guarded(m_rank, "barrier", [&] {
      m_group->barrier()->wait();
      return 0;
    });
  }

  std::unique_ptr<GradientReducer> reducerFor(const std::vector<at::Tensor>& parameters) override {
    std::vector<at::Tensor> trainable;
    for (const auto& p : parameters)
      if (p.requires_grad()) trainable.push_back(p);
    return std::make_unique<Reducer>(std::move(trainable), m_group, m_rank);
  }

private:
  int m_rank, m_size;
  c10::intrusive_ptr<c10d::ProcessGroupGloo> m_group;
};

}  // namespace

std::unique_ptr<TrainingGroup> TrainingGroup::join(const DistributedOptions& options) {
  return std::make_unique<GlooGroup>(options);
}

}  // namespace hilum::train::internal
