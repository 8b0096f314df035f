#include "hilum/measure/annotation_json.h"

#include "hilum/base/atomic_file.h"

#include <nlohmann/json.hpp>

#include <cmath>
#include <fstream>
#include <sstream>

namespace hilum::measure {
namespace {

using nlohmann::json;
constexpr const char* kFormat = "hilum-annotations";
constexpr int kVersion = 1;

Error malformed(const std::string& origin, const std::string& reason) {
  return Error(Module::Measure, ErrorCode::Malformed, reason, origin);
}

}  // namespace

std::string toJson(const AnnotationFile& file) {
  json annotations = json::array();
  for (const auto& a : file.annotations) {
    json points = json::array();
    for (const auto& p : a.points) points.push_back({p.x, p.y});
    json item{{"kind", toString(a.kind)}, {"points", points}};
    if (!a.text.empty()) item["text"] = a.text;
    annotations.push_back(item);
  }
  const json root{{"format", kFormat},
                  {"version", kVersion},
                  {"film", {{"sopInstanceUid", file.sopInstanceUid}, {"path", file.filmPath},
                            {"columns", file.columns}, {"rows", file.rows}}},
                  {"annotations", annotations}};
  return root.dump(2) + "\n";
}

Result<AnnotationFile> parseAnnotations(const std::string& text, const std::string& origin) {
  const json root = json::parse(text, nullptr, false);
  if (root.is_discarded() || !root.is_object()) return malformed(origin, "not a JSON object");
  AnnotationFile file;
  // Every typed read inside the try: json::value() throws when a key holds another type ("format":
  // 1 escaped as type_error and ended the process; found by fuzz_annotations).
  try {
    if (root.value("format", std::string()) != kFormat) return malformed(origin, "not a Hilum annotation file");
    if (root.value("version", 0) > kVersion)
      return Error(Module::Measure, ErrorCode::Unsupported, "annotation file version is newer than this Hilum", origin);
    const json& film = root.at("film");
    file.sopInstanceUid = film.value("sopInstanceUid", std::string());
    file.filmPath = film.value("path", std::string());
    file.columns = film.value("columns", 0);
    file.rows = film.value("rows", 0);
    int index = 0;
    for (const json& item : root.at("annotations")) {
      ++index;
      Annotation a;
      const std::string kind = item.at("kind").get<std::string>();
      if (!kindFromString(kind, a.kind))
        return malformed(origin, "annotation " + std::to_string(index) + ": unknown kind '" + kind + "'");
      for (const json& point : item.at("points")) {
        const double x = point.at(0).get<double>(), y = point.at(1).get<double>();
        if (!std::isfinite(x) || !std::isfinite(y))
          return malformed(origin, "annotation " + std::to_string(index) + ": coordinate is not a finite number");
        a.points.push_back({x, y});
      }
      if (!a.complete())
        return malformed(origin, "annotation " + std::to_string(index) + ": a " + kind + " needs " +
                                     std::to_string(pointCount(a.kind)) + " points, found " +
                                     std::to_string(a.points.size()));
      a.text = item.value("text", std::string());
      file.annotations.push_back(std::move(a));
    }
  } catch (const json::exception& e) {
    return malformed(origin, std::string("unexpected structure: ") + e.what());
  }
  return file;
}

Result<AnnotationFile> readAnnotations(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Error(Module::Measure, ErrorCode::NotFound, "cannot open the annotation file", path);
  std::ostringstream text;
  text << in.rdbuf();
  return parseAnnotations(text.str(), path);
}

Status writeAnnotations(const std::string& path, const AnnotationFile& file) {
  return writeFileAtomically(path, toJson(file));
}

std::vector<Annotation> annotationsFor(const AnnotationFile& file, int columns) {
  if (file.columns <= 0 || columns <= 0 || file.columns == columns) return file.annotations;
  return scaled(file.annotations, static_cast<double>(columns) / file.columns);
}

}  // namespace hilum::measure
