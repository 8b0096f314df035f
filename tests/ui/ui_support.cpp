#include "ui_support.h"

#include "dicom_fixture.h"

#include "hilum/ui/film_loader.h"

#include <QApplication>
#include <QDir>
#include <QMouseEvent>
#include <QSignalSpy>

namespace hilum::test {

std::string writeFilm(const TempDir& dir, const std::string& name, const std::string& photometric) {
  DicomSpec spec;
  spec.rows = 400;
  spec.columns = 300;
  spec.photometric = photometric;
  spec.pixels = patternPixels(spec, true);
  spec.attributes = {{"WindowCenter", "2048\\1000"}, {"WindowWidth", "4096\\500"}};
  writeDicom(spec, dir.file(name));
  return dir.file(name);
}

bool openAndWait(hilum::ui::MainWindow& window, const std::string& path) {
  QSignalSpy loaded(window.loader(), &hilum::ui::FilmLoader::filmLoaded);
  window.openFile(QString::fromStdString(path));
  return loaded.wait(10000);
}

void drag(QWidget* widget, Qt::MouseButton button, QPointF from, QPointF to) {
  QMouseEvent press(QEvent::MouseButtonPress, from, widget->mapToGlobal(from), button, button, Qt::NoModifier);
  QApplication::sendEvent(widget, &press);
  QMouseEvent move(QEvent::MouseMove, to, widget->mapToGlobal(to), Qt::NoButton, button, Qt::NoModifier);
  QApplication::sendEvent(widget, &move);
  QMouseEvent release(QEvent::MouseButtonRelease, to, widget->mapToGlobal(to), button, Qt::NoButton, Qt::NoModifier);
  QApplication::sendEvent(widget, &release);
}

void click(QWidget* widget, QPointF at) {
  QMouseEvent press(QEvent::MouseButtonPress, at, widget->mapToGlobal(at), Qt::LeftButton, Qt::LeftButton, Qt::NoModifier);
  QApplication::sendEvent(widget, &press);
  QMouseEvent release(QEvent::MouseButtonRelease, at, widget->mapToGlobal(at), Qt::LeftButton, Qt::NoButton, Qt::NoModifier);
  QApplication::sendEvent(widget, &release);
}

void moveMouse(QWidget* widget, QPointF to) {
  QMouseEvent move(QEvent::MouseMove, to, widget->mapToGlobal(to), Qt::NoButton, Qt::NoButton, Qt::NoModifier);
  QApplication::sendEvent(widget, &move);
}

void snapshot(QWidget* widget, const QString& name) {
  const QByteArray dir = qgetenv("HILUM_UI_SNAPSHOTS");
  if (dir.isEmpty()) return;
  widget->show();
  QApplication::processEvents();
  widget->grab().save(QDir(QString::fromLocal8Bit(dir)).filePath(name + ".png"));
}

}  // namespace hilum::test
