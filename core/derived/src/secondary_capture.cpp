// Secondary Capture Image IOD (PS3.3 A.8.1): the film as Hilum showed it, heatmap burned in.
#include "hilum/derived/derived_objects.h"

#include "deidentify_p.h"
#include "dicom_output_p.h"
#include "dicom_source_p.h"

#include <dcmtk/dcmdata/dcdeftag.h>
#include <dcmtk/dcmdata/dcfilefo.h>
#include <dcmtk/dcmdata/dcuid.h>

#include <exception>

namespace hilum::derived {

using namespace detail;

namespace {

Status checkPicture(const RgbPicture& picture, const std::string& outPath) {
  // Rows and Columns are US: 65535 is the most a single frame can declare.
  if (picture.width <= 0 || picture.height <= 0 || picture.width > 65535 || picture.height > 65535) {
    return Error(Module::Report, ErrorCode::InvalidArgument,
                 "picture size " + std::to_string(picture.width) + " x " + std::to_string(picture.height) +
                     " is not a DICOM frame size",
                 outPath);
  }
  const std::size_t expected = std::size_t(picture.width) * std::size_t(picture.height) * 3;
  if (picture.rgb.size() != expected) {
    return Error(Module::Report, ErrorCode::InvalidArgument,
                 "picture holds " + std::to_string(picture.rgb.size()) + " bytes, " + std::to_string(expected) +
                     " expected for interleaved RGB",
                 outPath);
  }
  return Status::success();
}

std::string derivationText(const Algorithm& algorithm) {
  std::string text = "Hilum AI heatmap burned into the film by " + algorithm.name;
  if (!algorithm.version.empty()) text += " " + algorithm.version;
  if (!algorithm.weightsSha256.empty()) text += " (weights sha256 " + algorithm.weightsSha256 + ")";
  return text + "; decision support, not a diagnosis";
}

Result<OutputInfo> write(const std::string& sourcePath, const RgbPicture& picture, const Algorithm& algorithm,
                         const std::string& seriesDescription, const Deidentify& deid, const std::string& outPath,
                         std::vector<std::string>* warnings) {
  const Status valid = checkPicture(picture, outPath);
  if (!valid.ok()) return valid.error();
  auto source = openSource(sourcePath);
  if (!source.ok()) return source.error();
  const Source& film = source.value();
  const Timestamp when = now();

  DcmFileFormat file;
  DcmDataset& ds = *file.getDataset();
  copyPatientAndStudy(film, ds);
  // "OT": the object is not an acquisition of the film's modality (that goes in Source Image).
  putNewInstance(ds, UID_SecondaryCaptureImageStorage, "OT", seriesDescription, kSecondaryCaptureSeries, when);
  putBodyPartAndLaterality(film, ds);

  // SC Equipment: WSD, "workstation", is what PS3.3 C.8.6.1 names for a screen capture.
  ds.putAndInsertString(DCM_ConversionType, "WSD");
  ds.putAndInsertString(DCM_SecondaryCaptureDeviceManufacturer, "Hilum");
  ds.putAndInsertString(DCM_SecondaryCaptureDeviceManufacturerModelName, algorithm.name.c_str());
  ds.putAndInsertString(DCM_SecondaryCaptureDeviceSoftwareVersions, algorithm.version.c_str());
  ds.putAndInsertString(DCM_DateOfSecondaryCapture, when.date.c_str());
  ds.putAndInsertString(DCM_TimeOfSecondaryCapture, when.time.c_str());

  // General Image.
  ds.putAndInsertString(DCM_ImageType, "DERIVED\\SECONDARY");
  ds.putAndInsertString(DCM_ContentDate, when.date.c_str());
  ds.putAndInsertString(DCM_ContentTime, when.time.c_str());
  const std::string orientation = film.isDicom() ? stringOf(film.dataset(), DCM_PatientOrientation) : std::string();
  ds.putAndInsertString(DCM_PatientOrientation, orientation.c_str());
  ds.putAndInsertString(DCM_BurnedInAnnotation, "YES");
  ds.putAndInsertString(DCM_DerivationDescription, derivationText(algorithm).c_str());
  if (film.referable()) {
    DcmItem& reference = appendItem(ds, DCM_SourceImageSequence);
    putSourceReference(film, reference);
    putCode(appendItem(reference, DCM_PurposeOfReferenceCodeSequence), "121322", "DCM",
            "Source image for image processing operation");
  }
  // A picture made from lossy pixels stays lossy (PS3.3 C.7.6.1.1.5), however it is stored now.
  if (film.isDicom() && stringOf(film.dataset(), DCM_LossyImageCompression) == "01") {
    ds.putAndInsertString(DCM_LossyImageCompression, "01");
    for (const DcmTagKey& tag : {DCM_LossyImageCompressionRatio, DCM_LossyImageCompressionMethod}) {
      const std::string value = stringOf(film.dataset(), tag);
      if (!value.empty()) ds.putAndInsertString(tag, value.c_str());
    }
  }

  // Image Pixel: 8-bit RGB, colour-by-pixel, as the picture comes.
  ds.putAndInsertUint16(DCM_SamplesPerPixel, 3);
  ds.putAndInsertString(DCM_PhotometricInterpretation, "RGB");
  ds.putAndInsertUint16(DCM_PlanarConfiguration, 0);
  ds.putAndInsertUint16(DCM_Rows, static_cast<Uint16>(picture.height));
  ds.putAndInsertUint16(DCM_Columns, static_cast<Uint16>(picture.width));
  ds.putAndInsertUint16(DCM_BitsAllocated, 8);
  ds.putAndInsertUint16(DCM_BitsStored, 8);
  ds.putAndInsertUint16(DCM_HighBit, 7);
  ds.putAndInsertUint16(DCM_PixelRepresentation, 0);
  const OFCondition pixels =
      ds.putAndInsertUint8Array(DCM_PixelData, picture.rgb.data(), static_cast<unsigned long>(picture.rgb.size()));
  if (pixels.bad()) return dcmtkError(ErrorCode::Internal, "cannot store the pixels", pixels, outPath);

  if (deid.enabled) {
    if (film.isDicom()) {
      addBurnedInWarnings(film.dataset(), sourcePath, warnings);
    } else if (warnings != nullptr && !sourcePath.empty()) {
      warnings->push_back(sourcePath + ": a raster film says nothing about text in its pixels (screenshots and "
                                       "exports often carry the name); check the picture before sharing");
    }
    IodRules rules;
    rules.type2 = {DCM_ContentDate, DCM_ContentTime};  // General Image 2C; written, so kept present
    rules.retain = {DCM_SeriesDescription, DCM_DerivationDescription};
    rules.options = {CleaningOption::Descriptors};
    deidentifyDataset(ds, deid, rules);
  }
  return saveAtomically(file, outPath);
}

}  // namespace

Result<OutputInfo> writeSecondaryCapture(const std::string& sourcePath, const RgbPicture& picture,
                                         const Algorithm& algorithm, const std::string& seriesDescription,
                                         const Deidentify& deid, const std::string& outPath,
                                         std::vector<std::string>* warnings) {
  try {
    return write(sourcePath, picture, algorithm, seriesDescription, deid, outPath, warnings);
  } catch (const std::exception& e) {  // std::bad_alloc on a huge picture
    return Error(Module::Report, ErrorCode::Internal, e.what(), outPath);
  }
}

}  // namespace hilum::derived
