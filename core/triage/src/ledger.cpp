#include "ledger_p.h"

#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>

namespace hilum::triage::detail {
namespace {

nlohmann::json urgencyJson(const Urgency& u) {
  return {{"positive", u.positive}, {"score", u.score}, {"finding", u.finding}, {"probability", u.probability}};
}
Urgency urgencyFrom(const nlohmann::json& j) {
  return {j.value("positive", false), j.value("score", 0.0), j.value("finding", ""), j.value("probability", 0.0)};
}

FilmState stateFrom(const std::string& s) {
  for (FilmState state : {FilmState::Queued, FilmState::Done, FilmState::OutOfScope, FilmState::Failed})
    if (s == toString(state)) return state;
  return FilmState::Queued;
}

}  // namespace

std::string ledgerToJson(const std::vector<TriageStudy>& studies) {
  nlohmann::json list = nlohmann::json::array();
  for (const auto& s : studies) {
    nlohmann::json films = nlohmann::json::array();
    for (const auto& f : s.films)
      films.push_back({{"path", f.path}, {"sop_instance_uid", f.sopInstanceUid}, {"state", toString(f.state)},
                       {"model", f.model}, {"urgency", urgencyJson(f.urgency)}, {"positives", f.positives},
                       {"reason", f.reason}, {"out_of_distribution", f.outOfDistribution}, {"latency_ms", f.latencyMs},
                       {"decode_ms", f.decodeMs}, {"inference_ms", f.inferenceMs}, {"send_ms", f.sendMs},
                       {"results_sent", f.resultsSent}, {"send_error", f.sendError}, {"result_files", f.resultFiles}});
    list.push_back({{"study_instance_uid", s.studyInstanceUid}, {"patient_name", s.patientName}, {"patient_id", s.patientId},
                    {"accession_number", s.accessionNumber}, {"study_date", s.studyDate},
                    {"study_description", s.studyDescription}, {"received", s.received},
                    {"urgency", urgencyJson(s.urgency)}, {"films", films}});
  }
  return nlohmann::json{{"version", 1}, {"studies", list}}.dump(1) + "\n";
}

Result<std::vector<TriageStudy>> readLedger(const std::string& path) {
  std::vector<TriageStudy> studies;
  std::error_code ec;
  if (path.empty() || !std::filesystem::exists(path, ec)) return studies;
  std::ifstream in(path);
  if (!in) return Error(Module::Pacs, ErrorCode::Unreadable, "worklist ledger cannot be read", path);
  try {
    const auto j = nlohmann::json::parse(in);
    for (const auto& s : j.at("studies")) {
      TriageStudy study;
      study.studyInstanceUid = s.at("study_instance_uid");
      study.patientName = s.value("patient_name", "");
      study.patientId = s.value("patient_id", "");
      study.accessionNumber = s.value("accession_number", "");
      study.studyDate = s.value("study_date", "");
      study.studyDescription = s.value("study_description", "");
      study.received = s.value("received", "");
      study.urgency = urgencyFrom(s.value("urgency", nlohmann::json::object()));
      for (const auto& f : s.at("films")) {
        TriageFilm film;
        film.path = f.at("path");
        film.sopInstanceUid = f.value("sop_instance_uid", "");
        film.state = stateFrom(f.value("state", ""));
        film.model = f.value("model", "");
        film.urgency = urgencyFrom(f.value("urgency", nlohmann::json::object()));
        film.positives = f.value("positives", std::vector<std::pair<std::string, double>>{});
        film.reason = f.value("reason", "");
        film.outOfDistribution = f.value("out_of_distribution", false);
        film.latencyMs = f.value("latency_ms", 0.0);
        film.decodeMs = f.value("decode_ms", 0.0);
        film.inferenceMs = f.value("inference_ms", 0.0);
        film.sendMs = f.value("send_ms", 0.0);
        film.resultsSent = f.value("results_sent", false);
        film.sendError = f.value("send_error", "");
        film.resultFiles = f.value("result_files", std::vector<std::string>{});
        study.films.push_back(std::move(film));
      }
      studies.push_back(std::move(study));
    }
  } catch (const nlohmann::json::exception& e) {
    return Error(Module::Pacs, ErrorCode::Malformed, std::string("worklist ledger is not valid: ") + e.what(), path);
  }
  return studies;
}

}  // namespace hilum::triage::detail
