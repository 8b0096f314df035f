#pragma once
// The ranks of a data-parallel run, as the trainer sees them: PyTorch's c10d TCPStore (rendezvous)
// and ProcessGroupGloo (collectives), and c10d's Reducer, the engine under DistributedDataParallel
// (gradients in ~25 MB buckets, all-reduced as backward produces them, averaged over the ranks).
// Private to hilum_train; the c10d and Gloo headers stay in training_group.cpp.
//
// Every collective either completes on all ranks or throws GroupError on each rank still alive:
// a rank that dies closes its sockets, so the others fail at their next collective instead of
// hanging; a rank that hangs makes the others fail after DistributedOptions::timeoutSeconds.
#include "hilum/train/train_config.h"

#include <torch/nn/module.h>

#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

namespace hilum::train::internal {

struct GroupError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

class GradientReducer {
public:
  virtual ~GradientReducer() = default;
  // Before each training forward (collective: the buckets may be rebuilt in the order gradients
  // arrived, once, after the first step, as DistributedDataParallel does).
  virtual void prepareForForward() = 0;
  // After that forward: arms the bucket hooks for its backward.
  virtual void prepareForBackward() = 0;
};

class TrainingGroup {
public:
  // Meets the other ranks at the rendezvous (rank 0 serves it), within the timeout.
  static std::unique_ptr<TrainingGroup> join(const DistributedOptions& options);
  virtual ~TrainingGroup() = default;

  virtual int rank() const = 0;
  virtual int size() const = 0;
  // Rank 0's parameters and buffers to every rank (the start of a run and of a resume).
  virtual void broadcastModule(torch::nn::Module& module) = 0;
  // Floating buffers (batch norm running statistics) averaged over the ranks: each rank saw
  // different films, and the mean is the better estimate for inference.
  virtual void averageBuffers(torch::nn::Module& module) = 0;
  virtual void allReduceSum(at::Tensor& tensor) = 0;
  // Rank 0's bytes on every rank (the resume state: no shared file system needed).
  virtual std::string broadcastBytes(const std::string& bytes) = 0;
  virtual void barrier() = 0;
  // Gradient averaging for these parameters (those that require grad), hooked into autograd.
  virtual std::unique_ptr<GradientReducer> reducerFor(const std::vector<at::Tensor>& parameters) = 0;
};

}  // namespace hilum::train::internal
