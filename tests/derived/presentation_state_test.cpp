// Annotations as a Grayscale Softcopy Presentation State: what other viewers draw, and what
// Hilum reads back.
#include "derived_support.h"
#include "temp_dir.h"

#include "hilum/derived/derived_objects.h"

#include <catch2/catch.hpp>
#include <dcmtk/config/osconfig.h>
#include <dcmtk/dcmdata/dcdeftag.h>
#include <dcmtk/dcmdata/dcfilefo.h>
#include <dcmtk/dcmdata/dcuid.h>
#include <dcmtk/dcmpstat/dcmpstat.h>

#include <cmath>

using namespace hilum::derived;
using namespace hilum::test;
using hilum::measure::Annotation;
using hilum::measure::Kind;

namespace {

// Coordinates exactly representable as 32-bit floats, so the round trip can be exact.
std::vector<Annotation> everyKind() {
  return {
      {Kind::Distance, {{10.5, 20.25}, {40.75, 30.5}}, {}},
      {Kind::Angle, {{5, 40}, {20.5, 22}, {44, 41.125}}, {}},
      {Kind::Rectangle, {{5, 6}, {20.5, 18}}, {}},
      {Kind::Rectangle, {{30, 40}, {12, 8}}, {}},  // corners given bottom-right first
      {Kind::Ellipse, {{8, 10}, {30, 22}}, {}},    // wider than tall
      {Kind::Ellipse, {{40, 44}, {33, 5}}, {}},    // taller than wide, corners reversed
      {Kind::Arrow, {{50, 10}, {30, 25}}, "nodule?"},
      {Kind::CardiothoracicRatio, {{20, 30}, {40, 30}, {8, 36}, {56, 36}}, {}},
      {Kind::Distance, {{1, 1}, {2, 2}}, "free text kept"},
  };
}

std::vector<std::string> textValues(DcmItem& ds) {
  std::vector<std::string> texts;
  DcmItem* annotation = nullptr;
  for (unsigned long i = 0; ds.findAndGetSequenceItem(DCM_GraphicAnnotationSequence, annotation, i).good(); ++i) {
    DcmItem* text = nullptr;
    for (unsigned long k = 0; annotation->findAndGetSequenceItem(DCM_TextObjectSequence, text, k).good(); ++k)
      texts.push_back(stringOf(*text, DCM_UnformattedTextValue));
  }
  return texts;
}

void putGraphic(DcmItem& annotation, const char* type, const char* units, std::vector<Float32> data) {
  DcmItem* object = nullptr;
  REQUIRE(annotation.findOrCreateSequenceItem(DCM_GraphicObjectSequence, object, -2).good());
  object->putAndInsertString(DCM_GraphicAnnotationUnits, units);
  object->putAndInsertUint16(DCM_GraphicDimensions, 2);
  object->putAndInsertUint16(DCM_NumberOfGraphicPoints, static_cast<Uint16>(data.size() / 2));
  object->putAndInsertFloat32Array(DCM_GraphicData, data.data(), static_cast<unsigned long>(data.size()));
  object->putAndInsertString(DCM_GraphicType, type);
}

}  // namespace

