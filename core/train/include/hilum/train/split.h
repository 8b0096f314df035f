#pragma once
// Patient-wise train / validation / test split: a patient's films never sit on two sides (the same
// chest twice would inflate every metric). Deterministic for a seed.
#include "hilum/base/result.h"
#include "hilum/train/dataset.h"

#include <cstdint>
#include <string>
#include <vector>

namespace hilum::train {

struct Split {
  std::vector<std::size_t> train, validation, test;  // indices into Dataset::samples
};

// Patients are shuffled with the seed, then each is placed on the side whose share of the patient's
// rarest label lags most behind its target fraction (stratification where the counts allow it).
Split splitByPatient(const Dataset& data, double validationFraction, double testFraction, std::uint64_t seed);

// {"train": [image, ...], "validation": [...], "test": [...]} as saved beside a run.
std::string splitToJson(const Dataset& data, const Split& split);

// The films of `data` listed on one side ("train", "validation" or "test") of a saved split.json:
// scoring a pack on exactly the patients its run held out. Paths are compared after resolving them,
// so a CSV given relative to another folder still matches. An Error when no film matches.
Result<Dataset> filmsOnSide(const Dataset& data, const std::string& splitJsonPath, const std::string& side);

}  // namespace hilum::train
