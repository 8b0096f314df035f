#define CATCH_CONFIG_RUNNER
#include <catch2/catch.hpp>

#include <QApplication>

int main(int argc, char** argv) {
  // Offscreen unless the caller chose a platform: tests drive real widgets without a display.
  qputenv("QT_QPA_PLATFORM", qgetenv("QT_QPA_PLATFORM").isEmpty() ? "offscreen" : qgetenv("QT_QPA_PLATFORM"));
  // No model pack from the source tree or the installation: each test chooses its own.
  qputenv("HILUM_MODEL_PATH", "/nonexistent");
  QApplication app(argc, argv);
  return Catch::Session().run(argc, argv);
}
