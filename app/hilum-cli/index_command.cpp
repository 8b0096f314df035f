#include "arguments.h"
#include "cli.h"
#include "commands_p.h"

#include "hilum/film/study_index.h"

#include <nlohmann/json.hpp>

#include <ostream>

namespace hilum::cli {
namespace {

const char* const kSynopsis = "index PATH [--json]";

// Absent attributes are null, as in `info --json`.
nlohmann::json orNull(const std::string& text) {
  return text.empty() ? nlohmann::json(nullptr) : nlohmann::json(text);
}

// The keys are a contract, as for info: add keys, never rename or remove one.
nlohmann::json indexToJson(const std::string& path, const film::StudyIndex& index) {
  using nlohmann::json;
  json patients = json::array();
  for (const auto& p : index.patients) {
    json studies = json::array();
    for (const auto& st : p.studies) {
      json series = json::array();
      for (const auto& se : st.series) {
        json films = json::array();
        for (const auto& f : se.films)
          films.push_back({{"path", f.path},
                           {"format", film::toString(f.format)},
                           {"sop_instance_uid", orNull(f.sopInstanceUid)},
                           {"instance_number", f.instanceNumber},
                           {"modality", orNull(f.modality)},
                           {"view_position", orNull(f.viewPosition)},
                           {"laterality", orNull(f.laterality)},
                           {"rows", f.rows},
                           {"columns", f.columns},
                           {"frames", f.frames}});
        series.push_back({{"key", se.key},
                          {"series_instance_uid", orNull(se.seriesInstanceUid)},
                          {"number", se.number},
                          {"description", orNull(se.description)},
                          {"modality", orNull(se.modality)},
                          {"films", std::move(films)}});
      }
      studies.push_back({{"key", st.key},
                         {"study_instance_uid", orNull(st.studyInstanceUid)},
                         {"date", orNull(st.studyDate)},
                         {"time", orNull(st.studyTime)},
                         {"description", orNull(st.description)},
                         {"accession_number", orNull(st.accessionNumber)},
                         {"series", std::move(series)}});
    }
    patients.push_back({{"name", orNull(p.name)},
                        {"id", orNull(p.id)},
                        {"birth_date", orNull(p.birthDate)},
                        {"sex", orNull(p.sex)},
                        {"studies", std::move(studies)}});
  }
  json skipped = json::array();
  for (const auto& s : index.skipped) skipped.push_back({{"path", s.path}, {"reason", s.reason}});
  return {{"path", path}, {"films", index.filmCount()}, {"patients", std::move(patients)},
          {"skipped", std::move(skipped)}};
}

std::string countOf(std::size_t n, const char* one, const char* many) {
  return std::to_string(n) + " " + (n == 1 ? one : many);
}

std::size_t filmsIn(const film::IndexedStudy& study) {
  std::size_t n = 0;
  for (const auto& s : study.series) n += s.films.size();
  return n;
}

void printTree(const film::StudyIndex& index, std::ostream& out) {
  std::size_t studies = 0, series = 0;
  for (const auto& p : index.patients) {
    std::size_t films = 0;
    for (const auto& st : p.studies) films += filmsIn(st);
    out << "Patient " << (p.name.empty() ? "(no name)" : p.name);
    if (!p.id.empty()) out << "  id " << p.id;
    if (!p.birthDate.empty()) out << "  born " << p.birthDate;
    if (!p.sex.empty()) out << "  sex " << p.sex;
    out << "  [" << countOf(p.studies.size(), "study", "studies") << ", " << countOf(films, "film", "films") << "]\n";
    for (const auto& st : p.studies) {
      ++studies;
      out << "  Study " << (st.studyDate.empty() ? "(no date)" : st.studyDate);
      if (!st.description.empty()) out << "  " << st.description;
      if (!st.accessionNumber.empty()) out << "  accession " << st.accessionNumber;
      out << "  [" << countOf(st.series.size(), "series", "series") << ", " << countOf(filmsIn(st), "film", "films")
          << "]\n";
      for (const auto& se : st.series) {
        ++series;
        out << "    Series " << se.number;
        if (!se.modality.empty()) out << "  " << se.modality;
        if (!se.description.empty()) out << "  " << se.description;
        out << "  [" << countOf(se.films.size(), "film", "films") << "]\n";
        for (const auto& f : se.films) {
          out << "      " << f.path << "  #" << f.instanceNumber << "  " << film::toString(f.format) << " "
              << f.columns << " x " << f.rows;
          if (f.frames > 1) out << " x " << f.frames << " frames";
          if (!f.viewPosition.empty()) out << "  " << f.viewPosition;
          if (!f.laterality.empty()) out << " " << f.laterality;
          out << "\n";
        }
      }
    }
  }
  out << countOf(index.filmCount(), "film", "films") << " in " << countOf(index.patients.size(), "patient", "patients")
      << ", " << countOf(studies, "study", "studies") << ", " << countOf(series, "series", "series") << "; "
      << countOf(index.skipped.size(), "file", "files") << " skipped\n";
}

}  // namespace

int indexCommand(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  std::string problem;
  const auto parsed = Arguments::parse(args, {}, {"--json"}, problem);
  if (!parsed) return usageError(err, problem, kSynopsis);
  if (parsed->positional().size() != 1) return usageError(err, "index takes exactly one PATH", kSynopsis);
  const std::string& path = parsed->positional()[0];

  const auto index = film::indexPath(path);
  if (!index.ok()) return reportError(err, index.error());
  // Skipped files are part of the answer, not a failure: a folder of films often holds a README.
  if (parsed->has("--json")) {
    // Paths may hold bytes that are not UTF-8; replace rather than throw.
    out << indexToJson(path, index.value()).dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
  } else {
    printTree(index.value(), out);
    for (const auto& s : index.value().skipped) err << "hilum-cli: " << s.path << ": " << s.reason << "\n";
  }
  return kExitOk;
}

}  // namespace hilum::cli
