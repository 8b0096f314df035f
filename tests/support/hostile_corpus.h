#pragma once
// A corpus of hostile films, written by code into a folder (nothing binary is committed): dimension
// bombs, lying length fields, compressed streams that decode to more or fewer bytes than the header
// declares, deeply nested sequences, Bits Stored above Bits Allocated, odd Planar Configuration,
// palette colour with bad tables, YBR, float and double pixel data, truncations, and damaged PNG,
// JPEG and TIFF files. test_hardening opens every file with hilum-cli info and render; the fuzzers
// take the corpus as seeds (hilum-make-fixture --hostile-corpus DIR).
#include <cstdint>
#include <string>
#include <vector>

namespace hilum::test {

struct HostileFile {
  std::string path;
  std::string kind;  // what is wrong with it, for failure messages ("rle / Rows 96")
  // True where opening must fail (a bomb, a lie no decoder can honour); false where a correct
  // picture is also an acceptable answer.
  bool mustRefuse = false;
  // When not empty: the stored values of the undamaged film (monochrome, first frame). A file that
  // opens anyway must give exactly these, never a wrong picture.
  std::vector<int> exactPixels;
};

// Writes the corpus into `folder` (which must exist) and describes each file. Deterministic: the
// same files on every run. Cases the fixture writers cannot express are left out, not faked.
std::vector<HostileFile> writeHostileCorpus(const std::string& folder);

// The bytes of an explicit VR little endian 8 x 8 film whose data set holds `depth` sequences nested
// in one another (undefined lengths, or defined ones), before its pixel data.
std::string nestedSequenceFilm(int depth, bool definedLengths);
// An 8 x 8 gray film in Deflated Explicit VR Little Endian whose 64 pixel bytes are declared as
// `pixelDataLength` (64: honest).
std::string deflatedFilm(std::uint32_t pixelDataLength);

}  // namespace hilum::test
