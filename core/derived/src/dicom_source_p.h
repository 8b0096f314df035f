#pragma once
// The film a derived object is made from: its DICOM header (converted to UTF-8), or nothing but
// the knowledge that it is a raster, in which case the object starts a new study.
#include "hilum/base/result.h"

#include <memory>
#include <string>

class DcmFileFormat;
class DcmItem;

namespace hilum::derived::detail {

struct Source {
  Source();
  ~Source();
  Source(Source&&) noexcept;
  Source& operator=(Source&&) noexcept;

  std::unique_ptr<DcmFileFormat> file;  // null when the source is not DICOM
  bool isDicom() const { return file != nullptr; }
  // A DICOM object that can be pointed at: without both UIDs a reference would be invalid.
  bool referable() const { return isDicom() && !sopClassUid.empty() && !sopInstanceUid.empty(); }
  DcmItem& dataset() const;  // only when isDicom()

  std::string sopClassUid, sopInstanceUid, studyInstanceUid, seriesInstanceUid, modality;
  long frames = 1;
};

// Reads the source's header (pixel data stay on disk unless `wholeFile`). PNG, JPEG and TIFF
// content, an empty path, or a file DCMTK cannot read as DICOM without a DICM preamble give a
// Source without a file; a file that says DICM but does not parse is an error.
Result<Source> openSource(const std::string& path, bool wholeFile = false);

// Patient, General Study, Patient Study and Clinical Trial Subject/Study attributes from the
// source, or a new study UID and empty type 2 identity when there is none. Also writes Specific
// Character Set ISO_IR 192: the source was converted to UTF-8 when it was opened.
void copyPatientAndStudy(const Source& source, DcmItem& out);

// General Series Body Part Examined (copied: the derived series shows the same body part) and
// Laterality (type 2C, required for paired body parts): the film's when it says R or L; absent
// when the body part is known, since a chest is unpaired; else present and empty (unknown).
void putBodyPartAndLaterality(const Source& source, DcmItem& out);

// Referenced SOP Class/Instance UID of the source into `item`, and Referenced Frame Number 1 when
// the film has several frames and the reference macro has room for it (Image SOP Instance
// Reference; Hilum shows, derives from and annotates the first frame).
void putSourceReference(const Source& source, DcmItem& item, bool withFrame = true);

}  // namespace hilum::derived::detail
