// The viewer driven through its real widgets on the offscreen platform.
#include "dicom_fixture.h"
#include "temp_dir.h"

#include "tiny_pack.h"
#include "ui_support.h"

#include "hilum/ui/analysis_runner.h"
#include "hilum/ui/film_loader.h"
#include "hilum/ui/findings_panel.h"
#include "hilum/ui/tag_browser.h"
#include "hilum/train/train_config.h"
#include "hilum/ui/training_tab.h"
#include "hilum/ui/validation_gallery.h"
#include "hilum/ui/film_view.h"
#include "hilum/ui/main_window.h"

#include <catch2/catch.hpp>

#include <QApplication>

#include <filesystem>
#include <QLabel>
#include <QTreeWidget>
#include <QMessageBox>
#include <QMouseEvent>
#include <QWheelEvent>
#include <QSignalSpy>
#include <QCheckBox>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTabWidget>
#include <QTest>

using namespace hilum::test;


TEST_CASE("a film opens off the GUI thread and is shown with its first window", "[ui]") {
  TempDir dir;
  hilum::ui::MainWindow window;
  window.show();
  REQUIRE(openAndWait(window, writeFilm(dir, "a.dcm")));
  auto* view = window.filmView();
  REQUIRE(view->film() != nullptr);
  CHECK(view->film()->columns() == 300);
  CHECK_FALSE(view->shownImage().isNull());
  CHECK(view->shownImage().width() <= view->width());
  CHECK(view->currentWindow().center == 2048);
  REQUIRE(view->presets().size() == 7);  // two windows, full range, auto, lung, mediastinum, bone
  CHECK(view->presets()[4].name == "Chest: lung");
}

TEST_CASE("right-drag changes window and level; keys pick presets and invert", "[ui]") {
  TempDir dir;
  hilum::ui::MainWindow window;
  window.resize(800, 800);
  window.show();
  REQUIRE(openAndWait(window, writeFilm(dir, "a.dcm")));
  auto* view = window.filmView();
  const auto before = view->currentWindow();
  drag(view, Qt::RightButton, QPointF(100, 100), QPointF(200, 150));
  const auto after = view->currentWindow();
  CHECK(after.width > before.width);    // rightwards widens
  CHECK(after.center > before.center);  // downwards raises the level

  QTest::keyClick(view, Qt::Key_2);
  CHECK(view->currentWindow().center == 1000);
  CHECK(view->currentWindow().width == 500);

  QTest::keyClick(view, Qt::Key_3);  // full range: the gradient's first pixel is black
  const QImage plain = view->shownImage();
  QTest::keyClick(view, Qt::Key_I);
  CHECK(view->inverted());
  const QImage inverted = view->shownImage();
  CHECK(qGray(plain.pixel(0, 0)) < 10);
  CHECK(qGray(inverted.pixel(0, 0)) > 245);
  QTest::keyClick(view, Qt::Key_Escape);
  CHECK_FALSE(view->inverted());
  CHECK(view->currentWindow().center == 2048);
}

TEST_CASE("MONOCHROME1 films open inverted, bones bright", "[ui]") {
  TempDir dir;
  hilum::ui::MainWindow window;
  window.show();
  REQUIRE(openAndWait(window, writeFilm(dir, "m1.dcm", "MONOCHROME1")));
  QTest::keyClick(window.filmView(), Qt::Key_3);
  CHECK(qGray(window.filmView()->shownImage().pixel(0, 0)) > 245);
}

TEST_CASE("a broken file shows its reason and keeps the film on screen", "[ui]") {
  TempDir dir;
  hilum::ui::MainWindow window;
  window.show();
  REQUIRE(openAndWait(window, writeFilm(dir, "good.dcm")));
  writeBytes(dir.file("bad.dcm"), "not a film at all");
  QSignalSpy failed(window.loader(), &hilum::ui::FilmLoader::loadFailed);
  window.openFile(QString::fromStdString(dir.file("bad.dcm")));
  REQUIRE(failed.wait(10000));
  CHECK(failed.front().at(1).toString().contains("bad.dcm"));
  auto* box = window.findChild<QMessageBox*>("openErrorBox");
  REQUIRE(box != nullptr);
  CHECK(box->text().contains("bad.dcm"));
  REQUIRE(window.filmView()->film() != nullptr);
  CHECK(window.filmView()->film()->path() == dir.file("good.dcm"));
}

