#pragma once
// What a folder scan and a DICOMDIR reader hand to the grouping step: one entry per film with
// the keys it is grouped by, and the files left out.
#include "film_header_p.h"

#include "hilum/base/result.h"
#include "hilum/film/study_index.h"

#include <cstddef>
#include <string>
#include <vector>

namespace hilum::film::detail {

struct IndexEntry {
  FilmHeader header;
  // The producer decides grouping: a UID where the data carry one, else a folder or record key.
  std::string studyKey;
  std::string seriesKey;
  std::string folderName;  // the containing folder's own name: the study description of rasters
};

struct CollectedFiles {
  std::vector<IndexEntry> entries;
  std::vector<IndexProblem> skipped;
};

// Reports one more file done; Cancelled once the caller's callback asks to stop.
inline Status reportProgress(const IndexOptions& options, std::size_t done, std::size_t total,
                             const std::string& path) {
  if (options.progress && !options.progress(done, total))
    return Error(Module::Film, ErrorCode::Cancelled, "indexing cancelled", path);
  return Status::success();
}

}  // namespace hilum::film::detail
