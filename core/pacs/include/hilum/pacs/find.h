#pragma once
// C-FIND at patient, study or series level. Study and series use the Study Root information model,
// patient the Patient Root one. Synchronous; safe to call from any thread.
#include "hilum/base/result.h"
#include "hilum/pacs/node.h"
#include "hilum/pacs/options.h"

#include <string>
#include <vector>

namespace hilum::pacs {

enum class QueryLevel { Patient, Study, Series };
const char* toString(QueryLevel level);

// Empty fields do not filter. Text follows DICOM matching: `patientName` may hold * and ?
// wildcards ("DOE^*"); dates are YYYYMMDD, either end of the range may be open.
struct Query {
  QueryLevel level = QueryLevel::Study;
  std::string patientName;
  std::string patientId;
  std::string studyDateFrom;
  std::string studyDateTo;
  std::vector<std::string> modalities;  // any of them (study: Modalities in Study; series: Modality)
  std::string accessionNumber;
  std::string studyInstanceUid;
};

// "FROM-TO", "FROM-", "-TO" or one date, each YYYYMMDD; sets studyDateFrom/To. The error names the
// text.
Status parseDateRange(const std::string& text, Query& query);

// One answer. Fields the level does not carry, or the peer did not return, are empty; counts are -1
// when not returned.
struct QueryMatch {
  QueryLevel level = QueryLevel::Study;
  std::string patientName;
  std::string patientId;
  std::string patientBirthDate;
  std::string patientSex;
  std::string studyInstanceUid;
  std::string studyDate;
  std::string studyTime;
  std::string studyDescription;
  std::string accessionNumber;
  std::string modalitiesInStudy;  // "CR\DX" as the peer sent it
  std::string seriesInstanceUid;
  std::string seriesNumber;
  std::string seriesDescription;
  std::string modality;
  int numberOfInstances = -1;  // study: related instances; series: related series instances
  int numberOfStudies = -1;    // patient level
};

// Series level without a study UID first finds the matching studies, then asks for the series of
// each. Progress counts matches (total unknown, 0). Errors name the node and the reason, including
// a failure status of the peer ("Unable to process"). Results are in the peer's order.
[[nodiscard]] Result<std::vector<QueryMatch>> find(const Node& node, const Query& query,
                                                   const ScuOptions& options = {},
                                                   const ProgressCallback& progress = {},
                                                   CancelFlag cancel = nullptr);

}  // namespace hilum::pacs
