#include "hostile_corpus.h"

#include "dicom_fixture.h"
#include "temp_dir.h"

#include <opencv2/core.hpp>
#include <opencv2/imgcodecs.hpp>

#include <cstdint>
#include <cstdio>
#include <cstring>
#include <exception>
#include <random>
#include <tuple>
#include <zlib.h>

namespace hilum::test {
namespace {

// ---- raw explicit VR little endian writing, for what DCMTK refuses to write ----

void le16(std::string& b, std::uint16_t v) { b.push_back(char(v & 0xFF)), b.push_back(char(v >> 8)); }
void le32(std::string& b, std::uint32_t v) {
  for (int i = 0; i < 4; ++i) b.push_back(char((v >> (8 * i)) & 0xFF));
}
void put32(std::string& b, std::size_t at, std::uint32_t v) {
  for (int i = 0; i < 4; ++i) b[at + i] = char((v >> (8 * i)) & 0xFF);
}
std::uint32_t get32(const std::string& b, std::size_t at) {
  std::uint32_t v = 0;
  for (int i = 3; i >= 0; --i) v = v << 8 | static_cast<std::uint8_t>(b[at + i]);
  return v;
}

bool isLongVr(const std::string& vr) {
  for (const char* l : {"OB", "OW", "OF", "OD", "OL", "OV", "SQ", "UT", "UN", "UC", "UR"})
    if (vr == l) return true;
  return false;
}

// One element; `length` overrides the real length (to lie), 0xFFFFFFFF means undefined.
void element(std::string& b, std::uint16_t group, std::uint16_t elem, const std::string& vr, std::string value,
             std::int64_t length = -1) {
  if (value.size() % 2) value.push_back(vr == "UI" || vr == "OB" ? '\0' : ' ');
  le16(b, group), le16(b, elem), b += vr;
  const auto len = length >= 0 ? static_cast<std::uint32_t>(length) : static_cast<std::uint32_t>(value.size());
  if (isLongVr(vr)) le16(b, 0), le32(b, len);
  else le16(b, static_cast<std::uint16_t>(len));
  b += value;
}
std::string us(std::uint16_t v) {
  std::string s;
  le16(s, v);
  return s;
}

// Preamble, DICM and the File Meta group declaring `syntax`.
std::string rawHeader(const std::string& syntax) {
  std::string b(128, '\0');
  b += "DICM";
  std::string meta;
  element(meta, 0x0002, 0x0001, "OB", std::string("\0\1", 2));
  element(meta, 0x0002, 0x0002, "UI", "1.2.840.10008.5.1.4.1.1.1.1");
  element(meta, 0x0002, 0x0003, "UI", "1.2.826.0.1.3680043.10.1.1");
  element(meta, 0x0002, 0x0010, "UI", syntax);
  std::string length;
  le32(length, static_cast<std::uint32_t>(meta.size()));
  element(b, 0x0002, 0x0000, "UL", length);
  return b + meta;
}

const char* const kExplicitLE = "1.2.840.10008.1.2.1";

// The image pixel module of a gray film (no pixel data).
std::string imageModule(int rows, int columns, int bitsAllocated, int bitsStored, const std::string& photometric = "MONOCHROME2",
                        int samples = 1) {
  std::string b;
  element(b, 0x0008, 0x0016, "UI", "1.2.840.10008.5.1.4.1.1.1.1");
  element(b, 0x0008, 0x0018, "UI", "1.2.826.0.1.3680043.10.1.1");
  element(b, 0x0008, 0x0060, "CS", "DX");
  element(b, 0x0028, 0x0002, "US", us(static_cast<std::uint16_t>(samples)));
  element(b, 0x0028, 0x0004, "CS", photometric);
  element(b, 0x0028, 0x0010, "US", us(static_cast<std::uint16_t>(rows)));
  element(b, 0x0028, 0x0011, "US", us(static_cast<std::uint16_t>(columns)));
  element(b, 0x0028, 0x0100, "US", us(static_cast<std::uint16_t>(bitsAllocated)));
  element(b, 0x0028, 0x0101, "US", us(static_cast<std::uint16_t>(bitsStored)));
  element(b, 0x0028, 0x0102, "US", us(static_cast<std::uint16_t>(bitsStored - 1)));
  element(b, 0x0028, 0x0103, "US", us(0));
  return b;
}

// Where the Pixel Data element's header starts (the last 7FE0,0010 tag in the file), or npos.
std::size_t pixelDataAt(const std::string& bytes) {
  return bytes.rfind(std::string("\xE0\x7F\x10\x00", 4));
}

class Corpus {
public:
  explicit Corpus(std::string folder) : m_folder(std::move(folder)) {}

