#pragma once
// Indexing a DICOM file-set through its DICOMDIR (PS3.10 8.6, PS3.3 F.5): the PATIENT, STUDY,
// SERIES and IMAGE directory records give the grouping; each referenced file's header gives the
// film's size and view, and proves the file is there.
#include "index_entry_p.h"

#include "hilum/base/result.h"
#include "hilum/film/study_index.h"

#include <string>

namespace hilum::film::detail {

// True when the file's File Meta names it a DICOMDIR (Media Storage Directory Storage).
bool isDicomDirFile(const std::string& path);

// `path` must be absolute; referenced files are looked up below its folder. Errors: the file is
// not a readable DICOMDIR, or the caller cancelled. Referenced files that are missing or not films
// go to `skipped`.
Result<CollectedFiles> readDicomDir(const std::string& path, const IndexOptions& options);

}  // namespace hilum::film::detail
