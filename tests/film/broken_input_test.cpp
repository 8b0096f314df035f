// Bad input gets a clear error naming the file and the reason: never a crash, never a hang, never
// silent garbage.
#include "dicom_fixture.h"
#include "hostile_corpus.h"
#include "temp_dir.h"

#include "hilum/film/dicom_tags.h"
#include "hilum/film/loader.h"
#include "hilum/film/study_index.h"

#include <catch2/catch.hpp>

#include <chrono>
#include <cstring>
#include <random>

using hilum::ErrorCode;
using hilum::film::loadFilm;
using namespace hilum::test;
using Catch::Matchers::Contains;

namespace {

// Loading either fails or gives back exactly what was written: the one outcome that must never
// happen is a film that opens with wrong pixels.
bool errorOrExact(const std::string& path, const std::vector<int>& written) {
  const auto film = loadFilm(path);
  if (!film.ok()) return !film.error().reason().empty();
  const auto& px = film.value().pixels();
  for (std::size_t i = 0; i < px.size(); ++i)
    if (px.value(i) != written[i]) return false;
  return true;
}

struct Element {
  std::size_t lengthOffset;
  bool longLength;
};

// The elements of an explicit VR little endian file after the 128 + 4 byte preamble, top level
// only, with where their length fields sit.
std::vector<Element> explicitElements(const std::string& bytes) {
  static const char* const longVrs[] = {"OB", "OW", "OF", "OD", "OL", "OV", "SQ", "UT", "UN", "UC", "UR", "SV", "UV"};
  std::vector<Element> out;
  std::size_t pos = 132;
  while (pos + 8 <= bytes.size()) {
    const std::string vr = bytes.substr(pos + 4, 2);
    bool isLong = false;
    for (const char* l : longVrs) isLong = isLong || vr == l;
    std::uint32_t length = 0;
    if (isLong) {
      std::memcpy(&length, bytes.data() + pos + 8, 4);
      out.push_back({pos + 8, true});
      pos += 12;
    } else {
      std::uint16_t shortLength = 0;
      std::memcpy(&shortLength, bytes.data() + pos + 6, 2);
      length = shortLength;
      out.push_back({pos + 6, false});
      pos += 8;
    }
    if (length == 0xFFFFFFFFu) break;  // undefined length: stop walking
    pos += length;
  }
  return out;
}

}  // namespace

TEST_CASE("missing, empty and folder paths are refused by name", "[film][broken]") {
  TempDir dir;
  auto missing = loadFilm(dir.file("nope.dcm"));
  REQUIRE_FALSE(missing.ok());
  CHECK(missing.error().code() == ErrorCode::NotFound);
  CHECK_THAT(missing.error().message(), Contains("nope.dcm") && Contains("no such file"));

  writeBytes(dir.file("empty.dcm"), "");
  auto empty = loadFilm(dir.file("empty.dcm"));
  REQUIRE_FALSE(empty.ok());
  CHECK(empty.error().code() == ErrorCode::Truncated);

  auto folder = loadFilm(dir.path());
  REQUIRE_FALSE(folder.ok());
  CHECK_THAT(folder.error().reason(), Contains("folder"));
}

TEST_CASE("a text file is not mistaken for a film", "[film][broken]") {
  TempDir dir;
  writeBytes(dir.file("notes.dcm"), "Patient looked fine. Follow up in two weeks.\n");
  const auto film = loadFilm(dir.file("notes.dcm"));
  REQUIRE_FALSE(film.ok());
  CHECK_THAT(film.error().message(), Contains("notes.dcm"));
}

