#pragma once
// What every service class user call shares: who we are, how long to wait, how to report progress and
// how to be cancelled. Designed for a Qt worker: the callback runs on the calling thread, the
// cancel flag is read between DIMSE messages.
#include "hilum/pacs/node.h"

#include <atomic>
#include <cstddef>
#include <functional>
#include <string>

namespace hilum::pacs {

struct ScuOptions {
  std::string callingAeTitle = kDefaultAeTitle;
  // TCP connect plus the A-ASSOCIATE answer. DCMTK 3.6.7 keeps the connect timeout in one
  // process-wide variable: calls running at the same time share the last value set.
  int connectTimeoutS = 10;
  // Longest silence tolerated from the peer once associated (a C-MOVE's sub-operations, a slow
  // C-FIND). A peer that says nothing for this long is aborted and the call fails with "timed out".
  int dimseTimeoutS = 30;
};

// Progress of a long call: `done` of `total` items (total 0 while unknown, e.g. before a C-GET's
// first response), `current` the item just handled (a file path or a SOP Instance UID).
struct Progress {
  std::size_t done = 0;
  std::size_t total = 0;
  std::string current;
};
using ProgressCallback = std::function<void(const Progress&)>;

// A cancel request is honoured at the next DIMSE message (the next instance, match or response):
// the association is aborted and the call returns ErrorCode::Cancelled (with what was already
// transferred where the call reports instances). Instances already stored stay stored.
using CancelFlag = const std::atomic<bool>*;

}  // namespace hilum::pacs