  std::vector<HostileFile>& files() { return m_files; }

  // Writes `bytes` as the next file.
  void raw(const std::string& kind, const std::string& bytes, bool mustRefuse, std::vector<int> exact = {},
           const char* extension = ".dcm") {
    HostileFile f{name(extension), kind, mustRefuse, std::move(exact)};
    writeBytes(f.path, bytes);
    m_files.push_back(std::move(f));
  }

  // Writes a fixture; a spec the writer cannot express (a DCMTK encoder refusing it) is skipped.
  bool dicom(const std::string& kind, const DicomSpec& spec, bool mustRefuse, bool exact = false) {
    HostileFile f{name(".dcm"), kind, mustRefuse, {}};
    try {
      writeDicom(spec, f.path);
    } catch (const std::exception&) {
      return false;
    }
    if (exact) f.exactPixels = firstFrame(spec);
    m_files.push_back(std::move(f));
    return true;
  }

  // The bytes of a fixture film, or empty when the writer refuses the spec.
  std::string bytesOf(const DicomSpec& spec) {
    const std::string scratch = m_folder + "/scratch.tmp";
    try {
      writeDicom(spec, scratch);
    } catch (const std::exception&) {
      return {};
    }
    std::string bytes = readBytes(scratch);
    std::remove(scratch.c_str());
    return bytes;
  }

  static std::vector<int> firstFrame(const DicomSpec& spec) {
    const std::vector<int> all = spec.pixels.empty() ? patternPixels(spec, !isLossless(spec.syntax)) : spec.pixels;
    return {all.begin(), all.begin() + static_cast<std::ptrdiff_t>(spec.rows) * spec.columns};
  }

private:
  std::string name(const char* extension) {
    return m_folder + "/hostile-" + std::to_string(m_files.size()) + extension;
  }