TEST_CASE("a file cut short at any point fails or decodes exactly", "[film][broken]") {
  TempDir dir;
  for (Syntax syntax : {Syntax::ExplicitLE, Syntax::ImplicitLE, Syntax::JpegLsLossless, Syntax::Rle,
                        Syntax::JpegLosslessSV1, Syntax::J2kLossless}) {
    DYNAMIC_SECTION(syntaxName(syntax)) {
      DicomSpec spec;
      spec.syntax = syntax;
      spec.rows = 24;
      spec.columns = 32;
      spec.pixels = patternPixels(spec, false);
      writeDicom(spec, dir.file("whole.dcm"));
      const std::string whole = readBytes(dir.file("whole.dcm"));
      int failures = 0;
      for (std::size_t cut = 0; cut < whole.size(); cut += std::max<std::size_t>(1, whole.size() / 300)) {
        writeBytes(dir.file("cut.dcm"), whole.substr(0, cut));
        INFO("cut at " << cut << " of " << whole.size());
        CHECK(errorOrExact(dir.file("cut.dcm"), spec.pixels));
        failures += loadFilm(dir.file("cut.dcm")).ok() ? 0 : 1;
      }
      CHECK(failures > 0);
    }
  }
}

TEST_CASE("a length field that lies gives an error", "[film][broken]") {
  TempDir dir;
  DicomSpec spec;
  spec.pixels = patternPixels(spec, false);
  writeDicom(spec, dir.file("whole.dcm"));
  const std::string whole = readBytes(dir.file("whole.dcm"));
  const auto elements = explicitElements(whole);
  REQUIRE(elements.size() > 10);
  for (const Element& e : elements) {
    for (std::uint32_t lie : {0x7FFFFFF0u, 0x00010001u}) {
      std::string broken = whole;
      if (e.longLength) {
        std::memcpy(broken.data() + e.lengthOffset, &lie, 4);
      } else {
        const std::uint16_t shortLie = static_cast<std::uint16_t>(lie == 0x7FFFFFF0u ? 0xFFF0 : 0x0101);
        std::memcpy(broken.data() + e.lengthOffset, &shortLie, 2);
      }
      writeBytes(dir.file("lie.dcm"), broken);
      INFO("length field at " << e.lengthOffset << " set to " << lie);
      CHECK(errorOrExact(dir.file("lie.dcm"), spec.pixels));
    }
  }
}

TEST_CASE("random byte damage never crashes or hangs the loader", "[film][broken]") {
  TempDir dir;
  for (Syntax syntax : {Syntax::ExplicitLE, Syntax::JpegLsLossless, Syntax::J2kLossless, Syntax::Rle,
                        Syntax::JpegLosslessSV1, Syntax::JpegBaseline, Syntax::DeflatedLE}) {
    DYNAMIC_SECTION(syntaxName(syntax)) {
      DicomSpec spec;
      spec.syntax = syntax;
      if (syntax == Syntax::JpegBaseline) spec.bitsAllocated = spec.bitsStored = 8;
      spec.rows = 24;
      spec.columns = 32;
      writeDicom(spec, dir.file("whole.dcm"));
      const std::string whole = readBytes(dir.file("whole.dcm"));
      std::mt19937 random(1234);
      std::uniform_int_distribution<std::size_t> where(0, whole.size() - 1);
      std::uniform_int_distribution<int> what(0, 255);
      for (int round = 0; round < 150; ++round) {
        std::string damaged = whole;
        for (int k = 0; k < 4; ++k) damaged[where(random)] = static_cast<char>(what(random));
        writeBytes(dir.file("damaged.dcm"), damaged);
        const auto start = std::chrono::steady_clock::now();
        const auto film = loadFilm(dir.file("damaged.dcm"));
        if (!film.ok()) CHECK_FALSE(film.error().reason().empty());
        CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(10));  // a hang guard, not a timing
      }
    }
  }
}

TEST_CASE("files that hold no image say what they are", "[film][broken]") {
  TempDir dir;
  struct Case { const char* sopClass; const char* expected; };
  const Case cases[] = {{"1.2.840.10008.5.1.4.1.1.88.22", "Structured Report"},
                        {"1.2.840.10008.5.1.4.1.1.104.1", "PDF"},
                        {"1.2.840.10008.5.1.4.1.1.1.1", "no Pixel Data"}};
  for (const Case& c : cases) {
    DYNAMIC_SECTION(c.expected) {
      DicomSpec spec;
      spec.omitPixelData = true;
      spec.sopClassUid = c.sopClass;
      writeDicom(spec, dir.file("doc.dcm"));
      const auto film = loadFilm(dir.file("doc.dcm"));
      REQUIRE_FALSE(film.ok());
      CHECK(film.error().code() == ErrorCode::NotAnImage);
      CHECK_THAT(film.error().message(), Contains("doc.dcm") && Contains(c.expected));
    }
  }
}

