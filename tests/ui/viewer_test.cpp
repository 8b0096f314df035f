// The reading workstation's viewer features driven through real widgets: orientation, the
// measurement tools, linked layouts, the study browser, teaching mode's quiz and heatmap beside
// the film, the magnifier and settings.
#include "dicom_fixture.h"
#include "temp_dir.h"
#include "tiny_pack.h"
#include "ui_support.h"

#include "hilum/ui/analysis_runner.h"
#include "hilum/ui/export_dialog.h"
#include "hilum/ui/film_loader.h"
#include "hilum/ui/film_view.h"
#include "hilum/ui/findings_panel.h"
#include "hilum/ui/main_window.h"
#include "hilum/ui/study_browser.h"
#include "hilum/ui/viewer_grid.h"
#include "hilum/ui/viewer_settings.h"

#include <catch2/catch.hpp>

#include <QApplication>
#include <QCheckBox>
#include <QInputDialog>
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>
#include <QTreeWidget>

#include <filesystem>

using namespace hilum::test;
using hilum::ui::FilmView;

namespace {

std::string writeSpacedFilm(const TempDir& dir, const std::string& name, double mm = 0.1) {
  DicomSpec spec;
  spec.rows = 400;
  spec.columns = 300;
  spec.pixels = patternPixels(spec, true);
  const std::string s = std::to_string(mm);
  spec.attributes = {{"ImagerPixelSpacing", s + "\\" + s}, {"PatientOrientation", "L\\F"}};
  writeDicom(spec, dir.file(name));
  return dir.file(name);
}

}  // namespace

TEST_CASE("R, L, H and V turn and mirror the film on screen; Esc resets", "[ui][orientation]") {
  TempDir dir;
  hilum::ui::MainWindow window;
  window.resize(900, 800);
  window.show();
  REQUIRE(openAndWait(window, writeFilm(dir, "a.dcm")));
  FilmView* view = window.filmView();
  const QPointF corner(0, 0);  // the film's top-left pixel
  const QPointF centre(view->width() / 2.0, view->height() / 2.0);
  auto quadrant = [&] {
    const QPointF at = view->toWidget(corner) - centre;
    return QPoint(at.x() > 0 ? 1 : -1, at.y() > 0 ? 1 : -1);
  };
  CHECK(quadrant() == QPoint(-1, -1));
  QTest::keyClick(view, Qt::Key_R);  // clockwise: the top-left corner goes to the top right
  CHECK(view->quarterTurns() == 1);
  CHECK(quadrant() == QPoint(1, -1));
  // Fitting a 300 x 400 film turned sideways uses its 400 px as the width.
  CHECK(view->zoom() == Approx(std::min(view->width() / 400.0, view->height() / 300.0)));
  QTest::keyClick(view, Qt::Key_L);
  QTest::keyClick(view, Qt::Key_L);
  CHECK(view->quarterTurns() == 3);
  CHECK(quadrant() == QPoint(-1, 1));
  QTest::keyClick(view, Qt::Key_R);
  QTest::keyClick(view, Qt::Key_H);
  CHECK(quadrant() == QPoint(1, -1));
  QTest::keyClick(view, Qt::Key_V);
  CHECK(quadrant() == QPoint(1, 1));
  // Mapping back and forth agrees under any orientation.
  const QPointF film(123.5, 77.25);
  CHECK(view->toFilm(view->toWidget(film)).x() == Approx(film.x()));
  CHECK(view->toFilm(view->toWidget(film)).y() == Approx(film.y()));
  // The rendered picture is mirrored too: the gradient's dark first pixel now sits bottom right.
  QTest::keyClick(view, Qt::Key_3);  // full range
  const QImage shot = view->grab().toImage();
  const QPoint darkCorner = view->toWidget(QPointF(1, 1)).toPoint();
  const QPoint brightCorner = view->toWidget(QPointF(150, 200)).toPoint();
  CHECK(qGray(shot.pixel(darkCorner)) < qGray(shot.pixel(brightCorner)));
  QTest::keyClick(view, Qt::Key_Escape);
  CHECK(view->quarterTurns() == 0);
  CHECK_FALSE(view->flippedHorizontally());
  CHECK_FALSE(view->flippedVertically());
  CHECK(view->fitted());
}

