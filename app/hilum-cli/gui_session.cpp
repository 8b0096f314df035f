#include "gui_session.h"

#include <QGuiApplication>

namespace hilum::cli {

void ensureGuiApplication() {
  if (QCoreApplication::instance()) return;
  if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) qputenv("QT_QPA_PLATFORM", "offscreen");
  static int argc = 1;
  static char name[] = "hilum-cli";
  static char* argv[] = {name, nullptr};
  new QGuiApplication(argc, argv);  // deliberately never deleted: see the header
}

}  // namespace hilum::cli