TEST_CASE("only the newest of several quick opens is shown", "[ui]") {
  TempDir dir;
  const std::string first = writeFilm(dir, "first.dcm");
  const std::string second = writeFilm(dir, "second.dcm");
  hilum::ui::MainWindow window;
  QSignalSpy loaded(window.loader(), &hilum::ui::FilmLoader::filmLoaded);
  window.openFile(QString::fromStdString(first));
  window.openFile(QString::fromStdString(second));
  REQUIRE(loaded.wait(10000));
  QTRY_VERIFY_WITH_TIMEOUT(!window.loader()->busy(), 10000);
  CHECK(loaded.count() == 1);
  CHECK(window.filmView()->film()->path() == second);
}

TEST_CASE("a JPEG 2000 film shows a preview first, then the full film with the same window", "[ui]") {
  TempDir dir;
  DicomSpec spec;
  spec.rows = 2048;  // large enough that half resolution still fills the view beside the AI dock
  spec.columns = 1600;
  spec.syntax = Syntax::J2kLossless;
  spec.pixels = patternPixels(spec, true);
  writeDicom(spec, dir.file("big.dcm"));
  hilum::ui::MainWindow window;
  window.resize(400, 400);
  window.show();
  QSignalSpy refined(window.loader(), &hilum::ui::FilmLoader::filmRefined);
  REQUIRE(openAndWait(window, dir.file("big.dcm")));
  auto* view = window.filmView();
  CHECK(view->film()->isPreview());
  view->setWindow(1000, 300);
  REQUIRE(refined.wait(20000));
  CHECK_FALSE(view->film()->isPreview());
  CHECK(view->film()->columns() == 1600);
  CHECK(view->currentWindow().center == 1000);
  CHECK(view->currentWindow().width == 300);
}

TEST_CASE("a film is analysed on open; findings list in rank order; a finding paints its heatmap", "[ui][ai]") {
  TempDir packDir, dir;
  hilum::test::writeTinyPack(packDir.path());
  qputenv("HILUM_DEFAULT_MODEL", QByteArray::fromStdString(packDir.path()));
  // A disc film as a DICOM, so the whole path runs: decode, display, analysis, overlay.
  hilum::test::writeFilmDicom(hilum::test::shapesFilm(0.3, 0.5), dir.file("disc.dcm"));

  hilum::ui::MainWindow window;
  qunsetenv("HILUM_DEFAULT_MODEL");
  window.show();
  QSignalSpy finished(window.analysis(), &hilum::ui::AnalysisRunner::analysisFinished);
  REQUIRE(openAndWait(window, dir.file("disc.dcm")));
  REQUIRE(finished.wait(30000));
  auto* panel = window.findingsPanel();
  REQUIRE(panel->findings() != nullptr);
  REQUIRE(panel->list()->topLevelItemCount() == 2);
  CHECK(panel->list()->topLevelItem(0)->text(0) == "Disc");
  CHECK(panel->list()->topLevelItem(1)->text(0) == "Bar");
  CHECK(panel->findChild<QLabel*>("disclaimer")->text().contains("not a diagnosis"));
  CHECK(panel->findChild<QLabel*>("modelLabel")->text().contains("tiny-blobs"));
  // The top finding is selected and its heatmap is over the film, hottest near the disc.
  REQUIRE(panel->selectedFinding() == 0);
  const QImage overlay = window.filmView()->overlay();
  REQUIRE_FALSE(overlay.isNull());
  const int y = overlay.height() / 2;
  CHECK(qAlpha(overlay.pixel(static_cast<int>(overlay.width() * 0.3), y)) >
        qAlpha(overlay.pixel(static_cast<int>(overlay.width() * 0.9), y)));
  // G: contours instead of colour, then nothing.
  QTest::keyClick(&window, Qt::Key_G);
  CHECK(window.filmView()->overlay().isNull());
  REQUIRE(window.filmView()->contours().size() == 1);
  CHECK_FALSE(window.filmView()->contours()[0].polygons.empty());
  CHECK(window.filmView()->contours()[0].label == "Disc");
  QTest::keyClick(&window, Qt::Key_G);
  CHECK(window.filmView()->overlay().isNull());
  CHECK(window.filmView()->contours().empty());
}

