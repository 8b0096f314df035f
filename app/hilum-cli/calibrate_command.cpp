// hilum-cli calibrate: temperature scaling of a pack on labelled validation films, so that "80 %"
// means right about four times in five. Rankings, AUCs and which findings are positive stay.
#include "arguments.h"
#include "cli.h"
#include "commands_p.h"

#include "hilum/ai/analyzer.h"
#include "hilum/film/loader.h"
#include "hilum/train/calibration.h"
#include "hilum/train/dataset.h"

#include <iomanip>
#include <ostream>

namespace hilum::cli {
namespace {

const char* const kSynopsis =
    "calibrate --model DIR [--allow-torchscript] --data CSV|DIR [--root DIR] [--task single-label]";

}  // namespace

int calibrateCommand(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  std::string problem;
  const auto parsed = Arguments::parse(args, {"--model", "--device", "--data", "--root", "--task"}, {kAllowTorchScript}, problem);
  if (!parsed) return usageError(err, problem, kSynopsis);
  const auto model = parsed->value("--model");
  if (!model || !parsed->value("--data")) return usageError(err, "calibrate needs --model and --data", kSynopsis);
  auto analyzer = openAnalyzer(*parsed);
  if (!analyzer.ok()) return reportError(err, analyzer.error());
  const auto& manifest = analyzer.value()->manifest();
  std::vector<std::string> labels;
  for (const auto& l : manifest.labels) labels.push_back(l.name);
  const auto data = readLabelledData(*parsed, labels);
  if (!data.ok()) return reportError(err, data.error());
  // Targets in the pack's label order, whatever order the data lists its labels in.
  std::vector<int> column(labels.size(), -1);
  for (std::size_t k = 0; k < labels.size(); ++k)
    for (std::size_t j = 0; j < data.value().labels.size(); ++j)
      if (data.value().labels[j] == labels[k]) column[k] = static_cast<int>(j);
  for (std::size_t k = 0; k < labels.size(); ++k)
    if (column[k] < 0) return reportError(err, Error(Module::Cli, ErrorCode::InvalidArgument, "the data has no label '" + labels[k] + "'",
                                                     *parsed->value("--data")));

  std::vector<std::vector<float>> logits, targets;
  const auto& samples = data.value().samples;
  for (std::size_t i = 0; i < samples.size(); ++i) {
    auto film = film::loadFilm(samples[i].image);
    if (!film.ok()) {
      err << "hilum-cli: " << samples[i].image << ": skipped: " << film.error().reason() << "\n";
      continue;
    }
    auto input = analyzer.value()->prepare(film.value());
    if (!input.ok()) return reportError(err, input.error().withPath(samples[i].image));
    ai::setCovariates(input.value(), manifest, train::covariatesOf(samples[i]));  // the data's, as evaluate uses
    auto z = analyzer.value()->rawLogits(input.value());
    if (!z.ok()) return reportError(err, z.error().withPath(samples[i].image));
    logits.push_back(std::move(z).value());
    std::vector<float> t;
    for (int c : column) t.push_back(samples[i].targets[static_cast<std::size_t>(c)]);
    targets.push_back(std::move(t));
    if ((i + 1) % 100 == 0) err << "hilum-cli: " << i + 1 << " of " << samples.size() << " films\n";
  }
  const auto report = train::calibratePack(*model, logits, targets);
  if (!report.ok()) return reportError(err, report.error());
  const auto& r = report.value();
  out << *model << ": " << (r.scalings.size() == labels.size() ? "Platt scaling" : "temperature scaling") << " on " << r.films << " films, mean ECE " << std::fixed << std::setprecision(3)
      << r.meanEceBefore << " -> " << r.meanEceAfter << "\n";
  for (std::size_t k = 0; k < r.scalings.size(); ++k) {
    out << "  " << std::left << std::setw(22) << (r.scalings.size() == labels.size() ? labels[k] : std::string("(all classes)"))
        << std::right << " scale " << std::setprecision(2) << r.scalings[k].scale << " offset " << r.scalings[k].offset;
    if (r.scalings.size() == labels.size())
      out << "  ECE " << std::setprecision(3) << r.eceBefore[k] << " -> " << r.eceAfter[k];
    out << "\n";
  }
  return kExitOk;
}

}  // namespace hilum::cli
