#include "hilum/train/evaluate.h"

#include "hilum/ai/analyzer.h"
#include "hilum/film/loader.h"

#include <algorithm>
#include <map>

namespace hilum::train {

Result<Evaluation> evaluatePack(const std::string& packDirectory, const Dataset& data,
                                const std::function<void(int, int)>& progress, const std::atomic<bool>* cancel) {
  auto analyzer = ai::Analyzer::open(packDirectory);
  if (!analyzer.ok()) return analyzer.error();
  const auto& manifest = analyzer.value()->manifest();
  // Labels are matched by name: a pack may know more or fewer labels than the data set.
  std::vector<std::pair<std::size_t, std::size_t>> shared;  // (data label, pack label)
  for (std::size_t d = 0; d < data.labels.size(); ++d)
    for (std::size_t p = 0; p < manifest.labels.size(); ++p)
      if (manifest.labels[p].name == data.labels[d]) shared.push_back({d, p});
  if (shared.empty()) return Error(Module::Train, ErrorCode::InvalidArgument, "the pack knows none of the data set's labels", packDirectory);

  std::vector<std::vector<float>> scores(shared.size()), truth(shared.size());
  std::vector<std::size_t> predicted, actual;
  ai::AnalyzeOptions options;
  options.heatmaps = false;
  const int total = static_cast<int>(data.samples.size());
  for (int i = 0; i < total; ++i) {
    if (cancel && cancel->load()) return Error(Module::Train, ErrorCode::Cancelled, "evaluation cancelled");
    const auto& sample = data.samples[static_cast<std::size_t>(i)];
    const auto film = film::loadFilm(sample.image);
    if (!film.ok()) return film.error();
    // A pack that reads covariates gets the data set's age, sex and view, as it did in training.
    if (!manifest.covariates.empty()) options.patient = covariatesOf(sample);
    const auto findings = analyzer.value()->analyze(film.value(), options);
    if (!findings.ok()) return findings.error();
    std::map<std::string, double> byLabel;
    for (const auto& f : findings.value().ranked) byLabel[f.label] = f.probability;
    for (std::size_t k = 0; k < shared.size(); ++k) {
      scores[k].push_back(static_cast<float>(byLabel[manifest.labels[shared[k].second].name]));
      truth[k].push_back(sample.targets[shared[k].first]);
    }
    if (data.task == ai::Task::SingleLabel) {
      const auto& top = *findings.value().topLabel;
      const auto it = std::find(data.labels.begin(), data.labels.end(), top);
      predicted.push_back(static_cast<std::size_t>(it - data.labels.begin()));
      actual.push_back(static_cast<std::size_t>(std::max_element(sample.targets.begin(), sample.targets.end()) - sample.targets.begin()));
    }
    if (progress) progress(i + 1, total);
  }

  Evaluation e;
  e.model = manifest.name;
  e.version = manifest.version;
  e.films = total;
  double sum = 0;
  int counted = 0;
  for (std::size_t k = 0; k < shared.size(); ++k) {
    LabelEvaluation l;
    l.label = data.labels[shared[k].first];
    l.films = total;
    l.positives = static_cast<int>(std::count(truth[k].begin(), truth[k].end(), 1.0f));
    l.auc = rocAuc(scores[k], truth[k]);
    l.averagePrecision = averagePrecision(scores[k], truth[k]);
    l.ece = expectedCalibrationError(scores[k], truth[k]);
    e.meanEce += l.ece / static_cast<double>(shared.size());
    l.auc95 = bootstrapAucInterval(scores[k], truth[k]);
    l.atOperatingPoint = atThreshold(scores[k], truth[k], manifest.operatingPoints[shared[k].second].threshold);
    l.roc = rocCurve(scores[k], truth[k]);
    if (l.auc) {
      sum += *l.auc;
      ++counted;
    }
    e.labels.push_back(std::move(l));
  }
  e.meanAuc = counted ? sum / counted : 0.0;
  if (data.task == ai::Task::SingleLabel) {
    // Classes the pack does not know land in an extra "other" column.
    const std::size_t k = data.labels.size();
    e.confusion.assign(k, std::vector<int>(k + 1, 0));
    int right = 0;
    for (std::size_t i = 0; i < actual.size(); ++i) {
      ++e.confusion[actual[i]][std::min(predicted[i], k)];
      right += actual[i] == predicted[i] ? 1 : 0;
    }
    e.accuracy = actual.empty() ? 0.0 : static_cast<double>(right) / static_cast<double>(actual.size());
  }
  return e;
}

}  // namespace hilum::train
