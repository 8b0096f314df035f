#include "arguments.h"
#include "cli.h"
#include "commands_p.h"
#include "gui_session.h"

#include "hilum/base/atomic_file.h"
#include "hilum/ai/analyzer.h"
#include "hilum/report/film_picture.h"
#include "hilum/report/gallery.h"
#include "hilum/train/evaluate.h"
#include "hilum/train/split.h"
#include "hilum/train/trainer.h"

#include <nlohmann/json.hpp>

#include <filesystem>
#include <iomanip>
#include <ostream>

namespace hilum::cli {
namespace {

const char* const kTrainSynopsis =
    "train CONFIG.json [--resume] [--world-size N --rank R --rendezvous HOST:PORT] [--timeout S]";
const char* const kEvaluateSynopsis =
    "evaluate --model DIR --data CSV|DIR|--config CONFIG.json [--root DIR] [--split RUN/split.json [--side test|validation]] [--json OUT|-] [--allow-torchscript]";
const char* const kGallerySynopsis =
    "gallery --model DIR --data CSV|DIR|--config CONFIG.json [--root DIR] [--split RUN/split.json [--side test]] --out PNG [--films N] [--columns C] [--allow-torchscript]";

std::string fixed(double v, int digits = 3) {
  std::ostringstream s;
  s << std::fixed << std::setprecision(digits) << v;
  return s.str();
}

}  // namespace

int trainCommand(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  std::string problem;
  const auto parsed = Arguments::parse(args, {"--world-size", "--rank", "--rendezvous", "--timeout"}, {"--resume"}, problem);
  if (!parsed) return usageError(err, problem, kTrainSynopsis);
  if (parsed->positional().size() != 1) return usageError(err, "train takes one CONFIG.json", kTrainSynopsis);
  auto config = train::readTrainConfig(parsed->positional()[0]);
  if (!config.ok()) return reportError(err, config.error());

  // The group: the config's "distributed" block, then torchrun's variables, then these options.
  train::DistributedOptions& group = config.value().distributed;
  if (Status s = train::distributedFromEnvironment(group); !s.ok()) return usageError(err, s.error().reason(), kTrainSynopsis);
  for (const auto& [option, field] : {std::pair<const char*, int*>{"--world-size", &group.worldSize}, {"--rank", &group.rank}, {"--timeout", &group.timeoutSeconds}}) {
    if (!parsed->has(option)) continue;
    const auto value = parsed->intAtLeast(option, 0, 0);
    if (!value) return usageError(err, std::string(option) + " needs a whole number", kTrainSynopsis);
    *field = *value;
  }
  if (const auto rendezvous = parsed->value("--rendezvous"))
    if (Status s = train::parseRendezvous(*rendezvous, group); !s.ok()) return usageError(err, s.error().reason(), kTrainSynopsis);
  if (Status s = train::validateDistributed(group); !s.ok()) return usageError(err, s.error().reason(), kTrainSynopsis);
  const bool quiet = group.rank > 0;  // rank 0 shows the batches; the others only their epochs
  const std::string tag = group.active() ? "rank " + std::to_string(group.rank) + ": " : "";

  train::TrainCallbacks callbacks;
  callbacks.log = [&err, tag](const std::string& line) { err << "hilum-cli: " << tag << line << "\n"; };
  if (!quiet) callbacks.progress = [&err](const train::TrainProgress& p) {
    err << "\repoch " << p.epoch << "/" << p.epochs << "  batch " << p.batch << "/" << p.batches << "  loss "
        << fixed(p.loss, 4) << "   " << std::flush;
  };
  callbacks.epochEnded = [&err, tag](const train::EpochReport& r) {
    err << "\r" << tag << "epoch " << r.epoch << ": train loss " << fixed(r.trainLoss, 4) << ", validation loss "
        << fixed(r.validationLoss, 4) << ", mean AUC " << fixed(r.meanAuc) << ", PR-AUC " << fixed(r.meanAveragePrecision);
    if (r.accuracy > 0) err << ", accuracy " << fixed(r.accuracy);
    err << ", lr " << r.learningRate << ", " << fixed(r.seconds, 0) << " s (waiting for data " << fixed(r.dataWaitSeconds, 1) << " s)"
        << (r.best ? "  (best)" : "") << "\n";
  };
  const auto summary = train::trainModel(config.value(), callbacks, parsed->has("--resume"));
  if (!summary.ok()) return reportError(err, summary.error());
  const auto& s = summary.value();
  if (s.packDirectory.empty()) {  // a rank other than 0: rank 0 exports
    out << tag << "done after " << s.epochsRun << " epochs; rank 0 exports the pack\n";
    return kExitOk;
  }
  out << "pack: " << s.packDirectory << "\nbest epoch " << s.bestEpoch << " of " << s.epochsRun
      << ", test mean AUC " << fixed(s.testMeanAuc) << "\n";
  for (std::size_t l = 0; l < s.labels.size(); ++l)
    out << "  " << std::left << std::setw(22) << s.labels[l] << (s.testAuc[l] ? fixed(*s.testAuc[l]) : std::string("-")) << "\n";
  return kExitOk;
}

Result<train::Dataset> readLabelledData(const Arguments& parsed, const std::vector<std::string>& labels) {
  const std::string data = parsed.value("--data").value_or("");
  Result<train::Dataset> all = train::Dataset{};
  if (const auto config = parsed.value("--config")) {
    // A training config's data sources (several CSVs, label maps, filters), as the run read them.
    auto read = train::readTrainConfig(*config);
    if (!read.ok()) return read.error();
    auto sources = read.value().sources;
    if (!labels.empty())
      for (auto& s : sources) s.labels = labels;
    all = read.value().folder.empty() ? train::readCsvDatasets(sources) : train::readFolderDataset(read.value().folder);
  } else if (std::filesystem::is_directory(data)) {
    all = train::readFolderDataset(data);
  } else {
    train::CsvSpec spec;
    spec.csv = data;
    spec.imageRoot = parsed.value("--root").value_or("");
    spec.labels = labels;
    if (parsed.value("--task").value_or("") == "single-label") spec.task = ai::Task::SingleLabel;
    all = train::readCsvDataset(spec);
  }
  const auto split = parsed.value("--split");
  if (!all.ok() || !split) return all;
  return train::filmsOnSide(all.value(), *split, parsed.value("--side").value_or("test"));
}

Result<train::Dataset> readLabelledData(const Arguments& parsed, const ai::ModelManifest& manifest) {
  std::vector<std::string> labels;
  for (const auto& l : manifest.labels) labels.push_back(l.name);
  return readLabelledData(parsed, labels);
}

int evaluateCommand(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  std::string problem;
  const auto parsed = Arguments::parse(args, {"--model", "--data", "--config", "--root", "--json", "--task", "--split", "--side"}, {kAllowTorchScript}, problem);
  if (!parsed) return usageError(err, problem, kEvaluateSynopsis);
  const auto model = parsed->value("--model");
  if (!model || (!parsed->value("--data") && !parsed->value("--config")))
    return usageError(err, "evaluate needs --model and --data (or --config)", kEvaluateSynopsis);
  if (const Status allowed = allowTorchScriptIfAsked(*parsed, *model); !allowed.ok()) return reportError(err, allowed.error());

  const auto dataset = readLabelledData(*parsed);
  if (!dataset.ok()) return reportError(err, dataset.error());
  const auto evaluation = train::evaluatePack(*model, dataset.value(), [&err](int done, int total) {
    err << "\revaluating " << done << "/" << total << std::flush;
  });
  err << "\n";
  if (!evaluation.ok()) return reportError(err, evaluation.error());
  const auto& e = evaluation.value();

  nlohmann::json labels = nlohmann::json::array();
  for (const auto& l : e.labels) {
    nlohmann::json roc = nlohmann::json::array();
    const std::size_t step = std::max<std::size_t>(1, l.roc.size() / 50);
    for (std::size_t i = 0; i < l.roc.size(); i += step) roc.push_back({l.roc[i].falsePositiveRate, l.roc[i].truePositiveRate});
    nlohmann::json j = {{"label", l.label}, {"positives", l.positives}, {"films", l.films},
                        {"threshold", l.atOperatingPoint.threshold}, {"sensitivity", l.atOperatingPoint.sensitivity},
                        {"specificity", l.atOperatingPoint.specificity}, {"roc", roc}};
    j["auc"] = l.auc ? nlohmann::json(*l.auc) : nlohmann::json(nullptr);
    j["auc_95ci"] = l.auc95 ? nlohmann::json{l.auc95->low, l.auc95->high} : nlohmann::json(nullptr);
    j["average_precision"] = l.averagePrecision ? nlohmann::json(*l.averagePrecision) : nlohmann::json(nullptr);
    j["ece"] = l.ece;
    labels.push_back(std::move(j));
  }
  nlohmann::json report = {{"model", e.model}, {"version", e.version}, {"films", e.films}, {"mean_auc", e.meanAuc}, {"mean_ece", e.meanEce}, {"labels", labels}};
  if (e.accuracy) {
    report["accuracy"] = *e.accuracy;
    report["confusion"] = e.confusion;
  }
  if (const auto json = parsed->value("--json")) {
    if (*json == "-") {
      out << report.dump(2) << "\n";
    } else if (const Status s = writeFileAtomically(*json, report.dump(2) + "\n"); !s.ok()) {
      return reportError(err, s.error());
    }
    if (*json == "-") return kExitOk;
  }
  out << e.model << " " << e.version << " on " << e.films << " films: mean AUC " << fixed(e.meanAuc) << ", mean ECE "
      << fixed(e.meanEce) << "\n";
  for (const auto& l : e.labels) {
    out << "  " << std::left << std::setw(22) << l.label << std::right << std::setw(4) << l.positives << " pos  AUC "
        << (l.auc ? fixed(*l.auc) : std::string("  -  "));
    if (l.auc95) out << " [" << fixed(l.auc95->low) << ", " << fixed(l.auc95->high) << "]";
    out << "  sens " << fixed(l.atOperatingPoint.sensitivity, 2) << " spec " << fixed(l.atOperatingPoint.specificity, 2)
        << " at " << fixed(l.atOperatingPoint.threshold, 2) << "\n";
  }
  if (e.accuracy) out << "  accuracy " << fixed(*e.accuracy) << "\n";
  return kExitOk;
}

// The Training tab's gallery, headless: held-out films with the pack's calls and heatmaps, mistakes
// first, as one PNG.
int galleryCommand(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  std::string problem;
  const auto parsed = Arguments::parse(args, {"--model", "--data", "--config", "--root", "--task", "--split", "--side", "--out", "--films", "--columns"}, {kAllowTorchScript}, problem);
  if (!parsed) return usageError(err, problem, kGallerySynopsis);
  const auto model = parsed->value("--model");
  const auto output = parsed->value("--out");
  if (!model || (!parsed->value("--data") && !parsed->value("--config")) || !output)
    return usageError(err, "gallery needs --model, --data (or --config) and --out", kGallerySynopsis);
  if (const Status allowed = allowTorchScriptIfAsked(*parsed, *model); !allowed.ok()) return reportError(err, allowed.error());
  int films = 0, columns = 0;
  try {
    films = std::stoi(parsed->value("--films").value_or("36"));
    columns = std::stoi(parsed->value("--columns").value_or("6"));
  } catch (const std::exception&) {
    return usageError(err, "--films and --columns take numbers", kGallerySynopsis);
  }
  if (films < 1 || columns < 1) return usageError(err, "--films and --columns must be positive", kGallerySynopsis);
  auto analyzer = ai::Analyzer::open(*model);
  if (!analyzer.ok()) return reportError(err, analyzer.error());
  const auto dataset = readLabelledData(*parsed, analyzer.value()->manifest());
  if (!dataset.ok()) return reportError(err, dataset.error());
  ensureGuiApplication();

  const auto& manifest = analyzer.value()->manifest();
  const auto& data = dataset.value();
  std::vector<report::GalleryCase> cases;
  const std::size_t count = std::min<std::size_t>(static_cast<std::size_t>(films), data.samples.size());
  for (std::size_t i = 0; i < count; ++i) {
    auto c = report::galleryCase(*analyzer.value(), data.samples[i].image, data.labelsOf(data.samples[i]));
    if (!c.ok()) return reportError(err, c.error());
    cases.push_back(std::move(c).value());
    err << "\rgallery " << cases.size() << "/" << count << std::flush;
  }
  err << "\n";
  report::orderGallery(cases);
  const auto mistakes = std::count_if(cases.begin(), cases.end(), [](const auto& c) { return c.mistaken; });
  const bool single = manifest.task == ai::Task::SingleLabel;
  const QString title = QString(single ? "%1 %2: %3 of %4 films called wrongly. %5"
                                       : "%1 %2: %3 of %4 films with a true finding missed at the pack's operating points. %5")
                            .arg(QString::fromStdString(manifest.name), QString::fromStdString(manifest.version))
                            .arg(mistakes).arg(cases.size()).arg(ai::Findings::kDisclaimer);
  const QImage sheet = report::contactSheet(cases, columns, title);
  if (const Status s = report::writePng(sheet, *output); !s.ok()) return reportError(err, s.error());
  out << *output << ": " << cases.size() << " films, " << mistakes << (single ? " called wrongly\n" : " with a missed finding\n");
  return kExitOk;
}

}  // namespace hilum::cli
