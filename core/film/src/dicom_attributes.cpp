#include "dicom_attributes_p.h"

#include "text_encoding_p.h"

#include <dcmtk/config/osconfig.h>
#include <dcmtk/dcmdata/dcdeftag.h>
#include <dcmtk/dcmdata/dcitem.h>
#include <dcmtk/dcmdata/dcsequen.h>
#include <dcmtk/dcmdata/dcuid.h>

#include <cmath>
#include <sstream>

namespace hilum::film::detail {
namespace {

std::string utf8(const OFString& value) { return validUtf8(value.c_str()); }

std::string text(DcmItem& item, const DcmTagKey& tag) {
  OFString value;
  if (item.findAndGetOFString(tag, value).good()) return utf8(value);
  return {};
}

std::string allValues(DcmItem& item, const DcmTagKey& tag) {
  OFString value;
  if (item.findAndGetOFStringArray(tag, value).good()) return utf8(value);
  return {};
}

unsigned long valueCount(DcmItem& item, const DcmTagKey& tag) {
  DcmElement* element = nullptr;
  if (item.findAndGetElement(tag, element).bad() || element == nullptr) return 0;
  return element->getVM();
}

// A LUT Descriptor + LUT Data + LUT Explanation triple (PS3.3 C.11.1.1.1) from one sequence item.
std::optional<LookupTable> readLut(DcmItem& item, bool firstMappedSigned) {
  Uint16 entriesDeclared = 0, firstMappedRaw = 0, bits = 0;
  if (item.findAndGetUint16(DCM_LUTDescriptor, entriesDeclared, 0).bad() ||
      item.findAndGetUint16(DCM_LUTDescriptor, firstMappedRaw, 1).bad() ||
      item.findAndGetUint16(DCM_LUTDescriptor, bits, 2).bad())
    return std::nullopt;
  const Uint16* data = nullptr;
  unsigned long words = 0;
  if (item.findAndGetUint16Array(DCM_LUTData, data, &words).bad() || data == nullptr || words == 0)
    return std::nullopt;

  // 0 entries means 65536 (the count does not fit in US).
  const std::size_t entries = entriesDeclared == 0 ? 65536u : entriesDeclared;
  LookupTable lut;
  lut.firstMapped = firstMappedSigned ? static_cast<Sint16>(firstMappedRaw) : firstMappedRaw;
  lut.bitsPerEntry = bits;
  lut.explanation = text(item, DCM_LUTExplanation);
  if (bits == 8 && words * 2 == entries) {
    // 8-bit entries packed two per 16-bit word (OW), low byte first.
    lut.entries.reserve(entries);
    for (unsigned long i = 0; i < words; ++i) {
      lut.entries.push_back(data[i] & 0xFF);
      lut.entries.push_back(data[i] >> 8);
    }
  } else {
    lut.entries.assign(data, data + std::min<std::size_t>(words, entries));
  }
  // Some writers declare 16 bits for 12-bit data or the reverse; the data decide the real range
  // (as DCMTK's DiLookupTable does), else the display would be nearly black or clipped.
  Uint16 maxEntry = 0;
  for (Uint16 e : lut.entries) maxEntry = std::max(maxEntry, e);
  int needed = 1;
  while (needed < 16 && (1u << needed) <= maxEntry) ++needed;
  if (needed > lut.bitsPerEntry) lut.bitsPerEntry = needed;
  if (lut.bitsPerEntry < 1 || lut.bitsPerEntry > 16) lut.bitsPerEntry = 16;
  return lut;
}

// Pixel spacing values "row\column", both positive; otherwise nothing.
bool readSpacingPair(DcmItem& item, const DcmTagKey& tag, double& rowMm, double& colMm) {
  Float64 r = 0, c = 0;
  if (item.findAndGetFloat64(tag, r, 0).bad() || item.findAndGetFloat64(tag, c, 1).bad()) return false;
  if (!(r > 0.0) || !(c > 0.0) || !std::isfinite(r) || !std::isfinite(c)) return false;
  rowMm = r;
  colMm = c;
  return true;
}

bool present(DcmItem& item, const DcmTagKey& tag) {
  return item.tagExistsWithValue(tag);
}

}  // namespace

FilmMetadata readMetadata(DcmItem& ds) {
  FilmMetadata m;
  m.format = SourceFormat::Dicom;
  m.patientName = text(ds, DCM_PatientName);
  m.patientId = text(ds, DCM_PatientID);
  m.patientBirthDate = text(ds, DCM_PatientBirthDate);
  m.patientSex = text(ds, DCM_PatientSex);
  m.patientAge = text(ds, DCM_PatientAge);
  m.studyInstanceUid = text(ds, DCM_StudyInstanceUID);
  m.studyDate = text(ds, DCM_StudyDate);
  m.studyTime = text(ds, DCM_StudyTime);
  m.studyDescription = text(ds, DCM_StudyDescription);
  m.accessionNumber = text(ds, DCM_AccessionNumber);
  m.seriesInstanceUid = text(ds, DCM_SeriesInstanceUID);
  m.seriesDescription = text(ds, DCM_SeriesDescription);
  m.seriesNumber = text(ds, DCM_SeriesNumber);
  m.sopClassUid = text(ds, DCM_SOPClassUID);
  m.sopInstanceUid = text(ds, DCM_SOPInstanceUID);
  m.instanceNumber = text(ds, DCM_InstanceNumber);
  m.modality = text(ds, DCM_Modality);
  m.bodyPartExamined = text(ds, DCM_BodyPartExamined);
  m.viewPosition = text(ds, DCM_ViewPosition);
  m.laterality = text(ds, DCM_ImageLaterality);
  if (m.laterality.empty()) m.laterality = text(ds, DCM_Laterality);
  m.patientOrientation = allValues(ds, DCM_PatientOrientation);
  m.acquisitionDate = text(ds, DCM_AcquisitionDate);
  if (m.acquisitionDate.empty()) m.acquisitionDate = text(ds, DCM_ContentDate);
  m.acquisitionTime = text(ds, DCM_AcquisitionTime);
  if (m.acquisitionTime.empty()) m.acquisitionTime = text(ds, DCM_ContentTime);
  m.institutionName = text(ds, DCM_InstitutionName);
  m.manufacturer = text(ds, DCM_Manufacturer);
  m.manufacturerModelName = text(ds, DCM_ManufacturerModelName);
  m.imageType = allValues(ds, DCM_ImageType);
  m.derivationDescription = text(ds, DCM_DerivationDescription);
  m.burnedInAnnotation = text(ds, DCM_BurnedInAnnotation);
  m.photometric = text(ds, DCM_PhotometricInterpretation);
  Uint16 u = 0;
  if (ds.findAndGetUint16(DCM_SamplesPerPixel, u).good()) m.samplesPerPixel = u;
  if (ds.findAndGetUint16(DCM_BitsAllocated, u).good()) m.bitsAllocated = u;
  if (ds.findAndGetUint16(DCM_BitsStored, u).good()) m.bitsStored = u; else m.bitsStored = m.bitsAllocated;
  if (ds.findAndGetUint16(DCM_HighBit, u).good()) m.highBit = u; else m.highBit = m.bitsStored - 1;
  if (ds.findAndGetUint16(DCM_PixelRepresentation, u).good()) m.pixelSigned = u == 1;
  Sint32 frames = 1;
  if (ds.findAndGetSint32(DCM_NumberOfFrames, frames).good() && frames > 0) m.frames = frames;
  return m;
}

DisplayAttributes readDisplayAttributes(DcmItem& ds, bool pixelSigned) {
  DisplayAttributes d;
  d.monochrome1 = text(ds, DCM_PhotometricInterpretation) == "MONOCHROME1";

  Float64 value = 0;
  if (ds.findAndGetFloat64(DCM_RescaleSlope, value).good() && std::isfinite(value) && value != 0.0)
    d.rescaleSlope = value;
  if (ds.findAndGetFloat64(DCM_RescaleIntercept, value).good() && std::isfinite(value))
    d.rescaleIntercept = value;
  d.rescaleType = text(ds, DCM_RescaleType);
  DcmItem* item = nullptr;
  if (ds.findAndGetSequenceItem(DCM_ModalityLUTSequence, item, 0).good() && item != nullptr) {
    // The first-mapped value follows Pixel Representation for the Modality LUT (C.11.1.1.1).
    d.modalityLut = readLut(*item, pixelSigned);
    if (d.modalityLut) d.rescaleType = text(*item, DCM_ModalityLUTType);
  }

  const unsigned long pairs = std::min(valueCount(ds, DCM_WindowCenter), valueCount(ds, DCM_WindowWidth));
  for (unsigned long i = 0; i < pairs; ++i) {
    Float64 c = 0, w = 0;
    if (ds.findAndGetFloat64(DCM_WindowCenter, c, i).bad() || ds.findAndGetFloat64(DCM_WindowWidth, w, i).bad())
      continue;
    // Width must be >= 1 for LINEAR and > 0 otherwise (C.11.2.1.2); a zero width is unusable.
    if (!std::isfinite(c) || !std::isfinite(w) || w <= 0.0) continue;
    OFString explanation;
    ds.findAndGetOFString(DCM_WindowCenterWidthExplanation, explanation, i);
    d.windows.push_back({c, w, utf8(explanation)});
  }
  // The VOI LUT input is the Modality LUT output, signed whenever that can be negative.
  const bool voiInputSigned = pixelSigned || d.rescaleIntercept < 0.0 || d.modalityLut.has_value();
  DcmSequenceOfItems* voiSeq = nullptr;
  if (ds.findAndGetSequence(DCM_VOILUTSequence, voiSeq).good() && voiSeq != nullptr) {
    for (unsigned long i = 0; i < voiSeq->card(); ++i) {
      if (auto lut = readLut(*voiSeq->getItem(i), voiInputSigned)) d.voiLuts.push_back(std::move(*lut));
    }
  }
  const std::string function = text(ds, DCM_VOILUTFunction);
  if (function == "LINEAR_EXACT") d.voiFunction = VoiFunction::LinearExact;
  else if (function == "SIGMOID") d.voiFunction = VoiFunction::Sigmoid;

  const std::string shape = text(ds, DCM_PresentationLUTShape);
  if (shape == "INVERSE") d.presentationShape = PresentationShape::Inverse;
  else if (shape == "IDENTITY") d.presentationShape = PresentationShape::Identity;

  if (present(ds, DCM_PixelPaddingValue)) {
    Uint16 raw = 0;
    if (ds.findAndGetUint16(DCM_PixelPaddingValue, raw).good())
      d.paddingValue = pixelSigned ? static_cast<Sint16>(raw) : static_cast<int>(raw);
  }
  return d;
}

PixelSpacing readPixelSpacing(DcmItem& ds) {
  PixelSpacing s;
  double pr = 0, pc = 0, ir = 0, ic = 0;
  const bool hasPixel = readSpacingPair(ds, DCM_PixelSpacing, pr, pc);
  const bool hasImager = readSpacingPair(ds, DCM_ImagerPixelSpacing, ir, ic);
  Float64 magnification = 0;
  const bool hasMagnification =
      ds.findAndGetFloat64(DCM_EstimatedRadiographicMagnificationFactor, magnification).good() &&
      std::isfinite(magnification) && magnification > 0.0;
  const std::string calibrationType = text(ds, DCM_PixelSpacingCalibrationType);

  auto equal = [](double a, double b) { return std::abs(a - b) <= 1e-6 * std::max(1.0, std::abs(a)); };

  if (hasPixel) {
    s.rowMm = pr;
    s.columnMm = pc;
    if (!calibrationType.empty()) {
      s.source = SpacingSource::Calibrated;
      s.note = "Pixel Spacing, calibration type " + calibrationType;
    } else if (hasImager && !(equal(pr, ir) && equal(pc, ic))) {
      s.source = SpacingSource::Calibrated;
      s.note = "Pixel Spacing differs from Imager Pixel Spacing";
    } else {
      // Equal to the imager spacing, or the only spacing of a CR/SC film: measured at the detector.
      s.source = SpacingSource::Detector;
      s.note = hasImager ? "Pixel Spacing equals Imager Pixel Spacing" : "Pixel Spacing (no calibration declared)";
    }
  } else if (hasImager) {
    if (hasMagnification) {
      s.rowMm = ir / magnification;
      s.columnMm = ic / magnification;
      s.source = SpacingSource::Estimated;
      std::ostringstream note;
      note << "Imager Pixel Spacing / Estimated Radiographic Magnification Factor " << magnification;
      s.note = note.str();
    } else {
      s.rowMm = ir;
      s.columnMm = ic;
      s.source = SpacingSource::Detector;
      s.note = "Imager Pixel Spacing";
    }
  } else if (present(ds, DCM_PixelSpacing) || present(ds, DCM_ImagerPixelSpacing)) {
    s.note = "declared pixel spacing is zero, negative or unreadable";
  } else {
    s.note = "no pixel spacing in the file";
  }
  return s;
}

std::string nonImageKind(const std::string& sopClass) {
  if (sopClass == UID_EncapsulatedPDFStorage) return "encapsulated PDF document, not an image";
  if (sopClass.rfind("1.2.840.10008.5.1.4.1.1.88.", 0) == 0) return "DICOM Structured Report, not an image";
  if (sopClass == UID_GrayscaleSoftcopyPresentationStateStorage)
    return "presentation state, not an image (open the film it refers to)";
  return {};
}

}  // namespace hilum::film::detail