TEST_CASE("angle, ellipse ROI, arrow and cardiothoracic ratio tools measure on the film", "[ui][measure]") {
  TempDir dir;
  hilum::ui::MainWindow window;
  window.resize(900, 800);
  window.show();
  REQUIRE(openAndWait(window, writeSpacedFilm(dir, "s.dcm", 0.5)));
  FilmView* view = window.filmView();
  auto at = [&](double x, double y) { return view->toWidget(QPointF(x, y)); };

  QTest::keyClick(view, Qt::Key_N);  // angle: drag the first arm, click the end of the second
  REQUIRE(view->tool() == FilmView::Tool::Angle);
  drag(view, Qt::LeftButton, at(150, 100), at(50, 100));
  moveMouse(view, at(50, 20));
  click(view, at(50, 20));
  REQUIRE(view->annotations().size() == 1);
  CHECK(view->measurement(0).angleDegrees == Approx(90.0).margin(1.0));

  QTest::keyClick(view, Qt::Key_E);
  drag(view, Qt::LeftButton, at(100, 100), at(200, 300));
  REQUIRE(view->annotations().size() == 2);
  const auto roi = view->measurement(1);
  CHECK(roi.region.pixels > 15000);  // pi x 50 x 100 = 15708 pixel centres
  CHECK(roi.region.pixels < 16500);
  REQUIRE(roi.areaMm2);
  CHECK(*roi.areaMm2 == Approx(3.14159 * 50 * 100 * 0.25).epsilon(0.03));

  QTest::keyClick(view, Qt::Key_C);  // heart width, then thoracic width; both kept horizontal
  drag(view, Qt::LeftButton, at(110, 250), at(190, 262));
  CHECK(view->annotations().size() == 2);  // waiting for the second width
  drag(view, Qt::LeftButton, at(50, 200), at(250, 200));
  REQUIRE(view->annotations().size() == 3);
  const auto ctr = view->measurement(2);
  REQUIRE(ctr.ratio);
  CHECK(*ctr.ratio == Approx(0.4).epsilon(0.03));
  CHECK(view->annotations()[2].points[1].y == view->annotations()[2].points[0].y);

  QTest::keyClick(view, Qt::Key_T);  // the arrow asks for its text without blocking the window
  drag(view, Qt::LeftButton, at(20, 20), at(80, 80));
  REQUIRE(view->annotations().size() == 4);
  auto* dialog = window.findChild<QInputDialog*>("arrowTextDialog");
  REQUIRE(dialog != nullptr);
  dialog->setTextValue("nodule?");
  dialog->accept();
  CHECK(view->annotations()[3].text == "nodule?");

  // A half-drawn angle is dropped by Esc without resetting the view.
  QTest::keyClick(view, Qt::Key_N);
  view->zoomBy(1.5);
  drag(view, Qt::LeftButton, at(150, 150), at(100, 150));
  QTest::keyClick(view, Qt::Key_Escape);
  CHECK(view->annotations().size() == 4);
  CHECK_FALSE(view->fitted());
}

TEST_CASE("a 2x2 layout links zoom, pan and window; films open in the active view", "[ui][layout]") {
  TempDir dir;
  hilum::ui::MainWindow window;
  window.resize(1200, 900);
  window.show();
  auto* grid = window.grid();
  REQUIRE(QTest::qWaitForWindowActive(&window));  // window shortcuts need an active window
  QTest::keyClick(&window, Qt::Key_4, Qt::ControlModifier | Qt::AltModifier);
  REQUIRE(grid->layoutMode() == hilum::ui::ViewerGrid::Layout::TwoByTwo);
  REQUIRE(openAndWait(window, writeFilm(dir, "a.dcm")));
  click(grid->view(1), QPointF(50, 50));
  REQUIRE(grid->activeIndex() == 1);
  REQUIRE(openAndWait(window, writeFilm(dir, "b.dcm")));
  REQUIRE(grid->view(0)->film() != nullptr);
  REQUIRE(grid->view(1)->film() != nullptr);
  CHECK(grid->view(0)->film()->path() != grid->view(1)->film()->path());

  grid->view(1)->zoomBy(2.0);
  grid->view(1)->setWindow(1500, 700);
  grid->view(1)->rotate(1);
  CHECK(grid->view(0)->zoom() == Approx(grid->view(1)->zoom()));
  CHECK(grid->view(0)->currentWindow().center == 1500);
  CHECK(grid->view(0)->quarterTurns() == 1);

  QTest::keyClick(&window, Qt::Key_L, Qt::ControlModifier);  // unlink
  CHECK_FALSE(grid->linked());
  grid->view(1)->setWindow(900, 100);
  CHECK(grid->view(0)->currentWindow().center == 1500);
}

