// hilum-cli report: analyse films and write what a clinician exports from the viewer -- the PDF
// report, an annotated PNG, and DICOM objects (Secondary Capture, SR, Encapsulated PDF, GSPS) --
// through the same core code the GUI calls.
#include "arguments.h"
#include "cli.h"
#include "commands_p.h"
#include "gui_session.h"

#include "hilum/ai/analyzer.h"
#include "hilum/film/loader.h"
#include "hilum/measure/annotation_json.h"
#include "hilum/report/export_bundle.h"

#include <ostream>

namespace hilum::cli {
namespace {

const char* const kSynopsis =
    "report FILE... [--model DIR] [--allow-torchscript] [--device cpu|cuda] [--pdf OUT.pdf] [--png OUT.png]\n"
    "        [--png-size PX] [--sc OUT.dcm] [--sr OUT.dcm] [--encapsulated-pdf OUT.dcm] [--gsps OUT.dcm]\n"
    "        [--finding LABEL | --all-positive] [--heatmap heatmap|contour|off] [--annotations A.json]\n"
    "        [--anonymize] [--impression TEXT] [--institution TEXT] [--page a4|letter]";

}  // namespace

int reportCommand(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  std::string problem;
  const auto parsed = Arguments::parse(
      args,
      {"--model", "--device", "--pdf", "--png", "--png-size", "--sc", "--sr", "--encapsulated-pdf", "--gsps", "--finding",
       "--heatmap", "--annotations", "--impression", "--institution", "--page"},
      {"--all-positive", "--anonymize", kAllowTorchScript}, problem);
  if (!parsed) return usageError(err, problem, kSynopsis);
  const auto& files = parsed->positional();
  if (files.empty()) return usageError(err, "report needs at least one FILE", kSynopsis);
  const bool dicomOut = parsed->has("--sc") || parsed->has("--sr") || parsed->has("--encapsulated-pdf") || parsed->has("--gsps");
  if (!parsed->has("--pdf") && !parsed->has("--png") && !dicomOut)
    return usageError(err, "nothing to write: give --pdf, --png, --sc, --sr, --encapsulated-pdf or --gsps", kSynopsis);
  if (parsed->has("--finding") && parsed->has("--all-positive"))
    return usageError(err, "--finding and --all-positive exclude each other", kSynopsis);
  if (parsed->has("--encapsulated-pdf") && !parsed->has("--pdf"))
    return usageError(err, "--encapsulated-pdf wraps the report: give --pdf too", kSynopsis);
  const std::string page = parsed->value("--page").value_or("a4");
  if (page != "a4" && page != "letter") return usageError(err, "--page is a4 or letter, got '" + page + "'", kSynopsis);
  const std::string mode = parsed->value("--heatmap").value_or("heatmap");
  if (mode != "heatmap" && mode != "contour" && mode != "off")
    return usageError(err, "--heatmap is heatmap, contour or off, got '" + mode + "'", kSynopsis);
  const auto pngSize = parsed->intAtLeast("--png-size", 16, 0);
  if (!pngSize) return usageError(err, "--png-size needs at least 16 pixels", kSynopsis);

  ensureGuiApplication();
  auto analyzer = openAnalyzer(*parsed);
  if (!analyzer.ok()) return reportError(err, analyzer.error());

  report::ReportRequest request;
  request.institution = QString::fromStdString(parsed->value("--institution").value_or(""));
  request.impression = QString::fromStdString(parsed->value("--impression").value_or(""));
  request.anonymise = parsed->has("--anonymize");
  request.pageSize = page == "letter" ? report::PageSize::Letter : report::PageSize::A4;
  request.software = QStringLiteral("Hilum %1").arg(HILUM_VERSION);
  for (const auto& path : files) {
    auto film = film::loadFilm(path);
    if (!film.ok()) return reportError(err, film.error());
    report::ReportFilm rf;
    rf.film = std::make_shared<const film::Film>(std::move(film).value());
    auto findings = analyzer.value()->analyze(*rf.film);
    if (!findings.ok()) return reportError(err, findings.error().withPath(path));
    rf.findings = std::make_shared<const ai::Findings>(std::move(findings).value());
    rf.style.mode = mode == "contour" ? report::HeatmapMode::Contour : mode == "off" ? report::HeatmapMode::Off : report::HeatmapMode::Heatmap;
    rf.style.allPositives = parsed->has("--all-positive");
    rf.selectedFinding = rf.findings->ranked.empty() ? -1 : 0;  // the most likely finding, as the viewer selects it
    if (const auto label = parsed->value("--finding")) {
      rf.selectedFinding = -1;
      for (std::size_t i = 0; i < rf.findings->ranked.size(); ++i)
        if (rf.findings->ranked[i].label == *label) rf.selectedFinding = static_cast<int>(i);
      if (rf.selectedFinding < 0)
        return usageError(err, "the model has no finding '" + *label + "'", kSynopsis);
    }
    if (const auto annotations = parsed->value("--annotations"); annotations && request.films.empty()) {
      const auto read = measure::readAnnotations(*annotations);
      if (!read.ok()) return reportError(err, read.error());
      rf.annotations = measure::annotationsFor(read.value(), rf.film->columns());
    }
    request.films.push_back(std::move(rf));
  }
  report::ExportTargets targets;
  targets.pdf = parsed->value("--pdf");
  targets.png = parsed->value("--png");
  targets.pngMaxSizePx = *pngSize;
  targets.secondaryCapture = parsed->value("--sc");
  targets.structuredReport = parsed->value("--sr");
  targets.encapsulatedPdf = parsed->value("--encapsulated-pdf");
  targets.presentationState = parsed->value("--gsps");
  if (targets.presentationState && request.films.front().annotations.empty())
    return usageError(err, "--gsps needs --annotations", kSynopsis);
  const auto exported = report::exportBundle(request, targets);
  if (!exported.ok()) return reportError(err, exported.error());
  for (const auto& file : exported.value().files) out << file.path << ": " << file.what << "\n";
  for (const auto& warning : exported.value().warnings) err << "hilum-cli: warning: " << warning << "\n";
  return kExitOk;
}

}  // namespace hilum::cli
