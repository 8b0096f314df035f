// hilum-make-fixture OUT.dcm [--rows N] [--columns N] [--bits N] [--syntax NAME] [--phantom 1]
// Writes a synthetic film with the test fixtures' writer: benchmark input that needs no patient data.
// --phantom 1 draws a synthetic PA chest (for screenshots and demos) with a made-up identity.
// hilum-make-fixture --hostile-corpus DIR writes the hostile corpus (hostile_corpus.h) plus one small
// intact film per transfer syntax: the fuzzers' seeds (tools/fuzz.sh).
#include "chest_phantom.h"
#include "dicom_fixture.h"
#include "hostile_corpus.h"

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <iostream>
#include <map>
#include <string>

int main(int argc, char** argv) {
  using hilum::test::Syntax;
  const std::map<std::string, Syntax> syntaxes = {
      {"implicit", Syntax::ImplicitLE},     {"explicit", Syntax::ExplicitLE},          {"big-endian", Syntax::ExplicitBE},
      {"deflated", Syntax::DeflatedLE},     {"jpeg-baseline", Syntax::JpegBaseline},   {"jpeg-extended", Syntax::JpegExtended},
      {"jpeg-lossless", Syntax::JpegLosslessSV1}, {"jpeg-ls", Syntax::JpegLsLossless}, {"jpeg-ls-near", Syntax::JpegLsNearLossless},
      {"rle", Syntax::Rle},                 {"j2k-lossless", Syntax::J2kLossless},     {"j2k", Syntax::J2k}};
  if (argc < 2) {
    std::cerr << "usage: hilum-make-fixture OUT.dcm [--rows N] [--columns N] [--bits N] [--syntax NAME] [--phantom 1]\n";
    return 2;
  }
  if (argc == 3 && std::string(argv[1]) == "--hostile-corpus") {
    try {
      const auto files = hilum::test::writeHostileCorpus(argv[2]);
      for (const auto& [name, syntax] : syntaxes) {
        hilum::test::DicomSpec small;
        small.rows = 24;
        small.columns = 32;
        small.syntax = syntax;
        if (syntax == Syntax::JpegBaseline) small.bitsAllocated = small.bitsStored = 8;
        hilum::test::writeDicom(small, std::string(argv[2]) + "/intact-" + name + ".dcm");
      }
      std::cout << files.size() + syntaxes.size() << " files written to " << argv[2] << "\n";
    } catch (const std::exception& e) {
      std::cerr << "hilum-make-fixture: " << e.what() << "\n";
      return 1;
    }
    return 0;
  }
  hilum::test::DicomSpec spec;
  spec.rows = spec.columns = 3000;
  spec.bitsStored = 16;
  bool phantom = false;
  for (int i = 2; i + 1 < argc; i += 2) {
    const std::string key = argv[i], value = argv[i + 1];
    if (key == "--rows") spec.rows = std::atoi(value.c_str());
    else if (key == "--columns") spec.columns = std::atoi(value.c_str());
    else if (key == "--bits") spec.bitsStored = std::atoi(value.c_str());
    else if (key == "--syntax" && syntaxes.count(value)) spec.syntax = syntaxes.at(value);
    else if (key == "--phantom") phantom = value == "1";
    else {
      std::cerr << "hilum-make-fixture: bad option " << key << " " << value << "\n";
      return 2;
    }
  }
  spec.bitsAllocated = spec.bitsStored > 8 ? 16 : 8;
  // Gradients plus a little quantum-like noise, so codecs work about as hard as on real films
  // (a pure gradient compresses to almost nothing and would flatter every decoder).
  spec.pixels = hilum::test::patternPixels(spec, true);
  const auto [lo, hi] = hilum::test::storedRange(spec);
  const int amplitude = std::max(1, (hi - lo) / 2048);
  std::uint32_t state = 12345;
  for (int& v : spec.pixels) {
    state = state * 1664525u + 1013904223u;
    v = std::clamp(v + static_cast<int>(state >> 16) % (2 * amplitude + 1) - amplitude, lo, hi);
  }
  if (phantom) {
    spec.pixels = hilum::test::chestPhantom(spec.rows, spec.columns, spec.bitsStored);
    const double mm = 430.0 / std::max(spec.rows, spec.columns);  // a 43 cm detector
    spec.attributes = {{"PatientName", "Phantom^Chest"}, {"PatientID", "SYNTH-0001"}, {"PatientSex", "O"},
                       {"PatientBirthDate", "19700101"}, {"StudyDate", "20261125"}, {"Modality", "DX"},
                       {"ViewPosition", "PA"}, {"BodyPartExamined", "CHEST"}, {"PatientOrientation", "L\\F"},
                       {"ImagerPixelSpacing", std::to_string(mm) + "\\" + std::to_string(mm)},
                       {"InstitutionName", "Synthetic phantom (not a patient)"},
                       {"SeriesDescription", "Synthetic chest phantom"}};
  }
  try {
    hilum::test::writeDicom(spec, argv[1]);
  } catch (const std::exception& e) {
    std::cerr << "hilum-make-fixture: " << e.what() << "\n";
    return 1;
  }
  return 0;
}