TEST_CASE("an unsupported transfer syntax is named in the error", "[film][broken]") {
  TempDir dir;
  writeMpeg2Film(dir.file("video.dcm"));
  const auto film = loadFilm(dir.file("video.dcm"));
  REQUIRE_FALSE(film.ok());
  CHECK(film.error().code() == ErrorCode::Unsupported);
  CHECK_THAT(film.error().reason(), Contains("MPEG2") && Contains("1.2.840.10008.1.2.4.100"));
}

TEST_CASE("absurd declared sizes are refused before allocating", "[film][broken]") {
  TempDir dir;
  struct Case { const char* name; std::vector<std::pair<std::string, std::string>> lie; ErrorCode code; const char* says; };
  const Case cases[] = {
      {"65535 x 65535", {{"Rows", "65535"}, {"Columns", "65535"}}, ErrorCode::TooLarge, "exceeds"},
      {"a million frames", {{"NumberOfFrames", "1000000"}}, ErrorCode::TooLarge, "frames"},
      {"10000 x 10000 x 9000 frames", {{"Rows", "10000"}, {"Columns", "10000"}, {"NumberOfFrames", "9000"}},
       ErrorCode::TooLarge, "exceeds"},
      {"more rows than the data hold", {{"Rows", "100"}}, ErrorCode::Truncated, "bytes"},
      {"zero columns", {{"Columns", "0"}}, ErrorCode::Malformed, "zero"},
      {"32 bits allocated", {{"BitsAllocated", "32"}}, ErrorCode::Unsupported, "Bits Allocated"},
      {"bits stored above allocated", {{"BitsStored", "20"}}, ErrorCode::Malformed, "Bits Stored"},
      {"unknown photometric", {{"PhotometricInterpretation", "HSV"}}, ErrorCode::Unsupported, "HSV"},
  };
  for (const Case& c : cases) {
    DYNAMIC_SECTION(c.name) {
      DicomSpec spec;
      spec.attributes = c.lie;
      writeDicom(spec, dir.file("bomb.dcm"));
      const auto start = std::chrono::steady_clock::now();
      const auto film = loadFilm(dir.file("bomb.dcm"));
      REQUIRE_FALSE(film.ok());
      CHECK(film.error().code() == c.code);
      CHECK_THAT(film.error().message(), Contains("bomb.dcm") && Contains(c.says));
      CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(5));  // refused, not attempted
    }
  }
}

TEST_CASE("custom limits apply", "[film][broken]") {
  TempDir dir;
  DicomSpec spec;
  writeDicom(spec, dir.file("small.dcm"));
  hilum::film::LoadLimits tight;
  tight.maxDimension = 32;
  const auto film = loadFilm(dir.file("small.dcm"), tight);
  REQUIRE_FALSE(film.ok());
  CHECK(film.error().code() == ErrorCode::TooLarge);
}

TEST_CASE("broken PNG, JPEG and TIFF files are refused by name", "[film][broken]") {
  TempDir dir;
  SECTION("PNG signature then garbage") {
    writeBytes(dir.file("bad.png"), std::string("\x89PNG\r\n\x1a\n", 8) + std::string(100, 'x'));
    const auto film = loadFilm(dir.file("bad.png"));
    REQUIRE_FALSE(film.ok());
    CHECK_THAT(film.error().message(), Contains("bad.png") && Contains("PNG"));
  }
  SECTION("PNG declaring 100000 x 100000 pixels") {
    std::string png("\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR", 16);
    png += std::string("\x00\x01\x86\xa0\x00\x01\x86\xa0\x08\x00\x00\x00\x00", 13);
    png += std::string(4, '\0');
    writeBytes(dir.file("bomb.png"), png);
    const auto film = loadFilm(dir.file("bomb.png"));
    REQUIRE_FALSE(film.ok());
    CHECK(film.error().code() == ErrorCode::TooLarge);
  }
  SECTION("JPEG cut after its start marker") {
    writeBytes(dir.file("cut.jpg"), std::string("\xFF\xD8\xFF\xE0\x00\x10JFIF", 10));
    const auto film = loadFilm(dir.file("cut.jpg"));
    REQUIRE_FALSE(film.ok());
    CHECK_THAT(film.error().message(), Contains("cut.jpg"));
  }
  SECTION("TIFF header without directory") {
    writeBytes(dir.file("bad.tif"), std::string("II*\0\x08\0\0\0", 8));
    const auto film = loadFilm(dir.file("bad.tif"));
    REQUIRE_FALSE(film.ok());
    CHECK_THAT(film.error().message(), Contains("bad.tif"));
  }
}

