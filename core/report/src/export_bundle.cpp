#include "hilum/report/export_bundle.h"

#include "hilum/derived/derived_objects.h"
#include "hilum/measure/measurements.h"

#include <cstdio>

namespace hilum::report {
namespace {

Error invalid(const std::string& reason) { return Error(Module::Report, ErrorCode::InvalidArgument, reason); }

derived::RgbPicture rgbPixels(const QImage& image) {
  const QImage rgb = image.convertToFormat(QImage::Format_RGB888);
  derived::RgbPicture pixels;
  pixels.width = rgb.width();
  pixels.height = rgb.height();
  pixels.rgb.reserve(static_cast<std::size_t>(rgb.width()) * rgb.height() * 3);
  for (int y = 0; y < rgb.height(); ++y) pixels.rgb.insert(pixels.rgb.end(), rgb.constScanLine(y), rgb.constScanLine(y) + rgb.width() * 3);
  return pixels;
}

}  // namespace

Result<ExportOutcome> exportBundle(const ReportRequest& request, const ExportTargets& targets) {
  if (request.films.empty()) return invalid("nothing to export: no film");
  if (targets.encapsulatedPdf && !targets.pdf) return invalid("an Encapsulated PDF wraps the PDF report: export the PDF too");
  const ReportFilm& first = request.films.front();
  if (targets.presentationState && first.annotations.empty()) return invalid("a presentation state needs annotations on the film");
  if ((targets.structuredReport || targets.secondaryCapture) && !first.findings)
    return invalid("the film has not been analysed: no findings to export");

  ExportOutcome outcome;
  if (targets.pdf) {
    if (const Status s = writePdfReport(request, *targets.pdf); !s.ok()) return s.error();
    outcome.files.push_back({*targets.pdf, "PDF report"});
  }
  if (targets.png) {
    if (const Status s = writePicturePng(first, targets.pngMaxSizePx, *targets.png); !s.ok()) return s.error();
    outcome.files.push_back({*targets.png, "annotated picture (PNG)"});
  }

  const std::string& source = first.film->path();
  derived::Deidentify deid;
  deid.enabled = request.anonymise;
  deid.uidSalt = derived::newUid();  // secret and new per export, shared by its objects
  derived::Algorithm algorithm;
  if (first.findings) algorithm = {first.findings->model.name, first.findings->model.version, first.findings->model.sha256};
  auto record = [&outcome](const Result<derived::OutputInfo>& written, const std::string& path, const std::string& what) -> Status {
    if (!written.ok()) return written.error();
    outcome.files.push_back({path, what + " " + written.value().sopInstanceUid});
    return Status::success();
  };

  if (targets.secondaryCapture) {
    // The capture travels alone: it must name its model and say what it is.
    const auto image = renderPicture(pictureOf(first, 0, true));
    if (!image.ok()) return image.error();
    const Status s = record(derived::writeSecondaryCapture(source, rgbPixels(image.value()), algorithm,
                                                           "Hilum AI heatmap: " + algorithm.name + " " + algorithm.version, deid,
                                                           *targets.secondaryCapture, &outcome.warnings),
                            *targets.secondaryCapture, "DICOM Secondary Capture");
    if (!s.ok()) return s.error();
  }
  if (targets.structuredReport) {
    std::vector<derived::FindingResult> results;
    for (const auto& f : first.findings->ranked) results.push_back({f.label, f.probability, f.threshold, f.positive});
    std::vector<std::string> notes;
    for (const auto& reason : first.findings->gateReasons)
      notes.push_back("Outside the model's training data: " + reason + ". Analysed on explicit request.");
    for (const auto& warning : first.findings->qualityWarnings) notes.push_back("Image quality: " + warning);
    if (!first.findings->covariates.empty())
      notes.push_back("Patient covariates given to the model: " + first.findings->covariatesForReport(request.anonymise));
    if (first.findings->oodScore && first.findings->oodThreshold) {
      char text[120];
      std::snprintf(text, sizeof text, "Out-of-distribution score %.1f (threshold %.1f)", *first.findings->oodScore,
                    *first.findings->oodThreshold);
      notes.emplace_back(text);
    }
    const Status s = record(derived::writeFindingsReport(source, results, algorithm, deid, *targets.structuredReport, notes),
                            *targets.structuredReport, "DICOM Structured Report");
    if (!s.ok()) return s.error();
  }
  if (targets.encapsulatedPdf) {
    const Status s = record(derived::writeEncapsulatedPdf(source, *targets.pdf, "Chest radiograph report", deid,
                                                          *targets.encapsulatedPdf, &outcome.warnings),
                            *targets.encapsulatedPdf, "DICOM Encapsulated PDF");
    if (!s.ok()) return s.error();
  }
  if (targets.presentationState) {
    std::vector<std::string> labels;
    for (const auto& a : first.annotations)
      labels.push_back(a.text.empty() ? measure::describe(measure::measure(*first.film, a)) : a.text);
    const Status s = record(derived::writePresentationState(source, first.annotations, labels, deid, *targets.presentationState),
                            *targets.presentationState, "DICOM presentation state (GSPS)");
    if (!s.ok()) return s.error();
  }
  return outcome;
}

}  // namespace hilum::report