  std::string m_folder;
  std::vector<HostileFile> m_files;
};

const Syntax kAllSyntaxes[] = {Syntax::ImplicitLE,      Syntax::ExplicitLE,     Syntax::ExplicitBE,
                               Syntax::DeflatedLE,      Syntax::JpegBaseline,   Syntax::JpegExtended,
                               Syntax::JpegLosslessSV1, Syntax::JpegLsLossless, Syntax::JpegLsNearLossless,
                               Syntax::Rle,             Syntax::J2kLossless,    Syntax::J2k};

DicomSpec smallFilm(Syntax syntax) {
  DicomSpec spec;
  spec.rows = 24;
  spec.columns = 32;
  spec.syntax = syntax;
  if (syntax == Syntax::JpegBaseline) spec.bitsAllocated = spec.bitsStored = 8;
  return spec;
}

// Header lies about size and depth, on every syntax: refused before anything is allocated.
void dimensionBombs(Corpus& c) {
  using Lie = std::vector<std::pair<std::string, std::string>>;
  const std::pair<const char*, Lie> bombs[] = {
      {"65535 x 65535", {{"Rows", "65535"}, {"Columns", "65535"}}},
      {"16385 columns", {{"Columns", "16385"}}},
      {"frames 2147483647", {{"NumberOfFrames", "2147483647"}}},
      {"16384 x 16384 x 10000 frames", {{"Rows", "16384"}, {"Columns", "16384"}, {"NumberOfFrames", "10000"}}},
      {"Bits Allocated 64", {{"BitsAllocated", "64"}}},
      {"Bits Allocated 32", {{"BitsAllocated", "32"}}},
      {"Bits Allocated 0", {{"BitsAllocated", "0"}}},
      {"Bits Allocated 65535", {{"BitsAllocated", "65535"}}},
      {"Bits Stored 0", {{"BitsStored", "0"}}},
      {"Bits Stored 64 above Allocated", {{"BitsStored", "64"}}},
      {"High Bit 255", {{"HighBit", "255"}}},
      {"Samples per Pixel 4", {{"SamplesPerPixel", "4"}}},
      {"Samples per Pixel 0", {{"SamplesPerPixel", "0"}}},
      {"rows 0", {{"Rows", "0"}}},
      {"photometric CMYK", {{"PhotometricInterpretation", "CMYK"}}},
      {"MONOCHROME2 with 3 samples", {{"SamplesPerPixel", "3"}}},
  };
  for (Syntax syntax : kAllSyntaxes)
    for (const auto& [what, lie] : bombs) {
      DicomSpec spec = smallFilm(syntax);
      spec.attributes = lie;
      c.dicom(std::string(syntaxName(syntax)) + " / " + what, spec, true);
    }
}

// Geometry that disagrees with what the stream decodes to: more rows, fewer rows, other width,
// 8 vs 16 bits. For uncompressed data "fewer" is a film that fits and may open.
void geometryLies(Corpus& c) {
  using Lie = std::vector<std::pair<std::string, std::string>>;
  const std::pair<const char*, Lie> lies[] = {
      {"Rows 25 (one more)", {{"Rows", "25"}}},
      {"Rows 23 (one fewer)", {{"Rows", "23"}}},
      {"Rows 48 (double)", {{"Rows", "48"}}},
      {"Columns 16 (half)", {{"Columns", "16"}}},
      {"Columns 33", {{"Columns", "33"}}},
      {"1 x 1", {{"Rows", "1"}, {"Columns", "1"}}},
      {"Bits Allocated 8 for 16-bit data", {{"BitsAllocated", "8"}, {"BitsStored", "8"}}},
      {"Bits Allocated 16 for 8-bit data", {{"BitsAllocated", "16"}, {"BitsStored", "16"}}},
      {"Bits Stored 16, High Bit 11", {{"BitsStored", "16"}, {"HighBit", "11"}}},
      {"signed", {{"PixelRepresentation", "1"}}},
      {"Pixel Representation 7", {{"PixelRepresentation", "7"}}},
      {"frames 3 for one", {{"NumberOfFrames", "3"}}},
      {"frames -1", {{"NumberOfFrames", "-1"}}},
      {"RGB with 1 sample", {{"PhotometricInterpretation", "RGB"}}},
      {"YBR_FULL with 1 sample", {{"PhotometricInterpretation", "YBR_FULL"}}},
      {"YBR_FULL_422 with 1 sample", {{"PhotometricInterpretation", "YBR_FULL_422"}}},
      {"PALETTE COLOR without tables", {{"PhotometricInterpretation", "PALETTE COLOR"}}},
  };
  for (Syntax syntax : kAllSyntaxes)
    for (const auto& [what, lie] : lies) {
      DicomSpec spec = smallFilm(syntax);
      spec.attributes = lie;
      c.dicom(std::string(syntaxName(syntax)) + " / " + what, spec, false);
    }
  // 8-bit gray streams declared as colour: one sample where the colour path reads three.
  for (Syntax syntax : {Syntax::ExplicitLE, Syntax::Rle, Syntax::JpegLsLossless, Syntax::JpegLsNearLossless,
                        Syntax::JpegBaseline, Syntax::J2kLossless})
    for (const char* photometric : {"RGB", "YBR_FULL", "YBR_FULL_422", "PALETTE COLOR"}) {
      DicomSpec spec = smallFilm(syntax);
      spec.bitsAllocated = spec.bitsStored = 8;
      spec.attributes = {{"PhotometricInterpretation", photometric}};
      c.dicom(std::string(syntaxName(syntax)) + " 8-bit gray declared " + photometric, spec, false);
    }
}

// Colour films: RGB and YBR with odd Planar Configuration and sample counts, palettes with bad
// tables.
void colourFilms(Corpus& c) {
  using Lie = std::vector<std::pair<std::string, std::string>>;
  const std::pair<const char*, Lie> lies[] = {
      {"plain", {}},
      {"Planar Configuration 1", {{"PlanarConfiguration", "1"}}},
      {"Planar Configuration 2", {{"PlanarConfiguration", "2"}}},
      {"Planar Configuration 65535", {{"PlanarConfiguration", "65535"}}},
      {"1 sample", {{"SamplesPerPixel", "1"}}},
      {"16 bits allocated", {{"BitsAllocated", "16"}, {"BitsStored", "16"}}},
      {"as YBR_FULL_422", {{"PhotometricInterpretation", "YBR_FULL_422"}}},
      {"as YBR_PARTIAL_420", {{"PhotometricInterpretation", "YBR_PARTIAL_420"}}},
      {"as YBR_ICT", {{"PhotometricInterpretation", "YBR_ICT"}}},
      {"as PALETTE COLOR", {{"PhotometricInterpretation", "PALETTE COLOR"}}},
      {"Rows 30", {{"Rows", "30"}}},
  };
  for (const char* photometric : {"RGB", "YBR_FULL"})
    for (Syntax syntax : {Syntax::ExplicitLE, Syntax::Rle, Syntax::JpegBaseline, Syntax::JpegLosslessSV1})
      for (const auto& [what, lie] : lies) {
        DicomSpec spec = smallFilm(syntax);
        spec.photometric = photometric;
        spec.bitsAllocated = spec.bitsStored = 8;
        spec.attributes = lie;
        c.dicom(std::string(photometric) + " " + syntaxName(syntax) + " / " + what, spec, false);
      }

  const std::pair<const char*, Lie> paletteLies[] = {
      {"plain", {}},
      {"descriptor 0 entries (65536)", {{"RedPaletteColorLookupTableDescriptor", "0\\0\\16"}}},
      {"descriptor 4096 entries for 16", {{"GreenPaletteColorLookupTableDescriptor", "4096\\0\\16"}}},
      {"first mapped 60000", {{"BluePaletteColorLookupTableDescriptor", "16\\60000\\16"}}},
      {"8 bits per entry", {{"RedPaletteColorLookupTableDescriptor", "16\\0\\8"}}},
      {"0 bits per entry", {{"RedPaletteColorLookupTableDescriptor", "16\\0\\0"}}},
      {"40 bits per entry", {{"RedPaletteColorLookupTableDescriptor", "16\\0\\40"}}},
      {"16 bits allocated indices", {{"BitsAllocated", "16"}, {"BitsStored", "16"}}},
      {"3 samples", {{"SamplesPerPixel", "3"}}},
  };
  for (Syntax syntax : {Syntax::ExplicitLE, Syntax::Rle})
    for (const auto& [what, lie] : paletteLies) {
      DicomSpec spec = smallFilm(syntax);
      spec.photometric = "PALETTE COLOR";
      spec.bitsAllocated = spec.bitsStored = 8;
      spec.pixels.assign(static_cast<std::size_t>(spec.rows) * spec.columns, 0);
      for (std::size_t i = 0; i < spec.pixels.size(); ++i) spec.pixels[i] = static_cast<int>(i % 16);
      for (int k = 0; k < 16; ++k) {
        spec.paletteRed.push_back(static_cast<std::uint16_t>(k * 4096));
        spec.paletteGreen.push_back(static_cast<std::uint16_t>(65535 - k * 4096));
        spec.paletteBlue.push_back(static_cast<std::uint16_t>(k * 1000));
      }
      spec.attributes = lie;
      c.dicom(std::string("PALETTE COLOR ") + syntaxName(syntax) + " / " + what, spec, false);
    }
}

// Every length field of a small explicit film set to 2 GB and to other lies.
void lengthLies(Corpus& c) {
  DicomSpec spec = smallFilm(Syntax::ExplicitLE);
  const std::string whole = c.bytesOf(spec);
  if (whole.empty()) return;
  const std::vector<int> exact = Corpus::firstFrame(spec);
  std::size_t pos = 132;
  while (pos + 8 <= whole.size()) {
    const std::string vr = whole.substr(pos + 4, 2);
    const bool isLong = isLongVr(vr);
    const std::size_t at = pos + (isLong ? 8 : 6);
    const std::uint32_t length = isLong ? get32(whole, at) : static_cast<std::uint8_t>(whole[at]) |
                                                                  static_cast<std::uint8_t>(whole[at + 1]) << 8;
    const std::vector<std::uint32_t> lies =
        isLong ? std::vector<std::uint32_t>{0x80000000u, 0x7FFFFFFFu, 0xFFFFFFFEu, 0xFFFFFFFFu, length + 2, length ? length - 1 : 3u}
               : std::vector<std::uint32_t>{0xFFFFu, length + 2, length ? length - 1 : 3u};
    for (std::uint32_t lie : lies) {
      std::string broken = whole;
      if (isLong) {
        put32(broken, at, lie);
      } else {
        broken[at] = char(lie & 0xFF), broken[at + 1] = char((lie >> 8) & 0xFF);
      }
      c.raw("length of element at " + std::to_string(pos) + " (" + vr + ") set to " + std::to_string(lie), broken,
            false, exact);
    }
    if (length == 0xFFFFFFFFu) break;
    pos = at + (isLong ? 4 : 2) + length;
  }
}

// Encapsulated pixel data with lying item lengths, offset tables and damaged codestreams.
void encapsulatedLies(Corpus& c) {
  for (Syntax syntax : {Syntax::JpegBaseline, Syntax::JpegLosslessSV1, Syntax::JpegLsLossless, Syntax::Rle,
                        Syntax::J2kLossless, Syntax::J2k}) {
    DicomSpec spec = smallFilm(syntax);
    spec.frames = 2;
    const std::string whole = c.bytesOf(spec);
    const std::size_t pixelData = pixelDataAt(whole);
    if (whole.empty() || pixelData == std::string::npos) continue;
    const std::string name = syntaxName(syntax);
    const std::vector<int> exact = isLossless(syntax) ? Corpus::firstFrame(spec) : std::vector<int>{};
    // Offset table item at pixelData + 12, its length at + 16; first fragment after it.
    const std::size_t tableLength = pixelData + 16;
    const std::uint32_t table = get32(whole, tableLength);
    const std::size_t fragment = tableLength + 4 + table;
    const std::size_t fragmentLength = fragment + 4;
    if (fragmentLength + 4 > whole.size()) continue;
    const std::uint32_t length = get32(whole, fragmentLength);

    for (std::uint32_t lie : {0x7FFFFFF0u, 0xFFFFFFF0u, 0xFFFFFFFFu, length + 1, length / 2, 0u}) {
      std::string broken = whole;
      put32(broken, fragmentLength, lie);
      c.raw(name + " / first fragment length " + std::to_string(lie), broken, false, exact);
    }
    for (std::uint32_t lie : {0x7FFFFFF0u, 4u, 12u}) {
      std::string broken = whole;
      put32(broken, tableLength, lie);
      c.raw(name + " / offset table length " + std::to_string(lie), broken, false, exact);
    }
    if (table >= 8) {
      for (std::uint32_t lie : {0x7FFFFFF0u, 1u, 0u}) {
        std::string broken = whole;
        put32(broken, tableLength + 8, lie);  // the second frame's offset
        c.raw(name + " / offset of frame 2 set to " + std::to_string(lie), broken, false, exact);
      }
    }
    // The first codestream cut to half, a quarter, 16 bytes, with the item length kept honest:
    // the decoder gets fewer bytes than the header's geometry needs.
    for (std::uint32_t keep : {length / 2, length / 4, 16u, 2u}) {
      std::string broken = whole.substr(0, fragmentLength);
      le32(broken, keep);
      broken += whole.substr(fragmentLength + 4, keep);
      broken += whole.substr(fragmentLength + 4 + length);
      c.raw(name + " / first codestream cut to " + std::to_string(keep) + " bytes", broken, false, exact);
    }
    // Bytes damaged inside the first codestream (fixed seed): decodes to something else or fails.
    std::mt19937 random(static_cast<unsigned>(length));
    std::uniform_int_distribution<std::uint32_t> where(0, length ? length - 1 : 0);
    for (int round = 0; round < 8; ++round) {
      std::string broken = whole;
      for (int k = 0; k < 3; ++k) broken[fragmentLength + 4 + where(random)] = char(random() & 0xFF);
      c.raw(name + " / codestream damage " + std::to_string(round), broken, false, isLossless(syntax) ? std::vector<int>{} : exact);
    }
  }
}

// Sequences nested deeper and deeper (undefined lengths, then defined ones), before a valid image.
void nestedSequences(Corpus& c) {
  for (int depth : {16, 64, 65, 256, 2000, 20000, 200000}) {
    for (bool defined : {false, true}) {
      if (defined && depth > 20000) continue;  // built inside out, quadratic: 20000 is enough
      c.raw(std::to_string(depth) + " nested sequences, " + (defined ? "defined" : "undefined") + " lengths",
            nestedSequenceFilm(depth, defined), depth > 64);
    }
  }
  // A sequence that never closes, and items that claim 2 GB.
  std::string open = imageModule(8, 8, 8, 8);
  le16(open, 0x0040), le16(open, 0xA730), open += "SQ", le16(open, 0), le32(open, 0xFFFFFFFFu);
  le16(open, 0xFFFE), le16(open, 0xE000), le32(open, 0xFFFFFFFFu);
  c.raw("sequence never closed", rawHeader(kExplicitLE) + open, true);
  std::string huge = imageModule(8, 8, 8, 8);
  le16(huge, 0x0040), le16(huge, 0xA730), huge += "SQ", le16(huge, 0), le32(huge, 0xFFFFFFFFu);
  le16(huge, 0xFFFE), le16(huge, 0xE000), le32(huge, 0x7FFFFFF0u);
  c.raw("item of 2 GB", rawHeader(kExplicitLE) + huge, true);
}

// Deflated data sets whose elements declare more than the inflated data holds: DCMTK cannot check
// a deflated length against the file's size and allocated whatever was declared.
void deflatedLengthLies(Corpus& c) {
  for (std::uint32_t lie : {0x55555548u, 0x7FFFFFF0u, 0xFFFFFFF0u, 65u})
    c.raw("deflated, pixel data declares " + std::to_string(lie) + " bytes", deflatedFilm(lie), true);
  c.raw("deflated, honest lengths", deflatedFilm(64), false, std::vector<int>(64, 0x40));
}

// Float and double pixel data (PS3.3 C.7.6.24) and 32/64-bit integer pixel data.
void floatPixels(Corpus& c) {
  struct Case { const char* kind; std::uint16_t element; const char* vr; int bits; };
  const Case cases[] = {{"Float Pixel Data", 0x0008, "OF", 32}, {"Double Float Pixel Data", 0x0009, "OD", 64},
                        {"Pixel Data of 32-bit words", 0x0010, "OW", 32}, {"Pixel Data of 64-bit words", 0x0010, "OW", 64},
                        {"Pixel Data as OD", 0x0010, "OD", 64}};
  for (const Case& k : cases)
    for (bool truncated : {false, true}) {
      std::string body = imageModule(16, 16, k.bits, k.bits);
      const std::size_t bytes = 16 * 16 * static_cast<std::size_t>(k.bits / 8);
      std::string pixels(truncated ? bytes / 3 : bytes, '\0');
      for (std::size_t i = 0; i < pixels.size(); ++i) pixels[i] = char((i * 37) & 0xFF);
      element(body, 0x7FE0, k.element, k.vr, pixels, truncated ? static_cast<std::int64_t>(bytes) : -1);
      c.raw(std::string(k.kind) + (truncated ? ", truncated" : ""), rawHeader(kExplicitLE) + body, true);
    }
  // Float Pixel Data next to ordinary Pixel Data: the ordinary one may be shown.
  std::string both = imageModule(4, 4, 8, 8);
  element(both, 0x7FE0, 0x0008, "OF", std::string(64, '\0'));
  element(both, 0x7FE0, 0x0010, "OB", std::string(16, '\x10'));
  c.raw("Float Pixel Data and Pixel Data", rawHeader(kExplicitLE) + both, false);
  // Pixel data element with a negative (2's complement) length in native encoding.
  std::string negative = imageModule(8, 8, 8, 8);
  element(negative, 0x7FE0, 0x0010, "OB", std::string(64, '\0'), 0xFFFFFF00u);
  c.raw("Pixel Data length -256", rawHeader(kExplicitLE) + negative, true);
  // Encapsulated-looking pixel data in a native syntax, and native data in an encapsulated one.
  std::string undefinedNative = imageModule(8, 8, 8, 8);
  element(undefinedNative, 0x7FE0, 0x0010, "OB", "", 0xFFFFFFFFu);
  le16(undefinedNative, 0xFFFE), le16(undefinedNative, 0xE000), le32(undefinedNative, 0);
  le16(undefinedNative, 0xFFFE), le16(undefinedNative, 0xE0DD), le32(undefinedNative, 0);
  c.raw("undefined-length Pixel Data in explicit LE", rawHeader(kExplicitLE) + undefinedNative, true);
  for (const char* syntax : {"1.2.840.10008.1.2.5", "1.2.840.10008.1.2.4.80", "1.2.840.10008.1.2.4.90",
                             "1.2.840.10008.1.2.4.50", "1.2.840.10008.1.2.4.70"}) {
    std::string native = imageModule(8, 8, 8, 8);
    element(native, 0x7FE0, 0x0010, "OB", std::string(64, '\x22'));
    c.raw(std::string("native Pixel Data under ") + syntax, rawHeader(syntax) + native, true);
    // Encapsulated, but with no fragment, or one fragment of random bytes.
    for (int fragments : {0, 1}) {
      std::string enc = imageModule(8, 8, 8, 8);
      element(enc, 0x7FE0, 0x0010, "OB", "", 0xFFFFFFFFu);
      le16(enc, 0xFFFE), le16(enc, 0xE000), le32(enc, 0);
      if (fragments) {
        le16(enc, 0xFFFE), le16(enc, 0xE000), le32(enc, 40);
        for (int i = 0; i < 40; ++i) enc.push_back(char((i * 91 + 7) & 0xFF));
      }
      le16(enc, 0xFFFE), le16(enc, 0xE0DD), le32(enc, 0);
      c.raw(std::string(fragments ? "random fragment" : "no fragment") + " under " + syntax, rawHeader(syntax) + enc,
            true);
    }
  }
}

// Truncations of each syntax at evenly spread offsets.
void truncations(Corpus& c) {
  for (Syntax syntax : {Syntax::ExplicitLE, Syntax::ImplicitLE, Syntax::DeflatedLE, Syntax::JpegLosslessSV1,
                        Syntax::JpegLsLossless, Syntax::Rle, Syntax::J2kLossless}) {
    const DicomSpec spec = smallFilm(syntax);
    const std::string whole = c.bytesOf(spec);
    if (whole.empty()) continue;
    const std::vector<int> exact = Corpus::firstFrame(spec);
    for (int k = 1; k < 12; ++k) {
      const std::size_t cut = whole.size() * static_cast<std::size_t>(k) / 12;
      c.raw(std::string(syntaxName(syntax)) + " cut at " + std::to_string(cut) + " of " + std::to_string(whole.size()),
            whole.substr(0, cut), false, exact);
    }
  }
}

// PNG chunks carry a CRC; lying headers get a correct one so the lie reaches the decoder.
std::uint32_t crc32(const std::string& bytes, std::size_t from, std::size_t to) {
  std::uint32_t crc = 0xFFFFFFFFu;
  for (std::size_t i = from; i < to; ++i) {
    crc ^= static_cast<std::uint8_t>(bytes[i]);
    for (int k = 0; k < 8; ++k) crc = (crc >> 1) ^ (0xEDB88320u & (0u - (crc & 1u)));
  }
  return ~crc;
}
void putBig32(std::string& b, std::size_t at, std::uint32_t v) {
  for (int i = 0; i < 4; ++i) b[at + i] = char((v >> (24 - 8 * i)) & 0xFF);
}

void rasters(Corpus& c) {
  cv::Mat gray8(30, 40, CV_8U), gray16(30, 40, CV_16U), colour(30, 40, CV_8UC3);
  for (int y = 0; y < 30; ++y)
    for (int x = 0; x < 40; ++x) {
      gray8.at<std::uint8_t>(y, x) = static_cast<std::uint8_t>(x * 6 + y);
      gray16.at<std::uint16_t>(y, x) = static_cast<std::uint16_t>(x * 1500 + y * 7);
      colour.at<cv::Vec3b>(y, x) = cv::Vec3b(static_cast<std::uint8_t>(x), static_cast<std::uint8_t>(y), 128);
    }
  cv::Mat floats;
  gray16.convertTo(floats, CV_32F, 1.0 / 65535);
  struct Source { const char* kind; const char* extension; cv::Mat image; };
  const Source sources[] = {{"PNG 8-bit", ".png", gray8},  {"PNG 16-bit", ".png", gray16}, {"PNG colour", ".png", colour},
                            {"JPEG", ".jpg", gray8},        {"JPEG colour", ".jpg", colour}, {"TIFF 16-bit", ".tif", gray16},
                            {"TIFF float", ".tif", floats}};
  for (const Source& s : sources) {
    std::vector<std::uint8_t> encoded;
    if (!cv::imencode(s.extension, s.image, encoded)) continue;
    const std::string whole(encoded.begin(), encoded.end());
    c.raw(std::string(s.kind) + " intact", whole, std::string(s.kind) == "TIFF float", {}, s.extension);
    for (int k = 1; k < 10; ++k) {
      const std::size_t cut = whole.size() * static_cast<std::size_t>(k) / 10;
      c.raw(std::string(s.kind) + " cut at " + std::to_string(cut), whole.substr(0, cut), false, {}, s.extension);
    }
    std::mt19937 random(static_cast<unsigned>(whole.size()));
    std::uniform_int_distribution<std::size_t> where(8, whole.size() - 1);
    for (int round = 0; round < 6; ++round) {
      std::string damaged = whole;
      for (int k = 0; k < 4; ++k) damaged[where(random)] = char(random() & 0xFF);
      c.raw(std::string(s.kind) + " damaged " + std::to_string(round), damaged, false, {}, s.extension);
    }
  }
  // PNG IHDR lies with valid CRCs: sizes, bit depths and colour types the data do not have.
  std::vector<std::uint8_t> encoded;
  cv::imencode(".png", gray8, encoded);
  const std::string png(encoded.begin(), encoded.end());
  struct Ihdr { const char* kind; std::uint32_t width, height; int depth, colourType; };
  const Ihdr lies[] = {{"PNG 100000 x 100000", 100000, 100000, 8, 0},   {"PNG 0 x 30", 0, 30, 8, 0},
                       {"PNG 2147483647 wide", 0x7FFFFFFFu, 1, 8, 0}, {"PNG 16384 x 16384", 16384, 16384, 8, 0},
                       {"PNG 400 x 300 (more than the data)", 400, 300, 8, 0},
                       {"PNG bit depth 3", 40, 30, 3, 0},             {"PNG bit depth 16 for 8", 40, 30, 16, 0},
                       {"PNG palette without PLTE", 40, 30, 8, 3},    {"PNG colour type 7", 40, 30, 8, 7}};
  for (const Ihdr& lie : lies) {
    std::string broken = png;
    putBig32(broken, 16, lie.width);
    putBig32(broken, 20, lie.height);
    broken[24] = char(lie.depth);
    broken[25] = char(lie.colourType);
    putBig32(broken, 29, crc32(broken, 12, 29));
    c.raw(lie.kind, broken, false, {}, ".png");
  }
  // JPEG SOF0 lies: 65535 x 65535, zero height.
  cv::imencode(".jpg", gray8, encoded);
  const std::string jpeg(encoded.begin(), encoded.end());
  const std::size_t sof = jpeg.find("\xFF\xC0");
  if (sof != std::string::npos) {
    for (const auto& [kind, height, width] : {std::tuple{"JPEG 65535 x 65535", 0xFFFF, 0xFFFF},
                                              std::tuple{"JPEG height 0", 0, 40}, std::tuple{"JPEG 1 x 1", 1, 1}}) {
      std::string broken = jpeg;
      broken[sof + 5] = char(height >> 8), broken[sof + 6] = char(height & 0xFF);
      broken[sof + 7] = char(width >> 8), broken[sof + 8] = char(width & 0xFF);
      c.raw(kind, broken, false, {}, ".jpg");
    }
  }
  // A TIFF whose one directory claims 2^31 x 2^31 pixels of 64 bits.
  std::string tiff("II*\0\x08\0\0\0", 8);
  le16(tiff, 4);
  auto entry = [&](std::uint16_t tag, std::uint16_t type, std::uint32_t value) {
    le16(tiff, tag), le16(tiff, type), le32(tiff, 1), le32(tiff, value);
  };
  entry(256, 4, 0x7FFFFFFFu);
  entry(257, 4, 0x7FFFFFFFu);
  entry(258, 3, 64);
  entry(273, 4, 8);
  le32(tiff, 0);
  c.raw("TIFF 2^31 x 2^31 x 64 bits", tiff, true, {}, ".tif");
}

}  // namespace

std::string nestedSequenceFilm(int depth, bool definedLengths) {
  std::string body = imageModule(8, 8, 8, 8);
  std::string nest;
  if (!definedLengths) {
    for (int d = 0; d < depth; ++d) {
      le16(nest, 0x0040), le16(nest, 0xA730), nest += "SQ", le16(nest, 0), le32(nest, 0xFFFFFFFFu);
      le16(nest, 0xFFFE), le16(nest, 0xE000), le32(nest, 0xFFFFFFFFu);
    }
    for (int d = 0; d < depth; ++d) {
      le16(nest, 0xFFFE), le16(nest, 0xE00D), le32(nest, 0);
      le16(nest, 0xFFFE), le16(nest, 0xE0DD), le32(nest, 0);
    }
  } else {
    for (int d = 0; d < depth; ++d) {
      std::string item;
      le16(item, 0xFFFE), le16(item, 0xE000), le32(item, static_cast<std::uint32_t>(nest.size()));
      item += nest;
      std::string seq;
      le16(seq, 0x0040), le16(seq, 0xA730), seq += "SQ", le16(seq, 0), le32(seq, static_cast<std::uint32_t>(item.size()));
      nest = seq + item;
    }
  }
  body += nest;
  element(body, 0x7FE0, 0x0010, "OB", std::string(64, '\x40'));
  return rawHeader(kExplicitLE) + body;
}

std::string deflatedFilm(std::uint32_t pixelDataLength) {
  std::string body = imageModule(8, 8, 8, 8);
  le16(body, 0x7FE0), le16(body, 0x0010), body += "OB", le16(body, 0), le32(body, pixelDataLength);
  body += std::string(64, '\x40');
  // Raw deflate (no zlib header), as PS3.5 A.5 has it.
  z_stream z{};
  deflateInit2(&z, Z_BEST_COMPRESSION, Z_DEFLATED, -MAX_WBITS, 8, Z_DEFAULT_STRATEGY);
  std::string out(deflateBound(&z, static_cast<uLong>(body.size())), '\0');
  z.next_in = reinterpret_cast<Bytef*>(body.data());
  z.avail_in = static_cast<uInt>(body.size());
  z.next_out = reinterpret_cast<Bytef*>(out.data());
  z.avail_out = static_cast<uInt>(out.size());
  deflate(&z, Z_FINISH);
  out.resize(out.size() - z.avail_out);
  deflateEnd(&z);
  return rawHeader("1.2.840.10008.1.2.1.99") + out;
}

std::vector<HostileFile> writeHostileCorpus(const std::string& folder) {
  Corpus c(folder);
  dimensionBombs(c);
  geometryLies(c);
  colourFilms(c);
  lengthLies(c);
  encapsulatedLies(c);
  nestedSequences(c);
  deflatedLengthLies(c);
  floatPixels(c);
  truncations(c);
  rasters(c);
  return std::move(c.files());
}

}  // namespace hilum::test
