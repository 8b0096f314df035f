// Printable outputs on a generated film analysed by a tiny trained pack: the PDF's pages and text,
// the picture's heatmap and annotations, the PNG.
#include "temp_dir.h"
#include "tiny_pack.h"

#include "hilum/ai/analyzer.h"
#include "hilum/report/pdf_report.h"

#include <catch2/catch.hpp>

#include <QFile>
#include <QImage>
#include <QRegularExpression>

#include <cstdio>
#include <cstdlib>
#include <filesystem>

using namespace hilum;

namespace {

report::ReportFilm analysedFilm(const test::TempDir& packDir, const std::string& name = "disc") {
  static std::shared_ptr<ai::Analyzer> analyzer;
  if (!analyzer) {
    test::writeTinyPack(packDir.path());
    auto opened = ai::Analyzer::open(packDir.path());
    REQUIRE(opened.ok());
    analyzer = std::move(opened).value();
  }
  report::ReportFilm rf;
  film::Film film = test::shapesFilm(0.3, 0.5, -1.0, name);
  film::FilmMetadata metadata = film.metadata();
  metadata.patientName = "Doe^Jane";
  metadata.patientId = "P-123";
  rf.film = std::make_shared<const film::Film>(film.path(), film.pixels(), film.display(), film.spacing(), metadata);
  auto findings = analyzer->analyze(*rf.film);
  REQUIRE(findings.ok());
  rf.findings = std::make_shared<const ai::Findings>(std::move(findings).value());
  rf.selectedFinding = 0;
  return rf;
}

std::string readAll(const std::string& path) {
  QFile file(QString::fromStdString(path));
  REQUIRE(file.open(QIODevice::ReadOnly));
  return file.readAll().toStdString();
}

int pageCount(const std::string& pdf) {
  static const QRegularExpression page(QStringLiteral("/Type\\s*/Page[^s]"));
  return static_cast<int>(QString::fromLatin1(pdf.data(), static_cast<int>(pdf.size())).count(page));
}

// The PDF's text through poppler's pdftotext, when installed ("" otherwise).
std::string pdfText(const std::string& pdf) {
  if (std::system("command -v pdftotext >/dev/null 2>&1") != 0) return {};
  const std::string txt = pdf + ".txt";
  REQUIRE(std::system(("pdftotext -layout '" + pdf + "' '" + txt + "'").c_str()) == 0);
  return readAll(txt);
}

}  // namespace

TEST_CASE("the PDF report has one page per film, the findings, measurements, impression and disclaimer", "[report][pdf]") {
  test::TempDir packDir, dir;
  report::ReportRequest request;
  request.films.push_back(analysedFilm(packDir));
  request.films.front().annotations = {{measure::Kind::Distance, {{10, 10}, {60, 10}}, {}}};
  request.films.push_back(analysedFilm(packDir, "prior"));
  auto marked = std::make_shared<ai::Findings>(*request.films.back().findings);
  marked->accepted = false;
  marked->gateReasons = {"view LL (lateral): model trained on PA, AP films"};
  request.films.back().findings = marked;
  request.institution = "St. Example Hospital";
  request.impression = "No acute disease. Compare with prior.";
  request.software = "Hilum test";
  const std::string path = dir.file("report.pdf");
  REQUIRE(report::writePdfReport(request, path).ok());
  const std::string bytes = readAll(path);
  CHECK(bytes.rfind("%PDF", 0) == 0);
  CHECK(pageCount(bytes) == 2);

  const std::string text = pdfText(path);
  if (text.empty()) {
    WARN("pdftotext not installed: text checks skipped");
  } else {
    CHECK_THAT(text, Catch::Contains("St. Example Hospital"));
    CHECK_THAT(text, Catch::Contains("Doe^Jane"));
    CHECK_THAT(text, Catch::Contains("Disc"));
    CHECK_THAT(text, Catch::Contains("tiny-blobs"));
    CHECK_THAT(text, Catch::Contains("No acute disease"));
    CHECK_THAT(text, Catch::Contains("not a diagnosis"));
    CHECK_THAT(text, Catch::Contains("Page 2 of 2"));
    CHECK_THAT(text, Catch::Contains("distance"));
    CHECK_THAT(text, Catch::Contains("Outside the model's training data: view LL"));
  }

  // Anonymised: the name and id appear nowhere.
  request.anonymise = true;
  REQUIRE(report::writePdfReport(request, dir.file("anon.pdf")).ok());
  const std::string anon = pdfText(dir.file("anon.pdf"));
  if (!anon.empty()) {
    CHECK_THAT(anon, !Catch::Contains("Doe^Jane"));
    CHECK_THAT(anon, !Catch::Contains("P-123"));
    CHECK_THAT(anon, Catch::Contains("anonymised"));
  }
}

