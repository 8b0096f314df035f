#pragma once
// Synthetic DICOM films for tests, written with DCMTK and encoded with its own codecs (JPEG,
// JPEG-LS, RLE) or OpenJPEG (JPEG 2000). Pixels are known, so tests check decoded values exactly.
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace hilum::test {

enum class Syntax {
  ImplicitLE, ExplicitLE, ExplicitBE, DeflatedLE,
  JpegBaseline, JpegExtended, JpegLossless, JpegLosslessSV1,
  JpegLsLossless, JpegLsNearLossless, Rle, J2kLossless, J2k,
};
const char* syntaxName(Syntax syntax);
// True for the syntaxes that must give back exactly the stored values.
bool isLossless(Syntax syntax);

struct LutSpec {
  int firstMapped = 0;
  int bitsPerEntry = 16;
  std::vector<std::uint16_t> entries;
  std::string explanation;
};

struct DicomSpec {
  int rows = 48;
  int columns = 64;
  int frames = 1;
  int bitsAllocated = 16;
  int bitsStored = 12;
  int highBit = -1;  // -1: bitsStored - 1
  bool isSigned = false;
  std::string photometric = "MONOCHROME2";
  Syntax syntax = Syntax::ExplicitLE;
  bool fileMeta = true;  // false: bare data set, no preamble, no File Meta (old CR exports)
  // Stored values for all frames (frames x rows x columns; 3 samples interleaved for RGB). Empty: a
  // pattern from patternPixels().
  std::vector<int> pixels;  // RGB and YBR_FULL: three samples per pixel, interleaved
  // Extra attributes by DICOM keyword, value as DCMTK's putString takes it ("40\\400"). Written
  // last, so they can also contradict the pixel data (Rows, BitsAllocated) for broken-file tests.
  std::vector<std::pair<std::string, std::string>> attributes;
  std::vector<LutSpec> modalityLut;  // zero or one item
  std::vector<LutSpec> voiLuts;
  // PALETTE COLOR: red, green and blue tables (16-bit entries) for 8-bit indices 0..n-1.
  std::vector<std::uint16_t> paletteRed, paletteGreen, paletteBlue;
  bool omitPixelData = false;
  std::string sopClassUid = "1.2.840.10008.5.1.4.1.1.1.1";  // Digital X-Ray Image, For Presentation
};

// Smallest and largest stored value the spec's bit depth and signedness allow.
std::pair<int, int> storedRange(const DicomSpec& spec);

// Deterministic pixels spanning the whole stored range: the first pixel is the minimum, the second
// the maximum. smooth = true gives gradients (for lossy codecs), false a busy pattern (lossless).
std::vector<int> patternPixels(const DicomSpec& spec, bool smooth);

// Writes the file; throws std::runtime_error naming the DCMTK failure.
void writeDicom(const DicomSpec& spec, const std::string& path);

// A film whose pixel data claim MPEG-2 (a transfer syntax Hilum does not decode).
void writeMpeg2Film(const std::string& path);

}  // namespace hilum::test
