// The teaching export of one file: the film's own header through the Basic Profile.
#include "hilum/derived/derived_objects.h"

#include "deidentify_p.h"
#include "dicom_output_p.h"
#include "dicom_source_p.h"

#include <dcmtk/dcmdata/dcdeftag.h>
#include <dcmtk/dcmdata/dcfilefo.h>

#include <exception>

namespace hilum::derived {

using namespace detail;

namespace {

bool hasOverlays(DcmItem& ds) {
  for (Uint16 group = 0x6000; group <= 0x601E; group += 2)
    if (ds.tagExists(DcmTagKey(group, 0x3000))) return true;
  return false;
}

Result<OutputInfo> deidentify(const std::string& inPath, const Deidentify& deid, const std::string& outPath,
                              std::vector<std::string>* warnings) {
  auto source = openSource(inPath, true /* whole file: the pixels are written back */);
  if (!source.ok()) return source.error();
  Source& film = source.value();
  if (!film.isDicom()) return Error(Module::Report, ErrorCode::Unsupported, "not a DICOM file", inPath);
  DcmItem& ds = film.dataset();
  // Free text in an SR tree, a PDF's pages or a presentation state's text objects is beyond what
  // a header table can clean (the profile's D on Content Sequence would gut the report).
  if (ds.tagExists(DCM_ContentSequence) || ds.tagExists(DCM_EncapsulatedDocument) ||
      ds.tagExists(DCM_GraphicAnnotationSequence)) {
    return Error(Module::Report, ErrorCode::Unsupported,
                 "structured reports, encapsulated documents and presentation states are not de-identified here; "
                 "write them again with de-identification on",
                 inPath);
  }
  addBurnedInWarnings(ds, inPath, warnings);
  if (warnings != nullptr && hasOverlays(ds))
    warnings->push_back(inPath + ": overlay planes removed (Overlay Data can hold names and dates)");
  deidentifyDataset(ds, deid, imageRules(film.sopClassUid));
  const E_TransferSyntax original = film.file->getDataset()->getOriginalXfer();
  return saveAtomically(*film.file, outPath, original == EXS_Unknown ? EXS_LittleEndianExplicit : original);
}

}  // namespace

Result<OutputInfo> deidentifyFile(const std::string& inPath, const Deidentify& deid, const std::string& outPath,
                                  std::vector<std::string>* warnings) {
  try {
    return deidentify(inPath, deid, outPath, warnings);
  } catch (const std::exception& e) {
    return Error(Module::Report, ErrorCode::Internal, e.what(), outPath);
  }
}

}  // namespace hilum::derived