TEST_CASE("presentation state round trip gives back every kind of annotation", "[derived][gsps]") {
  TempDir dir;
  const std::string film = writeIdentifiedFilm(dir, "film.dcm");
  const auto source = loadDicom(film);
  DcmDataset& in = *source->getDataset();
  const std::vector<Annotation> annotations = everyKind();
  const std::vector<std::string> labels = {"30.2 mm", "45.0\xC2\xB0", "", "area 12 mm\xC2\xB2"};

  const auto out = writePresentationState(film, annotations, labels, {}, dir.file("pr.dcm"));
  REQUIRE(out.ok());
  const auto back = readPresentationState(dir.file("pr.dcm"));
  REQUIRE(back.ok());
  REQUIRE(back.value().size() == annotations.size());
  for (std::size_t i = 0; i < annotations.size(); ++i) {
    INFO("annotation " << i << " (" << hilum::measure::toString(annotations[i].kind) << ")");
    CHECK(back.value()[i].kind == annotations[i].kind);
    CHECK(back.value()[i].points == annotations[i].points);
    CHECK(back.value()[i].text == annotations[i].text);
  }

  const auto file = loadDicom(dir.file("pr.dcm"));
  DcmDataset& ds = *file->getDataset();
  CHECK(stringOf(ds, DCM_SOPClassUID) == UID_GrayscaleSoftcopyPresentationStateStorage);
  CHECK(stringOf(ds, DCM_Modality) == "PR");
  CHECK(stringOf(ds, DCM_StudyInstanceUID) == stringOf(in, DCM_StudyInstanceUID));
  CHECK(stringOf(ds, DCM_PatientName) == "Doe^Jane");
  DcmItem *series = nullptr, *image = nullptr;
  REQUIRE(ds.findAndGetSequenceItem(DCM_ReferencedSeriesSequence, series, 0).good());
  CHECK(stringOf(*series, DCM_SeriesInstanceUID) == stringOf(in, DCM_SeriesInstanceUID));
  REQUIRE(series->findAndGetSequenceItem(DCM_ReferencedImageSequence, image, 0).good());
  CHECK(stringOf(*image, DCM_ReferencedSOPInstanceUID) == stringOf(in, DCM_SOPInstanceUID));
  CHECK(stringOf(*image, DCM_ReferencedSOPClassUID) == UID_ComputedRadiographyImageStorage);
  DcmItem* area = nullptr;
  REQUIRE(ds.findAndGetSequenceItem(DCM_DisplayedAreaSelectionSequence, area, 0).good());
  CHECK(stringOf(*area, DCM_DisplayedAreaBottomRightHandCorner) == "64\\48");
  CHECK(stringOf(ds, DCM_PresentationLUTShape) == "IDENTITY");
  DcmItem* voi = nullptr;
  REQUIRE(ds.findAndGetSequenceItem(DCM_SoftcopyVOILUTSequence, voi, 0).good());
  CHECK(stringOf(*voi, DCM_WindowCenter) == "2048");
  CHECK(stringOf(*voi, DCM_WindowWidth) == "4096");
  // Every annotation references the film, on Hilum's layer.
  DcmItem* annotation = nullptr;
  unsigned long items = 0;
  for (; ds.findAndGetSequenceItem(DCM_GraphicAnnotationSequence, annotation, items).good(); ++items) {
    CHECK(stringOf(*annotation, DCM_GraphicLayer) == "HILUM");
    REQUIRE(annotation->findAndGetSequenceItem(DCM_ReferencedImageSequence, image, 0).good());
    CHECK(stringOf(*image, DCM_ReferencedSOPInstanceUID) == stringOf(in, DCM_SOPInstanceUID));
  }
  CHECK(items == annotations.size());
  const std::vector<std::string> texts = textValues(ds);
  for (const char* expected : {"30.2 mm", "45.0\xC2\xB0", "area 12 mm\xC2\xB2", "nodule?"}) {
    CHECK(std::find(texts.begin(), texts.end(), expected) != texts.end());
  }
  CHECK(texts.size() == 4);
  // ELLIPSE lists the major axis first (PS3.3 C.10.5.1.2), whichever way the box is oriented.
  std::size_t ellipses = 0;
  for (unsigned long i = 0; ds.findAndGetSequenceItem(DCM_GraphicAnnotationSequence, annotation, i).good(); ++i) {
    DcmItem* object = nullptr;
    for (unsigned long k = 0; annotation->findAndGetSequenceItem(DCM_GraphicObjectSequence, object, k).good(); ++k) {
      if (stringOf(*object, DCM_GraphicType) != "ELLIPSE") continue;
      const Float32* p = nullptr;
      unsigned long n = 0;
      REQUIRE(object->findAndGetFloat32Array(DCM_GraphicData, p, &n).good());
      REQUIRE(n == 8);
      CHECK(std::hypot(p[2] - p[0], p[3] - p[1]) >= std::hypot(p[6] - p[4], p[7] - p[5]));
      CHECK(stringOf(*object, DCM_GraphicFilled) == "N");
      ++ellipses;
    }
  }
  CHECK(ellipses == 2);

  // DCMTK's own presentation state parser (what DCMTK-based viewers use) accepts it.
  DcmPresentationState state;
  CHECK(state.read(ds).good());
  requireValidIod(dir.file("pr.dcm"));
}

TEST_CASE("a MONOCHROME1 film without a window is inverted once over its full range", "[derived][gsps]") {
  TempDir dir;
  const std::string film = writeIdentifiedFilm(dir, "film.dcm", {{"PhotometricInterpretation", "MONOCHROME1"}});
  // Drop the window the identity gives every film.
  auto file = loadDicom(film);
  file->getDataset()->findAndDeleteElement(DCM_WindowCenter);
  file->getDataset()->findAndDeleteElement(DCM_WindowWidth);
  REQUIRE(file->saveFile(film.c_str(), EXS_LittleEndianExplicit).good());

  REQUIRE(writePresentationState(film, {{Kind::Distance, {{1, 2}, {3, 4}}, {}}}, {}, {}, dir.file("pr.dcm")).ok());
  const auto written = loadDicom(dir.file("pr.dcm"));
  DcmDataset& ds = *written->getDataset();
  CHECK(stringOf(ds, DCM_PresentationLUTShape) == "INVERSE");
  DcmItem* voi = nullptr;
  REQUIRE(ds.findAndGetSequenceItem(DCM_SoftcopyVOILUTSequence, voi, 0).good());
  CHECK(stringOf(*voi, DCM_WindowCenter) == "2048");  // 12 bits stored: 0..4095
  CHECK(stringOf(*voi, DCM_WindowWidth) == "4096");
  requireValidIod(dir.file("pr.dcm"));
}

