#pragma once
// C-STORE of DICOM files to a node (films, and Hilum's SC / SR / Encapsulated PDF results).
// Synchronous; safe to call from any thread.
#include "hilum/base/result.h"
#include "hilum/pacs/node.h"
#include "hilum/pacs/options.h"
#include "hilum/pacs/outcome.h"

#include <string>
#include <vector>

namespace hilum::pacs {

// Sends `files` on one association. For each SOP class it proposes each file's own transfer syntax
// and the compressed ones Hilum decodes (JPEG baseline / extended / lossless, JPEG-LS, JPEG 2000,
// RLE), each in its own presentation context, plus Explicit and Implicit VR Little Endian; a file
// whose compression the peer refuses is decompressed on the way (JPEG, JPEG-LS, RLE; JPEG 2000
// cannot be, DCMTK 3.6.7 has no decoder, and that file fails with the reason).
// One outcome per file, in order: Stored (with the peer's warning, if any, in reason), or Failed
// naming the reason (not DICOM, rejected with status 0xA700 "Refused: Out of resources", ...).
// An Error when nothing could be sent (no files, node unreachable, association rejected); a lost
// association mid-way or cancel is `interruption`, and the files not sent are Failed "not sent".
[[nodiscard]] Result<TransferReport> store(const Node& node, const std::vector<std::string>& files,
                                           const ScuOptions& options = {}, const ProgressCallback& progress = {},
                                           CancelFlag cancel = nullptr);

// The DICOM files under `paths` (files as given, folders recursively, hidden entries and DICOMDIR
// skipped), sorted, for `store`. Files that are not DICOM are left to `store` to report.
[[nodiscard]] Result<std::vector<std::string>> collectFiles(const std::vector<std::string>& paths);

}  // namespace hilum::pacs