TEST_CASE("sequences nested 20000 deep are refused, not recursed into", "[film][broken]") {
  // DCMTK 3.6.7 reads nested sequences recursively: 20000 levels (a 720 kB file) overflowed the stack
  // (SIGSEGV) in loadFilm, the tag browser and the study index before they were walked first.
  TempDir dir;
  for (const bool defined : {false, true}) {
    DYNAMIC_SECTION((defined ? "defined" : "undefined") << " lengths") {
      writeBytes(dir.file("deep.dcm"), nestedSequenceFilm(20000, defined));
      const auto film = loadFilm(dir.file("deep.dcm"));
      REQUIRE_FALSE(film.ok());
      CHECK(film.error().code() == ErrorCode::Malformed);
      CHECK_THAT(film.error().message(), Contains("deep.dcm") && Contains("nested deeper than 64"));
      const auto tags = hilum::film::readDicomTags(dir.file("deep.dcm"));
      REQUIRE_FALSE(tags.ok());
      CHECK_THAT(tags.error().reason(), Contains("nested"));
      const auto index = hilum::film::indexPath(dir.path());
      REQUIRE(index.ok());
      REQUIRE(index.value().skipped.size() == 1);  // listed with the reason, not a crash
      CHECK_THAT(index.value().skipped[0].reason, Contains("nested"));
      // A nesting the limit allows still opens.
      writeBytes(dir.file("deep.dcm"), nestedSequenceFilm(64, defined));
      CHECK(loadFilm(dir.file("deep.dcm")).ok());
    }
  }
}

TEST_CASE("a deflated element declaring more bytes than it holds is refused before DCMTK allocates", "[film][broken]") {
  // fuzz_film: a 630-byte deflated file whose element declared 1.4 GB made DCMTK allocate it (it
  // cannot check a length against a deflated stream's size): libFuzzer's out-of-memory in CI.
  TempDir dir;
  for (const std::uint32_t lie : {0x55555548u, 0xFFFFFFF0u, 65u}) {
    DYNAMIC_SECTION("declared " << lie) {
      writeBytes(dir.file("lie.dcm"), deflatedFilm(lie));
      const auto film = loadFilm(dir.file("lie.dcm"));
      REQUIRE_FALSE(film.ok());
      CHECK(film.error().code() == ErrorCode::Malformed);
      CHECK_THAT(film.error().message(), Contains("lie.dcm") && Contains("deflated element declares more bytes"));
      const auto tags = hilum::film::readDicomTags(dir.file("lie.dcm"));
      REQUIRE_FALSE(tags.ok());
      CHECK_THAT(tags.error().reason(), Contains("deflated"));
    }
  }
  SECTION("the honest film opens") {
    writeBytes(dir.file("honest.dcm"), deflatedFilm(64));
    const auto film = loadFilm(dir.file("honest.dcm"));
    REQUIRE(film.ok());
    CHECK(film.value().columns() == 8);
    CHECK(film.value().pixels().data[0] == 0x40);
  }
}

