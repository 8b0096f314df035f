#include "hilum/pacs/outcome.h"

#include <algorithm>

namespace hilum::pacs {

const char* toString(InstanceStatus status) {
  switch (status) {
    case InstanceStatus::Stored: return "stored";
    case InstanceStatus::AlreadyPresent: return "already present";
    case InstanceStatus::Failed: return "failed";
  }
  return "?";
}

std::size_t TransferReport::count(InstanceStatus status) const {
  return static_cast<std::size_t>(std::count_if(instances.begin(), instances.end(),
                                                [status](const InstanceOutcome& o) { return o.status == status; }));
}

}  // namespace hilum::pacs
