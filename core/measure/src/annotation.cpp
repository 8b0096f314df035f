#include "hilum/measure/annotation.h"

#include <array>
#include <utility>

namespace hilum::measure {
namespace {

constexpr std::array<std::pair<Kind, const char*>, 6> kNames{{
    {Kind::Distance, "distance"},
    {Kind::Angle, "angle"},
    {Kind::Rectangle, "rectangle"},
    {Kind::Ellipse, "ellipse"},
    {Kind::Arrow, "arrow"},
    {Kind::CardiothoracicRatio, "cardiothoracic-ratio"},
}};

}  // namespace

const char* toString(Kind kind) {
  for (const auto& [k, name] : kNames)
    if (k == kind) return name;
  return "unknown";
}

bool kindFromString(const std::string& text, Kind& kind) {
  for (const auto& [k, name] : kNames)
    if (text == name) {
      kind = k;
      return true;
    }
  return false;
}

int pointCount(Kind kind) {
  switch (kind) {
    case Kind::Angle: return 3;
    case Kind::CardiothoracicRatio: return 4;
    default: return 2;
  }
}

std::vector<Annotation> scaled(std::vector<Annotation> annotations, double factor) {
  for (auto& a : annotations)
    for (auto& p : a.points) p = {p.x * factor, p.y * factor};
  return annotations;
}

}  // namespace hilum::measure
