#pragma once
// Indexing a folder file by file, when it has no DICOMDIR (or an unreadable one).
#include "index_entry_p.h"

#include "hilum/base/result.h"
#include "hilum/film/study_index.h"

#include <string>

namespace hilum::film::detail {

// `folder` must be absolute. Errors: the folder itself cannot be listed, or the caller cancelled.
// Sub-folders that cannot be listed and files that are not films go to `skipped`.
Result<CollectedFiles> scanFolder(const std::string& folder, const IndexOptions& options);

// Whether a file name is DICOMDIR in any letter case (CD file systems mounted on Linux often
// show it lower-case).
bool isDicomDirName(const std::string& name);

}  // namespace hilum::film::detail
