#pragma once
// What happened to one instance of a transfer (sent, retrieved or received), and the summary of a
// transfer. Plain values.
#include "hilum/base/error.h"

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace hilum::pacs {

enum class InstanceStatus {
  Stored,          // written (received) or accepted by the peer (sent)
  AlreadyPresent,  // same SOP Instance UID already in the local store: the first copy is kept
  Failed,          // see reason
};
const char* toString(InstanceStatus status);

struct InstanceOutcome {
  InstanceStatus status = InstanceStatus::Failed;
  std::string sopInstanceUid;
  std::string sopClassUid;
  std::string studyInstanceUid;
  std::string path;       // the local file (sent from or stored to); empty when none
  std::string reason;     // why it failed, or a warning the peer gave with success
  int dimseStatus = -1;   // the C-STORE response status where one was exchanged, else -1
  std::string callingAeTitle;  // received instances: who sent it
};

struct TransferReport {
  std::vector<InstanceOutcome> instances;
  // Set when the transfer stopped before its end (association lost, peer timed out, cancelled):
  // the instances above are what completed before it, and are intact.
  std::optional<Error> interruption;
  // C-MOVE and C-GET: the sub-operation counts of the peer's final response (-1: not reported).
  int completed = -1;
  int failed = -1;
  int warnings = -1;

  std::size_t count(InstanceStatus status) const;
  bool complete() const { return !interruption && count(InstanceStatus::Failed) == 0 && failed <= 0; }
};

}  // namespace hilum::pacs
