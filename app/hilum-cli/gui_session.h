#pragma once
// Makes sure a QGuiApplication exists for commands that paint (reports): QPainter needs fonts, and
// fonts need an application object. Offscreen, so hilum-cli runs without a display. The
// application lives until the process ends (tests drive several commands in one process, and Qt
// does not promise that a second QGuiApplication after a first one works).
namespace hilum::cli {

void ensureGuiApplication();

}  // namespace hilum::cli
