// Help > About: the version, the libraries with versions and licences, each pack's model card.
#include "temp_dir.h"
#include "tiny_pack.h"
#include "ui_support.h"

#include "hilum/ui/about_dialog.h"
#include "hilum/ui/main_window.h"

#include <catch2/catch.hpp>

#include <QAction>
#include <QTabWidget>
#include <QTableWidget>
#include <QTextBrowser>

#include <filesystem>
#include <fstream>

using namespace hilum;

TEST_CASE("About lists the libraries and shows each pack's model card", "[ui][about]") {
  test::TempDir models;
  std::filesystem::create_directories(models.file("tiny"));
  test::writeTinyPack(models.file("tiny"));
  std::ofstream(models.file("tiny/MODEL_CARD.md")) << "# tiny-blobs\n\nTrained on **generated** shapes.\n";
  const QByteArray modelPath = qgetenv("HILUM_MODEL_PATH");  // ui_main's: no pack from the checkout
  qputenv("HILUM_MODEL_PATH", QByteArray::fromStdString(models.path()));
  ui::AboutDialog about(QString::fromStdString(models.file("tiny")));
  qputenv("HILUM_MODEL_PATH", modelPath);

  auto* table = about.findChild<QTableWidget*>("componentsTable");
  REQUIRE(table);
  QStringList names;
  for (int r = 0; r < table->rowCount(); ++r) {
    names << table->item(r, 0)->text();
    CHECK_FALSE(table->item(r, 1)->text().isEmpty());
    CHECK_FALSE(table->item(r, 2)->text().isEmpty());
  }
  for (const char* name : {"Qt", "DCMTK", "OpenJPEG", "CharLS", "OpenCV", "LibTorch"}) CHECK(names.contains(name));

  auto* tabs = about.findChild<QTabWidget*>();
  REQUIRE(tabs);
  REQUIRE(tabs->count() == 2);
  CHECK(tabs->tabText(1).contains("tiny-blobs"));
  CHECK(tabs->tabText(1).contains("in use"));
  auto* card = qobject_cast<QTextBrowser*>(tabs->widget(1));
  REQUIRE(card);
  CHECK(card->toPlainText().contains("Trained on generated shapes."));
  test::snapshot(&about, "about");

  ui::MainWindow window;
  auto* action = window.findChild<QAction*>("aboutAction");
  REQUIRE(action);
  action->trigger();
  CHECK(window.findChild<ui::AboutDialog*>("aboutDialog") != nullptr);
}
