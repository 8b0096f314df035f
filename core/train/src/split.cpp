#include "hilum/train/split.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <limits>
#include <map>
#include <random>

namespace hilum::train {

Split splitByPatient(const Dataset& data, double validationFraction, double testFraction, std::uint64_t seed) {
  // Group films by patient; a film without a patient id is its own patient.
  std::map<std::string, std::vector<std::size_t>> byPatient;
  for (std::size_t i = 0; i < data.samples.size(); ++i) {
    const auto& id = data.samples[i].patientId;
    byPatient[id.empty() ? "#film" + std::to_string(i) : id].push_back(i);
  }
  std::vector<const std::vector<std::size_t>*> patients;
  for (const auto& [id, films] : byPatient) patients.push_back(&films);
  std::mt19937_64 random(seed);
  std::shuffle(patients.begin(), patients.end(), random);

  const std::size_t labels = data.labels.size();
  const auto totals = data.positives();
  const double fractions[3] = {1.0 - validationFraction - testFraction, validationFraction, testFraction};
  std::vector<std::vector<double>> have(3, std::vector<double>(labels + 1, 0.0));  // last slot: films
  Split split;
  std::vector<std::size_t>* sides[3] = {&split.train, &split.validation, &split.test};
  const double films = static_cast<double>(data.samples.size());
  for (const auto* patient : patients) {
    // The patient's rarest label decides which counts to balance; no label: balance film counts.
    std::size_t key = labels;
    int rarest = std::numeric_limits<int>::max();
    for (std::size_t f : *patient)
      for (std::size_t l = 0; l < labels; ++l)
        if (data.samples[f].targets[l] > 0.5f && totals[l] < rarest) {
          rarest = totals[l];
          key = l;
        }
    const double total = key == labels ? films : static_cast<double>(totals[key]);
    int best = 0;
    double bestDeficit = -std::numeric_limits<double>::infinity();
    for (int s = 0; s < 3; ++s) {
      if (fractions[s] <= 0.0) continue;
      const double deficit = fractions[s] * total - have[static_cast<std::size_t>(s)][key];
      if (deficit > bestDeficit) {
        bestDeficit = deficit;
        best = s;
      }
    }
    for (std::size_t f : *patient) {
      sides[best]->push_back(f);
      have[static_cast<std::size_t>(best)][labels] += 1;
      for (std::size_t l = 0; l < labels; ++l) have[static_cast<std::size_t>(best)][l] += data.samples[f].targets[l] > 0.5f;
    }
  }
  for (auto* side : sides) std::sort(side->begin(), side->end());
  return split;
}

std::string splitToJson(const Dataset& data, const Split& split) {
  auto images = [&](const std::vector<std::size_t>& indices) {
    nlohmann::json list = nlohmann::json::array();
    for (std::size_t i : indices) list.push_back(data.samples[i].image);
    return list;
  };
  return nlohmann::json{{"train", images(split.train)}, {"validation", images(split.validation)}, {"test", images(split.test)}}
             .dump(1) + "\n";
}

}  // namespace hilum::train
