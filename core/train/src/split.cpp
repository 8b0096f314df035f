#include "hilum/train/split.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <limits>
#include <map>
#include <random>
#include <set>

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

Result<Dataset> filmsOnSide(const Dataset& data, const std::string& splitJsonPath, const std::string& side) {
  namespace fs = std::filesystem;
  auto fail = [&](const std::string& reason) { return Error(Module::Train, ErrorCode::Malformed, reason, splitJsonPath); };
  std::ifstream in(splitJsonPath);
  if (!in) return Error(Module::Train, ErrorCode::NotFound, "split file is missing or unreadable", splitJsonPath);
  std::set<std::string> wanted;
  try {
    const auto j = nlohmann::json::parse(in);
    if (!j.contains(side)) return fail("no \"" + side + "\" side in the split (train, validation or test)");
    std::error_code ec;
    for (const auto& image : j.at(side)) wanted.insert(fs::weakly_canonical(image.get<std::string>(), ec).string());
  } catch (const nlohmann::json::exception& e) {
    return fail(std::string("not a split file: ") + e.what());
  }
  Dataset out;
  out.labels = data.labels;
  out.task = data.task;
  std::error_code ec;
  for (const auto& sample : data.samples)
    if (wanted.count(fs::weakly_canonical(sample.image, ec).string())) out.samples.push_back(sample);
  if (out.samples.empty()) return fail("none of the data's films is on the " + side + " side");
  return out;
}

}  // namespace hilum::train
