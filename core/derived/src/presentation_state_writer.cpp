// Grayscale Softcopy Presentation State IOD (PS3.3 A.33.1): Hilum's annotations on the film, in
// the form every DICOM viewer draws. readPresentationState (presentation_state_reader.cpp) reads
// them back; the encoding rules below are shared with it.
#include "hilum/derived/derived_objects.h"

#include "deidentify_p.h"
#include "dicom_output_p.h"
#include "dicom_source_p.h"

#include <dcmtk/dcmdata/dcdeftag.h>
#include <dcmtk/dcmdata/dcfilefo.h>
#include <dcmtk/dcmdata/dcuid.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <exception>

namespace hilum::derived {

using namespace detail;
using measure::Annotation;
using measure::Kind;
using measure::Point;

namespace {

constexpr const char* kLayer = "HILUM";  // CS, 16 characters at most

struct Graphic {
  const char* type;  // POLYLINE or ELLIPSE
  std::vector<Point> points;
  bool closed = false;  // Graphic Filled is required (and N) for closed shapes
};

// Major axis first (PS3.3 C.10.5.1.2: ELLIPSE gives the major axis end points, then the minor's).
// Each axis keeps the order of the corners it came from, so the reader restores both corners.
std::vector<Point> ellipsePoints(const Point& a, const Point& b) {
  const Point centre{(a.x + b.x) / 2, (a.y + b.y) / 2};
  const std::vector<Point> horizontal{{a.x, centre.y}, {b.x, centre.y}};
  const std::vector<Point> vertical{{centre.x, a.y}, {centre.x, b.y}};
  std::vector<Point> points = std::abs(b.x - a.x) >= std::abs(b.y - a.y) ? horizontal : vertical;
  const std::vector<Point>& minor = points == horizontal ? vertical : horizontal;
  points.insert(points.end(), minor.begin(), minor.end());
  return points;
}

// A "V" at the head, 25 degrees either side of the shaft, a quarter of its length (4..40 px).
std::vector<Point> arrowHead(const Point& tail, const Point& head) {
  const double dx = tail.x - head.x, dy = tail.y - head.y;
  const double length = std::hypot(dx, dy);
  if (length == 0) return {head, head};
  const double size = std::clamp(length / 4, 4.0, 40.0);
  constexpr double kPi = 3.14159265358979323846;
  const double angle = 25.0 * kPi / 180.0;
  const auto arm = [&](double sign) {
    const double c = std::cos(sign * angle), s = std::sin(sign * angle);
    return Point{head.x + (dx * c - dy * s) / length * size, head.y + (dx * s + dy * c) / length * size};
  };
  return {arm(1), head, arm(-1)};
}

std::vector<Graphic> graphicsFor(const Annotation& a) {
  const auto& p = a.points;
  switch (a.kind) {
    case Kind::Distance: return {{"POLYLINE", {p[0], p[1]}}};
    case Kind::Angle: return {{"POLYLINE", {p[0], p[1], p[2]}}};
    case Kind::Rectangle:
      return {{"POLYLINE", {p[0], {p[1].x, p[0].y}, p[1], {p[0].x, p[1].y}, p[0]}, true}};
    case Kind::Ellipse: return {{"ELLIPSE", ellipsePoints(p[0], p[1]), true}};
    case Kind::Arrow: return {{"POLYLINE", {p[0], p[1]}}, {"POLYLINE", arrowHead(p[0], p[1])}};
    case Kind::CardiothoracicRatio: return {{"POLYLINE", {p[0], p[1]}}, {"POLYLINE", {p[2], p[3]}}};
  }
  return {};
}

std::size_t codePoints(const std::string& utf8) {
  return static_cast<std::size_t>(
      std::count_if(utf8.begin(), utf8.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

struct Box {
  double left, top, right, bottom;
};

// A text box beside `near`, on the side away from `away`, kept inside the film. Height about 1/60
// of the film's long side: readable at fit-to-window without covering the lung fields.
Box textBox(const std::string& text, const Point& near, bool leftOfNear, int columns, int rows) {
  const double height = std::clamp(std::round(std::max(columns, rows) / 60.0), 8.0, 200.0);
  const double width = std::min<double>(columns, std::max<std::size_t>(1, codePoints(text)) * 0.6 * height);
  const double gap = height / 2;
  double left = leftOfNear ? near.x - gap - width : near.x + gap;
  if (left + width > columns) left = near.x - gap - width;
  left = std::clamp(left, 0.0, std::max(0.0, columns - width));
  double top = std::clamp(near.y - height / 2, 0.0, std::max(0.0, rows - height));
  return {left, top, std::min<double>(columns, left + width), std::min<double>(rows, top + height)};
}

void putPoints(DcmItem& item, const DcmTagKey& tag, const std::vector<Point>& points) {
  std::vector<Float32> data;
  for (const Point& p : points) {
    data.push_back(static_cast<Float32>(p.x));
    data.push_back(static_cast<Float32>(p.y));
  }
  item.putAndInsertFloat32Array(tag, data.data(), static_cast<unsigned long>(data.size()));
}

void putText(DcmItem& annotation, const std::string& text, const Box& box, Uint32 group) {
  DcmItem& object = appendItem(annotation, DCM_TextObjectSequence);
  object.putAndInsertString(DCM_BoundingBoxAnnotationUnits, "PIXEL");
  object.putAndInsertString(DCM_UnformattedTextValue, text.c_str());
  putPoints(object, DCM_BoundingBoxTopLeftHandCorner, {{box.left, box.top}});
  putPoints(object, DCM_BoundingBoxBottomRightHandCorner, {{box.right, box.bottom}});
  object.putAndInsertString(DCM_BoundingBoxTextHorizontalJustification, "LEFT");
  object.putAndInsertUint32(DCM_GraphicGroupID, group);
}

std::string decimal(double value) {
  char text[32];
  std::snprintf(text, sizeof text, "%.10g", value);
  return text;
}

void copyInto(DcmItem& from, DcmItem& to) {
  for (unsigned long i = 0; i < from.card(); ++i)
    to.insert(static_cast<DcmElement*>(from.getElement(i)->clone()), OFTrue);
}

// Modality LUT, VOI and Presentation LUT as Hilum applies them to this film (PS3.14 pipeline):
// a presentation state replaces the image's own, so they are carried over, not left to chance.
void putGrayscalePipeline(DcmItem& film, DcmItem& ds) {
  DcmItem* lut = nullptr;
  double slope = 1, intercept = 0;
  if (film.findAndGetSequenceItem(DCM_ModalityLUTSequence, lut, 0).good() && lut != nullptr) {
    copyInto(*lut, appendItem(ds, DCM_ModalityLUTSequence));
  } else if (film.tagExistsWithValue(DCM_RescaleSlope) || film.tagExistsWithValue(DCM_RescaleIntercept)) {
    film.findAndGetFloat64(DCM_RescaleSlope, slope);
    film.findAndGetFloat64(DCM_RescaleIntercept, intercept);
    ds.putAndInsertString(DCM_RescaleSlope, decimal(slope).c_str());
    ds.putAndInsertString(DCM_RescaleIntercept, decimal(intercept).c_str());
    const std::string type = stringOf(film, DCM_RescaleType);
    ds.putAndInsertString(DCM_RescaleType, type.empty() ? "US" : type.c_str());  // "unspecified"
  }

  OFString center, width;
  if (film.findAndGetOFString(DCM_WindowCenter, center, 0).good() &&
      film.findAndGetOFString(DCM_WindowWidth, width, 0).good() && !center.empty() && !width.empty()) {
    DcmItem& voi = appendItem(ds, DCM_SoftcopyVOILUTSequence);
    voi.putAndInsertString(DCM_WindowCenter, center.c_str());
    voi.putAndInsertString(DCM_WindowWidth, width.c_str());
    OFString explanation;
    if (film.findAndGetOFString(DCM_WindowCenterWidthExplanation, explanation, 0).good() && !explanation.empty())
      voi.putAndInsertString(DCM_WindowCenterWidthExplanation, explanation.c_str());
    const std::string function = stringOf(film, DCM_VOILUTFunction);
    if (!function.empty()) voi.putAndInsertString(DCM_VOILUTFunction, function.c_str());
  } else if (film.findAndGetSequenceItem(DCM_VOILUTSequence, lut, 0).good() && lut != nullptr) {
    copyInto(*lut, appendItem(appendItem(ds, DCM_SoftcopyVOILUTSequence), DCM_VOILUTSequence));
  } else {
    // No window in the file: the full stored range, as Hilum opens such films (identity VOI would
    // show a 12-bit film nearly black).
    Uint16 bits = 8, signedness = 0;
    film.findAndGetUint16(DCM_BitsStored, bits);
    film.findAndGetUint16(DCM_PixelRepresentation, signedness);
    const double range = std::ldexp(1.0, std::clamp<int>(bits, 1, 32));
    double low = signedness != 0 ? -range / 2 : 0, high = low + range - 1;
    low = low * slope + intercept;
    high = high * slope + intercept;
    if (low > high) std::swap(low, high);
    DcmItem& voi = appendItem(ds, DCM_SoftcopyVOILUTSequence);
    voi.putAndInsertString(DCM_WindowCenter, decimal((low + high + 1) / 2).c_str());
    voi.putAndInsertString(DCM_WindowWidth, decimal(high - low + 1).c_str());
    voi.putAndInsertString(DCM_WindowCenterWidthExplanation, "FULL RANGE");
  }

  // MONOCHROME1 or an INVERSE shape: inverted exactly once, as in Hilum's display.
  const bool inverse = stringOf(film, DCM_PhotometricInterpretation) == "MONOCHROME1" ||
                       stringOf(film, DCM_PresentationLUTShape) == "INVERSE";
  ds.putAndInsertString(DCM_PresentationLUTShape, inverse ? "INVERSE" : "IDENTITY");
}

Status checkInput(const std::vector<Annotation>& annotations, const std::vector<std::string>& labels,
                  const std::string& outPath) {
  const auto invalid = [&](const std::string& why) {
    return Error(Module::Report, ErrorCode::InvalidArgument, why, outPath);
  };
  if (labels.size() > annotations.size())
    return invalid(std::to_string(labels.size()) + " labels for " + std::to_string(annotations.size()) +
                   " annotations");
  for (std::size_t i = 0; i < annotations.size(); ++i) {
    const Annotation& a = annotations[i];
    if (!a.complete())
      return invalid("annotation " + std::to_string(i + 1) + " (" + measure::toString(a.kind) + ") has " +
                     std::to_string(a.points.size()) + " points, " + std::to_string(measure::pointCount(a.kind)) +
                     " expected");
    for (const Point& p : a.points)
      if (!std::isfinite(p.x) || !std::isfinite(p.y))
        return invalid("annotation " + std::to_string(i + 1) + " has a point that is not a number");
  }
  return Status::success();
}

Result<OutputInfo> write(const std::string& sourcePath, const std::vector<Annotation>& annotations,
                         const std::vector<std::string>& labels, const Deidentify& deid, const std::string& outPath) {
  const Status valid = checkInput(annotations, labels, outPath);
  if (!valid.ok()) return valid.error();
  auto source = openSource(sourcePath);
  if (!source.ok()) return source.error();
  const Source& film = source.value();
  if (!film.referable())
    return Error(Module::Report, ErrorCode::Unsupported,
                 "a presentation state needs a DICOM image (with SOP Class and Instance UID) to refer to", sourcePath);
  DcmItem& image = film.dataset();
  Uint16 rows = 0, columns = 0;
  image.findAndGetUint16(DCM_Rows, rows);
  image.findAndGetUint16(DCM_Columns, columns);
  const std::string photometric = stringOf(image, DCM_PhotometricInterpretation);
  if (rows == 0 || columns == 0 || (photometric != "MONOCHROME1" && photometric != "MONOCHROME2"))
    return Error(Module::Report, ErrorCode::Unsupported,
                 "a grayscale presentation state needs a MONOCHROME image (this is " +
                     (photometric.empty() ? std::string("not an image") : photometric) + ")",
                 sourcePath);
  const Timestamp when = now();

  DcmFileFormat file;
  DcmDataset& ds = *file.getDataset();
  copyPatientAndStudy(film, ds);
  putNewInstance(ds, UID_GrayscaleSoftcopyPresentationStateStorage, "PR", "Hilum annotations",
                 kPresentationStateSeries, when);
  putBodyPartAndLaterality(film, ds);
  // Presentation State Identification.
  ds.putAndInsertString(DCM_ContentLabel, "HILUM");
  ds.putAndInsertString(DCM_ContentDescription, "Hilum annotations and measurements");
  ds.putAndInsertString(DCM_PresentationCreationDate, when.date.c_str());
  ds.putAndInsertString(DCM_PresentationCreationTime, when.time.c_str());
  ds.insertEmptyElement(DCM_ContentCreatorName);
  // Presentation State Relationship.
  DcmItem& series = appendItem(ds, DCM_ReferencedSeriesSequence);
  series.putAndInsertString(DCM_SeriesInstanceUID, film.seriesInstanceUid.c_str());
  putSourceReference(film, appendItem(series, DCM_ReferencedImageSequence));
  // Displayed Area: the whole film, scaled to the viewer's window (integer pixel indices from 1).
  DcmItem& area = appendItem(ds, DCM_DisplayedAreaSelectionSequence);
  area.putAndInsertString(DCM_DisplayedAreaTopLeftHandCorner, "1\\1");
  area.putAndInsertString(DCM_DisplayedAreaBottomRightHandCorner,
                          (std::to_string(columns) + "\\" + std::to_string(rows)).c_str());
  area.putAndInsertString(DCM_PresentationSizeMode, "SCALE TO FIT");
  const std::string aspect = stringOf(image, DCM_PixelAspectRatio);
  area.putAndInsertString(DCM_PresentationPixelAspectRatio, aspect.empty() ? "1\\1" : aspect.c_str());

  // Graphic Layer: one, drawn white on grayscale displays and yellow (CIELab) on colour ones.
  DcmItem& layer = appendItem(ds, DCM_GraphicLayerSequence);
  layer.putAndInsertString(DCM_GraphicLayer, kLayer);
  layer.putAndInsertString(DCM_GraphicLayerOrder, "1");
  layer.putAndInsertUint16(DCM_GraphicLayerRecommendedDisplayGrayscaleValue, 0xFFFF);
  const Uint16 yellow[] = {63569, 27499, 57054};  // L* 97, a* -21, b* 94, scaled as PS3.3 C.10.7.1.1
  layer.putAndInsertUint16Array(DCM_GraphicLayerRecommendedDisplayCIELabValue, yellow, 3);
  layer.putAndInsertString(DCM_GraphicLayerDescription, "Hilum annotations");

  for (std::size_t i = 0; i < annotations.size(); ++i) {
    const Annotation& a = annotations[i];
    const auto groupId = static_cast<Uint32>(i + 1);
    // Graphic Group: the kind and the annotation's own text, which is what makes the round trip exact.
    DcmItem& group = appendItem(ds, DCM_GraphicGroupSequence);
    group.putAndInsertUint32(DCM_GraphicGroupID, groupId);
    group.putAndInsertString(DCM_GraphicGroupLabel, measure::toString(a.kind));
    if (!a.text.empty()) group.putAndInsertString(DCM_GraphicGroupDescription, a.text.c_str());

    DcmItem& item = appendItem(ds, DCM_GraphicAnnotationSequence);
    putSourceReference(film, appendItem(item, DCM_ReferencedImageSequence));
    item.putAndInsertString(DCM_GraphicLayer, kLayer);
    double minX = a.points[0].x, maxX = minX, minY = a.points[0].y, maxY = minY;
    for (const Point& p : a.points) {
      minX = std::min(minX, p.x), maxX = std::max(maxX, p.x), minY = std::min(minY, p.y), maxY = std::max(maxY, p.y);
    }
    std::vector<std::string> texts;
    if (a.kind == Kind::Arrow && !a.text.empty()) texts.push_back(a.text);
    const std::string label = i < labels.size() ? labels[i] : std::string();
    if (!label.empty() && (texts.empty() || texts[0] != label)) texts.push_back(label);
    for (std::size_t t = 0; t < texts.size(); ++t) {
      // The arrow's own text at its tail, away from the head; a measurement beside the shape.
      const bool atTail = a.kind == Kind::Arrow && t == 0 && !a.text.empty();
      const Point near = atTail ? a.points[0] : Point{maxX, t == 0 ? minY : maxY};
      const bool leftOf = atTail && a.points[1].x >= a.points[0].x;
      putText(item, texts[t], textBox(texts[t], near, leftOf, columns, rows), groupId);
    }
    for (const Graphic& g : graphicsFor(a)) {
      DcmItem& object = appendItem(item, DCM_GraphicObjectSequence);
      object.putAndInsertString(DCM_GraphicAnnotationUnits, "PIXEL");
      object.putAndInsertUint16(DCM_GraphicDimensions, 2);
      object.putAndInsertUint16(DCM_NumberOfGraphicPoints, static_cast<Uint16>(g.points.size()));
      putPoints(object, DCM_GraphicData, g.points);
      object.putAndInsertString(DCM_GraphicType, g.type);
      if (g.closed) object.putAndInsertString(DCM_GraphicFilled, "N");
      object.putAndInsertUint32(DCM_GraphicGroupID, groupId);
    }
  }
  putGrayscalePipeline(image, ds);

  if (deid.enabled) {
    IodRules rules;
    rules.type2 = {DCM_ContentCreatorName};  // Presentation State Identification: type 2
    rules.retain = {DCM_SeriesDescription, DCM_GraphicAnnotationSequence};
    rules.options = {CleaningOption::Graphics, CleaningOption::Descriptors};
    deidentifyDataset(ds, deid, rules);
  }
  return saveAtomically(file, outPath);
}

}  // namespace

Result<OutputInfo> writePresentationState(const std::string& sourcePath, const std::vector<Annotation>& annotations,
                                          const std::vector<std::string>& labels, const Deidentify& deid,
                                          const std::string& outPath) {
  try {
    return write(sourcePath, annotations, labels, deid, outPath);
  } catch (const std::exception& e) {
    return Error(Module::Report, ErrorCode::Internal, e.what(), outPath);
  }
}

}  // namespace hilum::derived
