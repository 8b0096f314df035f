#include "arguments.h"
#include "cli.h"
#include "commands_p.h"

#include "hilum/train/segmentation_trainer.h"

#include <nlohmann/json.hpp>

#include <iomanip>
#include <ostream>
#include <sstream>

namespace hilum::cli {
namespace {

const char* const kSynopsis =
    "train-lungs --images DIR --masks DIR --labels CSV --out RUN [--size PX] [--epochs N] [--batch N] [--lr X]\n"
    "            [--seed S] [--threads N] [--licences L1,L2,...] [--name NAME] [--version V] [--resume]";

std::string fixed(double v, int digits = 3) {
  std::ostringstream s;
  s << std::fixed << std::setprecision(digits) << v;
  return s.str();
}

nlohmann::json scoresJson(const train::SegmentationScores& s) {
  return {{"films", s.films}, {"patients", s.patients}, {"dice_mean", s.meanDice}, {"dice_median", s.medianDice},
          {"iou_mean", s.meanIou}, {"iou_median", s.medianIou}};
}

}  // namespace

int trainLungsCommand(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  std::string problem;
  const auto parsed = Arguments::parse(args,
                                       {"--images", "--masks", "--labels", "--out", "--size", "--epochs", "--batch", "--lr", "--seed",
                                        "--threads", "--name", "--version", "--licences"},
                                       {"--resume"}, problem);
  if (!parsed) return usageError(err, problem, kSynopsis);
  if (!parsed->positional().empty()) return usageError(err, "train-lungs takes no positional arguments", kSynopsis);
  train::SegmentationTrainConfig config;
  for (const auto& [option, field] : {std::pair<const char*, std::string*>{"--images", &config.imagesDir}, {"--masks", &config.masksDir},
                                      {"--labels", &config.labelsCsv}, {"--out", &config.output}}) {
    const auto value = parsed->value(option);
    if (!value || value->empty()) return usageError(err, std::string("train-lungs needs ") + option, kSynopsis);
    *field = *value;
  }
  const auto size = parsed->intAtLeast("--size", 16, config.inputSize);
  const auto epochs = parsed->intAtLeast("--epochs", 1, config.epochs);
  const auto batch = parsed->intAtLeast("--batch", 2, config.batchSize);
  const auto threads = parsed->intAtLeast("--threads", 0, config.threads);
  const auto seed = parsed->intAtLeast("--seed", 0, static_cast<int>(config.seed));
  if (!size || *size % 8 != 0) return usageError(err, "--size needs a multiple of 8 from 16", kSynopsis);
  if (!epochs || !batch || !threads || !seed) return usageError(err, "--epochs, --batch (from 2), --threads and --seed need whole numbers", kSynopsis);
  config.inputSize = *size;
  config.epochs = *epochs;
  config.batchSize = *batch;
  config.threads = *threads;
  config.seed = static_cast<std::uint64_t>(*seed);
  if (const auto lr = parsed->value("--lr")) {
    const auto value = parseDouble(*lr);
    if (!value || !(*value > 0)) return usageError(err, "--lr needs a positive number", kSynopsis);
    config.learningRate = *value;
  }
  if (const auto licences = parsed->value("--licences")) {
    // Comma-separated, exactly as the CSV's license column spells them.
    std::stringstream list(*licences);
    std::string item;
    while (std::getline(list, item, ','))
      if (!item.empty()) config.licences.push_back(item);
    if (config.licences.empty()) return usageError(err, "--licences needs at least one licence", kSynopsis);
  }
  config.name = parsed->value("--name").value_or("lungs-unet-" + std::to_string(config.inputSize));
  config.version = parsed->value("--version").value_or(config.version);
  config.command = "hilum-cli train-lungs";
  for (const auto& a : args) config.command += " " + a;

  train::SegmentationCallbacks callbacks;
  callbacks.log = [&err](const std::string& line) { err << "hilum-cli: " << line << "\n"; };
  callbacks.epochEnded = [&err](const train::SegmentationEpoch& e) {
    err << "epoch " << e.epoch << ": train loss " << fixed(e.trainLoss, 4) << ", validation loss " << fixed(e.validationLoss, 4)
        << ", validation Dice " << fixed(e.validationDice) << ", lr " << e.learningRate << ", " << fixed(e.seconds, 0) << " s"
        << (e.best ? "  (best)" : "") << std::endl;
  };
  const auto summary = train::trainSegmenter(config, callbacks, parsed->has("--resume"));
  if (!summary.ok()) return reportError(err, summary.error());
  const auto& s = summary.value();
  nlohmann::json j = {{"pack", s.packDirectory}, {"films", {{"train", s.trainFilms}, {"validation", s.validationFilms}, {"test", s.testFilms}}},
                      {"epochs", s.epochsRun}, {"best_epoch", s.bestEpoch}, {"seconds", s.seconds},
                      {"validation", scoresJson(s.validation)}, {"test", scoresJson(s.test)}, {"training_licences", s.licences}};
  out << j.dump(2) << "\n";
  return kExitOk;
}

}  // namespace hilum::cli