TEST_CASE("a folder is indexed into studies with thumbnails; Page Down steps through its films", "[ui][browser]") {
  TempDir dir;
  std::filesystem::create_directories(dir.file("study/s1"));
  std::filesystem::create_directories(dir.file("study/s2"));
  for (int i = 0; i < 3; ++i) {
    DicomSpec spec;
    spec.rows = 64;
    spec.columns = 48;
    spec.attributes = {{"PatientName", "Doe^Jane"}, {"StudyInstanceUID", "1.2.3"},
                       {"SeriesInstanceUID", i < 2 ? "1.2.3.1" : "1.2.3.2"}, {"SeriesNumber", i < 2 ? "1" : "2"},
                       {"InstanceNumber", std::to_string(2 - i % 2)}};
    writeDicom(spec, dir.file((i < 2 ? "study/s1/f" : "study/s2/f") + std::to_string(i) + ".dcm"));
  }
  writeBytes(dir.file("study/notes.txt"), "not a film");
  hilum::ui::MainWindow window;
  window.show();
  auto* browser = window.studyBrowser();
  QSignalSpy indexed(browser, &hilum::ui::StudyBrowser::indexed);
  QSignalSpy thumbnails(browser, &hilum::ui::StudyBrowser::thumbnailsFinished);
  QSignalSpy loaded(window.loader(), &hilum::ui::FilmLoader::filmLoaded);
  window.openFiles({QString::fromStdString(dir.file("study"))});
  REQUIRE(indexed.wait(10000));
  CHECK(indexed.front().at(0).toInt() == 3);
  CHECK(indexed.front().at(1).toInt() == 1);  // notes.txt, skipped with a reason
  REQUIRE(browser->filmPaths().size() == 3);
  // Instance 1 before instance 2 within series 1.
  CHECK(browser->filmPaths()[0].endsWith("f1.dcm"));
  CHECK(browser->tree()->topLevelItem(0)->text(0).contains("Doe^Jane"));
  REQUIRE((loaded.count() > 0 || loaded.wait(10000)));  // an empty viewer shows the first film
  CHECK(window.filmListIndex() == 0);
  REQUIRE((thumbnails.count() > 0 || thumbnails.wait(10000)));
  CHECK(browser->thumbnailsDone() == 3);

  loaded.clear();
  QTest::keyClick(&window, Qt::Key_PageDown);
  REQUIRE(loaded.wait(10000));
  CHECK(window.filmListIndex() == 1);
  CHECK(QString::fromStdString(window.filmView()->film()->path()).endsWith("f0.dcm"));

  window.setTeachingMode(true);
  CHECK_FALSE(browser->tree()->topLevelItem(0)->text(0).contains("Doe"));
  loaded.clear();
  QTest::keyClick(&window, Qt::Key_Right);  // arrows step while teaching
  REQUIRE(loaded.wait(10000));
  CHECK(window.filmListIndex() == 2);
  window.setTeachingMode(false);
}

