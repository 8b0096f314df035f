#pragma once
// What every derived object shares: the new series and instance, coded entries, and the
// serialisation to a file that is replaced atomically.
#include "hilum/base/result.h"
#include "hilum/derived/derived_objects.h"

#include <dcmtk/config/osconfig.h>
#include <dcmtk/dcmdata/dcxfer.h>

#include <string>

class DcmFileFormat;
class DcmItem;
class DcmTagKey;
class OFCondition;

namespace hilum::derived::detail {

// Series numbers of Hilum's derived series: high and fixed, so they sort after the acquired ones
// and a reader can tell them apart at a glance.
constexpr int kSecondaryCaptureSeries = 9001;
constexpr int kFindingsReportSeries = 9002;
constexpr int kEncapsulatedPdfSeries = 9003;
constexpr int kPresentationStateSeries = 9004;

struct Timestamp {
  std::string date;      // DA, YYYYMMDD, local time
  std::string time;      // TM, HHMMSS
  std::string dateTime;  // DT, YYYYMMDDHHMMSS
};
Timestamp now();

const char* softwareVersions();  // "Hilum <version>"

// SOP Common, General Series and General Equipment for a new object: new SOP Instance and Series
// UIDs, Instance Number 1, Manufacturer "Hilum", Software Versions, Instance Creation Date/Time.
void putNewInstance(DcmItem& ds, const char* sopClassUid, const char* modality, const std::string& seriesDescription,
                    int seriesNumber, const Timestamp& when);

// One coded entry (Code Value, Coding Scheme Designator, Code Meaning) into `item`.
void putCode(DcmItem& item, const char* value, const char* scheme, const char* meaning);

// A new item at the end of the sequence `tag` of `parent` (the sequence is made when absent).
DcmItem& appendItem(DcmItem& parent, const DcmTagKey& tag);

// A string attribute, or "" when absent.
std::string stringOf(DcmItem& item, const DcmTagKey& tag);

Error dcmtkError(ErrorCode code, const std::string& what, const OFCondition& condition, const std::string& path);

// Fresh File Meta, then the data set in `syntax` (a compressed film keeps its own: its fragments
// are written back as they were), written through writeFileAtomically. The returned UIDs are read
// from the data set, so they are what de-identification left.
Result<OutputInfo> saveAtomically(DcmFileFormat& file, const std::string& outPath,
                                  E_TransferSyntax syntax = EXS_LittleEndianExplicit);

}  // namespace hilum::derived::detail
