#include "dicom_fixture.h"

#include "codestream_encoder.h"

#include <dcmtk/config/osconfig.h>
#include <dcmtk/dcmdata/dcdeftag.h>
#include <dcmtk/dcmdata/dcdict.h>
#include <dcmtk/dcmdata/dcdicent.h>
#include <dcmtk/dcmdata/dcfilefo.h>
#include <dcmtk/dcmdata/dcpixel.h>
#include <dcmtk/dcmdata/dcpixseq.h>
#include <dcmtk/dcmdata/dcpxitem.h>
#include <dcmtk/dcmdata/dcrleerg.h>
#include <dcmtk/dcmdata/dcrlerp.h>
#include <dcmtk/dcmdata/dcuid.h>
#include <dcmtk/dcmimage/diregist.h>  // colour support for the JPEG encoder
#include <dcmtk/dcmjpeg/djencode.h>
#include <dcmtk/dcmjpeg/djrplol.h>
#include <dcmtk/dcmjpeg/djrploss.h>
#include <dcmtk/oflog/oflog.h>

#include <memory>
#include <mutex>
#include <stdexcept>

namespace hilum::test {
namespace {

void check(const OFCondition& cond, const std::string& what) {
  if (cond.bad()) throw std::runtime_error(what + ": " + cond.text());
}

void registerEncoders() {
  static std::once_flag once;
  std::call_once(once, [] {
    OFLog::configure(OFLogger::FATAL_LOG_LEVEL);
    DJEncoderRegistration::registerCodecs();
    DcmRLEEncoderRegistration::registerCodecs();
  });
}

E_TransferSyntax toXfer(Syntax s) {
  switch (s) {
    case Syntax::ImplicitLE: return EXS_LittleEndianImplicit;
    case Syntax::ExplicitLE: return EXS_LittleEndianExplicit;
    case Syntax::ExplicitBE: return EXS_BigEndianExplicit;
    case Syntax::DeflatedLE: return EXS_DeflatedLittleEndianExplicit;
    case Syntax::JpegBaseline: return EXS_JPEGProcess1;
    case Syntax::JpegExtended: return EXS_JPEGProcess2_4;
    case Syntax::JpegLossless: return EXS_JPEGProcess14;
    case Syntax::JpegLosslessSV1: return EXS_JPEGProcess14SV1;
    case Syntax::JpegLsLossless: return EXS_JPEGLSLossless;
    case Syntax::JpegLsNearLossless: return EXS_JPEGLSLossy;
    case Syntax::Rle: return EXS_RLELossless;
    case Syntax::J2kLossless: return EXS_JPEG2000LosslessOnly;
    case Syntax::J2k: return EXS_JPEG2000;
  }
  return EXS_LittleEndianExplicit;
}

void putLut(DcmItem& item, const LutSpec& lut) {
  const Uint16 descriptor[3] = {static_cast<Uint16>(lut.entries.size() == 65536 ? 0 : lut.entries.size()),
                                static_cast<Uint16>(lut.firstMapped), static_cast<Uint16>(lut.bitsPerEntry)};
  check(item.putAndInsertUint16Array(DCM_LUTDescriptor, descriptor, 3), "LUTDescriptor");
  check(item.putAndInsertUint16Array(DCM_LUTData, lut.entries.data(), static_cast<unsigned long>(lut.entries.size())),
        "LUTData");
  if (!lut.explanation.empty()) check(item.putAndInsertString(DCM_LUTExplanation, lut.explanation.c_str()), "LUTExplanation");
}

void putAttribute(DcmDataset& ds, const std::string& keyword, const std::string& value) {
  const DcmDataDictionary& dict = dcmDataDict.rdlock();
  const DcmDictEntry* entry = dict.findEntry(keyword.c_str());
  dcmDataDict.rdunlock();
  if (entry == nullptr) throw std::runtime_error("unknown DICOM keyword " + keyword);
  DcmTag tag(entry->getKey());
  // "US or SS" attributes (Pixel Padding Value, LUT Descriptor) need a concrete VR to take a value.
  if (tag.getEVR() == EVR_xs) tag.setVR(DcmVR(!value.empty() && value[0] == '-' ? EVR_SS : EVR_US));
  check(ds.putAndInsertString(tag, value.c_str()), keyword);
}

}  // namespace

const char* syntaxName(Syntax s) {
  switch (s) {
    case Syntax::ImplicitLE: return "implicit LE";
    case Syntax::ExplicitLE: return "explicit LE";
    case Syntax::ExplicitBE: return "explicit BE";
    case Syntax::DeflatedLE: return "deflated LE";
    case Syntax::JpegBaseline: return "JPEG baseline";
    case Syntax::JpegExtended: return "JPEG extended";
    case Syntax::JpegLossless: return "JPEG lossless";
    case Syntax::JpegLosslessSV1: return "JPEG lossless SV1";
    case Syntax::JpegLsLossless: return "JPEG-LS lossless";
    case Syntax::JpegLsNearLossless: return "JPEG-LS near-lossless";
    case Syntax::Rle: return "RLE";
    case Syntax::J2kLossless: return "JPEG 2000 lossless";
    case Syntax::J2k: return "JPEG 2000 lossy";
  }
  return "?";
}

bool isLossless(Syntax s) {
  return s != Syntax::JpegBaseline && s != Syntax::JpegExtended && s != Syntax::JpegLsNearLossless && s != Syntax::J2k;
}

std::pair<int, int> storedRange(const DicomSpec& spec) {
  if (spec.isSigned) return {-(1 << (spec.bitsStored - 1)), (1 << (spec.bitsStored - 1)) - 1};
  return {0, (1 << spec.bitsStored) - 1};
}

std::vector<int> patternPixels(const DicomSpec& spec, bool smooth) {
  const auto [lo, hi] = storedRange(spec);
  const long long span = static_cast<long long>(hi) - lo;
  const int samples = spec.photometric == "RGB" || spec.photometric == "YBR_FULL" ? 3 : 1;
  std::vector<int> px;
  px.reserve(static_cast<std::size_t>(spec.frames) * spec.rows * spec.columns * samples);
  for (int f = 0; f < spec.frames; ++f)
    for (int y = 0; y < spec.rows; ++y)
      for (int x = 0; x < spec.columns; ++x)
        for (int s = 0; s < samples; ++s) {
          long long v;
          if (smooth) {
            v = lo + span * (x + y) / (spec.columns + spec.rows - 2);
          } else {
            v = lo + (static_cast<long long>(x) * 7919 + static_cast<long long>(y) * 104729 + f * 31 + s * 17) % (span + 1);
            if (y == 0 && x == 0) v = lo;
            if (y == 0 && x == 1) v = hi;
          }
          px.push_back(static_cast<int>(v));
        }
  return px;
}

void writeDicom(const DicomSpec& spec, const std::string& path) {
  registerEncoders();
  DcmFileFormat file;
  DcmDataset& ds = *file.getDataset();
  char uid[100];
  check(ds.putAndInsertString(DCM_SOPClassUID, spec.sopClassUid.c_str()), "SOPClassUID");
  check(ds.putAndInsertString(DCM_SOPInstanceUID, dcmGenerateUniqueIdentifier(uid, SITE_INSTANCE_UID_ROOT)), "SOPInstanceUID");
  check(ds.putAndInsertString(DCM_StudyInstanceUID, dcmGenerateUniqueIdentifier(uid, SITE_STUDY_UID_ROOT)), "Study");
  check(ds.putAndInsertString(DCM_SeriesInstanceUID, dcmGenerateUniqueIdentifier(uid, SITE_SERIES_UID_ROOT)), "Series");
  check(ds.putAndInsertString(DCM_Modality, "DX"), "Modality");
  check(ds.putAndInsertString(DCM_PatientName, "Test^Phantom"), "PatientName");
  check(ds.putAndInsertString(DCM_PatientID, "HILUM-TEST-1"), "PatientID");
  for (const auto& lut : spec.modalityLut) {
    DcmItem* item = nullptr;
    check(ds.findOrCreateSequenceItem(DCM_ModalityLUTSequence, item, -2), "ModalityLUTSequence");
    putLut(*item, lut);
    check(item->putAndInsertString(DCM_ModalityLUTType, "US"), "ModalityLUTType");
  }
  for (const auto& lut : spec.voiLuts) {
    DcmItem* item = nullptr;
    check(ds.findOrCreateSequenceItem(DCM_VOILUTSequence, item, -2), "VOILUTSequence");
    putLut(*item, lut);
  }
  if (spec.omitPixelData) {
    for (const auto& [keyword, value] : spec.attributes) putAttribute(ds, keyword, value);
    check(file.saveFile(path.c_str(), EXS_LittleEndianExplicit), "save " + path);
    return;
  }

  const int samples = spec.photometric == "RGB" || spec.photometric == "YBR_FULL" ? 3 : 1;
  const int highBit = spec.highBit < 0 ? spec.bitsStored - 1 : spec.highBit;
  check(ds.putAndInsertUint16(DCM_Rows, static_cast<Uint16>(spec.rows)), "Rows");
  check(ds.putAndInsertUint16(DCM_Columns, static_cast<Uint16>(spec.columns)), "Columns");
  check(ds.putAndInsertUint16(DCM_SamplesPerPixel, static_cast<Uint16>(samples)), "SamplesPerPixel");
  check(ds.putAndInsertString(DCM_PhotometricInterpretation, spec.photometric.c_str()), "Photometric");
  if (samples == 3) check(ds.putAndInsertUint16(DCM_PlanarConfiguration, 0), "PlanarConfiguration");
  check(ds.putAndInsertUint16(DCM_BitsAllocated, static_cast<Uint16>(spec.bitsAllocated)), "BitsAllocated");
  check(ds.putAndInsertUint16(DCM_BitsStored, static_cast<Uint16>(spec.bitsStored)), "BitsStored");
  check(ds.putAndInsertUint16(DCM_HighBit, static_cast<Uint16>(highBit)), "HighBit");
  check(ds.putAndInsertUint16(DCM_PixelRepresentation, spec.isSigned ? 1 : 0), "PixelRepresentation");
  if (!spec.paletteRed.empty()) {
    const Uint16 descriptor[3] = {static_cast<Uint16>(spec.paletteRed.size()), 0, 16};
    const std::pair<DcmTagKey, DcmTagKey> tables[] = {
        {DCM_RedPaletteColorLookupTableDescriptor, DCM_RedPaletteColorLookupTableData},
        {DCM_GreenPaletteColorLookupTableDescriptor, DCM_GreenPaletteColorLookupTableData},
        {DCM_BluePaletteColorLookupTableDescriptor, DCM_BluePaletteColorLookupTableData}};
    const std::vector<std::uint16_t>* data[] = {&spec.paletteRed, &spec.paletteGreen, &spec.paletteBlue};
    for (int c = 0; c < 3; ++c) {
      DcmTag descriptorTag(tables[c].first);
      descriptorTag.setVR(DcmVR(EVR_US));
      auto* element = DcmItem::newDicomElement(descriptorTag);
      check(element->putUint16Array(descriptor, 3), "palette descriptor");
      check(ds.insert(element, true), "palette descriptor");
      DcmTag dataTag(tables[c].second);
      dataTag.setVR(DcmVR(EVR_OW));
      check(ds.putAndInsertUint16Array(dataTag, data[c]->data(), static_cast<unsigned long>(data[c]->size())), "palette data");
    }
  }
  if (spec.frames > 1) check(ds.putAndInsertString(DCM_NumberOfFrames, std::to_string(spec.frames).c_str()), "Frames");

  const std::vector<int> values = spec.pixels.empty() ? patternPixels(spec, !isLossless(spec.syntax)) : spec.pixels;
  const std::size_t perFrame = static_cast<std::size_t>(spec.rows) * spec.columns * samples;
  const E_TransferSyntax xfer = toXfer(spec.syntax);

  const bool ownEncoder = spec.syntax == Syntax::J2kLossless || spec.syntax == Syntax::J2k ||
                          spec.syntax == Syntax::JpegLsLossless || spec.syntax == Syntax::JpegLsNearLossless;
  if (ownEncoder) {
    if (samples != 1) throw std::runtime_error("fixture encoders for JPEG 2000 and JPEG-LS take gray films only");
    auto* sequence = new DcmPixelSequence(DCM_PixelSequenceTag);
    auto* offsetTable = new DcmPixelItem(DCM_PixelItemTag);
    sequence->insert(offsetTable);
    DcmOffsetList offsets;
    for (int f = 0; f < spec.frames; ++f) {
      const std::vector<int> frame(values.begin() + static_cast<std::ptrdiff_t>(perFrame * f),
                                   values.begin() + static_cast<std::ptrdiff_t>(perFrame * (f + 1)));
      const bool jpegLs = spec.syntax == Syntax::JpegLsLossless || spec.syntax == Syntax::JpegLsNearLossless;
      auto codestream = jpegLs ? encodeJpegLs(frame, spec.columns, spec.rows, spec.bitsStored,
                                              spec.syntax == Syntax::JpegLsNearLossless ? 2 : 0)
                               : encodeJ2k(frame, spec.columns, spec.rows, spec.bitsStored, spec.isSigned,
                                           spec.syntax == Syntax::J2k);
      check(sequence->storeCompressedFrame(offsets, codestream.data(), static_cast<Uint32>(codestream.size()), 0),
            "storeCompressedFrame");
    }
    check(offsetTable->createOffsetTable(offsets), "createOffsetTable");
    auto* pixelData = new DcmPixelData(DCM_PixelData);
    pixelData->putOriginalRepresentation(xfer, nullptr, sequence);
    check(ds.insert(pixelData, true), "insert PixelData");
    if (!isLossless(spec.syntax)) check(ds.putAndInsertString(DCM_LossyImageCompression, "01"), "Lossy");
  } else {
    // Stored values back into Bits Allocated words at High Bit (PS3.5 8.1.1).
    const int shift = highBit + 1 - spec.bitsStored;
    const std::uint32_t mask = (1u << spec.bitsStored) - 1u;
    if (spec.bitsAllocated == 8) {
      std::vector<Uint8> bytes(values.size());
      for (std::size_t i = 0; i < values.size(); ++i)
        bytes[i] = static_cast<Uint8>((static_cast<std::uint32_t>(values[i]) & mask) << shift);
      check(ds.putAndInsertUint8Array(DCM_PixelData, bytes.data(), static_cast<unsigned long>(bytes.size())), "PixelData");
    } else {
      std::vector<Uint16> words(values.size());
      for (std::size_t i = 0; i < values.size(); ++i)
        words[i] = static_cast<Uint16>((static_cast<std::uint32_t>(values[i]) & mask) << shift);
      check(ds.putAndInsertUint16Array(DCM_PixelData, words.data(), static_cast<unsigned long>(words.size())), "PixelData");
    }
    std::unique_ptr<DcmRepresentationParameter> parameter;
    switch (spec.syntax) {
      case Syntax::JpegBaseline:
      case Syntax::JpegExtended: parameter = std::make_unique<DJ_RPLossy>(95); break;
      case Syntax::JpegLossless:
      case Syntax::JpegLosslessSV1: parameter = std::make_unique<DJ_RPLossless>(); break;
      case Syntax::Rle: parameter = std::make_unique<DcmRLERepresentationParameter>(); break;
      default: break;
    }
    if (parameter) check(ds.chooseRepresentation(xfer, parameter.get()), std::string("encode ") + syntaxName(spec.syntax));
  }

  for (const auto& [keyword, value] : spec.attributes) putAttribute(ds, keyword, value);
  if (spec.fileMeta) {
    check(file.saveFile(path.c_str(), xfer), "save " + path);
  } else {
    check(file.saveFile(path.c_str(), xfer, EET_ExplicitLength, EGL_recalcGL, EPD_noChange, 0, 0, EWM_dataset),
          "save " + path);
  }
}

void writeMpeg2Film(const std::string& path) {
  DcmFileFormat file;
  DcmDataset& ds = *file.getDataset();
  char uid[100];
  check(ds.putAndInsertString(DCM_SOPClassUID, UID_VideoPhotographicImageStorage), "SOPClassUID");
  check(ds.putAndInsertString(DCM_SOPInstanceUID, dcmGenerateUniqueIdentifier(uid, SITE_INSTANCE_UID_ROOT)), "SOP");
  check(ds.putAndInsertUint16(DCM_Rows, 16), "Rows");
  check(ds.putAndInsertUint16(DCM_Columns, 16), "Columns");
  check(ds.putAndInsertUint16(DCM_SamplesPerPixel, 1), "Samples");
  check(ds.putAndInsertString(DCM_PhotometricInterpretation, "MONOCHROME2"), "Photometric");
  check(ds.putAndInsertUint16(DCM_BitsAllocated, 8), "BitsAllocated");
  check(ds.putAndInsertUint16(DCM_BitsStored, 8), "BitsStored");
  check(ds.putAndInsertUint16(DCM_HighBit, 7), "HighBit");
  check(ds.putAndInsertUint16(DCM_PixelRepresentation, 0), "PixelRepresentation");
  auto* sequence = new DcmPixelSequence(DCM_PixelSequenceTag);
  sequence->insert(new DcmPixelItem(DCM_PixelItemTag));
  DcmOffsetList offsets;
  Uint8 stream[64] = {0x00, 0x00, 0x01, 0xB3};  // an MPEG sequence header start code, then nothing useful
  check(sequence->storeCompressedFrame(offsets, stream, sizeof stream, 0), "fragment");
  auto* pixelData = new DcmPixelData(DCM_PixelData);
  pixelData->putOriginalRepresentation(EXS_MPEG2MainProfileAtMainLevel, nullptr, sequence);
  check(ds.insert(pixelData, true), "insert PixelData");
  check(file.saveFile(path.c_str(), EXS_MPEG2MainProfileAtMainLevel), "save " + path);
}

}  // namespace hilum::test