TEST_CASE("the training tab trains a tiny run offscreen and hands its pack to the viewer", "[ui][train]") {
  TempDir dir;
  // 40 patients, one 128 px DICOM each: a disc means "Disc"; no disc, "No Finding".
  std::string csv = "image,patient_id,finding_labels\n";
  for (int p = 0; p < 40; ++p) {
    const bool disc = p % 2 == 0;
    const std::string name = "f" + std::to_string(p) + ".dcm";
    hilum::test::writeFilmDicom(hilum::test::shapesFilm(disc ? 0.3 + 0.01 * p : -1, 0.5), dir.file(name));
    csv += name + ",P" + std::to_string(p) + "," + (disc ? "Disc" : "No Finding") + "\n";
  }
  writeBytes(dir.file("labels.csv"), csv);
  hilum::ui::MainWindow window;
  auto* tab = window.trainingTab();
  tab->setDataCsv(QString::fromStdString(dir.file("labels.csv")));
  tab->setOutputFolder(QString::fromStdString(dir.file("run")));
  tab->setArchitecture("smallcnn");
  tab->setInputSize(32);
  tab->setEpochs(2);
  QSignalSpy finished(tab, &hilum::ui::TrainingTab::trainingFinished);
  QSignalSpy modelLoaded(window.analysis(), &hilum::ui::AnalysisRunner::modelLoaded);
  tab->start();
  CHECK(tab->running());
  REQUIRE(finished.wait(60000));
  CHECK_FALSE(tab->running());
  CHECK(tab->epochPoints() == 2);
  CHECK(tab->rocCurves() == 1);  // one label, "Disc"
  CHECK(tab->calibrationCurves() == 3);  // ideal, before, after
  CHECK(std::filesystem::exists(tab->packDirectory().toStdString() + "/model.json"));
  CHECK(std::filesystem::exists(dir.file("run/config.json")));
  // The gallery analyses the test patients' films with the new pack, mistakes first.
  auto* gallery = tab->gallery();
  QSignalSpy galleryDone(gallery, &hilum::ui::ValidationGallery::finished);
  if (gallery->busy()) REQUIRE(galleryDone.wait(30000));
  CHECK(gallery->tiles() == 6);  // 40 patients x 0.15
  gallery->setFilter(1);
  CHECK(gallery->visibleTiles() == gallery->mistakes());
  gallery->setFilter(2);
  CHECK(gallery->visibleTiles() == gallery->tiles() - gallery->mistakes());
  gallery->setFilter(0);
  if (auto* tabs = window.findChild<QTabWidget*>()) tabs->setCurrentWidget(tab);
  hilum::test::snapshot(&window, "training");
  Q_EMIT tab->openPackRequested(tab->packDirectory());
  REQUIRE(modelLoaded.wait(20000));
  CHECK(window.analysis()->hasModel());
}

TEST_CASE("the training tab offers patient covariates only for data that has them", "[ui][train][covariates]") {
  TempDir dir;
  std::string bare = "image,patient_id,finding_labels\n", rich = "image,patient_id,finding_labels,age,sex,view\n";
  for (int p = 0; p < 12; ++p) {
    const std::string name = "f" + std::to_string(p) + ".png";
    const std::string label = p % 3 ? "No Finding" : "Disc";
    bare += name + ",P" + std::to_string(p) + "," + label + "\n";
    rich += name + ",P" + std::to_string(p) + "," + label + "," + std::to_string(30 + p) + "," + (p % 2 ? "M" : "F") + ",PA\n";
  }
  writeBytes(dir.file("bare.csv"), bare);
  writeBytes(dir.file("rich.csv"), rich);
  hilum::ui::TrainingTab tab;
  auto* covariates = tab.findChild<QCheckBox*>("covariates");
  REQUIRE(covariates);
  tab.setDataCsv(QString::fromStdString(dir.file("bare.csv")));
  CHECK_FALSE(covariates->isEnabled());
  tab.setDataCsv(QString::fromStdString(dir.file("rich.csv")));
  REQUIRE(covariates->isEnabled());
  CHECK_FALSE(covariates->isChecked());  // image-only unless asked
  CHECK_FALSE(tab.configJson().contains("covariates"));
  covariates->click();
  const auto config = QJsonDocument::fromJson(tab.configJson().toUtf8()).object();
  CHECK(config["model"].toObject()["covariates"].toArray() == QJsonArray({"age", "sex", "view"}));
  // The config is one the trainer reads.
  const auto parsed = hilum::train::parseTrainConfig(tab.configJson().toStdString(), dir.file("run/config.json"));
  REQUIRE(parsed.ok());
  CHECK(parsed.value().model.covariates.size() == 3);
  // Data without them switches the choice off again.
  tab.setDataCsv(QString::fromStdString(dir.file("bare.csv")));
  CHECK_FALSE(covariates->isChecked());
}