TEST_CASE("other viewers' graphics are read by their shape, DISPLAY units included", "[derived][gsps]") {
  TempDir dir;
  const std::string film = writeIdentifiedFilm(dir, "film.dcm");
  REQUIRE(writePresentationState(film, {{Kind::Distance, {{1, 2}, {3, 4}}, {}}}, {}, {}, dir.file("pr.dcm")).ok());
  auto file = loadDicom(dir.file("pr.dcm"));
  DcmDataset& ds = *file->getDataset();
  ds.findAndDeleteElement(DCM_GraphicAnnotationSequence);
  ds.findAndDeleteElement(DCM_GraphicGroupSequence);
  DcmItem* annotation = nullptr;
  REQUIRE(ds.findOrCreateSequenceItem(DCM_GraphicAnnotationSequence, annotation, -2).good());
  annotation->putAndInsertString(DCM_GraphicLayer, "HILUM");
  putGraphic(*annotation, "POLYLINE", "DISPLAY", {0.25f, 0.5f, 0.75f, 0.5f});         // 64 x 48 film
  putGraphic(*annotation, "CIRCLE", "PIXEL", {10, 10, 14, 10});
  putGraphic(*annotation, "POLYLINE", "PIXEL", {2, 3, 9, 3, 9, 7, 2, 7, 2, 3});
  putGraphic(*annotation, "POINT", "PIXEL", {5, 5});                                   // no Hilum kind
  DcmItem* text = nullptr;
  REQUIRE(annotation->findOrCreateSequenceItem(DCM_TextObjectSequence, text, -2).good());
  text->putAndInsertString(DCM_UnformattedTextValue, "look here");
  text->putAndInsertString(DCM_BoundingBoxAnnotationUnits, "PIXEL");
  const Float32 tl[] = {30, 30}, br[] = {40, 35}, anchor[] = {20, 20};
  text->putAndInsertFloat32Array(DCM_BoundingBoxTopLeftHandCorner, tl, 2);
  text->putAndInsertFloat32Array(DCM_BoundingBoxBottomRightHandCorner, br, 2);
  text->putAndInsertString(DCM_BoundingBoxTextHorizontalJustification, "LEFT");
  text->putAndInsertString(DCM_AnchorPointAnnotationUnits, "PIXEL");
  text->putAndInsertFloat32Array(DCM_AnchorPoint, anchor, 2);
  text->putAndInsertString(DCM_AnchorPointVisibility, "Y");
  REQUIRE(file->saveFile(dir.file("foreign.dcm").c_str(), EXS_LittleEndianExplicit).good());

  const auto back = readPresentationState(dir.file("foreign.dcm"));
  REQUIRE(back.ok());
  const std::vector<Annotation> expected = {
      {Kind::Distance, {{16, 24}, {48, 24}}, {}},
      {Kind::Ellipse, {{6, 6}, {14, 14}}, {}},
      {Kind::Rectangle, {{2, 3}, {9, 7}}, {}},
      {Kind::Arrow, {{35, 32.5}, {20, 20}}, "look here"},
  };
  REQUIRE(back.value().size() == expected.size());
  for (std::size_t i = 0; i < expected.size(); ++i) {
    INFO("annotation " << i);
    CHECK(back.value()[i].kind == expected[i].kind);
    CHECK(back.value()[i].points == expected[i].points);
    CHECK(back.value()[i].text == expected[i].text);
  }
}

TEST_CASE("a presentation state needs a grayscale DICOM film and complete annotations", "[derived][gsps]") {
  TempDir dir;
  const std::string film = writeIdentifiedFilm(dir, "film.dcm");
  writeBytes(dir.file("film.png"), std::string("\x89PNG\r\n\x1a\n", 8) + std::string(64, '\0'));
  const Annotation distance{Kind::Distance, {{1, 2}, {3, 4}}, {}};

  auto out = writePresentationState(dir.file("film.png"), {distance}, {}, {}, dir.file("pr.dcm"));
  REQUIRE_FALSE(out.ok());
  CHECK(out.error().code() == hilum::ErrorCode::Unsupported);
  out = writePresentationState(film, {{Kind::Angle, {{1, 2}, {3, 4}}, {}}}, {}, {}, dir.file("pr.dcm"));
  REQUIRE_FALSE(out.ok());
  CHECK(out.error().code() == hilum::ErrorCode::InvalidArgument);
  out = writePresentationState(film, {distance}, {"a", "b"}, {}, dir.file("pr.dcm"));
  REQUIRE_FALSE(out.ok());
  CHECK(out.error().code() == hilum::ErrorCode::InvalidArgument);
}

TEST_CASE("reading a film as a presentation state fails with the reason", "[derived][gsps]") {
  TempDir dir;
  const std::string film = writeIdentifiedFilm(dir, "film.dcm");
  const auto read = readPresentationState(film);
  REQUIRE_FALSE(read.ok());
  CHECK(read.error().code() == hilum::ErrorCode::Unsupported);
  const auto missing = readPresentationState(dir.file("absent.dcm"));
  REQUIRE_FALSE(missing.ok());
  CHECK(missing.error().code() == hilum::ErrorCode::NotFound);
}
