#pragma once
// Helpers the UI tests share: films written for the test, opening and waiting, mouse drags.
#include "temp_dir.h"

#include "hilum/ui/main_window.h"

#include <QPointF>
#include <QString>
#include <Qt>

#include <string>

class QWidget;

namespace hilum::test {

// A 300 x 400 film with windows 2048/4096 and 1000/500, smooth gradients.
std::string writeFilm(const TempDir& dir, const std::string& name, const std::string& photometric = "MONOCHROME2");
bool openAndWait(hilum::ui::MainWindow& window, const std::string& path);
// Press, one move, release: what a quick mouse drag delivers.
void drag(QWidget* widget, Qt::MouseButton button, QPointF from, QPointF to);
void click(QWidget* widget, QPointF at);
void moveMouse(QWidget* widget, QPointF to);
// With HILUM_UI_SNAPSHOTS=DIR set, shows the widget and saves DIR/<name>.png: what a user would see.
void snapshot(QWidget* widget, const QString& name);

}  // namespace hilum::test
