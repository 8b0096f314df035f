// Comprehensive SR (PS3.3 A.35.3) with a TID 1500 Imaging Measurement Report, built through
// DCMTK's libcmr so the template structure is DCMTK's, not ours; the few rows libcmr 3.6.7 has no
// call for (TID 4019 under each measurement) are added to the expanded tree afterwards.
#include "hilum/derived/derived_objects.h"

#include "deidentify_p.h"
#include "dicom_output_p.h"
#include "dicom_source_p.h"
#include "uid_p.h"

#include <dcmtk/dcmdata/dcdeftag.h>
#include <dcmtk/dcmdata/dcfilefo.h>
#include <dcmtk/dcmsr/cmr/init.h>
#include <dcmtk/dcmsr/cmr/tid1500.h>
#include <dcmtk/dcmsr/codes/dcm.h>
#include <dcmtk/dcmsr/dsrdoc.h>

#include <cmath>
#include <cstdio>
#include <exception>
#include <mutex>

namespace hilum::derived {

using namespace detail;

namespace {

// Finding labels are the model pack's own vocabulary: a private coding scheme (PS3.16 8.2: "99"
// designators are private), declared in Coding Scheme Identification Sequence.
constexpr const char* kScheme = "99HILUM";

DSRCodedEntryValue probabilityConcept() { return {"probability", kScheme, "Probability of finding"}; }
DSRCodedEntryValue operatingPointConcept() { return {"operating-point", kScheme, "Operating point"}; }
DSRCodedEntryValue resultConcept() { return {"result", kScheme, "Finding at operating point"}; }
// UCUM "1": a dimensionless ratio, which a probability is.
CID7181_AbstractMultiDimensionalImageModelComponentUnits unitless() {
  return CID7181_AbstractMultiDimensionalImageModelComponentUnits(DSRCodedEntryValue("1", "UCUM", "no units"));
}

// libcmr's context groups are built lazily; DCMTK asks multi-threaded programs to build them once.
void initialiseContextGroups() {
  static std::once_flag once;
  std::call_once(once, [] { CMR_ContentMappingResource::initializeAllContextGroups(); });
}

// DS allows 16 characters; 10 significant digits fit and are more than any model means. The
// exact double also goes in Floating Point Value.
std::string decimal(double value) {
  char text[32];
  std::snprintf(text, sizeof text, "%.10g", value);
  return text;
}

Status checkFindings(const std::vector<FindingResult>& findings, const std::string& outPath) {
  const auto invalid = [&](const std::string& why) {
    return Error(Module::Report, ErrorCode::InvalidArgument, why, outPath);
  };
  if (findings.empty()) return invalid("no findings to report");
  for (const FindingResult& f : findings) {
    if (f.label.empty()) return invalid("a finding has no label");
    if (!std::isfinite(f.probability) || f.probability < 0 || f.probability > 1)
      return invalid("probability of " + f.label + " is " + decimal(f.probability) + ", outside 0..1");
    if (!std::isfinite(f.threshold) || f.threshold < 0 || f.threshold > 1)
      return invalid("operating point of " + f.label + " is " + decimal(f.threshold) + ", outside 0..1");
  }
  return Status::success();
}

using Measurement = CMR_TID1501_in_TID1500::MeasurementValue;

Measurement numeric(double value) {
  Measurement measurement(decimal(value), unitless());
  measurement.setFloatingPointRepresentation(value);
  return measurement;
}

OFCondition addFinding(TID1500_MeasurementReport& report, const FindingResult& finding, bool first) {
  OFCondition status = first ? EC_Normal : report.addIndividualMeasurements(OFFalse);
  auto& group = report.getIndividualMeasurements();
  if (status.good()) status = group.setTrackingIdentifier(finding.label);
  if (status.good()) status = group.setTrackingUniqueIdentifier(newUid());
  if (status.good()) status = group.setFinding(DSRCodedEntryValue(finding.label, kScheme, finding.label));
  if (status.good()) status = group.addMeasurement(CID7469_GenericIntensityAndSizeMeasurements(probabilityConcept()),
                                                   numeric(finding.probability));
  if (status.good()) status = group.addMeasurement(CID7469_GenericIntensityAndSizeMeasurements(operatingPointConcept()),
                                                   numeric(finding.threshold));
  if (status.good()) {
    const DSRCodedEntryValue call = finding.positive ? DSRCodedEntryValue("10828004", "SCT", "Positive")
                                                     : DSRCodedEntryValue("260385009", "SCT", "Negative");
    status = group.addQualitativeEvaluation(resultConcept(), call);
  }
  return status;
}

// TID 4019 (Algorithm Identification) under every probability, TID 300's "HAS CONCEPT MOD" row.
OFCondition addAlgorithmIdentification(DSRDocumentTree& tree, const Algorithm& algorithm) {
  const auto text = [&](const DSRCodedEntryValue& concept, const std::string& value, bool child) {
    OFCondition status = child ? tree.addChildContentItem(DSRTypes::RT_hasConceptMod, DSRTypes::VT_Text, concept)
                               : tree.addContentItem(DSRTypes::RT_hasConceptMod, DSRTypes::VT_Text, concept);
    if (status.good()) status = tree.getCurrentContentItem().setStringValue(value.empty() ? "unknown" : value.c_str());
    return status;
  };
  for (size_t node = tree.gotoNamedNode(probabilityConcept()); node > 0;
       node = tree.gotoNextNamedNode(probabilityConcept())) {
    OFCondition status = text(CODE_DCM_AlgorithmName, algorithm.name, true);
    if (status.good()) status = text(CODE_DCM_AlgorithmVersion, algorithm.version, false);
    if (status.good() && !algorithm.weightsSha256.empty())
      status = text(CODE_DCM_AlgorithmParameters, "weights sha256 " + algorithm.weightsSha256, false);
    if (status.bad()) return status;
    tree.goUp();
  }
  return EC_Normal;
}

Result<OutputInfo> write(const std::string& sourcePath, const std::vector<FindingResult>& findings,
                         const Algorithm& algorithm, const Deidentify& deid, const std::string& outPath,
                         const std::vector<std::string>& notes) {
  const Status valid = checkFindings(findings, outPath);
  if (!valid.ok()) return valid.error();
  auto source = openSource(sourcePath);
  if (!source.ok()) return source.error();
  const Source& film = source.value();
  initialiseContextGroups();
  const auto fail = [&](const char* what, const OFCondition& status) {
    return dcmtkError(ErrorCode::Internal, what, status, outPath);
  };

  TID1500_MeasurementReport report(CMR_CID7021::ImagingMeasurementReport);
  OFCondition status = report.setLanguage(CID5000_Languages::English, CID5001_Countries::UnitedStates);
  const std::string deviceName = algorithm.name + (algorithm.version.empty() ? "" : " " + algorithm.version);
  if (status.good())
    status = report.getObservationContext().addDeviceObserver(
        algorithmUid(algorithm.name, algorithm.version, algorithm.weightsSha256), deviceName, "Hilum", algorithm.name);
  if (status.good()) status = report.addProcedureReported(DSRCodedEntryValue("399208008", "SCT", "Plain chest X-ray"));
  if (status.good() && film.referable()) {
    status = report.getImageLibrary().createNewImageLibrary();
    if (status.good()) status = report.getImageLibrary().addImageGroup();
    if (status.good())
      status = report.getImageLibrary().addImageEntry(film.dataset(), TID1600_ImageLibrary::withoutDescriptors);
  }
  for (std::size_t i = 0; status.good() && i < findings.size(); ++i) status = addFinding(report, findings[i], i == 0);
  if (status.good())
    status = report.addQualitativeEvaluation(CODE_DCM_Comment, "Decision support, not a diagnosis.");
  for (std::size_t i = 0; status.good() && i < notes.size(); ++i)
    status = report.addQualitativeEvaluation(CODE_DCM_Comment, notes[i].c_str());
  if (status.bad()) return fail("cannot build the TID 1500 report", status);
  if (!report.isValid())
    return Error(Module::Report, ErrorCode::Internal, "the TID 1500 report is incomplete", outPath);

  DSRDocument document(DSRTypes::DT_ComprehensiveSR);
  status = document.setTreeFromRootTemplate(report, OFTrue /* expand: plain nodes we can add to */);
  if (status.good()) status = addAlgorithmIdentification(document.getTree(), algorithm);
  if (status.good() && document.getDocumentType() != DSRTypes::DT_ComprehensiveSR)
    status = document.changeDocumentType(DSRTypes::DT_ComprehensiveSR);
  if (status.bad()) return fail("cannot build the SR document", status);
  document.getCodingSchemeIdentification().addItem(kScheme, "", "Hilum finding labels", "Hilum");
  if (film.referable()) {
    document.getCurrentRequestedProcedureEvidence().addItem(film.studyInstanceUid, film.seriesInstanceUid,
                                                            film.sopClassUid, film.sopInstanceUid);
  }
  // The algorithm's output is whole (COMPLETE); what it lacks is a clinician's word (UNVERIFIED).
  document.completeDocument();
  document.setSeriesDescription(("Hilum AI findings: " + deviceName).c_str());
  document.setManufacturer("Hilum");
  document.setSoftwareVersions(softwareVersions());
  document.setSeriesNumber(std::to_string(kFindingsReportSeries).c_str());

  DcmFileFormat file;
  DcmDataset& ds = *file.getDataset();
  status = document.write(ds);
  if (status.bad()) return fail("cannot write the SR document", status);
  // DSRDocument copies only a few patient attributes and makes UIDs under DCMTK's root: the
  // source's modules and Hilum's "2.25." UIDs replace them.
  copyPatientAndStudy(film, ds);
  ds.putAndInsertString(DCM_SOPInstanceUID, newUid().c_str());
  ds.putAndInsertString(DCM_SeriesInstanceUID, newUid().c_str());

  if (deid.enabled) {
    IodRules rules;
    rules.type1 = {DCM_ContentDate, DCM_ContentTime};                 // SR Document General: type 1
    rules.type2 = {DCM_ReferencedPerformedProcedureStepSequence};     // SR Document Series: type 2
    rules.retain = {DCM_SeriesDescription, DCM_ContentSequence};
    rules.options = {CleaningOption::StructuredContent, CleaningOption::Descriptors};
    deidentifyDataset(ds, deid, rules);
  }
  return saveAtomically(file, outPath);
}

}  // namespace

Result<OutputInfo> writeFindingsReport(const std::string& sourcePath, const std::vector<FindingResult>& findings,
                                       const Algorithm& algorithm, const Deidentify& deid, const std::string& outPath,
                                       const std::vector<std::string>& notes) {
  try {
    return write(sourcePath, findings, algorithm, deid, outPath, notes);
  } catch (const std::exception& e) {
    return Error(Module::Report, ErrorCode::Internal, e.what(), outPath);
  }
}

}  // namespace hilum::derived
