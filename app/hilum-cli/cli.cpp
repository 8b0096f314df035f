#include "cli.h"

#include "commands_p.h"

#include <ostream>

namespace hilum::cli {
namespace {

const char* const kUsage =
    "usage: hilum-cli COMMAND [ARGS]\n"
    "\n"
    "commands:\n"
    "  info FILE [--json]                     metadata, encoding, pixel spacing and window presets\n"
    "  tags FILE [--json]                     every DICOM attribute (bulk data summarised)\n"
    "  index PATH [--json]                    patients, studies, series and films of a folder, a DICOMDIR\n"
    "                                         or one film (headers only); skipped files and why\n"
    "  render FILE -o OUT.png [--window C,W] [--preset N] [--invert] [--max-size PX]\n"
    "                                         write what the viewer shows as an 8-bit gray PNG\n"
    "  measure FILE --annotations A.json | --distance|--angle|--rectangle|--ellipse|--ctr X,Y,... [--json]\n"
    "                                         lengths (mm with spacing source), angles, ROI statistics, CTR\n"
    "  analyze FILE... [--model DIR] [--device cpu|cuda] [--heatmaps DIR] [--json OUT|-]\n"
    "          [--age YEARS] [--sex M|F] [--view PA|AP]\n"
    "                                         ranked findings (decision support, not a diagnosis)\n"
    "  report FILE... [--model DIR] [--pdf OUT.pdf] [--png OUT.png] [--sc OUT.dcm] [--sr OUT.dcm]\n"
    "         [--encapsulated-pdf OUT.dcm] [--gsps OUT.dcm] [--finding LABEL|--all-positive]\n"
    "         [--heatmap heatmap|contour|off] [--annotations A.json] [--anonymize] [--impression TEXT]\n"
    "                                         PDF report (one page per film), annotated PNG, DICOM objects\n"
    "  anonymize PATH... -o OUTDIR [--salt TEXT] [--json]\n"
    "                                         teaching export: films de-identified (PS3.15), neutral names\n"
    "  calibrate --model DIR --data CSV|DIR [--root DIR]\n"
    "                                         temperature scaling on validation films (ECE before/after)\n"
    "  heatmap-check --model DIR FILM...       the model-randomisation sanity check of the heatmaps\n"
    "  pointing-game --model DIR --boxes CSV [--root DIR] [--tolerance PX] [--label-map BOX=PACK,...] [--json OUT|-]\n"
    "                                         heatmap peak inside the experts' boxes? (with the chance level)\n"
    "  ood-fit --model DIR --fit LIST|DIR [--held-out LIST|DIR] [--quantile Q]\n"
    "                                         give a pack its out-of-distribution detector\n"
    "  models [--json]                        list the model packs found\n"
    "  train CONFIG.json [--resume] [--world-size N --rank R --rendezvous HOST:PORT]\n"
    "                                         train a model and export it as a pack (one rank of a group)\n"
    "  train-lungs --images DIR --masks DIR --labels CSV --out RUN [--size PX] [--epochs N] [--seed S] [--resume]\n"
    "                                         train a lung-field segmentation pack (U-Net) on films with masks\n"
    "  segment FILM... [--model PACK] [--png OUT.png] [--outline]\n"
    "                                         lung outline, bounding box and area fraction (JSON), overlay PNG\n"
    "  evaluate-lungs --model PACK --images DIR --masks DIR --labels CSV [--split RUN/split.json [--side S]]\n"
    "                                         Dice and IoU per film at film resolution (held-out patients)\n"
    "  evaluate --model DIR --data CSV|DIR [--root DIR] [--split RUN/split.json [--side S]] [--json OUT|-]\n"
    "                                         per-label AUC with 95% CI, sensitivity/specificity\n"
    "  gallery --model DIR --data CSV|DIR [--split RUN/split.json] --out PNG [--films N] [--columns C]\n"
    "                                         held-out films with the pack's calls and heatmaps, mistakes first\n"
    "  bench open FILE [--runs N] [--max-size PX] [--json]\n"
    "                                         time decode + first display frame (median/min/max)\n"
    "  bench analyze FILE [--model DIR] [--device D] [--runs N] [--json]\n"
    "                                         time bare forward, forward + heatmaps, end to end\n"
    "  pacs echo NODE                         C-ECHO; NODE is AET@host:port\n"
    "  pacs find NODE [--level patient|study|series] [--patient NAME] [--patient-id ID]\n"
    "         [--study-date FROM-TO] [--modality CR,DX] [--accession A] [--study-uid UID] [--json]\n"
    "                                         C-FIND (NAME may hold * and ?; dates YYYYMMDD)\n"
    "  pacs get NODE STUDY_UID --to DIR [--move --port P]\n"
    "                                         retrieve a study by C-GET (C-MOVE to a temporary SCP on P)\n"
    "                                         into DIR/<StudyUID>/<SOPUID>.dcm\n"
    "  pacs send NODE FILE...|DIR...          C-STORE films and Hilum's SC / SR / PDF objects\n"
    "  pacs listen --port P --to DIR [--bind ADDRESS]\n"
    "                                         storage SCP until SIGINT/SIGTERM, one line per instance\n"
    "  pacs nodes [--json]                    the configured PACS nodes: any NODE above may be a name\n"
    "  pacs add-node NAME AET@host:port       name a node (also: pacs remove-node NAME); kept in\n"
    "                                         $XDG_CONFIG_HOME/hilum/pacs.json with the viewer's PACS settings,\n"
    "                                         whose local AE title is the default --aet\n"
    "  watch --scp PORT --store DIR [--model DIR] [--priority LABEL=W,...] [--send-results-to NODE]\n"
    "                                         AI triage service: analyse films as they arrive, rank by urgency\n"
    "  batch NODE --study-date FROM-TO --shard R/N [--modality CR,DX] [--send-results] [--store DIR]\n"
    "         [--model DIR] [--priority LABEL=W,...] [--threads N] [--keep-films] [--json OUT|-]\n"
    "                                         analyse shard R (from 0) of N of the PACS's studies: C-GET,\n"
    "                                         analyse, SR + SC back; resumable; N processes cover all once\n"
    "         (pacs options: --aet AE, our AE title, default HILUM; --timeout S, connect and response)\n"
    "  version                                print the version\n"
    "\n"
    "FILE is DICOM (any preamble, uncompressed, deflated, JPEG, JPEG-LS, JPEG 2000, RLE), PNG, JPEG or TIFF.\n"
    "A TorchScript pack from outside Hilum's model folders runs code: analyze, report, calibrate, heatmap-check,\n"
    "pointing-game, ood-fit, watch and batch open one only with --allow-torchscript.\n"
    "Exit status: 0 success, 1 a file could not be processed, 2 usage error.\n";

}  // namespace

int usageError(std::ostream& err, const std::string& problem, const std::string& synopsis) {
  err << "hilum-cli: " << problem << "\nusage: hilum-cli " << synopsis << "\n";
  return kExitUsage;
}

int reportError(std::ostream& err, const Error& error) {
  err << "hilum-cli: ";
  if (!error.path().empty()) err << error.path() << ": ";
  err << error.reason() << "\n";
  return kExitFailed;
}

int run(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  if (args.empty()) {
    err << kUsage;
    return kExitUsage;
  }
  const std::string& command = args.front();
  const std::vector<std::string> rest(args.begin() + 1, args.end());
  if (command == "info") return infoCommand(rest, out, err);
  if (command == "render") return renderCommand(rest, out, err);
  if (command == "tags") return tagsCommand(rest, out, err);
  if (command == "index") return indexCommand(rest, out, err);
  if (command == "pacs") return pacsCommand(rest, out, err);
  if (command == "measure") return measureCommand(rest, out, err);
  if (command == "report") return reportCommand(rest, out, err);
  if (command == "anonymize") return anonymizeCommand(rest, out, err);
  if (command == "ood-fit") return oodFitCommand(rest, out, err);
  if (command == "calibrate") return calibrateCommand(rest, out, err);
  if (command == "heatmap-check") return heatmapCheckCommand(rest, out, err);
  if (command == "pointing-game") return pointingGameCommand(rest, out, err);
  if (command == "bench") return benchCommand(rest, out, err);
  if (command == "analyze") return analyzeCommand(rest, out, err);
  if (command == "models") return modelsCommand(rest, out, err);
  if (command == "train") return trainCommand(rest, out, err);
  if (command == "train-lungs") return trainLungsCommand(rest, out, err);
  if (command == "segment") return segmentCommand(rest, out, err);
  if (command == "evaluate-lungs") return evaluateLungsCommand(rest, out, err);
  if (command == "evaluate") return evaluateCommand(rest, out, err);
  if (command == "gallery") return galleryCommand(rest, out, err);
  if (command == "watch") return watchCommand(rest, out, err);
  if (command == "batch") return batchCommand(rest, out, err);
  if (command == "version" || command == "--version") {
    out << "hilum-cli " << HILUM_VERSION << "\n";
    return kExitOk;
  }
  if (command == "help" || command == "--help" || command == "-h") {
    out << kUsage;
    return kExitOk;
  }
  err << "hilum-cli: unknown command '" << command << "'\n" << kUsage;
  return kExitUsage;
}

}  // namespace hilum::cli
