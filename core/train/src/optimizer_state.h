#pragma once
// An optimizer's state (moments, step counts) as a checkpoint file, written atomically beside the
// weights so a resumed run continues exactly where the stopped one was. Shared by the classifier
// and segmentation trainers; torch-facing, so private to hilum_train.
#include "hilum/base/atomic_file.h"
#include "hilum/base/result.h"

#include <torch/torch.h>

#include <sstream>
#include <string>

namespace hilum::train::internal {

inline Status saveOptimizer(torch::optim::Optimizer& optimizer, const std::string& path) {
  torch::serialize::OutputArchive archive;
  optimizer.save(archive);
  std::ostringstream bytes;
  archive.save_to(bytes);
  return writeFileAtomically(path, bytes.str());
}

}  // namespace hilum::train::internal