TEST_CASE("a gray stream declared as colour is refused, not read as three samples", "[film][broken]") {
  // An 8-bit gray RLE or JPEG-LS frame with Photometric Interpretation RGB / YBR_FULL made the colour
  // conversion read three bytes per pixel from a one-byte-per-pixel buffer (ASan: heap overflow).
  TempDir dir;
  for (Syntax syntax : {Syntax::Rle, Syntax::JpegLsLossless, Syntax::ExplicitLE}) {
    for (const char* photometric : {"RGB", "YBR_FULL"}) {
      DYNAMIC_SECTION(syntaxName(syntax) << " as " << photometric) {
        DicomSpec spec;
        spec.syntax = syntax;
        spec.bitsAllocated = spec.bitsStored = 8;
        spec.attributes = {{"PhotometricInterpretation", photometric}};
        writeDicom(spec, dir.file("liar.dcm"));
        const auto film = loadFilm(dir.file("liar.dcm"));
        REQUIRE_FALSE(film.ok());
        CHECK(film.error().code() == ErrorCode::Malformed);
        CHECK_THAT(film.error().message(), Contains("liar.dcm") && Contains("1 samples per pixel"));
      }
    }
  }
}

TEST_CASE("a JPEG fragment that would hang DCMTK's precision scan is refused", "[film][broken]") {
  // DCMTK 3.6.7's scanJpegDataForBitDepth never moves past a TEM marker (FF01): found by fuzz_film,
  // a JPEG baseline film whose first fragment starts FF01 instead of FFD8 hung loadFilm forever.
  TempDir dir;
  for (Syntax syntax : {Syntax::JpegBaseline, Syntax::JpegLosslessSV1}) {
    DYNAMIC_SECTION(syntaxName(syntax)) {
      DicomSpec spec;
      spec.syntax = syntax;
      if (syntax == Syntax::JpegBaseline) spec.bitsAllocated = spec.bitsStored = 8;
      writeDicom(spec, dir.file("whole.dcm"));
      const std::string whole = readBytes(dir.file("whole.dcm"));
      const auto soi = whole.find(std::string("\xFF\xD8", 2), whole.rfind(std::string("\xE0\x7F\x10\x00", 4)));
      REQUIRE(soi != std::string::npos);
      for (const std::string& start : {std::string("\xFF\x01", 2), std::string("\xFF\xD8\xFF\x01", 4),
                                       std::string("\xFF\xD8\xFF\xE0\x00\x00", 6)}) {
        std::string broken = whole;
        broken.replace(soi, start.size(), start);
        writeBytes(dir.file("tem.dcm"), broken);
        const auto begin = std::chrono::steady_clock::now();
        const auto film = loadFilm(dir.file("tem.dcm"));
        REQUIRE_FALSE(film.ok());
        CHECK_THAT(film.error().message(), Contains("tem.dcm") && Contains("JPEG"));
        CHECK(std::chrono::steady_clock::now() - begin < std::chrono::seconds(5));
      }
    }
  }
}

TEST_CASE("Pixel Data with a value representation DCMTK does not read as pixels is refused", "[film][broken]") {
  // Found by fuzz_film: (7FE0,0010) with VR "MB" became a plain DCMTK element, and the loader's
  // static_cast to DcmPixelData was undefined behaviour (UBSan).
  TempDir dir;
  DicomSpec spec;
  writeDicom(spec, dir.file("whole.dcm"));
  std::string bytes = readBytes(dir.file("whole.dcm"));
  const auto at = bytes.rfind(std::string("\xE0\x7F\x10\x00", 4));
  REQUIRE(at != std::string::npos);
  for (const char* vr : {"MB", "UT", "SQ"}) {
    bytes[at + 4] = vr[0], bytes[at + 5] = vr[1];
    writeBytes(dir.file("vr.dcm"), bytes);
    const auto film = loadFilm(dir.file("vr.dcm"));
    INFO(vr);
    if (!film.ok()) CHECK_THAT(film.error().message(), Contains("vr.dcm"));
  }
}

TEST_CASE("a codestream larger than the header's frame is refused before it is decoded", "[film][broken]") {
  // Such a stream used to be decoded in full (up to 16384² pixels from a few bytes) and only then
  // compared with the header; the header's frame now caps the decode.
  TempDir dir;
  for (Syntax syntax : {Syntax::JpegLsLossless, Syntax::J2kLossless}) {
    DYNAMIC_SECTION(syntaxName(syntax)) {
      DicomSpec spec;
      spec.syntax = syntax;
      spec.rows = 300;
      spec.columns = 400;
      spec.attributes = {{"Rows", "24"}, {"Columns", "32"}};
      writeDicom(spec, dir.file("big.dcm"));
      const auto film = loadFilm(dir.file("big.dcm"));
      REQUIRE_FALSE(film.ok());
      CHECK_THAT(film.error().message(), Contains("big.dcm") && Contains("larger than the frame allowed (768 pixels)"));
    }
  }
}

