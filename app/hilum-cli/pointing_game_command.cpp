// hilum-cli pointing-game: does the peak of a pack's heatmap fall inside the experts' boxes?
// The Grad-CAM check the model cards report on the NIH boxes, with each rate's chance level.
#include "arguments.h"
#include "cli.h"
#include "commands_p.h"

#include "hilum/base/atomic_file.h"
#include "hilum/train/pointing_game.h"

#include <nlohmann/json.hpp>

#include <iomanip>
#include <ostream>
#include <sstream>

namespace hilum::cli {
namespace {

const char* const kSynopsis =
    "pointing-game --model DIR --boxes CSV [--root DIR] [--tolerance PX] [--label-map BOX=PACK,...] [--json OUT|-] "
    "[--allow-torchscript]";

std::string percent(int hits, std::size_t of) {
  std::ostringstream s;
  s << hits << "/" << of << " (" << std::fixed << std::setprecision(0) << (of ? 100.0 * hits / static_cast<double>(of) : 0.0) << " %)";
  return s.str();
}

}  // namespace

int pointingGameCommand(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  std::string problem;
  const auto parsed = Arguments::parse(args, {"--model", "--boxes", "--root", "--tolerance", "--label-map", "--json"}, {kAllowTorchScript}, problem);
  if (!parsed) return usageError(err, problem, kSynopsis);
  const auto model = parsed->value("--model");
  const auto boxFile = parsed->value("--boxes");
  if (!model || !boxFile) return usageError(err, "pointing-game needs --model and --boxes", kSynopsis);
  if (const Status allowed = allowTorchScriptIfAsked(*parsed, *model); !allowed.ok()) return reportError(err, allowed.error());
  train::PointingOptions options;
  const auto tolerance = parsed->intAtLeast("--tolerance", 0, 0);
  if (!tolerance) return usageError(err, "--tolerance needs a whole number of pixels", kSynopsis);
  options.tolerancePx = *tolerance;
  if (const auto map = parsed->value("--label-map")) {
    std::istringstream pairs(*map);
    for (std::string pair; std::getline(pairs, pair, ',');) {
      const auto equals = pair.find('=');
      if (equals == std::string::npos || equals == 0 || equals + 1 == pair.size())
        return usageError(err, "--label-map takes BOX=PACK pairs, not \"" + pair + "\"", kSynopsis);
      options.labelMap[pair.substr(0, equals)] = pair.substr(equals + 1);
    }
  }
  options.progress = [&err](int done, int total) { err << "\rpointing game " << done << "/" << total << std::flush; };
  const auto boxes = train::readBoxCsv(*boxFile, parsed->value("--root").value_or(""));
  if (!boxes.ok()) return reportError(err, boxes.error());
  const auto game = train::pointingGame(*model, boxes.value(), options);
  err << "\n";
  if (!game.ok()) return reportError(err, game.error());
  const auto& g = game.value();

  nlohmann::json labels = nlohmann::json::array(), scored = nlohmann::json::array();
  for (const auto& l : g.labels)
    labels.push_back({{"label", l.label}, {"boxes", l.boxes}, {"hits", l.hits}, {"chance", l.chance}});
  for (const auto& b : g.boxes)
    scored.push_back({{"image", b.box.image}, {"label", b.packLabel}, {"box", {b.box.x, b.box.y, b.box.width, b.box.height}},
                      {"peak", {b.peakX, b.peakY}}, {"probability", b.probability}, {"hit", b.hit}, {"chance", b.chance}});
  const nlohmann::json report = {{"model", g.model}, {"tolerance_px", options.tolerancePx}, {"boxes", g.boxes.size()},
                                 {"hits", g.hits}, {"hit_rate", g.hitRate()}, {"chance", g.chance}, {"labels", labels},
                                 {"skipped", g.skipped}, {"per_box", scored}};
  if (const auto json = parsed->value("--json")) {
    if (*json == "-") {
      out << report.dump(2) << "\n";
      return kExitOk;
    }
    if (const Status s = writeFileAtomically(*json, report.dump(2) + "\n"); !s.ok()) return reportError(err, s.error());
  }
  out << g.model << ": heatmap peak inside the box for " << percent(g.hits, g.boxes.size()) << " boxes; a random point: "
      << std::fixed << std::setprecision(0) << 100.0 * g.chance << " %\n";
  for (const auto& l : g.labels)
    out << "  " << std::left << std::setw(22) << l.label << std::right << std::setw(12) << percent(l.hits, static_cast<std::size_t>(l.boxes))
        << "   chance " << std::setprecision(0) << 100.0 * l.chance << " %\n";
  if (!g.skipped.empty()) {
    out << "  not scored (the pack has no such label):";
    for (const auto& s : g.skipped) out << " " << s;
    out << "\n";
  }
  return kExitOk;
}

}  // namespace hilum::cli
