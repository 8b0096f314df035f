// View > Lung outline on a generated film: a tiny lung pack trained in the test, the toggle off by
// default, the outline computed off the GUI thread and painted, then hidden again.
#include "lung_films.h"
#include "temp_dir.h"
#include "tiny_segmenter.h"
#include "ui_support.h"

#include "hilum/train/segmentation_trainer.h"
#include "hilum/ui/film_view.h"
#include "hilum/ui/main_window.h"

#include <catch2/catch.hpp>

#include <QAction>
#include <QImage>
#include <QTest>

#include <cstdlib>
#include <filesystem>

using namespace hilum::test;

namespace {

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
  LungFilmsOptions films;
  films.seed = 3;
  films.grain = true;
  writeGeneratedLungs(dir, 20, films);
  const auto config = tinySegmenterConfig(dir);
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
