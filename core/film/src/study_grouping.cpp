#include "study_grouping_p.h"

#include <algorithm>
#include <map>
#include <tuple>
#include <utility>

namespace hilum::film::detail {
namespace {

using Entries = std::vector<const IndexEntry*>;

bool filmBefore(const IndexEntry* a, const IndexEntry* b) {
  const IndexedFilm& x = a->header.film;
  const IndexedFilm& y = b->header.film;
  return std::tie(x.instanceNumber, x.path) < std::tie(y.instanceNumber, y.path);
}

// Group attributes come from the first film (in film order) that states them: one film with an
// empty Study Description must not blank the study's.
template <typename Field>
std::string firstValue(const Entries& entries, Field field) {
  for (const IndexEntry* entry : entries) {
    const std::string& value = entry->header.metadata.*field;
    if (!value.empty()) return value;
  }
  return {};
}

bool isFolderKey(const std::string& key) { return key.rfind("folder:", 0) == 0; }

IndexedSeries makeSeries(const std::string& key, Entries entries) {
  std::sort(entries.begin(), entries.end(), filmBefore);
  IndexedSeries series;
  series.key = key;
  series.seriesInstanceUid = firstValue(entries, &FilmMetadata::seriesInstanceUid);
  series.description = firstValue(entries, &FilmMetadata::seriesDescription);
  series.modality = firstValue(entries, &FilmMetadata::modality);
  series.number = parseNumber(firstValue(entries, &FilmMetadata::seriesNumber));
  for (const IndexEntry* entry : entries) series.films.push_back(entry->header.film);
  return series;
}

IndexedStudy makeStudy(const std::string& key, const std::map<std::string, Entries>& seriesGroups) {
  Entries all;
  for (const auto& [seriesKey, entries] : seriesGroups) all.insert(all.end(), entries.begin(), entries.end());
  std::sort(all.begin(), all.end(), filmBefore);
  IndexedStudy study;
  study.key = key;
  study.studyInstanceUid = firstValue(all, &FilmMetadata::studyInstanceUid);
  study.studyDate = firstValue(all, &FilmMetadata::studyDate);
  study.studyTime = firstValue(all, &FilmMetadata::studyTime);
  study.description = firstValue(all, &FilmMetadata::studyDescription);
  study.accessionNumber = firstValue(all, &FilmMetadata::accessionNumber);
  // Without a UID the folder is the study; its name is the best description there is.
  if (study.description.empty() && isFolderKey(key) && !all.empty()) study.description = all.front()->folderName;

  for (const auto& [seriesKey, entries] : seriesGroups) study.series.push_back(makeSeries(seriesKey, entries));
  std::sort(study.series.begin(), study.series.end(), [](const IndexedSeries& a, const IndexedSeries& b) {
    return std::tie(a.number, a.description, a.key) < std::tie(b.number, b.description, b.key);
  });
  return study;
}

}  // namespace

StudyIndex buildIndex(CollectedFiles files) {
  // Patients are told apart by ID and name together: anonymised sets often reuse one ID, and two
  // names under one ID are more likely two people than one.
  using PatientKey = std::pair<std::string, std::string>;
  std::map<PatientKey, std::map<std::string, std::map<std::string, Entries>>> tree;
  for (const IndexEntry& entry : files.entries) {
    const FilmMetadata& m = entry.header.metadata;
    tree[{m.patientId, m.patientName}][entry.studyKey][entry.seriesKey].push_back(&entry);
  }

  StudyIndex index;
  for (const auto& [patientKey, studies] : tree) {
    IndexedPatient patient;
    patient.id = patientKey.first;
    patient.name = patientKey.second;
    Entries all;
    for (const auto& [studyKey, seriesGroups] : studies) {
      for (const auto& [seriesKey, entries] : seriesGroups) all.insert(all.end(), entries.begin(), entries.end());
      patient.studies.push_back(makeStudy(studyKey, seriesGroups));
    }
    std::sort(all.begin(), all.end(), filmBefore);
    patient.birthDate = firstValue(all, &FilmMetadata::patientBirthDate);
    patient.sex = firstValue(all, &FilmMetadata::patientSex);
    // Newest first (YYYYMMDD and HHMMSS compare as text); undated studies sort last.
    std::sort(patient.studies.begin(), patient.studies.end(), [](const IndexedStudy& a, const IndexedStudy& b) {
      return std::tie(b.studyDate, b.studyTime, a.description, a.key) <
             std::tie(a.studyDate, a.studyTime, b.description, b.key);
    });
    index.patients.push_back(std::move(patient));
  }
  std::sort(index.patients.begin(), index.patients.end(), [](const IndexedPatient& a, const IndexedPatient& b) {
    return std::tie(a.name, a.id) < std::tie(b.name, b.id);
  });

  index.skipped = std::move(files.skipped);
  std::sort(index.skipped.begin(), index.skipped.end(), [](const IndexProblem& a, const IndexProblem& b) {
    return std::tie(a.path, a.reason) < std::tie(b.path, b.reason);
  });
  return index;
}

}  // namespace hilum::film::detail