TEST_CASE("the training tab offers a lung crop only where a lung segmentation pack is installed", "[ui][train][lungcrop]") {
  TempDir dir;
  {
    hilum::ui::TrainingTab none;  // ui_main points the model path nowhere: no segmentation pack
    auto* crop = none.findChild<QCheckBox*>("lungCrop");
    REQUIRE(crop);
    CHECK_FALSE(crop->isEnabled());
    CHECK_FALSE(none.configJson().contains("lung_crop"));
  }
  setenv("HILUM_LUNG_MODEL", dir.file("lungs").c_str(), 1);
  hilum::ui::TrainingTab tab;
  unsetenv("HILUM_LUNG_MODEL");
  auto* crop = tab.findChild<QCheckBox*>("lungCrop");
  REQUIRE(crop->isEnabled());
  writeBytes(dir.file("data.csv"), "image,patient_id,finding_labels\nf0.png,P0,Disc\nf1.png,P1,No Finding\n");
  tab.setDataCsv(QString::fromStdString(dir.file("data.csv")));
  CHECK_FALSE(crop->isChecked());  // the whole film unless asked
  CHECK_FALSE(tab.configJson().contains("lung_crop"));
  crop->click();
  const auto parsed = hilum::train::parseTrainConfig(tab.configJson().toStdString(), dir.file("run/config.json"));
  INFO((parsed.ok() ? "" : parsed.error().message()));
  REQUIRE(parsed.ok());
  CHECK(parsed.value().lungCropSegmenter == dir.file("lungs"));
  CHECK(parsed.value().lungCropMargin == 0.1);
}

TEST_CASE("wheel zoom keeps the point under the cursor; left-drag pans; Space fits", "[ui][zoom]") {
  TempDir dir;
  hilum::ui::MainWindow window;
  window.resize(900, 800);
  window.show();
  REQUIRE(openAndWait(window, writeFilm(dir, "a.dcm")));
  auto* view = window.filmView();
  REQUIRE(view->fitted());
  const double fitZoom = view->zoom();
  const QPointF cursor(view->width() * 0.3, view->height() * 0.4);
  const QPointF before = view->centre() + (cursor - QPointF(view->width() / 2.0, view->height() / 2.0)) / view->zoom();
  QWheelEvent wheel(cursor, view->mapToGlobal(cursor), QPoint(), QPoint(0, 240), Qt::NoButton, Qt::NoModifier,
                    Qt::NoScrollPhase, false);
  QApplication::sendEvent(view, &wheel);
  CHECK(view->zoom() == Approx(fitZoom * 1.15 * 1.15));
  const QPointF after = view->centre() + (cursor - QPointF(view->width() / 2.0, view->height() / 2.0)) / view->zoom();
  CHECK(after.x() == Approx(before.x()));
  CHECK(after.y() == Approx(before.y()));
  CHECK_FALSE(view->fitted());

  // Zoomed in 8x, only the visible part is rendered: never more film pixels than fit the view.
  view->zoomBy(8.0);
  CHECK(view->shownImage().width() <= static_cast<int>(view->width() / view->zoom()) + 2);

  const QPointF centre = view->centre();
  drag(view, Qt::LeftButton, QPointF(200, 200), QPointF(260, 200));
  CHECK(view->centre().x() == Approx(centre.x() - 60.0 / view->zoom()));

  QTest::keyClick(view, Qt::Key_Space);
  CHECK(view->fitted());
  CHECK(view->zoom() == Approx(fitZoom));
}

