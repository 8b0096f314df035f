#pragma once
// Patient covariates a pack may read beside the film: age, sex and view position. A radiologist
// reads a film knowing them (an enlarged heart means something else at 8 than at 80, and AP films
// are taken of sicker patients), so a pack may learn from them too. The network's head adds a
// linear term in their encoding to its image evidence (networks.h), which leaves the heatmaps the
// image's alone.
//
// The encoding is Hilum's, fixed and versioned with the code: a pack only lists which covariates it
// reads, in order, in model.json ("covariates": ["age", "sex", "view"]). Two values per covariate,
// so "unknown" is a value of its own, never a guess:
//   age:  (years - 50) / 20 clamped to [-3, 3], then 1 if the age is unknown (the first value is 0)
//   sex:  1 if male, 1 if female (both 0: unknown or other)
//   view: 1 if PA, 1 if AP (both 0: unknown or another view)
// No torch here.
#include "hilum/film/film_metadata.h"

#include <optional>
#include <string>
#include <vector>

namespace hilum::ai {

struct PatientCovariates {
  std::optional<double> ageYears;
  std::string sex;   // "M" or "F" (any case, "male"/"female" too); anything else is unknown
  std::string view;  // "PA" or "AP"; anything else is unknown
};

// The covariates a pack may list, in the order the documentation gives them: age, sex, view.
const std::vector<std::string>& knownCovariates();
constexpr int kValuesPerCovariate = 2;
int covariateWidth(const std::vector<std::string>& names);

// The encoded vector for `names` (kValuesPerCovariate values each, in the listed order). Names
// outside knownCovariates() are a programming error: manifests are validated when read.
std::vector<float> encodeCovariates(const std::vector<std::string>& names, const PatientCovariates& covariates);

// Which of `names` the covariates leave unknown, in the listed order.
std::vector<std::string> unknownCovariates(const std::vector<std::string>& names, const PatientCovariates& covariates);

// What a reader is told the model was given: "age 45 y, sex F, view PA", unknown ones as "age unknown".
std::string describeCovariates(const std::vector<std::string>& names, const PatientCovariates& covariates);

// From a film's header: Patient's Age (0010,1010), else the years between Patient's Birth Date and
// the Study (or Acquisition) Date; Patient's Sex (0010,0040); View Position (0018,5101). A raster
// image has none of them.
PatientCovariates covariatesOf(const film::FilmMetadata& metadata);

}  // namespace hilum::ai
