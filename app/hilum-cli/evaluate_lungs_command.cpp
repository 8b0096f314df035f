#include "arguments.h"
#include "cli.h"
#include "commands_p.h"

#include "hilum/train/segmentation_trainer.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <ostream>
#include <set>
#include <sstream>

namespace hilum::cli {
namespace {

const char* const kSynopsis =
    "evaluate-lungs --model PACK --images DIR --masks DIR --labels CSV [--licences L1,L2,...]\n"
    "               [--split RUN/split.json [--side test|validation|train]]";

}  // namespace

int evaluateLungsCommand(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  std::string problem;
  const auto parsed = Arguments::parse(args, {"--model", "--images", "--masks", "--labels", "--licences", "--split", "--side"}, {}, problem);
  if (!parsed) return usageError(err, problem, kSynopsis);
  for (const char* option : {"--model", "--images", "--masks", "--labels"})
    if (!parsed->value(option)) return usageError(err, std::string("evaluate-lungs needs ") + option, kSynopsis);
  if (parsed->has("--side") && !parsed->has("--split")) return usageError(err, "--side needs --split", kSynopsis);
  std::vector<std::string> licences;
  if (const auto list = parsed->value("--licences")) {
    std::stringstream items(*list);
    std::string item;
    while (std::getline(items, item, ','))
      if (!item.empty()) licences.push_back(item);
  }
  auto films = train::readMaskedFilms(*parsed->value("--labels"), *parsed->value("--images"), *parsed->value("--masks"), licences);
  if (!films.ok()) return reportError(err, films.error());
  std::vector<train::MaskedFilm> chosen = films.value();
  if (const auto split = parsed->value("--split")) {
    // The films of one side of a run's split.json (as train-lungs wrote it), compared as resolved paths.
    namespace fs = std::filesystem;
    const std::string side = parsed->value("--side").value_or("test");
    std::ifstream in(*split);
    if (!in) return reportError(err, Error(Module::Cli, ErrorCode::NotFound, "split file is missing or unreadable", *split));
    std::set<std::string> wanted;
    try {
      const auto j = nlohmann::json::parse(in);
      if (!j.contains(side)) return reportError(err, Error(Module::Cli, ErrorCode::Malformed, "no \"" + side + "\" side in the split", *split));
      std::error_code ec;
      for (const auto& image : j.at(side)) wanted.insert(fs::weakly_canonical(image.get<std::string>(), ec).string());
    } catch (const nlohmann::json::exception& e) {
      return reportError(err, Error(Module::Cli, ErrorCode::Malformed, std::string("not a split file: ") + e.what(), *split));
    }
    chosen.clear();
    std::error_code ec;
    for (const auto& f : films.value())
      if (wanted.count(fs::weakly_canonical(f.image, ec).string())) chosen.push_back(f);
    if (chosen.empty())
      return reportError(err, Error(Module::Cli, ErrorCode::NotFound, "none of the films is on the " + side + " side", *split));
  }
  const auto scores = train::scoreSegmentationPack(*parsed->value("--model"), chosen);
  if (!scores.ok()) return reportError(err, scores.error());
  const auto& s = scores.value();
  nlohmann::json perFilm = nlohmann::json::array();
  for (std::size_t i = 0; i < chosen.size(); ++i)
    perFilm.push_back({{"film", chosen[i].image}, {"patient", chosen[i].patientId}, {"dice", s.dice[i]}, {"iou", s.iou[i]}});
  const nlohmann::json j = {{"model", *parsed->value("--model")}, {"resolution", "film"}, {"films", s.films}, {"patients", s.patients},
                            {"dice_mean", s.meanDice}, {"dice_median", s.medianDice},
                            {"dice_min", s.dice.empty() ? 0.0 : *std::min_element(s.dice.begin(), s.dice.end())},
                            {"iou_mean", s.meanIou}, {"iou_median", s.medianIou}, {"per_film", perFilm}};
  out << j.dump(2) << "\n";
  return kExitOk;
}

}  // namespace hilum::cli
