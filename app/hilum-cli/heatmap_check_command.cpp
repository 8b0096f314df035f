// hilum-cli heatmap-check: the model-randomisation sanity check on real films. For each film the
// heatmap of the trained model's top finding is compared with the same label's map from the same
// architecture with random weights; a map that barely changes shows the image, not the model.
#include "arguments.h"
#include "cli.h"
#include "commands_p.h"

#include "hilum/ai/analyzer.h"
#include "hilum/base/statistics.h"
#include "hilum/film/loader.h"

#include <algorithm>
#include <iomanip>
#include <ostream>

namespace hilum::cli {
namespace {

const char* const kSynopsis = "heatmap-check --model DIR [--allow-torchscript] FILM...";

}  // namespace

int heatmapCheckCommand(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  std::string problem;
  const auto parsed = Arguments::parse(args, {"--model", "--device"}, {kAllowTorchScript}, problem);
  if (!parsed) return usageError(err, problem, kSynopsis);
  const auto model = parsed->value("--model");
  if (!model || parsed->positional().empty()) return usageError(err, "heatmap-check needs --model and films", kSynopsis);
  if (const Status allowed = allowTorchScriptIfAsked(*parsed, *model); !allowed.ok()) return reportError(err, allowed.error());
  ai::AnalyzerOptions options;
  options.device = parsed->value("--device").value_or("auto");
  auto trained = ai::Analyzer::open(*model, options);
  if (!trained.ok()) return reportError(err, trained.error());
  options.randomWeights = true;
  auto random = ai::Analyzer::open(*model, options);
  if (!random.ok()) return reportError(err, random.error());

  std::vector<double> values;
  for (const auto& path : parsed->positional()) {
    const auto film = film::loadFilm(path);
    if (!film.ok()) return reportError(err, film.error());
    const auto a = trained.value()->analyze(film.value());
    const auto b = random.value()->analyze(film.value());
    if (!a.ok()) return reportError(err, a.error());
    if (!b.ok()) return reportError(err, b.error());
    if (a.value().heatmaps.empty()) return reportError(err, Error(Module::Cli, ErrorCode::Unsupported, "the pack gives no heatmaps", *model));
    const auto& top = a.value().heatmaps.front();  // the trained model's most likely finding
    const auto match = std::find_if(b.value().heatmaps.begin(), b.value().heatmaps.end(),
                                    [&](const ai::Heatmap& h) { return h.label == top.label; });
    const double r = pearsonCorrelation(top.values, match->values);
    values.push_back(r);
    out << path << "  " << top.label << "  correlation " << std::fixed << std::setprecision(2) << r << "\n";
  }
  const double middle = median(values);
  out << "median correlation of trained and randomised heatmaps over " << values.size() << " films: " << std::setprecision(2)
      << middle << (middle < 0.5 ? " (the maps depend on the trained weights)" : " (WARNING: the maps barely depend on the weights)")
      << "\n";
  return kExitOk;
}

}  // namespace hilum::cli
