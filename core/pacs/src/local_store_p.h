#pragma once
// The local store both receivers write into (the storage SCP and C-GET):
//   <root>/<StudyInstanceUID>/<SOPInstanceUID>.dcm
// An instance arrives into a temporary file in the root (".incoming.dcm.part-XXXXXX"), straight
// from the network and as sent; it is flushed, then moved to its name without replacing
// (renameat2 RENAME_NOREPLACE, or link() where the file system lacks it): an instance already there
// is never overwritten, a crash never leaves a half file under an instance's name. Safe to call
// from several threads at once.
#include "hilum/base/result.h"
#include "hilum/pacs/outcome.h"

#include <string>

namespace hilum::pacs {

// Creates `root` (and parents) when missing and checks it is a writable folder.
Status prepareStoreRoot(const std::string& root);

// A new, empty temporary file in `root` (mode 0600) for an instance to arrive into. Not DCMTK's
// in-memory receive: it parses the bytes as they come, by recursion over nested sequences, and a
// data set nested 20000 deep overflows the receiving thread's stack before anything could look at
// it. Received into a file, it meets the nesting guard first.
Result<std::string> incomingFile(const std::string& root);

// Files `received` (a Part 10 file written as it arrived) into the store once the nesting guard and
// then DCMTK have read its header, by moving it: its transfer syntax and bytes stay as sent. Never
// throws. The outcome says Stored, AlreadyPresent (the first copy kept) or Failed with the reason
// (nested too deep, unreadable, no UIDs, a UID that is not a UID, disk full...) and, in
// dimseStatus, the C-STORE status to answer with. `received` is gone afterwards either way.
InstanceOutcome storeReceivedFile(const std::string& root, const std::string& received);

// True for a DICOM UID: 1-64 characters of digits and dots. Anything else never becomes a path.
bool isUid(const std::string& text);

}  // namespace hilum::pacs