TEST_CASE("teaching mode shows the heatmap beside the film and hides findings until revealed", "[ui][teaching][ai]") {
  TempDir packDir, dir;
  writeTinyPack(packDir.path());
  qputenv("HILUM_DEFAULT_MODEL", QByteArray::fromStdString(packDir.path()));
  writeFilmDicom(shapesFilm(0.3, 0.5), dir.file("disc.dcm"));
  hilum::ui::MainWindow window;
  qunsetenv("HILUM_DEFAULT_MODEL");
  window.show();
  window.setTeachingMode(true);
  auto* grid = window.grid();
  CHECK(grid->heatmapBeside());
  QSignalSpy finished(window.analysis(), &hilum::ui::AnalysisRunner::analysisFinished);
  REQUIRE(openAndWait(window, dir.file("disc.dcm")));
  REQUIRE(finished.wait(30000));
  QApplication::processEvents();
  auto* panel = window.findingsPanel();
  CHECK(panel->hidden());
  CHECK_FALSE(panel->list()->isVisible());
  CHECK(grid->view(1)->overlay().isNull());  // the quiz: no heatmap before the reveal
  panel->findChild<QPushButton*>("revealButton")->click();
  CHECK_FALSE(panel->hidden());
  CHECK(grid->view(0)->film() == grid->view(1)->film());
  CHECK(grid->view(0)->overlay().isNull());      // the plain film on the left
  CHECK_FALSE(grid->view(1)->overlay().isNull());  // its heatmap on the right

  // All positives at once (Shift+G): the caption names every positive finding.
  QTest::keyClick(&window, Qt::Key_G, Qt::ShiftModifier);
  CHECK(panel->style().allPositives);
  window.setTeachingMode(false);
  CHECK_FALSE(grid->heatmapBeside());
  CHECK_FALSE(panel->hidden());
}

TEST_CASE("the magnifier shows the film under the cursor enlarged", "[ui][magnifier]") {
  TempDir dir;
  DicomSpec spec;
  spec.rows = 400;
  spec.columns = 400;
  // A one-pixel checkerboard: fitted into a small view it averages to grey; magnified it does not.
  spec.pixels.resize(400 * 400);
  for (int i = 0; i < 400 * 400; ++i) spec.pixels[static_cast<std::size_t>(i)] = ((i % 400) + (i / 400)) % 2 ? 4000 : 0;
  writeDicom(spec, dir.file("checker.dcm"));
  hilum::ui::MainWindow window;
  window.resize(600, 500);
  window.show();
  REQUIRE(openAndWait(window, dir.file("checker.dcm")));
  FilmView* view = window.filmView();
  view->setOverlaysVisible(false);
  const QPointF cursor(view->width() / 2.0, view->height() / 2.0);
  moveMouse(view, cursor);
  auto spread = [&] {
    const QImage shot = view->grab().toImage();
    int lo = 255, hi = 0;
    for (int dx = -20; dx <= 20; ++dx) {
      const int g = qGray(shot.pixel(static_cast<int>(cursor.x()) + dx, static_cast<int>(cursor.y())));
      lo = std::min(lo, g), hi = std::max(hi, g);
    }
    return hi - lo;
  };
  const int plain = spread();
  QTest::keyClick(view, Qt::Key_M);
  REQUIRE(view->magnifier());
  const int magnified = spread();
  CHECK(plain < 60);
  CHECK(magnified > 200);
}

TEST_CASE("settings persist and apply: heatmap style, linking, overlays", "[ui][settings]") {
  hilum::ui::ViewerSettings settings;
  settings.analyseOnOpen = false;
  settings.heatmap.mode = hilum::ui::HeatmapMode::Contour;
  settings.heatmap.colorMap = hilum::ai::ColorMap::Viridis;
  settings.heatmap.opacity = 0.35;
  settings.linkViews = false;
  settings.overlays = false;
  settings.userModelFolder = "/tmp/my-packs";
  settings.save();
  const auto back = hilum::ui::ViewerSettings::load();
  CHECK_FALSE(back.analyseOnOpen);
  CHECK(back.heatmap.mode == hilum::ui::HeatmapMode::Contour);
  CHECK(back.heatmap.colorMap == hilum::ai::ColorMap::Viridis);
  CHECK(back.heatmap.opacity == Approx(0.35));
  CHECK(back.userModelFolder == "/tmp/my-packs");

  hilum::ui::MainWindow window;  // reads them at start
  CHECK_FALSE(window.grid()->linked());
  CHECK_FALSE(window.filmView()->overlaysVisible());
  CHECK(window.findingsPanel()->style().mode == hilum::ui::HeatmapMode::Contour);
  hilum::ui::ViewerSettings{}.save();  // the defaults again for the other tests
}

