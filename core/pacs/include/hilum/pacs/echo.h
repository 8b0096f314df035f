#pragma once
// C-ECHO (Verification): "is the node there and does it accept us?". Synchronous; safe to call from
// any thread.
#include "hilum/base/result.h"
#include "hilum/pacs/node.h"
#include "hilum/pacs/options.h"

namespace hilum::pacs {

// Success, or an Error naming the node and the reason: connection refused, host unknown, timed
// out, association rejected (with the peer's reason: called AE not recognised, our AE unknown...),
// or the echo answered with a failure status.
[[nodiscard]] Status echo(const Node& node, const ScuOptions& options = {});

}  // namespace hilum::pacs
