#pragma once
// A patient / study / series / film index of a folder or a DICOMDIR, for the study browser and
// `hilum-cli index`. Only headers are read (DICOM up to Pixel Data, the first bytes of a raster),
// so a folder of hundreds of full-size films indexes in well under a second; a film whose pixel
// data is damaged is still listed, and its error appears when it is opened.
//
// Thread safety: indexPath may be called from any thread, concurrently for different paths; the
// progress callback runs on the calling thread.
// Errors: the path missing or unreadable, a DICOMDIR named directly that cannot be read, or a
// cancel give an Error; files that cannot be indexed are listed in StudyIndex::skipped instead.
// Nothing throws.
#include "hilum/base/result.h"
#include "hilum/film/film_metadata.h"

#include <cstddef>
#include <functional>
#include <string>
#include <vector>

namespace hilum::film {

// Strings are UTF-8 (the file's Specific Character Set honoured), empty when the file does not say.
struct IndexedFilm {
  std::string path;             // absolute
  std::string sopInstanceUid;   // empty for PNG/JPEG/TIFF
  int instanceNumber = 0;       // 0 when absent or not a number
  std::string modality, viewPosition, laterality;
  int rows = 0, columns = 0, frames = 1;
  SourceFormat format = SourceFormat::Dicom;
};

struct IndexedSeries {
  std::string seriesInstanceUid, description, modality;
  int number = 0;
  // What the films were grouped by, unique within the study: the Series Instance UID, or
  // "folder:<absolute folder>" for files that carry none (rasters, damaged exports), or
  // "record:<n>" for a DICOMDIR series record without a UID.
  std::string key;
  std::vector<IndexedFilm> films;
};

struct IndexedStudy {
  std::string studyInstanceUid, studyDate, description, accessionNumber;
  std::string studyTime;  // HHMMSS.FFFFFF as DICOM stores it; breaks ties between studies of one day
  std::string key;        // as IndexedSeries::key, for the study
  std::vector<IndexedSeries> series;
};

struct IndexedPatient {
  std::string name, id, birthDate, sex;  // birthDate YYYYMMDD; all empty for rasters
  std::vector<IndexedStudy> studies;
};

// A file skipped and why: "not a DICOM file or a PNG/JPEG/TIFF image", "file ends early (...)",
// "listed in DICOMDIR as A\B but missing".
struct IndexProblem {
  std::string path, reason;
};

// Browse order: patients by name then id; studies newest date first; series by number; films by
// instance number then path. The same files always give the same index.
struct StudyIndex {
  std::vector<IndexedPatient> patients;
  std::vector<IndexProblem> skipped;  // by path
  std::size_t filmCount() const;
  std::vector<std::string> filmPaths() const;  // every film, in browse order (patients, studies, series, films)
};

struct IndexOptions {
  bool recursive = true;  // folder scans only; a DICOMDIR always lists its whole file-set
  // Called from the indexing thread after each file; return false to cancel (indexPath then
  // returns an Error with ErrorCode::Cancelled).
  std::function<bool(std::size_t done, std::size_t total)> progress;
};

// A folder: uses <folder>/DICOMDIR when present (any letter case; when it cannot be read the folder
// is scanned instead and the DICOMDIR is listed as skipped), else scans every file: DICOM by content
// (a DICM preamble or a parseable bare data set) and .png/.jpg/.jpeg/.tif/.tiff rasters by
// extension, confirmed by content. Hidden files and folders (names starting with '.') and DICOMDIR
// files below the top are passed over silently; symbolic links are followed, each folder once.
// Rasters have no identity: they go under one patient with empty name and id, one study and one
// series per containing folder (study description = the folder's name). DICOM files without a
// Study or Series Instance UID are grouped per folder the same way, never dropped.
// A path to a DICOMDIR file reads that directly: its PATIENT, STUDY, SERIES and IMAGE records give
// the grouping, and each referenced file's header gives the film's size and view.
// A single film path gives an index of one film (an Error when it cannot be indexed).
[[nodiscard]] Result<StudyIndex> indexPath(const std::string& path, const IndexOptions& options = {});

}  // namespace hilum::film