TEST_CASE("a film outside the pack's training data waits for an explicit request and is marked", "[ui][ai][gate]") {
  TempDir packDir, dir;
  auto manifest = writeTinyPack(packDir.path());
  manifest.accepts.views = {"PA", "AP"};
  writeManifest(packDir.path(), manifest);
  // The tiny pack's own kind of film, but declared lateral.
  const hilum::film::Film shapes = shapesFilm(0.3, 0.5);
  DicomSpec spec;
  spec.rows = shapes.rows();
  spec.columns = shapes.columns();
  for (std::size_t i = 0; i < shapes.pixels().size(); ++i) spec.pixels.push_back(shapes.pixels().value(i));
  spec.attributes = {{"ViewPosition", "LL"}};
  writeDicom(spec, dir.file("lateral.dcm"));
  qputenv("HILUM_DEFAULT_MODEL", QByteArray::fromStdString(packDir.path()));
  hilum::ui::MainWindow window;
  qunsetenv("HILUM_DEFAULT_MODEL");
  window.show();
  QSignalSpy modelLoaded(window.analysis(), &hilum::ui::AnalysisRunner::modelLoaded);
  REQUIRE((window.analysis()->hasModel() || modelLoaded.wait(20000)));
  QSignalSpy started(window.analysis(), &hilum::ui::AnalysisRunner::analysisStarted);
  QSignalSpy finished(window.analysis(), &hilum::ui::AnalysisRunner::analysisFinished);
  REQUIRE(openAndWait(window, dir.file("lateral.dcm")));
  QApplication::processEvents();
  CHECK(started.isEmpty());  // not analysed on open
  auto* panel = window.findingsPanel();
  CHECK(panel->findings() == nullptr);

  window.analyzeCurrent();  // the reader insists (A)
  REQUIRE(finished.wait(30000));
  QApplication::processEvents();
  REQUIRE(panel->findings() != nullptr);
  CHECK_FALSE(panel->findings()->accepted);
  auto* warnings = panel->findChild<QLabel*>("gateWarnings");
  REQUIRE(warnings != nullptr);
  CHECK(warnings->isVisibleTo(panel));
  CHECK(warnings->text().contains("lateral"));
}

TEST_CASE("File > Export writes the PDF, PNG and DICOM objects of the analysed film off the GUI thread", "[ui][export]") {
  TempDir packDir, dir, out;
  writeTinyPack(packDir.path());
  writeFilmDicom(shapesFilm(0.3, 0.5), dir.file("disc.dcm"));
  qputenv("HILUM_DEFAULT_MODEL", QByteArray::fromStdString(packDir.path()));
  hilum::ui::MainWindow window;
  qunsetenv("HILUM_DEFAULT_MODEL");
  window.show();
  QSignalSpy finished(window.analysis(), &hilum::ui::AnalysisRunner::analysisFinished);
  REQUIRE(openAndWait(window, dir.file("disc.dcm")));
  REQUIRE(finished.wait(30000));
  QApplication::processEvents();
  FilmView* view = window.filmView();
  view->setAnnotations({{hilum::measure::Kind::Distance, {{10, 10}, {60, 10}}, {}}});

  window.showExport();
  auto* dialog = window.findChild<hilum::ui::ExportDialog*>("exportDialog");
  REQUIRE(dialog != nullptr);
  dialog->setFolder(QString::fromStdString(out.path()));
  dialog->setImpression("Normal study.");
  for (const char* name : {"pdf", "png", "sc", "sr", "encapsulatedPdf", "gsps"}) {
    REQUIRE(dialog->option(name) != nullptr);
    CHECK(dialog->option(name)->isEnabled());
    dialog->option(name)->setChecked(true);
  }
  QSignalSpy exported(dialog, &hilum::ui::ExportDialog::exportFinished);
  dialog->startExport();
  CHECK(dialog->busy());  // the work runs in the background
  REQUIRE(exported.wait(60000));
  INFO(dialog->resultText().toStdString());
  REQUIRE(exported.front().at(0).toBool());
  for (const char* suffix : {".pdf", ".png", "-sc.dcm", "-sr.dcm", "-pdf.dcm", "-gsps.dcm"})
    CHECK(std::filesystem::exists(out.file(std::string("disc-report") + suffix)));
  CHECK(dialog->resultText().contains("Secondary Capture"));
}
