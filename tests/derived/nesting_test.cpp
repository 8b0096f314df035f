// A source film nested deeper than any real object needs never reaches the DCMTK parser of a
// derived-object writer or of the presentation state reader: DCMTK reads nested sequences by
// recursion, and 20000 levels overflowed the stack. Each refuses it with the file and the reason.
#include "derived_support.h"
#include "hostile_corpus.h"
#include "temp_dir.h"

#include "hilum/derived/derived_objects.h"

#include <catch2/catch.hpp>

#include <fstream>

using namespace hilum::derived;
using namespace hilum::test;
using Catch::Matchers::Contains;

namespace {

template <typename T>
void refusedAsTooDeep(const hilum::Result<T>& result) {
  REQUIRE_FALSE(result.ok());
  CHECK(result.error().code() == hilum::ErrorCode::Malformed);
  CHECK_THAT(result.error().message(), Contains("deep.dcm") && Contains("nested deeper than 64 levels"));
}

}  // namespace

TEST_CASE("derived objects and the presentation state reader refuse films nested too deep", "[derived][hostile]") {
  TempDir dir;
  writeBytes(dir.file("deep.dcm"), nestedSequenceFilm(20000, false));
  writeBytes(dir.file("deep-defined.dcm"), nestedSequenceFilm(2000, true));
  writeMinimalPdf(dir.file("report.pdf"));
  const Algorithm algorithm{"hilum-cxr-densenet", "1.2.0", "9f2c7e"};
  const RgbPicture picture{4, 4, std::vector<std::uint8_t>(48, 128)};
  const std::string deep = dir.file("deep.dcm");

  refusedAsTooDeep(writeSecondaryCapture(deep, picture, algorithm, "heatmap", {}, dir.file("sc.dcm")));
  refusedAsTooDeep(writeFindingsReport(deep, {{"Cardiomegaly", 0.8, 0.5, true}}, algorithm, {}, dir.file("sr.dcm")));
  refusedAsTooDeep(writeEncapsulatedPdf(deep, dir.file("report.pdf"), "AI report", {}, dir.file("pdf.dcm")));
  refusedAsTooDeep(writePresentationState(deep, {{hilum::measure::Kind::Distance, {{1, 2}, {3, 4}}, {}}}, {}, {},
                                          dir.file("pr.dcm")));
  refusedAsTooDeep(deidentifyFile(deep, {}, dir.file("anon.dcm")));
  refusedAsTooDeep(readPresentationState(deep));
  const auto defined = readPresentationState(dir.file("deep-defined.dcm"));
  REQUIRE_FALSE(defined.ok());
  CHECK_THAT(defined.error().reason(), Contains("nested deeper than 64 levels"));

  // Nesting a real object may have passes the guard: the refusal is then the writer's own.
  writeBytes(dir.file("shallow.dcm"), nestedSequenceFilm(16, false));
  const auto shallow = readPresentationState(dir.file("shallow.dcm"));
  REQUIRE_FALSE(shallow.ok());
  CHECK_THAT(shallow.error().reason(), Contains("not a presentation state"));
  for (const char* name : {"sc.dcm", "sr.dcm", "pdf.dcm", "pr.dcm", "anon.dcm"}) CHECK_FALSE(std::ifstream(dir.file(name)).good());
}
