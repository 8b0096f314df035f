// A TorchScript pack from outside Hilum's model folders is a program: the viewer asks before it
// runs one (No by default), and remembers the answer per pack folder and weights.
#include "temp_dir.h"
#include "tiny_pack.h"
#include "ui_support.h"

#include "hilum/ui/analysis_runner.h"
#include "hilum/ui/findings_panel.h"
#include "hilum/ui/main_window.h"

#include <catch2/catch.hpp>

#include <QAbstractButton>
#include <QApplication>
#include <QDir>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>

#include <optional>

using hilum::test::TempDir;

namespace {

QMessageBox* question(const hilum::ui::MainWindow& window) {
  // A box answered earlier is deleted later (WA_DeleteOnClose): only a live one counts.
  QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
  return window.findChild<QMessageBox*>("torchScriptQuestion");
}

bool panelSays(const hilum::ui::MainWindow& window, const QString& text) {
  for (const QLabel* label : window.findingsPanel()->findChildren<QLabel*>())
    if (label->text().contains(text)) return true;
  return false;
}

// The remembered answer, as the settings file keeps it: "<sha256> <folder>" in one of two lists.
std::optional<bool> storedAnswer(const std::string& folder) {
  const QSettings settings;
  const QString canonical = QDir(QString::fromStdString(folder)).canonicalPath();
  for (const char* list : {"models/torchScriptAllowed", "models/torchScriptDeclined"})
    for (const QString& entry : settings.value(list).toStringList())
      if (entry.endsWith(' ' + canonical)) return std::string(list).find("Allowed") != std::string::npos;
  return std::nullopt;
}

}  // namespace

TEST_CASE("a TorchScript pack from elsewhere loads only after Yes, and the answer is remembered", "[ui][ai][torchscript]") {
  TempDir refused, allowed;
  hilum::test::writeScriptPack(refused.path(), 2, true);
  hilum::test::writeScriptPack(allowed.path(), 2, true);
  hilum::ui::MainWindow window;
  REQUIRE_FALSE(window.analysis()->busy());  // no default pack: ui_main points HILUM_MODEL_PATH nowhere
  QSignalSpy loaded(window.analysis(), &hilum::ui::AnalysisRunner::modelLoaded);

  // No (also the default button): nothing runs, and the pack is not asked about again.
  window.loadModel(QString::fromStdString(refused.path()));
  QMessageBox* box = question(window);
  REQUIRE(box != nullptr);
  CHECK(box->text().contains(QDir::toNativeSeparators(QString::fromStdString(refused.path()))));
  CHECK(box->text().contains("runs the program it contains"));
  CHECK(box->defaultButton() == box->button(QMessageBox::No));
  hilum::test::snapshot(box, "torchscript-question");
  box->button(QMessageBox::No)->click();
  CHECK_FALSE(loaded.wait(1000));
  CHECK_FALSE(window.analysis()->hasModel());
  CHECK(panelSays(window, "you chose not to run it"));
  CHECK(storedAnswer(refused.path()) == std::optional<bool>(false));
  window.loadModel(QString::fromStdString(refused.path()));
  CHECK(question(window) == nullptr);
  CHECK_FALSE(loaded.wait(500));

  // Yes: loaded, and remembered for the next session.
  window.loadModel(QString::fromStdString(allowed.path()));
  box = question(window);
  REQUIRE(box != nullptr);
  box->button(QMessageBox::Yes)->click();
  REQUIRE(loaded.wait(20000));
  CHECK(window.analysis()->hasModel());
  CHECK(window.analysis()->modelDescription().contains("script-test"));
  CHECK(storedAnswer(allowed.path()) == std::optional<bool>(true));
  window.loadModel(QString::fromStdString(allowed.path()));
  CHECK(question(window) == nullptr);
  REQUIRE(loaded.wait(20000));
}

TEST_CASE("a state-dict pack from elsewhere loads without a question", "[ui][ai][torchscript]") {
  TempDir pack;
  hilum::test::writeRandomPack(pack.path(), "smallcnn", {"Disc", "Bar"}, 32, 1);
  hilum::ui::MainWindow window;
  QSignalSpy loaded(window.analysis(), &hilum::ui::AnalysisRunner::modelLoaded);
  window.loadModel(QString::fromStdString(pack.path()));
  CHECK(question(window) == nullptr);
  REQUIRE(loaded.wait(20000));
}