TEST_CASE("a report that cannot be written says where and leaves nothing behind", "[report][pdf]") {
  test::TempDir packDir, dir;
  report::ReportRequest request;
  request.films.push_back(analysedFilm(packDir));
  const auto status = report::writePdfReport(request, dir.file("missing/folder/report.pdf"));
  REQUIRE_FALSE(status.ok());
  CHECK(status.error().code() == ErrorCode::WriteFailed);
  CHECK_THAT(status.error().message(), Catch::Contains("report.pdf"));
  CHECK(report::writePdfReport({}, dir.file("empty.pdf")).error().code() == ErrorCode::InvalidArgument);
  CHECK_FALSE(std::filesystem::exists(dir.file("empty.pdf")));
}

TEST_CASE("the picture carries the heatmap, the annotations and the burned-in caption", "[report][picture]") {
  test::TempDir packDir, dir;
  const report::ReportFilm rf = analysedFilm(packDir);
  report::PictureRequest request;
  request.film = rf.film.get();
  request.findings = rf.findings.get();
  request.selectedFinding = 0;  // Disc, at x = 0.3 of the film
  const auto plain = [&] {
    report::PictureRequest r = request;
    r.findings = nullptr;
    return report::renderPicture(r).value();
  }();
  const QImage heat = report::renderPicture(request).value();
  REQUIRE(heat.size() == plain.size());
  auto colourfulness = [](const QImage& image, int x, int y) {
    const QRgb p = image.pixel(x, y);
    return std::abs(qRed(p) - qBlue(p)) + std::abs(qRed(p) - qGreen(p));
  };
  const int y = heat.height() / 2;
  CHECK(colourfulness(plain, heat.width() * 3 / 10, y) == 0);  // a gray film
  CHECK(colourfulness(heat, heat.width() * 3 / 10, y) > 30);   // the heatmap over the disc

  request.findings = nullptr;
  request.annotations = {{measure::Kind::Distance, {{0, 20}, {static_cast<double>(rf.film->columns()), 20}}, {}}};
  const QImage annotated = report::renderPicture(request).value();
  const int row = static_cast<int>(20.0 * annotated.height() / rf.film->rows());
  CHECK(qGreen(annotated.pixel(annotated.width() / 2, row)) > qRed(annotated.pixel(annotated.width() / 2, row)) + 60);

  report::ReportFilm withCaption = rf;
  REQUIRE(report::writePicturePng(withCaption, 100, dir.file("film.png")).ok());
  const QImage png(QString::fromStdString(dir.file("film.png")));
  REQUIRE_FALSE(png.isNull());
  CHECK(std::max(png.width(), png.height()) == 100);
  // The caption band along the bottom: dark, with amber text somewhere in it.
  int amber = 0;
  for (int y2 = png.height() - 28; y2 < png.height(); ++y2)
    for (int x = 0; x < png.width(); ++x) amber += qRed(png.pixel(x, y2)) > qBlue(png.pixel(x, y2)) + 60 ? 1 : 0;
  CHECK(amber > 10);
}
