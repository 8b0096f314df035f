// The printed report inside a DICOM object: the same bytes come back out.
#include "derived_support.h"
#include "temp_dir.h"

#include "hilum/derived/derived_objects.h"

#include <catch2/catch.hpp>
#include <dcmtk/config/osconfig.h>
#include <dcmtk/dcmdata/dcdeftag.h>
#include <dcmtk/dcmdata/dcfilefo.h>
#include <dcmtk/dcmdata/dcuid.h>

using namespace hilum::derived;
using namespace hilum::test;

TEST_CASE("encapsulated PDF holds the report's bytes exactly and names the film", "[derived][pdf]") {
  TempDir dir;
  const std::string film = writeIdentifiedFilm(dir, "film.dcm");
  const auto source = loadDicom(film);
  DcmDataset& in = *source->getDataset();
  const std::string pdf = writeMinimalPdf(dir.file("report.pdf"));
  REQUIRE(pdf.size() % 2 == 1);

  const auto out = writeEncapsulatedPdf(film, dir.file("report.pdf"), "Chest X-ray AI report", {}, dir.file("pdf.dcm"));
  REQUIRE(out.ok());
  const auto file = loadDicom(dir.file("pdf.dcm"));
  DcmDataset& ds = *file->getDataset();
  CHECK(stringOf(ds, DCM_SOPClassUID) == UID_EncapsulatedPDFStorage);
  CHECK(stringOf(ds, DCM_SOPInstanceUID) == out.value().sopInstanceUid);
  CHECK(stringOf(ds, DCM_Modality) == "DOC");
  CHECK(stringOf(ds, DCM_MIMETypeOfEncapsulatedDocument) == "application/pdf");
  CHECK(stringOf(ds, DCM_DocumentTitle) == "Chest X-ray AI report");
  CHECK(stringOf(ds, DCM_BurnedInAnnotation) == "YES");
  CHECK(stringOf(ds, DCM_StudyInstanceUID) == stringOf(in, DCM_StudyInstanceUID));
  CHECK(stringOf(ds, DCM_PatientName) == "Doe^Jane");
  DcmItem* concept = nullptr;
  REQUIRE(ds.findAndGetSequenceItem(DCM_ConceptNameCodeSequence, concept, 0).good());
  CHECK(stringOf(*concept, DCM_CodeValue) == "18748-4");
  CHECK(stringOf(*concept, DCM_CodingSchemeDesignator) == "LN");
  DcmItem* reference = nullptr;
  REQUIRE(ds.findAndGetSequenceItem(DCM_SourceInstanceSequence, reference, 0).good());
  CHECK(stringOf(*reference, DCM_ReferencedSOPInstanceUID) == stringOf(in, DCM_SOPInstanceUID));

  Uint32 length = 0;
  REQUIRE(ds.findAndGetUint32(DCM_EncapsulatedDocumentLength, length).good());
  CHECK(length == pdf.size());
  const Uint8* bytes = nullptr;
  unsigned long count = 0;
  REQUIRE(ds.findAndGetUint8Array(DCM_EncapsulatedDocument, bytes, &count).good());
  CHECK(count == pdf.size() + 1);  // even length: one pad byte
  CHECK(bytes[pdf.size()] == 0);
  CHECK(std::string(reinterpret_cast<const char*>(bytes), length) == pdf);

  requireValidIod(dir.file("pdf.dcm"));
}

TEST_CASE("a file that is not a PDF is not encapsulated", "[derived][pdf]") {
  TempDir dir;
  const std::string film = writeIdentifiedFilm(dir, "film.dcm");
  writeBytes(dir.file("report.pdf"), "<html>not a pdf</html>");
  const auto out = writeEncapsulatedPdf(film, dir.file("report.pdf"), "report", {}, dir.file("pdf.dcm"));
  REQUIRE_FALSE(out.ok());
  CHECK(out.error().code() == hilum::ErrorCode::InvalidArgument);
  const auto missing = writeEncapsulatedPdf(film, dir.file("absent.pdf"), "report", {}, dir.file("pdf.dcm"));
  REQUIRE_FALSE(missing.ok());
  CHECK(missing.error().code() == hilum::ErrorCode::NotFound);
}