TEST_CASE("the distance tool measures in mm with the spacing source, in pixels without spacing", "[ui][measure]") {
  TempDir dir;
  DicomSpec spec;
  spec.rows = 400;
  spec.columns = 300;
  spec.pixels = patternPixels(spec, true);
  spec.attributes = {{"ImagerPixelSpacing", "0.2\\0.1"}, {"PatientOrientation", "L\\F"}};
  writeDicom(spec, dir.file("spaced.dcm"));
  hilum::ui::MainWindow window;
  window.show();
  REQUIRE(openAndWait(window, dir.file("spaced.dcm")));
  auto* view = window.filmView();
  QTest::keyClick(view, Qt::Key_D);
  REQUIRE(view->tool() == hilum::ui::FilmView::Tool::Distance);
  auto draw = [&](QPointF from, QPointF to) { drag(view, Qt::LeftButton, view->toWidget(from), view->toWidget(to)); };
  draw({10, 10}, {110, 10});   // 100 columns x 0.1 mm
  view->rotate(1);             // drawn on a rotated view, still along the film's rows
  draw({10, 10}, {10, 110});   // 100 rows x 0.2 mm
  REQUIRE(view->annotations().size() == 2);
  CHECK(*view->measurement(0).lengthMm == Approx(10.0).epsilon(0.01));
  CHECK(*view->measurement(1).lengthMm == Approx(20.0).epsilon(0.01));
  CHECK(view->measurement(0).spacingSource == "detector");
  QTest::keyClick(view, Qt::Key_Backspace);
  CHECK(view->annotations().size() == 1);

  REQUIRE(openAndWait(window, writeFilm(dir, "nospacing.dcm")));
  CHECK(view->annotations().empty());  // annotations belong to their film
  draw({0, 0}, {30, 40});
  REQUIRE(view->annotations().size() == 1);
  CHECK_FALSE(view->measurement(0).lengthMm.has_value());
  CHECK(view->measurement(0).lengthPx == Approx(50.0).epsilon(0.01));

  // Back on the first film, its distance is there again (kept on disk, per film).
  REQUIRE(openAndWait(window, dir.file("spaced.dcm")));
  REQUIRE(view->annotations().size() == 1);
  CHECK(*view->measurement(0).lengthMm == Approx(10.0).epsilon(0.01));
}

TEST_CASE("the tag browser filters by keyword and keeps sequence context", "[ui][tags]") {
  TempDir dir;
  DicomSpec spec;
  spec.voiLuts = {LutSpec{0, 8, {0, 128, 255}, "CURVE"}};
  writeDicom(spec, dir.file("t.dcm"));
  hilum::ui::TagBrowser browser(QString::fromStdString(dir.file("t.dcm")));
  auto* tree = browser.tree();
  REQUIRE(tree->topLevelItemCount() > 10);
  browser.setFilter("LUTExplanation");
  int visibleTop = 0;
  QTreeWidgetItem* sequence = nullptr;
  for (int i = 0; i < tree->topLevelItemCount(); ++i)
    if (!tree->topLevelItem(i)->isHidden()) {
      ++visibleTop;
      sequence = tree->topLevelItem(i);
    }
  CHECK(visibleTop == 1);
  REQUIRE(sequence != nullptr);
  CHECK(sequence->text(1) == "VOILUTSequence");
  browser.setFilter("");
  CHECK_FALSE(tree->topLevelItem(0)->isHidden());
}

TEST_CASE("teaching mode hides the patient's identity from title and tag browser", "[ui][teaching]") {
  TempDir dir;
  DicomSpec spec;
  spec.attributes = {{"PatientName", "Secret^Person"}};
  writeDicom(spec, dir.file("who.dcm"));
  hilum::ui::MainWindow window;
  window.show();
  REQUIRE(openAndWait(window, dir.file("who.dcm")));
  CHECK(window.windowTitle().contains("who.dcm"));
  window.setTeachingMode(true);
  CHECK(window.filmView()->identityHidden());
  CHECK_FALSE(window.windowTitle().contains("who.dcm"));
  QTest::keyClick(&window, Qt::Key_T, Qt::ControlModifier);
  CHECK(window.findChild<hilum::ui::TagBrowser*>("tagBrowser") == nullptr);
  // Films opened during the lesson stay anonymous too.
  REQUIRE(openAndWait(window, dir.file("who.dcm")));
  CHECK_FALSE(window.windowTitle().contains("who.dcm"));
  window.setTeachingMode(false);
  CHECK(window.windowTitle().contains("who.dcm"));
}
