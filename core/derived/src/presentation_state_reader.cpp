// Annotations back from a presentation state: Hilum's own graphic groups exactly, other viewers'
// graphics as far as they map onto Hilum's kinds.
#include "hilum/derived/derived_objects.h"
#include "hilum/film/dicom_structure.h"

#include "dicom_output_p.h"

#include <dcmtk/dcmdata/dcdeftag.h>
#include <dcmtk/dcmdata/dcfilefo.h>
#include <dcmtk/dcmdata/dcitem.h>

#include <algorithm>
#include <cmath>
#include <exception>
#include <filesystem>
#include <map>
#include <optional>
#include <set>

namespace hilum::derived {

using namespace detail;
using measure::Annotation;
using measure::Kind;
using measure::Point;

namespace {

// All presentation state storage SOP classes share this prefix (grayscale, colour, pseudo-colour,
// blending, XA/XRF, advanced blending, ...): their graphic annotations have one form.
constexpr const char* kPresentationStatePrefix = "1.2.840.10008.5.1.4.1.1.11.";

struct Graphic {
  std::optional<Uint32> group;
  std::string type;
  std::vector<Point> points;
};

struct Text {
  std::optional<Uint32> group;
  std::string value;
  std::optional<Point> anchor;
  bool anchorVisible = false;
  std::optional<Point> boxCentre;
};

struct Group {
  std::string label, description;
};

// DISPLAY units are fractions of the displayed area (PS3.3 C.10.5.1.1); PIXEL units are film
// pixel coordinates with (0, 0) at the top left corner of the top left pixel, as Hilum's are.
struct Units {
  double left = 0, top = 0, width = 1, height = 1;
  Point toPixels(const std::string& units, float x, float y) const {
    if (units == "DISPLAY") return {left + x * width, top + y * height};
    return {x, y};
  }
};

Units displayedArea(DcmItem& ds) {
  Units units;
  DcmItem* area = nullptr;
  Sint32 tlx = 1, tly = 1, brx = 1, bry = 1;
  if (ds.findAndGetSequenceItem(DCM_DisplayedAreaSelectionSequence, area, 0).good() && area != nullptr &&
      area->findAndGetSint32(DCM_DisplayedAreaTopLeftHandCorner, tlx, 0).good() &&
      area->findAndGetSint32(DCM_DisplayedAreaTopLeftHandCorner, tly, 1).good() &&
      area->findAndGetSint32(DCM_DisplayedAreaBottomRightHandCorner, brx, 0).good() &&
      area->findAndGetSint32(DCM_DisplayedAreaBottomRightHandCorner, bry, 1).good()) {
    // Integer pixel indices from 1, both corners inclusive.
    units = {tlx - 1.0, tly - 1.0, double(brx - tlx + 1), double(bry - tly + 1)};
  }
  return units;
}

std::optional<Uint32> groupOf(DcmItem& object) {
  Uint32 id = 0;
  if (object.findAndGetUint32(DCM_GraphicGroupID, id).good()) return id;
  return std::nullopt;
}

Result<std::vector<Point>> pointsOf(DcmItem& item, const DcmTagKey& tag, const std::string& units,
                                    const Units& area, const std::string& path) {
  const Float32* data = nullptr;
  unsigned long count = 0;
  if (item.findAndGetFloat32Array(tag, data, &count).bad() || data == nullptr || count % 2 != 0)
    return Error(Module::Report, ErrorCode::Malformed, "graphic data without x, y pairs", path);
  std::vector<Point> points;
  for (unsigned long i = 0; i < count; i += 2) points.push_back(area.toPixels(units, data[i], data[i + 1]));
  return points;
}

Status collect(DcmItem& ds, const Units& area, const std::string& path, std::vector<Graphic>& graphics,
               std::vector<Text>& texts) {
  DcmItem* annotation = nullptr;
  for (unsigned long i = 0; ds.findAndGetSequenceItem(DCM_GraphicAnnotationSequence, annotation, i).good(); ++i) {
    DcmItem* object = nullptr;
    for (unsigned long k = 0; annotation->findAndGetSequenceItem(DCM_GraphicObjectSequence, object, k).good(); ++k) {
      Graphic g{groupOf(*object), stringOf(*object, DCM_GraphicType), {}};
      auto points = pointsOf(*object, DCM_GraphicData, stringOf(*object, DCM_GraphicAnnotationUnits), area, path);
      if (!points.ok()) return points.error();
      g.points = std::move(points).value();
      graphics.push_back(std::move(g));
    }
    for (unsigned long k = 0; annotation->findAndGetSequenceItem(DCM_TextObjectSequence, object, k).good(); ++k) {
      Text t{groupOf(*object), stringOf(*object, DCM_UnformattedTextValue), {}, false, {}};
      if (object->tagExists(DCM_AnchorPoint)) {
        auto anchor = pointsOf(*object, DCM_AnchorPoint, stringOf(*object, DCM_AnchorPointAnnotationUnits), area, path);
        if (anchor.ok() && anchor.value().size() == 1) t.anchor = anchor.value()[0];
        t.anchorVisible = stringOf(*object, DCM_AnchorPointVisibility) == "Y";
      }
      if (object->tagExists(DCM_BoundingBoxTopLeftHandCorner) &&
          object->tagExists(DCM_BoundingBoxBottomRightHandCorner)) {
        const std::string units = stringOf(*object, DCM_BoundingBoxAnnotationUnits);
        auto tl = pointsOf(*object, DCM_BoundingBoxTopLeftHandCorner, units, area, path);
        auto br = pointsOf(*object, DCM_BoundingBoxBottomRightHandCorner, units, area, path);
        if (tl.ok() && br.ok() && tl.value().size() == 1 && br.value().size() == 1)
          t.boxCentre = Point{(tl.value()[0].x + br.value()[0].x) / 2, (tl.value()[0].y + br.value()[0].y) / 2};
      }
      texts.push_back(std::move(t));
    }
  }
  return Status::success();
}

// The inverse of the writer's ellipsePoints: the horizontal pair gives the corners' x, the vertical
// pair their y, each in the order written.
std::vector<Point> ellipseCorners(const std::vector<Point>& p) {
  const bool majorHorizontal = p[0].y == p[1].y;
  const Point& h0 = majorHorizontal ? p[0] : p[2];
  const Point& h1 = majorHorizontal ? p[1] : p[3];
  const Point& v0 = majorHorizontal ? p[2] : p[0];
  const Point& v1 = majorHorizontal ? p[3] : p[1];
  return {{h0.x, v0.y}, {h1.x, v1.y}};
}

std::optional<Annotation> fromHilumGroup(Kind kind, const std::vector<const Graphic*>& g) {
  const auto has = [&](std::size_t index, std::size_t points) {
    return g.size() > index && g[index]->points.size() == points;
  };
  Annotation a;
  a.kind = kind;
  switch (kind) {
    case Kind::Distance:
      if (!has(0, 2)) return std::nullopt;
      a.points = g[0]->points;
      break;
    case Kind::Angle:
      if (!has(0, 3)) return std::nullopt;
      a.points = g[0]->points;
      break;
    case Kind::Rectangle:
      if (!has(0, 5)) return std::nullopt;
      a.points = {g[0]->points[0], g[0]->points[2]};
      break;
    case Kind::Ellipse:
      if (!has(0, 4) || g[0]->type != "ELLIPSE") return std::nullopt;
      a.points = ellipseCorners(g[0]->points);
      break;
    case Kind::Arrow:
      if (!has(0, 2)) return std::nullopt;
      a.points = g[0]->points;
      break;
    case Kind::CardiothoracicRatio:
      if (!has(0, 2) || !has(1, 2)) return std::nullopt;
      a.points = {g[0]->points[0], g[0]->points[1], g[1]->points[0], g[1]->points[1]};
      break;
  }
  return a;
}

// Another viewer's graphic, by its shape alone.
std::optional<Annotation> fromForeignGraphic(const Graphic& g) {
  const auto& p = g.points;
  if (g.type == "POLYLINE" && p.size() == 2) return Annotation{Kind::Distance, p, {}};
  if (g.type == "POLYLINE" && p.size() == 3) return Annotation{Kind::Angle, p, {}};
  if (g.type == "POLYLINE" && p.size() == 5 && p[4] == p[0]) {
    const bool axisAligned = (p[0].y == p[1].y && p[1].x == p[2].x && p[2].y == p[3].y && p[3].x == p[0].x) ||
                             (p[0].x == p[1].x && p[1].y == p[2].y && p[2].x == p[3].x && p[3].y == p[0].y);
    if (axisAligned) return Annotation{Kind::Rectangle, {p[0], p[2]}, {}};
  }
  if (g.type == "ELLIPSE" && p.size() == 4) {
    double minX = p[0].x, maxX = minX, minY = p[0].y, maxY = minY;
    for (const Point& q : p) {
      minX = std::min(minX, q.x), maxX = std::max(maxX, q.x), minY = std::min(minY, q.y), maxY = std::max(maxY, q.y);
    }
    return Annotation{Kind::Ellipse, {{minX, minY}, {maxX, maxY}}, {}};
  }
  if (g.type == "CIRCLE" && p.size() == 2) {
    const double r = std::hypot(p[1].x - p[0].x, p[1].y - p[0].y);
    return Annotation{Kind::Ellipse, {{p[0].x - r, p[0].y - r}, {p[0].x + r, p[0].y + r}}, {}};
  }
  return std::nullopt;
}

Result<std::vector<Annotation>> read(const std::string& path) {
  if (!std::filesystem::exists(path)) return Error(Module::Report, ErrorCode::NotFound, "no such file", path);
  if (const auto deep = film::dicomStructureProblem(path)) return Error(Module::Report, ErrorCode::Malformed, *deep, path);
  DcmFileFormat file;
  const OFCondition loaded = file.loadFile(path.c_str());
  if (loaded.bad()) return dcmtkError(ErrorCode::Malformed, "not a readable DICOM file", loaded, path);
  DcmDataset& ds = *file.getDataset();
  if (stringOf(ds, DCM_SOPClassUID).rfind(kPresentationStatePrefix, 0) != 0)
    return Error(Module::Report, ErrorCode::Unsupported, "not a presentation state", path);
  ds.convertToUTF8();  // texts come back as UTF-8 whatever the file's character set

  std::map<Uint32, Group> groups;
  DcmItem* item = nullptr;
  for (unsigned long i = 0; ds.findAndGetSequenceItem(DCM_GraphicGroupSequence, item, i).good(); ++i) {
    Uint32 id = 0;
    if (item->findAndGetUint32(DCM_GraphicGroupID, id).good())
      groups[id] = {stringOf(*item, DCM_GraphicGroupLabel), stringOf(*item, DCM_GraphicGroupDescription)};
  }
  std::vector<Graphic> graphics;
  std::vector<Text> texts;
  const Status collected = collect(ds, displayedArea(ds), path, graphics, texts);
  if (!collected.ok()) return collected.error();

  // A group is Hilum's when its label names a kind; its graphics then decode exactly.
  const auto hilumKind = [&](const std::optional<Uint32>& id) -> std::optional<Kind> {
    Kind kind = Kind::Distance;
    if (id && groups.count(*id) && measure::kindFromString(groups[*id].label, kind)) return kind;
    return std::nullopt;
  };
  std::vector<Annotation> annotations;
  std::set<Uint32> done;
  for (const Graphic& g : graphics) {
    if (const auto kind = hilumKind(g.group)) {
      if (!done.insert(*g.group).second) continue;
      std::vector<const Graphic*> members;
      for (const Graphic& other : graphics)
        if (other.group == g.group) members.push_back(&other);
      auto annotation = fromHilumGroup(*kind, members);
      if (!annotation)
        return Error(Module::Report, ErrorCode::Malformed,
                     "graphic group " + std::to_string(*g.group) + " (" + groups[*g.group].label +
                         ") does not have the graphics its kind needs",
                     path);
      annotation->text = groups[*g.group].description;
      annotations.push_back(std::move(*annotation));
    } else if (auto annotation = fromForeignGraphic(g)) {
      annotations.push_back(std::move(*annotation));
    }
  }
  // Other viewers' arrows: a text whose visible anchor points at something.
  for (const Text& t : texts) {
    if (hilumKind(t.group) || !t.anchor || !t.anchorVisible || !t.boxCentre) continue;
    annotations.push_back(Annotation{Kind::Arrow, {*t.boxCentre, *t.anchor}, t.value});
  }
  return annotations;
}

}  // namespace

Result<std::vector<Annotation>> readPresentationState(const std::string& path) {
  try {
    return read(path);
  } catch (const std::exception& e) {
    return Error(Module::Report, ErrorCode::Internal, e.what(), path);
  }
}

}  // namespace hilum::derived
