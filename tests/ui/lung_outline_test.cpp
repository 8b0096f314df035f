// View > Lung outline on a generated film: a tiny lung pack trained in the test, the toggle off by
// default, the outline computed off the GUI thread and painted, then hidden again.
#include "temp_dir.h"
#include "ui_support.h"

#include "hilum/train/segmentation_trainer.h"
#include "hilum/ui/film_view.h"
#include "hilum/ui/main_window.h"

#include <catch2/catch.hpp>

#include <QAction>
#include <QImage>
#include <QPainter>
#include <QTest>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>

using namespace hilum::test;

namespace {

// Two dark ellipses ("lungs") in a brighter body on 96 x 80 films, with their masks and a CSV.
void writeLungFilms(const TempDir& dir, int patients) {
  std::filesystem::create_directories(dir.file("images"));
  std::filesystem::create_directories(dir.file("masks"));
  std::mt19937 random(3);
  std::uniform_int_distribution<int> jitter(-4, 4);
  std::normal_distribution<double> grain(0.0, 6.0);
  std::ofstream csv(dir.file("labels.csv"));
  csv << "image,patient_id,has_mask\n";
  for (int p = 0; p < patients; ++p)
    for (int f = 0; f < 2; ++f) {
      QImage film(96, 80, QImage::Format_Grayscale8), mask(96, 80, QImage::Format_Grayscale8);
      film.fill(40);
      mask.fill(0);
      {
        QPainter paintFilm(&film), paintMask(&mask);
        paintFilm.setPen(Qt::NoPen);
        paintMask.setPen(Qt::NoPen);
        paintFilm.setBrush(QColor(170, 170, 170));
        paintFilm.drawEllipse(QPointF(48 + jitter(random), 42), 40, 36);
        paintFilm.setBrush(QColor(70, 70, 70));
        paintMask.setBrush(Qt::white);
        for (int side : {-1, 1}) {
          const QPointF centre(48 + side * (19 + jitter(random) / 2), 38 + jitter(random));
          const double rx = 11 + jitter(random) / 2, ry = 24 + jitter(random);
          paintFilm.drawEllipse(centre, rx, ry);
          paintMask.drawEllipse(centre, rx, ry);
        }
      }
      for (int y = 0; y < film.height(); ++y) {
        uchar* line = film.scanLine(y);
        for (int x = 0; x < film.width(); ++x) line[x] = static_cast<uchar>(std::clamp(line[x] + grain(random), 0.0, 255.0));
      }
      const std::string name = "p" + std::to_string(p) + "_" + std::to_string(f) + ".png";
      REQUIRE(film.save(QString::fromStdString(dir.file("images/" + name))));
      REQUIRE(mask.save(QString::fromStdString(dir.file("masks/" + name))));
      csv << name << ",P" << p << ",yes\n";
    }
}

// Screen pixels in the outline's cyan.
int cyanPixels(const QImage& image) {
  const QImage rgb = image.convertToFormat(QImage::Format_RGB32);
  int count = 0;
  for (int y = 0; y < rgb.height(); ++y)
    for (int x = 0; x < rgb.width(); ++x) {
      const QColor c = rgb.pixelColor(x, y);
      count += c.red() < 90 && c.green() > 150 && c.blue() > 190;
    }
  return count;
}

}  // namespace

TEST_CASE("View > Lung outline draws the lung pack's outline over the film, off by default", "[ui][lungs]") {
  TempDir dir;
  writeLungFilms(dir, 20);
  hilum::train::SegmentationTrainConfig config;
  config.labelsCsv = dir.file("labels.csv");
  config.imagesDir = dir.file("images");
  config.masksDir = dir.file("masks");
  config.output = dir.file("run");
  config.name = "test-lungs";
  config.inputSize = 32;
  config.baseChannels = 8;
  config.levels = 3;
  config.epochs = 8;
  config.learningRate = 1e-2;
  config.threads = 2;
  config.validationFraction = config.testFraction = 0.2;
  const auto trained = hilum::train::trainSegmenter(config);
  INFO((trained.ok() ? "" : trained.error().message()));
  REQUIRE(trained.ok());
  setenv("HILUM_LUNG_MODEL", trained.value().packDirectory.c_str(), 1);

  {
    hilum::ui::MainWindow window;
    window.resize(800, 700);
    window.show();
    REQUIRE(openAndWait(window, dir.file("images/p3_1.png")));
    auto* view = window.filmView();
    auto* action = window.findChild<QAction*>("lungOutlineAction");
    REQUIRE(action != nullptr);
    CHECK(action->isCheckable());
    CHECK_FALSE(action->isChecked());
    CHECK(action->shortcut() == QKeySequence(Qt::Key_U));
    CHECK_FALSE(view->lungOutlineVisible());
    CHECK(view->lungOutline().empty());
    const int before = cyanPixels(view->grab().toImage());

    action->trigger();
    CHECK(view->lungOutlineVisible());
    REQUIRE(QTest::qWaitFor([&] { return !view->lungOutline().empty(); }, 20000));
    CHECK(view->lungOutline().size() == 2);
    for (const auto& polygon : view->lungOutline()) {
      const QRectF box = polygon.boundingRect();
      CHECK(box.left() >= 0);
      CHECK(box.right() <= 96);
      CHECK(box.height() > 20);  // a lung, not a speck
    }
    snapshot(&window, "lung_outline");
    CHECK(cyanPixels(view->grab().toImage()) > before + 100);

    action->trigger();  // off again: the outline stays cached, nothing is drawn
    CHECK_FALSE(view->lungOutlineVisible());
    CHECK(cyanPixels(view->grab().toImage()) <= before);
  }
  unsetenv("HILUM_LUNG_MODEL");
}
