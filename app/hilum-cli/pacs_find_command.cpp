#include "arguments.h"
#include "cli.h"
#include "commands_p.h"
#include "pacs_cli_p.h"

#include "hilum/pacs/find.h"

#include <nlohmann/json.hpp>

#include <ostream>

namespace hilum::cli {
namespace {

const char* const kSynopsis =
    "pacs find NODE [--level patient|study|series] [--patient NAME] [--patient-id ID] [--study-date FROM-TO]\n"
    "                [--modality CR,DX] [--accession A] [--study-uid UID] [--json] [--aet AE] [--timeout S]";

nlohmann::json orNull(const std::string& text) { return text.empty() ? nlohmann::json(nullptr) : nlohmann::json(text); }
nlohmann::json orNull(int n) { return n < 0 ? nlohmann::json(nullptr) : nlohmann::json(n); }

// The keys are a contract, as for info and index: add keys, never rename or remove one.
nlohmann::json toJson(const pacs::QueryMatch& m) {
  return {{"level", pacs::toString(m.level)},
          {"patient_name", orNull(m.patientName)},
          {"patient_id", orNull(m.patientId)},
          {"birth_date", orNull(m.patientBirthDate)},
          {"sex", orNull(m.patientSex)},
          {"study_instance_uid", orNull(m.studyInstanceUid)},
          {"study_date", orNull(m.studyDate)},
          {"study_time", orNull(m.studyTime)},
          {"study_description", orNull(m.studyDescription)},
          {"accession_number", orNull(m.accessionNumber)},
          {"modalities_in_study", orNull(m.modalitiesInStudy)},
          {"series_instance_uid", orNull(m.seriesInstanceUid)},
          {"series_number", orNull(m.seriesNumber)},
          {"series_description", orNull(m.seriesDescription)},
          {"modality", orNull(m.modality)},
          {"instances", orNull(m.numberOfInstances)},
          {"studies", orNull(m.numberOfStudies)}};
}

void printMatch(const pacs::QueryMatch& m, std::ostream& out) {
  auto field = [&out](const std::string& v) { out << (v.empty() ? "-" : v) << "  "; };
  field(m.patientName);
  field(m.patientId);
  if (m.level != pacs::QueryLevel::Patient) {
    field(m.studyDate);
    field(m.accessionNumber);
    field(m.level == pacs::QueryLevel::Series ? m.modality : m.modalitiesInStudy);
    field(m.level == pacs::QueryLevel::Series ? m.seriesDescription : m.studyDescription);
    if (m.numberOfInstances >= 0) out << m.numberOfInstances << " instances  ";
    out << (m.level == pacs::QueryLevel::Series ? m.seriesInstanceUid : m.studyInstanceUid);
  } else if (m.numberOfStudies >= 0) {
    out << m.numberOfStudies << " studies";
  }
  out << "\n";
}

}  // namespace

int pacsFindCommand(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  std::string problem;
  std::set<std::string> valued = pacsCommonOptions();
  valued.insert({"--level", "--patient", "--patient-id", "--study-date", "--modality", "--accession", "--study-uid"});
  const auto parsed = Arguments::parse(args, valued, {"--json"}, problem);
  if (!parsed) return usageError(err, problem, kSynopsis);
  if (parsed->positional().size() != 1) return usageError(err, "pacs find takes one NODE (AET@host:port)", kSynopsis);
  const auto node = nodeArgument(parsed->positional()[0], problem);
  const auto options = node ? scuOptions(*parsed, problem) : std::nullopt;
  if (!node || !options) return usageError(err, problem, kSynopsis);

  pacs::Query query;
  const std::string level = parsed->value("--level").value_or("study");
  if (level == "patient") query.level = pacs::QueryLevel::Patient;
  else if (level == "study") query.level = pacs::QueryLevel::Study;
  else if (level == "series") query.level = pacs::QueryLevel::Series;
  else return usageError(err, "--level is patient, study or series", kSynopsis);
  query.patientName = parsed->value("--patient").value_or("");
  query.patientId = parsed->value("--patient-id").value_or("");
  query.accessionNumber = parsed->value("--accession").value_or("");
  query.studyInstanceUid = parsed->value("--study-uid").value_or("");
  if (const auto modality = parsed->value("--modality")) query.modalities = splitList(*modality);
  if (const auto dates = parsed->value("--study-date"))
    if (Status s = pacs::parseDateRange(*dates, query); !s.ok()) return usageError(err, s.error().reason(), kSynopsis);

  const auto matches = pacs::find(*node, query, *options);
  if (!matches.ok()) return reportError(err, matches.error());
  if (parsed->has("--json")) {
    nlohmann::json all = nlohmann::json::array();
    for (const auto& m : matches.value()) all.push_back(toJson(m));
    out << all.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
  } else {
    for (const auto& m : matches.value()) printMatch(m, out);
    const std::size_t n = matches.value().size();
    err << "hilum-cli: " << n << (n == 1 ? " match" : " matches") << " at " << pacs::toString(query.level)
        << " level\n";
  }
  return kExitOk;
}

}  // namespace hilum::cli
