#pragma once
// Labelled films for training and evaluation. Readers check every row and name the file and line
// of the first bad one; images are read later through the same film loading and preprocessing as
// inference.
#include "hilum/ai/covariates.h"
#include "hilum/ai/model_manifest.h"
#include "hilum/base/result.h"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace hilum::train {

struct Sample {
  std::string image;      // absolute or relative to the working folder
  std::string patientId;  // splits keep a patient's films together; empty: the image is its own patient
  std::vector<float> targets;  // one per label: 0/1 (multi-label) or one-hot (single-label)
  std::optional<double> age;
  std::string sex, view;
};

// The sample's age, sex and view as a pack's covariates (hilum/ai/covariates.h) read them.
ai::PatientCovariates covariatesOf(const Sample& sample);

struct Dataset {
  std::vector<std::string> labels;
  ai::Task task = ai::Task::MultiLabel;
  std::vector<Sample> samples;

  // Positives per label, for reports and class weights.
  std::vector<int> positives() const;
  // How many films know the covariate ("age", "sex" or "view"; hilum/ai/covariates.h).
  int filmsKnowing(const std::string& covariate) const;
  // The names of the labels a sample carries (empty: no finding).
  std::vector<std::string> labelsOf(const Sample& sample) const;
};

// Which CSV columns hold what. Column names are matched exactly; empty names are auto-detected
// among the usual spellings (NIH's "Image Index" / "Finding Labels" / "Patient ID", or image,
// finding_labels / labels / label, patient_id).
struct CsvSpec {
  std::string csv;
  std::string imageRoot;      // folder the image column is relative to; default: beside the CSV
  std::string imageColumn, labelsColumn, patientColumn, ageColumn, sexColumn, viewColumn;
  std::string separator = "|";     // between labels in one field ("Effusion|Mass")
  std::vector<std::string> labels;  // the label set, in output order; empty: every label found, sorted
  std::vector<std::string> exclude = {"No Finding"};  // labels that mean "none of the others"
  std::vector<std::string> views;   // keep only these view positions (e.g. PA, AP); empty: all
  // Renames labels as they are read ("Bacterial Pneumonia" -> "Pneumonia"); an empty name drops the
  // label. Applied before `exclude` and `labels`, so sources with different vocabularies can merge.
  std::map<std::string, std::string> labelMap;
  // Keep only rows whose column holds one of the values (e.g. "license": the licences a pack may be
  // trained on). Every named column must exist.
  std::map<std::string, std::vector<std::string>> where;
  ai::Task task = ai::Task::MultiLabel;
};

// With `labels` given, names outside the set are ignored: a single-label row needs exactly one name
// from the set (rows with none are skipped); without it every name found becomes a label.
Result<Dataset> readCsvDataset(const CsvSpec& spec);

// Several CSV sources as one data set (e.g. COVID-19 films from one archive, normal films from NIH).
// All must have the same task; the label set is the first source's `labels`, or the sorted union.
// Patient IDs are used as given: make them unique across sources (the CSVs' own prefixes, or
// distinct ID ranges), because the split keeps a patient's films together by ID.
Result<Dataset> readCsvDatasets(const std::vector<CsvSpec>& sources);

// <root>/<class>/<image>: single-label, one class per sub-folder, classes sorted by name.
Result<Dataset> readFolderDataset(const std::string& root);

// A minimal RFC 4180 reader: quoted fields, doubled quotes, CRLF. Errors name the line.
Result<std::vector<std::vector<std::string>>> readCsv(const std::string& path);
// The index of column `wanted` (exact name) or, when `wanted` is empty, of the first of the `usual`
// spellings the header has; -1 when there is none.
int findColumn(const std::vector<std::string>& header, const std::string& wanted, const std::vector<std::string>& usual);

}  // namespace hilum::train
