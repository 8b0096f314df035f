#pragma once
// What the viewer, reports and the AI need to know about a film besides its pixels. Strings are
// UTF-8, first value only for multi-valued attributes; empty when the source does not say.
#include <string>

namespace hilum::film {

enum class SourceFormat { Dicom, Png, Jpeg, Tiff };
const char* toString(SourceFormat format);  // "DICOM", "PNG", "JPEG", "TIFF"

// A DICOM date (YYYYMMDD) as readers write it, "2026-11-25"; anything else comes back unchanged.
std::string readableDate(const std::string& dicomDate);

struct FilmMetadata {
  SourceFormat format = SourceFormat::Dicom;
  // Patient
  std::string patientName;
  std::string patientId;
  std::string patientBirthDate;  // YYYYMMDD as DICOM stores it
  std::string patientSex;
  std::string patientAge;
  // Study / series / instance
  std::string studyInstanceUid;
  std::string studyDate;
  std::string studyTime;
  std::string studyDescription;
  std::string accessionNumber;
  std::string seriesInstanceUid;
  std::string seriesDescription;
  std::string seriesNumber;
  std::string sopClassUid;
  std::string sopInstanceUid;
  std::string instanceNumber;
  // Acquisition
  std::string modality;            // CR, DX, ...; empty for raster images
  std::string bodyPartExamined;
  std::string viewPosition;        // PA, AP, LL, ...
  std::string laterality;          // Image Laterality, else (series) Laterality
  std::string patientOrientation;  // e.g. "L\F": row and column directions
  std::string acquisitionDate;
  std::string acquisitionTime;
  std::string institutionName;
  std::string manufacturer;
  std::string manufacturerModelName;
  std::string imageType;           // e.g. ORIGINAL\PRIMARY
  std::string derivationDescription;
  std::string burnedInAnnotation;  // YES / NO: identity may be printed into the pixels
  // Encoding, as found in the file
  std::string transferSyntaxUid;
  std::string transferSyntaxName;
  std::string photometric;         // as declared (MONOCHROME1, RGB, ...) before conversion to gray
  int samplesPerPixel = 1;
  int bitsAllocated = 16;
  int bitsStored = 16;
  int highBit = 15;
  bool pixelSigned = false;
  int frames = 1;                  // the film holds the first frame; this is how many the file has
};

}  // namespace hilum::film
