#pragma once
// Retrieving a study: C-GET (the instances come back on our own association, no port to open, no
// configuration on the PACS beyond knowing our AE title) or C-MOVE (the PACS opens an association to
// the destination AE, which must be registered there; Hilum's StorageServer receives it).
// Synchronous; safe to call from any thread.
#include "hilum/base/result.h"
#include "hilum/pacs/node.h"
#include "hilum/pacs/options.h"
#include "hilum/pacs/outcome.h"

#include <string>

namespace hilum::pacs {

// C-GET of one study into `toDir`, laid out as the local store: <toDir>/<StudyUID>/<SOPUID>.dcm,
// each file written to a temporary name and renamed, never overwriting one already there (that
// instance is reported AlreadyPresent). Storage SOP classes proposed: radiographs (CR, DX), Secondary
// Capture, SR, Encapsulated PDF, presentation states, key objects, in every transfer syntax Hilum
// decodes. Progress: done/total sub-operations, `current` the SOP Instance UID just stored.
// An Error when nothing could be retrieved (node unreachable, rejected, bad UID, or the node's
// failure status: Orthanc answers a study it does not have with 0xC000); a lost association or
// cancel mid-way is `interruption` in the report, with what arrived before it.
[[nodiscard]] Result<TransferReport> retrieveGet(const Node& node, const std::string& studyInstanceUid,
                                                 const std::string& toDir, const ScuOptions& options = {},
                                                 const ProgressCallback& progress = {},
                                                 CancelFlag cancel = nullptr);

// C-MOVE of one study to `destinationAeTitle` (usually our own StorageServer's). The instances
// arrive at that SCP, not here: the report holds the peer's sub-operation counts and, for the
// failed ones, their SOP Instance UIDs (status Failed). Refusals name the reason: "move destination
// unknown" means the PACS has no entry for the destination AE.
[[nodiscard]] Result<TransferReport> retrieveMove(const Node& node, const std::string& studyInstanceUid,
                                                  const std::string& destinationAeTitle,
                                                  const ScuOptions& options = {},
                                                  const ProgressCallback& progress = {},
                                                  CancelFlag cancel = nullptr);

}  // namespace hilum::pacs
