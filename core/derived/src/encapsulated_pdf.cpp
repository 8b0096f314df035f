// Encapsulated PDF IOD (PS3.3 A.45.1): the printed report, filed in the film's study.
#include "hilum/derived/derived_objects.h"

#include "deidentify_p.h"
#include "dicom_output_p.h"
#include "dicom_source_p.h"

#include <dcmtk/dcmdata/dcdeftag.h>
#include <dcmtk/dcmdata/dcfilefo.h>
#include <dcmtk/dcmdata/dcuid.h>

#include <exception>
#include <filesystem>
#include <fstream>
#include <iterator>

namespace hilum::derived {

using namespace detail;

namespace {

// Encapsulated Document is OB with a 32-bit length; keep a margin below the undefined length.
constexpr std::uintmax_t kMaxPdfBytes = 0xFFFFFFF0u;

Result<std::vector<std::uint8_t>> readPdf(const std::string& pdfPath) {
  std::error_code ec;
  const auto size = std::filesystem::file_size(pdfPath, ec);
  if (ec) return Error(Module::Report, ErrorCode::NotFound, "cannot open the PDF: " + ec.message(), pdfPath);
  if (size > kMaxPdfBytes)
    return Error(Module::Report, ErrorCode::TooLarge, "the PDF is larger than DICOM can encapsulate", pdfPath);
  std::ifstream in(pdfPath, std::ios::binary);
  std::vector<std::uint8_t> bytes(static_cast<std::size_t>(size));
  if (!in || !in.read(reinterpret_cast<char*>(bytes.data()), static_cast<std::streamsize>(bytes.size())))
    return Error(Module::Report, ErrorCode::Unreadable, "cannot read the PDF", pdfPath);
  // PDF 1.7 (ISO 32000) 7.5.2: the file begins with a %PDF-n.m header.
  static const char kMagic[] = "%PDF-";
  if (bytes.size() < 5 || !std::equal(kMagic, kMagic + 5, bytes.begin()))
    return Error(Module::Report, ErrorCode::InvalidArgument, "not a PDF file (no %PDF- header)", pdfPath);
  return bytes;
}

Result<OutputInfo> write(const std::string& sourcePath, const std::string& pdfPath, const std::string& title,
                         const Deidentify& deid, const std::string& outPath, std::vector<std::string>* warnings) {
  auto pdf = readPdf(pdfPath);
  if (!pdf.ok()) return pdf.error();
  auto source = openSource(sourcePath);
  if (!source.ok()) return source.error();
  const Source& film = source.value();
  const Timestamp when = now();

  DcmFileFormat file;
  DcmDataset& ds = *file.getDataset();
  copyPatientAndStudy(film, ds);
  // Encapsulated Document Series: Modality DOC.
  putNewInstance(ds, UID_EncapsulatedPDFStorage, "DOC", "Hilum report", kEncapsulatedPdfSeries, when);
  ds.putAndInsertString(DCM_ConversionType, "WSD");  // SC Equipment
  // Encapsulated Document module.
  ds.putAndInsertString(DCM_ContentDate, when.date.c_str());
  ds.putAndInsertString(DCM_ContentTime, when.time.c_str());
  ds.insertEmptyElement(DCM_AcquisitionDateTime);  // type 2: a report is not acquired
  ds.putAndInsertString(DCM_BurnedInAnnotation, "YES");  // it prints patient and study text
  ds.putAndInsertString(DCM_DocumentTitle, title.c_str());
  putCode(appendItem(ds, DCM_ConceptNameCodeSequence), "18748-4", "LN", "Diagnostic imaging report");
  ds.putAndInsertString(DCM_MIMETypeOfEncapsulatedDocument, "application/pdf");
  if (film.referable()) putSourceReference(film, appendItem(ds, DCM_SourceInstanceSequence), false);

  std::vector<std::uint8_t>& bytes = pdf.value();
  // The length before the pad byte that an odd-sized document needs (PS3.3 C.24.2.1).
  ds.putAndInsertUint32(DCM_EncapsulatedDocumentLength, static_cast<Uint32>(bytes.size()));
  if (bytes.size() % 2 != 0) bytes.push_back(0);
  const OFCondition stored =
      ds.putAndInsertUint8Array(DCM_EncapsulatedDocument, bytes.data(), static_cast<unsigned long>(bytes.size()));
  if (stored.bad()) return dcmtkError(ErrorCode::Internal, "cannot store the PDF", stored, outPath);

  if (deid.enabled) {
    if (warnings != nullptr)
      warnings->push_back(pdfPath + ": the PDF is embedded as given; its pages must already be anonymised");
    IodRules rules;
    rules.type2 = {DCM_ContentDate, DCM_ContentTime, DCM_AcquisitionDateTime};  // Encapsulated Document: type 2
    rules.retain = {DCM_SeriesDescription};
    rules.options = {CleaningOption::Descriptors};
    deidentifyDataset(ds, deid, rules);
  }
  return saveAtomically(file, outPath);
}

}  // namespace

Result<OutputInfo> writeEncapsulatedPdf(const std::string& sourcePath, const std::string& pdfPath,
                                        const std::string& title, const Deidentify& deid, const std::string& outPath,
                                        std::vector<std::string>* warnings) {
  try {
    return write(sourcePath, pdfPath, title, deid, outPath, warnings);
  } catch (const std::exception& e) {
    return Error(Module::Report, ErrorCode::Internal, e.what(), outPath);
  }
}

}  // namespace hilum::derived
