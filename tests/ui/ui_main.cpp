#define CATCH_CONFIG_RUNNER
#include <catch2/catch.hpp>

#include <QApplication>
#include <QTemporaryDir>

int main(int argc, char** argv) {
  // Offscreen unless the caller chose a platform: tests drive real widgets without a display.
  qputenv("QT_QPA_PLATFORM", qgetenv("QT_QPA_PLATFORM").isEmpty() ? "offscreen" : qgetenv("QT_QPA_PLATFORM"));
  // No model pack from the source tree or the installation: each test chooses its own.
  qputenv("HILUM_MODEL_PATH", "/nonexistent");
  // Settings, recent files and stored annotations of this run only: a developer's own, or an
  // earlier run's, must not change what the tests see.
  QTemporaryDir home;
  qputenv("XDG_CONFIG_HOME", (home.path() + "/config").toLocal8Bit());
  qputenv("HILUM_DATA_DIR", (home.path() + "/data").toLocal8Bit());
  QApplication app(argc, argv);
  QApplication::setOrganizationName("HilumTests");
  return Catch::Session().run(argc, argv);
}
