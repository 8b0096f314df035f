#include "dicom_reader_p.h"

#include "codec_registry_p.h"
#include "dicom_attributes_p.h"
#include "dicom_structure_p.h"
#include "j2k_decoder_p.h"
#include "jpegls_decoder_p.h"
#include "rle_decoder_p.h"
#include "time_limit_p.h"

#include <dcmtk/config/osconfig.h>
#include <dcmtk/dcmdata/dcdeftag.h>
#include <dcmtk/dcmdata/dcfilefo.h>
#include <dcmtk/dcmdata/dcmetinf.h>
#include <dcmtk/dcmdata/dcpixel.h>
#include <dcmtk/dcmdata/dcpixseq.h>
#include <dcmtk/dcmdata/dcpxitem.h>
#include <dcmtk/dcmdata/dcuid.h>
#include <dcmtk/dcmdata/dcxfer.h>
#include <dcmtk/dcmimage/diregist.h>  // registers colour support in DicomImage
#include <dcmtk/dcmimgle/dcmimage.h>

#include <algorithm>
#include <cmath>
#include <exception>
#include <new>
#include <optional>
#include <string>

namespace hilum::film::detail {
namespace {

Error fail(ErrorCode code, std::string reason, const std::string& path) {
  return Error(Module::Film, code, std::move(reason), path);
}

bool isJpeg2000(E_TransferSyntax xfer) {
  return xfer == EXS_JPEG2000LosslessOnly || xfer == EXS_JPEG2000;
}

bool isSupported(E_TransferSyntax xfer) {
  switch (xfer) {
    case EXS_LittleEndianImplicit:
    case EXS_LittleEndianExplicit:
    case EXS_BigEndianExplicit:
    case EXS_DeflatedLittleEndianExplicit:
    case EXS_JPEGProcess1:
    case EXS_JPEGProcess2_4:
    case EXS_JPEGProcess14:
    case EXS_JPEGProcess14SV1:
    case EXS_JPEGLSLossless:
    case EXS_JPEGLSLossy:
    case EXS_RLELossless:
    case EXS_JPEG2000LosslessOnly:
    case EXS_JPEG2000:
      return true;
    default:
      return false;
  }
}

// Stored values of one frame (bits allocated 8 or 16, samples = 1) into Hilum's 16-bit buffer,
// keeping only Bits Stored bits below High Bit and sign-extending (PS3.5 8.1.1).
PixelBuffer unpackFrame(const Uint8* frame, int columns, int rows, int bitsAllocated, int bitsStored,
                        int highBit, bool isSigned) {
  PixelBuffer out;
  out.columns = columns;
  out.rows = rows;
  out.isSigned = isSigned;
  const std::size_t n = static_cast<std::size_t>(columns) * static_cast<std::size_t>(rows);
  out.data.resize(n);
  const int shift = highBit + 1 - bitsStored;
  // Branch-free loops per case so the compiler vectorises them: this runs over every pixel.
  auto unpack = [&](const auto* words) {
    if (isSigned) {
      // Move the sign bit to bit 15, then arithmetic-shift back: two's complement sign extension.
      const int up = 16 - highBit - 1;
      const int down = 16 - bitsStored;
      for (std::size_t i = 0; i < n; ++i)
        out.data[i] = static_cast<std::uint16_t>(static_cast<std::int16_t>(static_cast<std::uint16_t>(words[i] << up)) >> down);
    } else {
      const auto mask = static_cast<std::uint16_t>((1u << bitsStored) - 1u);
      for (std::size_t i = 0; i < n; ++i) out.data[i] = static_cast<std::uint16_t>((words[i] >> shift) & mask);
    }
  };
  if (bitsAllocated == 8) unpack(frame);
  else unpack(reinterpret_cast<const Uint16*>(frame));
  return out;
}

PixelBuffer fromJ2k(const J2kImage& j2k) {
  PixelBuffer out;
  out.columns = j2k.columns;
  out.rows = j2k.rows;
  out.isSigned = j2k.isSigned;
  out.data.resize(j2k.gray.size());
  const int lo = j2k.isSigned ? -32768 : 0;
  const int hi = j2k.isSigned ? 32767 : 65535;
  for (std::size_t i = 0; i < j2k.gray.size(); ++i)
    out.data[i] = static_cast<std::uint16_t>(std::clamp(j2k.gray[i], lo, hi));
  return out;
}

// The bytes of the first frame from the encapsulated fragments (PS3.5 A.4): item 0 is the Basic
// Offset Table, frames follow as one or more fragments. `endsWithEoc`: the codec's end marker
// (JPEG 2000's FFD9) closes a frame when there is no offset table to say where frames end.
Result<std::vector<Uint8>> firstEncapsulatedFrame(DcmPixelData& pixelData, E_TransferSyntax xfer, int frames,
                                                  bool endsWithEoc, const std::string& path) {
  DcmPixelSequence* sequence = nullptr;
  if (pixelData.getEncapsulatedRepresentation(xfer, nullptr, sequence).bad() || sequence == nullptr)
    return fail(ErrorCode::Malformed, "compressed pixel data is not encapsulated", path);
  const unsigned long items = sequence->card();
  if (items < 2) return fail(ErrorCode::Truncated, "compressed pixel data holds no frame", path);

  // Where frame 2 starts, from the offset table when it has one (offsets count from item 1).
  std::vector<Uint32> offsets;
  DcmPixelItem* table = nullptr;
  if (sequence->getItem(table, 0).good() && table != nullptr && table->getLength() >= 8) {
    Uint8* raw = nullptr;
    if (table->getUint8Array(raw).good() && raw != nullptr) {
      const Uint32 count = table->getLength() / 4;
      for (Uint32 i = 0; i < count; ++i)
        offsets.push_back(Uint32(raw[4 * i]) | Uint32(raw[4 * i + 1]) << 8 | Uint32(raw[4 * i + 2]) << 16 |
                          Uint32(raw[4 * i + 3]) << 24);
    }
  }

  std::vector<Uint8> bytes;
  Uint32 consumed = 0;  // bytes of items 1.. including their 8-byte item headers
  // A table that does not start at 0 or whose second offset falls inside a fragment does not
  // describe these fragments: following it gave another frame's pixels as the first frame's.
  const bool useTable = frames > 1 && offsets.size() >= 2;
  bool reachedTable = false;
  if (useTable && offsets[0] != 0)
    return fail(ErrorCode::Malformed, "Basic Offset Table does not start at the first fragment", path);
  for (unsigned long i = 1; i < items; ++i) {
    if (frames > 1) {
      if (useTable && consumed >= offsets[1]) {
        if (consumed != offsets[1])
          return fail(ErrorCode::Malformed, "Basic Offset Table does not match the fragments", path);
        reachedTable = true;
        break;
      }
      if (offsets.size() < 2 && items - 1 == static_cast<unsigned long>(frames) && i > 1) break;
    }
    DcmPixelItem* fragment = nullptr;
    if (sequence->getItem(fragment, i).bad() || fragment == nullptr) break;
    Uint8* raw = nullptr;
    const Uint32 length = fragment->getLength();
    if (length > 0 && (fragment->getUint8Array(raw).bad() || raw == nullptr))
      return fail(ErrorCode::Truncated, "fragment " + std::to_string(i) + " is unreadable", path);
    bytes.insert(bytes.end(), raw, raw + length);
    consumed += length + 8;
    // Without an offset table, a frame ends with the EOC marker (FFD9) at the end of a fragment.
    if (frames > 1 && offsets.size() < 2 && endsWithEoc && bytes.size() >= 2 &&
        bytes[bytes.size() - 2] == 0xFF && bytes.back() == 0xD9)
      break;
  }
  if (bytes.empty()) return fail(ErrorCode::Truncated, "first frame is empty", path);
  if (useTable && !reachedTable)
    return fail(ErrorCode::Malformed, "Basic Offset Table does not match the fragments", path);
  return bytes;
}

// Why DCMTK's JPEG decoder must not see the first fragment, if it must not. DCMTK 3.6.7 first scans
// it for the frame header's precision (DJCodecDecoder::scanJpegDataForBitDepth), and that scan never
// advances past a TEM marker (FF01): a 1.7 kB file hung the loader forever (found by fuzz_film).
// Checked the way the scan walks: SOI, then marker segments up to the first SOFn.
std::optional<std::string> jpegHeaderProblem(const Uint8* data, std::size_t size) {
  if (size < 4 || data[0] != 0xFF || data[1] != 0xD8) return "JPEG data do not start with a Start of Image marker";
  std::size_t offset = 2;
  while (offset + 4 <= size) {
    if (data[offset] != 0xFF) return "JPEG marker expected at byte " + std::to_string(offset);
    const Uint8 marker = data[offset + 1];
    if (marker == 0xFF) {  // fill byte
      ++offset;
      continue;
    }
    const bool sof = (marker >= 0xC0 && marker <= 0xCF) && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
    if (sof) return std::nullopt;
    if (marker == 0x01) return "JPEG TEM marker before the frame header";
    if (marker == 0xD9) return "JPEG data end before the frame header";
    if (marker >= 0xD0 && marker <= 0xD8) {
      offset += 2;
      continue;
    }
    const std::size_t length = std::size_t(data[offset + 2]) << 8 | data[offset + 3];
    if (length < 2) return "JPEG marker segment at byte " + std::to_string(offset) + " has length " + std::to_string(length);
    offset += 2 + length;
  }
  return "JPEG data hold no frame header";
}

bool isDcmtkJpeg(E_TransferSyntax xfer) {
  return xfer == EXS_JPEGProcess1 || xfer == EXS_JPEGProcess2_4 || xfer == EXS_JPEGProcess14 ||
         xfer == EXS_JPEGProcess14SV1;
}

// 8-bit interleaved colour to gray: Y itself for YBR, Rec. 601 luma for RGB.
PixelBuffer grayFromInterleaved(const Uint8* samples, int columns, int rows, bool isYbr) {
  PixelBuffer out;
  out.columns = columns;
  out.rows = rows;
  out.data.resize(static_cast<std::size_t>(columns) * rows);
  for (std::size_t i = 0; i < out.data.size(); ++i) {
    const Uint8* p = samples + 3 * i;
    out.data[i] = isYbr ? p[0] : static_cast<std::uint16_t>(std::lround(0.299 * p[0] + 0.587 * p[1] + 0.114 * p[2]));
  }
  return out;
}

// Colour films (RGB, YBR, PALETTE COLOR): DCMTK renders them to 8-bit RGB; Hilum reads films in
// gray, so they become Rec. 601 luma with no further display attributes.
Result<PixelBuffer> decodeColourFirstFrame(DcmDataset& dataset, E_TransferSyntax xfer, const std::string& path) {
  DicomImage image(&dataset, xfer, CIF_UsePartialAccessToPixelData, 0, 1);
  if (image.getStatus() != EIS_Normal)
    return fail(ErrorCode::Malformed, std::string("colour image cannot be decoded (") +
                                          DicomImage::getString(image.getStatus()) + ")", path);
  const auto columns = static_cast<int>(image.getWidth());
  const auto rows = static_cast<int>(image.getHeight());
  const auto* rgb = static_cast<const Uint8*>(image.getOutputData(8, 0, 0));
  if (rgb == nullptr) return fail(ErrorCode::Malformed, "colour image pixel data cannot be rendered", path);
  return grayFromInterleaved(rgb, columns, rows, false);
}

Result<Film> readDicomUnguarded(const std::string& path, const LoadLimits& limits, int previewSizePx) {
  ensureDcmtkReady();
  if (const auto deep = structureProblem(path)) return fail(ErrorCode::Malformed, *deep, path);
  DcmFileFormat file;
  // ERM_autoDetect also accepts a bare data set with no preamble and no File Meta (old CR files).
  const OFCondition loaded = file.loadFile(path.c_str(), EXS_Unknown, EGL_noChange, DCM_MaxReadLength, ERM_autoDetect);
  if (loaded.bad()) return loadFailure(loaded, path);
  DcmDataset& ds = *file.getDataset();
  ds.convertToUTF8().good();  // best effort: without a known character set the bytes stay as they are

  const E_TransferSyntax xfer = ds.getOriginalXfer();
  const DcmXfer xferInfo(xfer);
  FilmMetadata metadata = readMetadata(ds);
  metadata.transferSyntaxUid = xferInfo.getXferID();
  metadata.transferSyntaxName = xferInfo.getXferName();
  OFString metaXfer;
  if (file.getMetaInfo()->findAndGetOFString(DCM_TransferSyntaxUID, metaXfer).good() && !metaXfer.empty() &&
      xfer == EXS_Unknown) {
    metadata.transferSyntaxUid = metaXfer.c_str();
  }

  DcmElement* pixelElement = nullptr;
  if (ds.findAndGetElement(DCM_PixelData, pixelElement).bad() || pixelElement == nullptr) {
    if (ds.tagExists(DCM_FloatPixelData) || ds.tagExists(DCM_DoubleFloatPixelData))
      return fail(ErrorCode::Unsupported, "float pixel data is not supported", path);
    const std::string kind = nonImageKind(metadata.sopClassUid);
    return fail(ErrorCode::NotAnImage, kind.empty() ? "no Pixel Data element: the file holds no image" : kind, path);
  }
  if (!isSupported(xfer)) {
    const std::string uid = metadata.transferSyntaxUid.empty() ? "unknown" : metadata.transferSyntaxUid;
    return fail(ErrorCode::Unsupported,
                "transfer syntax " + std::string(xferInfo.getXferName()) + " (" + uid + ") is not supported", path);
  }

  Uint16 rows16 = 0, columns16 = 0;
  if (ds.findAndGetUint16(DCM_Rows, rows16).bad() || ds.findAndGetUint16(DCM_Columns, columns16).bad())
    return fail(ErrorCode::Malformed, "Rows or Columns missing", path);
  const int rows = rows16, columns = columns16;
  if (rows == 0 || columns == 0) return fail(ErrorCode::Malformed, "image has zero rows or columns", path);
  const int bitsAllocated = metadata.bitsAllocated, bitsStored = metadata.bitsStored;
  const int samples = metadata.samplesPerPixel;
  const std::int64_t frames = metadata.frames;
  if (rows > limits.maxDimension || columns > limits.maxDimension)
    return fail(ErrorCode::TooLarge, std::to_string(columns) + " x " + std::to_string(rows) +
                                         " pixels exceeds the limit of " + std::to_string(limits.maxDimension) +
                                         " per side", path);
  if (std::int64_t(rows) * columns > limits.maxFramePixels)
    return fail(ErrorCode::TooLarge, "frame of " + std::to_string(std::int64_t(rows) * columns) +
                                         " pixels exceeds the limit", path);
  if (frames > limits.maxFrames)
    return fail(ErrorCode::TooLarge, std::to_string(frames) + " frames exceeds the limit of " +
                                         std::to_string(limits.maxFrames), path);
  if (bitsAllocated != 8 && bitsAllocated != 16)
    return fail(ErrorCode::Unsupported, "Bits Allocated " + std::to_string(bitsAllocated) +
                                            " is not supported (8 or 16)", path);
  if (bitsStored < 1 || bitsStored > bitsAllocated || metadata.highBit >= bitsAllocated ||
      metadata.highBit + 1 < bitsStored)
    return fail(ErrorCode::Malformed, "Bits Stored " + std::to_string(bitsStored) + " / High Bit " +
                                          std::to_string(metadata.highBit) + " do not fit Bits Allocated " +
                                          std::to_string(bitsAllocated), path);
  if (samples != 1 && samples != 3)
    return fail(ErrorCode::Unsupported, "Samples per Pixel " + std::to_string(samples) + " is not supported", path);
  const std::int64_t frameBytes = std::int64_t(rows) * columns * samples * (bitsAllocated / 8);
  if (frameBytes * frames > limits.maxPixelDataBytes)
    return fail(ErrorCode::TooLarge, "pixel data of " + std::to_string(frameBytes * frames) +
                                         " bytes exceeds the limit", path);

  const std::string& photometric = metadata.photometric;
  const bool monochrome = photometric == "MONOCHROME1" || photometric == "MONOCHROME2";
  if (!monochrome && photometric != "RGB" && photometric.rfind("YBR_", 0) != 0 && photometric != "PALETTE COLOR")
    return fail(ErrorCode::Unsupported, "photometric interpretation '" + photometric + "' is not supported", path);
  if (monochrome && samples != 1)
    return fail(ErrorCode::Malformed, photometric + " with " + std::to_string(samples) + " samples per pixel", path);
  // RGB and YBR need three samples, a palette one: the colour paths below read that many per pixel
  // (a gray RLE or JPEG-LS stream declared RGB made grayFromInterleaved read past its buffer).
  const int colourSamples = photometric == "PALETTE COLOR" ? 1 : 3;
  if (!monochrome && samples != colourSamples)
    return fail(ErrorCode::Malformed, photometric + " with " + std::to_string(samples) + " samples per pixel", path);

  // (7FE0,0010) with a VR other than OB/OW is read by DCMTK as a plain element, not DcmPixelData;
  // the static_cast used here was undefined behaviour (UBSan, found by fuzz_film).
  auto* pixelDataElement = dynamic_cast<DcmPixelData*>(pixelElement);
  if (pixelDataElement == nullptr)
    return fail(ErrorCode::Malformed, "Pixel Data has the value representation " +
                                          std::string(DcmVR(pixelElement->getVR()).getVRName()), path);
  auto& pixelData = *pixelDataElement;
  const bool encapsulated = !xferInfo.isNotEncapsulated();
  if (!encapsulated) {
    // Declared length against declared geometry: a short element means a truncated or inconsistent
    // file; decoding it would read past the data or show garbage.
    const std::int64_t have = pixelElement->getLength();
    if (have < frameBytes * frames)
      return fail(ErrorCode::Truncated, "pixel data holds " + std::to_string(have) + " bytes but " +
                                            std::to_string(frames) + " frame(s) of " + std::to_string(columns) +
                                            " x " + std::to_string(rows) + " at " + std::to_string(bitsAllocated) +
                                            " bits need " + std::to_string(frameBytes * frames), path);
  }

  if (isDcmtkJpeg(xfer)) {
    DcmPixelSequence* sequence = nullptr;
    DcmPixelItem* fragment = nullptr;
    Uint8* raw = nullptr;
    if (pixelData.getEncapsulatedRepresentation(xfer, nullptr, sequence).bad() || sequence == nullptr ||
        sequence->getItem(fragment, 1).bad() || fragment == nullptr || fragment->getUint8Array(raw).bad() ||
        raw == nullptr)
      return fail(ErrorCode::Malformed, "JPEG pixel data hold no readable fragment", path);
    if (const auto problem = jpegHeaderProblem(raw, fragment->getLength()))
      return fail(ErrorCode::Malformed, *problem, path);
  }

  PixelBuffer pixels;
  DisplayAttributes display;
  int reduction = 0;
  if (isJpeg2000(xfer)) {
    auto bytes = firstEncapsulatedFrame(pixelData, xfer, static_cast<int>(frames), true, path);
    if (!bytes.ok()) return bytes.error();
    auto j2k = runWithTimeLimit<J2kImage>(
        [frame = std::move(bytes).value(), maxPixels = std::int64_t(rows) * columns, previewSizePx] {
          return decodeJ2k(frame.data(), frame.size(), maxPixels, previewSizePx);
        },
        limits.maxDecodeSeconds, "JPEG 2000");
    if (!j2k.ok()) return j2k.error().withPath(path);
    reduction = j2k.value().reduction;
    const int step = 1 << reduction;
    if (j2k.value().columns != (columns + step - 1) / step || j2k.value().rows != (rows + step - 1) / step)
      return fail(ErrorCode::Malformed, "JPEG 2000 frame is " + std::to_string(j2k.value().columns) + " x " +
                                            std::to_string(j2k.value().rows) + " but the header says " +
                                            std::to_string(columns) + " x " + std::to_string(rows), path);
    pixels = fromJ2k(j2k.value());
    if (monochrome) display = readDisplayAttributes(ds, pixels.isSigned);
  } else if ((xfer == EXS_JPEGLSLossless || xfer == EXS_JPEGLSLossy) && photometric != "PALETTE COLOR") {
    auto bytes = firstEncapsulatedFrame(pixelData, xfer, static_cast<int>(frames), true, path);
    if (!bytes.ok()) return bytes.error();
    // At most the header's own frame: a codestream claiming more is wrong, and was decoded in full
    // (up to LoadLimits' 16384² pixels from a few bytes) before the geometry was compared.
    auto jls = runWithTimeLimit<JpegLsImage>(
        [frame = std::move(bytes).value(), maxPixels = std::int64_t(rows) * columns]() mutable {
          return decodeJpegLs(std::move(frame), maxPixels);
        },
        limits.maxDecodeSeconds, "JPEG-LS");
    if (!jls.ok()) return jls.error().withPath(path);
    const JpegLsImage& image = jls.value();
    if (image.columns != columns || image.rows != rows || image.components != samples)
      return fail(ErrorCode::Malformed, "JPEG-LS frame geometry does not match the header", path);
    if (monochrome) {
      // Samples carry the stored bits in their low bits; signed data keep their two's complement.
      const int bufferBits = image.bitsPerSample > 8 ? 16 : 8;
      const int stored = std::min(bitsStored, bufferBits);
      pixels = unpackFrame(image.samples.data(), columns, rows, bufferBits, stored, stored - 1, metadata.pixelSigned);
      display = readDisplayAttributes(ds, metadata.pixelSigned);
    } else {
      if (image.bitsPerSample > 8) return fail(ErrorCode::Unsupported, "16-bit colour JPEG-LS is not supported", path);
      pixels = grayFromInterleaved(image.samples.data(), columns, rows, photometric.rfind("YBR_", 0) == 0);
    }
  } else if (xfer == EXS_RLELossless && photometric != "PALETTE COLOR") {
    // RLE frames are one fragment each (PS3.5 G.5), so without an offset table fragment n is frame n.
    auto bytes = firstEncapsulatedFrame(pixelData, xfer, 1, false, path);
    if (!bytes.ok()) return bytes.error();
    auto frame = decodeRleFrame(bytes.value(), columns, rows, samples, bitsAllocated / 8);
    if (!frame.ok()) return frame.error().withPath(path);
    if (monochrome) {
      pixels = unpackFrame(frame.value().data(), columns, rows, bitsAllocated, bitsStored, metadata.highBit,
                           metadata.pixelSigned);
      display = readDisplayAttributes(ds, metadata.pixelSigned);
    } else {
      if (bitsAllocated != 8) return fail(ErrorCode::Unsupported, "16-bit colour RLE is not supported", path);
      pixels = grayFromInterleaved(frame.value().data(), columns, rows, photometric.rfind("YBR_", 0) == 0);
    }
  } else if (monochrome) {
    // One frame only, decoded straight from the file: a 3000 x 3000 film is never held twice,
    // and multi-frame files do not decompress frames nobody looks at.
    Uint32 size = 0;
    if (pixelData.getUncompressedFrameSize(&ds, size).bad())
      return fail(ErrorCode::Malformed, "cannot size the first frame", path);
    std::vector<Uint8> buffer(size + (size & 1u));
    Uint32 startFragment = 0;
    OFString colourModel;
    const OFCondition decoded = pixelData.getUncompressedFrame(&ds, 0, startFragment, buffer.data(),
                                                               static_cast<Uint32>(buffer.size()), colourModel);
    if (decoded.bad())
      return fail(encapsulated ? ErrorCode::Malformed : ErrorCode::Truncated,
                  std::string("first frame cannot be decoded (") + decoded.text() + ")", path);
    pixels = unpackFrame(buffer.data(), columns, rows, bitsAllocated, bitsStored, metadata.highBit,
                         metadata.pixelSigned);
    display = readDisplayAttributes(ds, metadata.pixelSigned);
  } else {
    auto colour = decodeColourFirstFrame(ds, xfer, path);
    if (!colour.ok()) return colour.error();
    pixels = std::move(colour).value();
  }
  if (!monochrome) display = DisplayAttributes{};

  PixelSpacing spacing = readPixelSpacing(ds);
  if (reduction > 0 && spacing.known()) {
    spacing.rowMm *= 1 << reduction;
    spacing.columnMm *= 1 << reduction;
    spacing.note += " (preview at 1/" + std::to_string(1 << reduction) + " resolution)";
  }
  return Film(path, std::move(pixels), std::move(display), std::move(spacing), std::move(metadata), reduction);
}

}  // namespace

Error loadFailure(const OFCondition& loaded, const std::string& path) {
  // DCMTK 3.6 reports a value cut off by the end of the file as EC_InvalidStream (DcmElement::read:
  // "premature end of stream"), and a header cut off as EC_StreamNotifyClient.
  const bool truncated = loaded == EC_StreamNotifyClient || loaded == EC_InvalidStream ||
                         loaded == EC_PrematureSequDelimitationItem ||
                         std::string(loaded.text()).find("premature") != std::string::npos;
  return fail(truncated ? ErrorCode::Truncated : ErrorCode::Malformed,
              std::string(truncated ? "file ends early" : "not a readable DICOM file") + " (" + loaded.text() + ")",
              path);
}

Result<Film> readDicom(const std::string& path, const LoadLimits& limits, int previewSizePx) {
  // DCMTK and OpenJPEG do not throw by design, but allocation can; nothing escapes this module.
  try {
    return readDicomUnguarded(path, limits, previewSizePx);
  } catch (const std::bad_alloc&) {
    return fail(ErrorCode::TooLarge, "out of memory while decoding", path);
  } catch (const std::exception& e) {
    return fail(ErrorCode::Internal, std::string("decoder failed: ") + e.what(), path);
  }
}

}  // namespace hilum::film::detail
