// hilum-cli measure: what the viewer's measurement tools report, headless -- for an annotation
// file the viewer saved, or one shape given on the command line.
#include "arguments.h"
#include "cli.h"
#include "commands_p.h"

#include "hilum/film/loader.h"
#include "hilum/measure/annotation_json.h"
#include "hilum/measure/measurements.h"

#include <nlohmann/json.hpp>

#include <array>
#include <ostream>
#include <sstream>

namespace hilum::cli {
namespace {

const char* const kSynopsis =
    "measure FILE (--annotations A.json | --distance X0,Y0,X1,Y1 | --angle X0,Y0,XV,YV,X1,Y1 |\n"
    "        --rectangle X0,Y0,X1,Y1 | --ellipse X0,Y0,X1,Y1 | --ctr HX0,HY0,HX1,HY1,TX0,TY0,TX1,TY1) [--json]";

constexpr std::array<std::pair<const char*, measure::Kind>, 5> kShapes{{
    {"--distance", measure::Kind::Distance},
    {"--angle", measure::Kind::Angle},
    {"--rectangle", measure::Kind::Rectangle},
    {"--ellipse", measure::Kind::Ellipse},
    {"--ctr", measure::Kind::CardiothoracicRatio},
}};

// "x0,y0,x1,y1" -> points, exactly pointCount(kind) of them.
std::optional<std::vector<measure::Point>> parsePoints(const std::string& text, measure::Kind kind) {
  std::vector<double> numbers;
  std::stringstream stream(text);
  std::string item;
  while (std::getline(stream, item, ',')) {
    const auto value = parseDouble(item);
    if (!value) return std::nullopt;
    numbers.push_back(*value);
  }
  if (numbers.size() != static_cast<std::size_t>(2 * measure::pointCount(kind))) return std::nullopt;
  std::vector<measure::Point> points;
  for (std::size_t i = 0; i < numbers.size(); i += 2) points.push_back({numbers[i], numbers[i + 1]});
  return points;
}

nlohmann::json toJson(const measure::Annotation& a, const measure::Measurement& m) {
  nlohmann::json points = nlohmann::json::array();
  for (const auto& p : a.points) points.push_back({p.x, p.y});
  auto optional = [](const std::optional<double>& v) { return v ? nlohmann::json(*v) : nlohmann::json(nullptr); };
  nlohmann::json j{{"kind", measure::toString(a.kind)}, {"points", points}, {"text", a.text},
                   {"summary", measure::describe(m)},
                   {"spacing_source", m.spacingSource.empty() ? nlohmann::json(nullptr) : nlohmann::json(m.spacingSource)}};
  switch (a.kind) {
    case measure::Kind::Distance:
    case measure::Kind::Arrow:
      j["length_px"] = m.lengthPx;
      j["length_mm"] = optional(m.lengthMm);
      break;
    case measure::Kind::Angle: j["angle_degrees"] = m.angleDegrees; break;
    case measure::Kind::Rectangle:
    case measure::Kind::Ellipse:
      j["pixels"] = m.region.pixels;
      j["mean"] = m.region.mean;
      j["sd"] = m.region.sd;
      j["min"] = m.region.min;
      j["max"] = m.region.max;
      j["unit"] = m.unit;
      j["area_px"] = m.areaPx;
      j["area_mm2"] = optional(m.areaMm2);
      break;
    case measure::Kind::CardiothoracicRatio:
      j["heart_px"] = m.heartPx;
      j["heart_mm"] = optional(m.heartMm);
      j["thorax_px"] = m.lengthPx;
      j["thorax_mm"] = optional(m.lengthMm);
      j["ratio"] = optional(m.ratio);
      break;
  }
  return j;
}

}  // namespace

int measureCommand(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  std::string problem;
  std::set<std::string> valued{"--annotations"};
  for (const auto& [name, kind] : kShapes) valued.insert(name);
  const auto parsed = Arguments::parse(args, valued, {"--json"}, problem);
  if (!parsed) return usageError(err, problem, kSynopsis);
  if (parsed->positional().size() != 1) return usageError(err, "measure takes exactly one FILE", kSynopsis);

  const auto film = film::loadFilm(parsed->positional()[0]);
  if (!film.ok()) return reportError(err, film.error());
  std::vector<measure::Annotation> annotations;
  if (const auto file = parsed->value("--annotations")) {
    const auto read = measure::readAnnotations(*file);
    if (!read.ok()) return reportError(err, read.error());
    annotations = measure::annotationsFor(read.value(), film.value().columns());
  }
  for (const auto& [name, kind] : kShapes) {
    if (const auto text = parsed->value(name)) {
      const auto points = parsePoints(*text, kind);
      if (!points)
        return usageError(err, std::string(name) + " needs " + std::to_string(2 * measure::pointCount(kind)) +
                                   " comma-separated numbers, got '" + *text + "'", kSynopsis);
      annotations.push_back({kind, *points, {}});
    }
  }
  if (annotations.empty()) return usageError(err, "nothing to measure: give --annotations or a shape", kSynopsis);

  nlohmann::json all = nlohmann::json::array();
  for (std::size_t i = 0; i < annotations.size(); ++i) {
    const auto m = measure::measure(film.value(), annotations[i]);
    if (parsed->has("--json")) all.push_back(toJson(annotations[i], m));
    else
      out << i + 1 << " " << measure::toString(annotations[i].kind) << ": " << measure::describe(m)
          << (annotations[i].text.empty() ? "" : "  \"" + annotations[i].text + "\"") << "\n";
  }
  if (parsed->has("--json")) out << all.dump(2) << "\n";
  return kExitOk;
}

}  // namespace hilum::cli
