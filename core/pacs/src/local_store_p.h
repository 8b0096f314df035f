#pragma once
// The local store both receivers write into (the storage SCP and C-GET):
//   <root>/<StudyInstanceUID>/<SOPInstanceUID>.dcm
// A received data set goes to a temporary file in the study folder (".<SOP>.dcm.part-XXXXXX"),
// is flushed, then moved to its name without replacing (renameat2 RENAME_NOREPLACE, or link() where
// the file system lacks it): an instance already there is never overwritten, a crash never leaves a
// half file under an instance's name. Safe to call from several threads at once.
#include "hilum/base/result.h"
#include "hilum/pacs/outcome.h"

#include <string>

class DcmDataset;

namespace hilum::pacs {

// Creates `root` (and parents) when missing and checks it is a writable folder.
Status prepareStoreRoot(const std::string& root);

// Writes `dataset` (as received: its original transfer syntax) into the store. Never throws. The
// outcome says Stored, AlreadyPresent (the first copy kept) or Failed with the reason (no UIDs, a
// UID that is not a UID, disk full...).
InstanceOutcome storeInstance(const std::string& root, DcmDataset& dataset);

// True for a DICOM UID: 1-64 characters of digits and dots. Anything else never becomes a path.
bool isUid(const std::string& text);

}  // namespace hilum::pacs
