#pragma once
// Turns the entries of a scan or a DICOMDIR into the patient / study / series tree, in the
// documented browse order. Pure data: no file access.
#include "index_entry_p.h"

#include "hilum/film/study_index.h"

namespace hilum::film::detail {

StudyIndex buildIndex(CollectedFiles files);

}  // namespace hilum::film::detail