TEST_CASE("a JPEG-LS scan cut off without its end marker is refused at once", "[film][broken]") {
  // Found by fuzz_film: CharLS 2.4, out of data inside a unary code, counts its valid bits below
  // zero and reads ~2^31 bits of nothing before failing: 15-60 s for a scan of one byte. The frame
  // here is a real codestream's header with one zero byte of scan and no End of Image marker.
  TempDir dir;
  for (Syntax syntax : {Syntax::JpegLsNearLossless, Syntax::JpegLsLossless}) {
    DYNAMIC_SECTION(syntaxName(syntax)) {
      DicomSpec spec;
      spec.syntax = syntax;
      spec.rows = 24;
      spec.columns = 32;
      writeDicom(spec, dir.file("whole.dcm"));
      const std::string whole = readBytes(dir.file("whole.dcm"));
      const std::size_t soi = whole.find(std::string("\xFF\xD8\xFF\xF7", 4));
      const std::size_t sos = whole.find(std::string("\xFF\xDA", 2), soi);
      REQUIRE(sos != std::string::npos);
      const std::size_t scan = sos + 2 + (std::size_t(std::uint8_t(whole[sos + 2])) << 8 | std::uint8_t(whole[sos + 3]));
      std::string frame = whole.substr(soi, scan - soi) + std::string(1, '\0');
      if (frame.size() % 2) frame.push_back('\0');  // fragments have even length (PS3.5 A.4)
      // The fragment's item header sits right before the codestream: its length becomes the new one.
      std::string cut = whole.substr(0, soi - 4);
      for (int i = 0; i < 4; ++i) cut.push_back(static_cast<char>((frame.size() >> (8 * i)) & 0xFF));
      cut += frame;
      cut += std::string("\xFE\xFF\xDD\xE0\0\0\0\0", 8);  // sequence delimitation
      writeBytes(dir.file("cut.dcm"), cut);

      hilum::film::LoadLimits limits;
      limits.maxDecodeSeconds = 2;  // a hang guard for this test; the stream must not need it
      const auto start = std::chrono::steady_clock::now();
      const auto film = loadFilm(dir.file("cut.dcm"), limits);
      const auto took = std::chrono::steady_clock::now() - start;
      REQUIRE_FALSE(film.ok());
      CHECK_THAT(film.error().message(), Contains("cut.dcm") && Contains("JPEG-LS"));
      CHECK_THAT(film.error().reason(), !Contains("took longer"));  // refused as damaged, not timed out
      CHECK(took < std::chrono::seconds(1));
    }
  }
}

TEST_CASE("decoding that outlasts its time limit fails with the file and the limit", "[film][broken]") {
  // The watchdog for what no pre-check catches: a codec cannot be interrupted, so the loader stops
  // waiting and the decoder finishes on its own thread. A sound 512 x 512 JPEG 2000 frame takes
  // far longer than a millisecond, which stands in for a codec stuck on hostile data.
  TempDir dir;
  DicomSpec spec;
  spec.syntax = Syntax::J2kLossless;
  spec.rows = 512;
  spec.columns = 512;
  writeDicom(spec, dir.file("slow.dcm"));
  hilum::film::LoadLimits limits;
  limits.maxDecodeSeconds = 0.001;
  for (int round = 0; round < 3; ++round) {  // abandoned decoders pile up harmlessly
    const auto film = loadFilm(dir.file("slow.dcm"), limits);
    REQUIRE_FALSE(film.ok());
    CHECK(film.error().code() == ErrorCode::TooLarge);
    CHECK_THAT(film.error().message(), Contains("slow.dcm") && Contains("JPEG 2000 decoding took longer than 0.001 s"));
  }
  limits.maxDecodeSeconds = 0;  // no limit: decoded on the calling thread
  CHECK(loadFilm(dir.file("slow.dcm"), limits).ok());
  CHECK(loadFilm(dir.file("slow.dcm")).ok());
}
