#include "arguments.h"
#include "cli.h"
#include "commands_p.h"
#include "film_json.h"

#include "hilum/film/loader.h"

#include <nlohmann/json.hpp>

#include <iomanip>
#include <ostream>
#include <sstream>

namespace hilum::cli {
namespace {

const char* const kSynopsis = "info FILE [--json]";

std::string textOf(const nlohmann::json& value) {
  if (value.is_null()) return "-";
  if (value.is_string()) return value.get<std::string>();
  std::ostringstream s;
  s << value;
  return s.str();
}

void printText(const nlohmann::json& j, std::ostream& out) {
  auto line = [&out](const std::string& key, const std::string& value) {
    out << std::left << std::setw(18) << key << value << "\n";
  };
  line("File", textOf(j["file"]));
  std::string format = textOf(j["format"]);
  if (!j["transfer_syntax_name"].is_null())
    format += ", " + textOf(j["transfer_syntax_name"]) + " (" + textOf(j["transfer_syntax"]) + ")";
  line("Format", format);
  std::ostringstream image;
  image << textOf(j["columns"]) << " x " << textOf(j["rows"]) << ", " << textOf(j["photometric"])
        << (j["shown_inverted"].get<bool>() ? " (shown inverted)" : "") << ", " << textOf(j["bits_stored"]) << " of "
        << textOf(j["bits_allocated"]) << " bits " << (j["pixel_signed"].get<bool>() ? "signed" : "unsigned") << ", "
        << textOf(j["frames"]) << (j["frames"].get<int>() == 1 ? " frame" : " frames");
  line("Image", image.str());
  line("Modality", textOf(j["modality"]) + "   view " + textOf(j["view_position"]) + "   laterality " +
                       textOf(j["laterality"]) + "   body part " + textOf(j["body_part"]));
  std::ostringstream spacing;
  if (j["pixel_spacing_mm"].is_null()) spacing << "unknown";
  else spacing << j["pixel_spacing_mm"][0].get<double>() << " x " << j["pixel_spacing_mm"][1].get<double>() << " mm";
  spacing << " [" << textOf(j["spacing_source"]) << "] " << textOf(j["spacing_note"]);
  line("Pixel spacing", spacing.str());
  const auto& lut = j["modality_lut"];
  std::ostringstream modality;
  if (lut["lut_entries"].get<std::size_t>() > 0) modality << "LUT of " << lut["lut_entries"] << " entries";
  else modality << "slope " << lut["slope"].get<double>() << ", intercept " << lut["intercept"].get<double>();
  if (!lut["type"].is_null()) modality << " (" << textOf(lut["type"]) << ")";
  line("Modality LUT", modality.str());
  line("VOI function", textOf(j["voi_lut_function"]));
  bool first = true;
  for (const auto& p : j["window_presets"]) {
    std::ostringstream preset;
    preset << p["index"] << ": " << textOf(p["name"]);
    if (p["index"] == j["default_preset"]) preset << " (default)";
    if (p.contains("center")) preset << "  C " << p["center"].get<double>() << "  W " << p["width"].get<double>();
    else preset << "  LUT of " << p["entries"] << " entries";
    line(first ? "Window presets" : "", preset.str());
    first = false;
  }
  line("Stored range", textOf(j["stored_range"][0]) + " .. " + textOf(j["stored_range"][1]));
  const auto& patient = j["patient"];
  line("Patient", textOf(patient["name"]) + "   id " + textOf(patient["id"]) + "   sex " + textOf(patient["sex"]) +
                      "   born " + textOf(patient["birth_date"]));
  const auto& study = j["study"];
  line("Study", textOf(study["date"]) + "   " + textOf(study["description"]) + "   accession " +
                    textOf(study["accession_number"]));
  line("Acquired", textOf(j["acquisition_date"]) + " " + textOf(j["acquisition_time"]));
  line("Institution", textOf(j["institution"]));
  line("Equipment", textOf(j["manufacturer"]) + " " + textOf(j["manufacturer_model"]));
}

}  // namespace

int infoCommand(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  std::string problem;
  const auto parsed = Arguments::parse(args, {}, {"--json"}, problem);
  if (!parsed) return usageError(err, problem, kSynopsis);
  if (parsed->positional().size() != 1) return usageError(err, "info takes exactly one FILE", kSynopsis);

  const auto film = film::loadFilm(parsed->positional()[0]);
  if (!film.ok()) return reportError(err, film.error());
  const nlohmann::json j = filmToJson(film.value());
  // Paths and undeclared strings may hold bytes that are not UTF-8; replace rather than throw.
  if (parsed->has("--json")) out << j.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
  else printText(j, out);
  return kExitOk;
}

}  // namespace hilum::cli
