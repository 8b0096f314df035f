#include "hilum/ui/language.h"
#include "hilum/ui/main_window.h"
#include "hilum/ui/screenshot.h"
#include "hilum/ui/view_benchmark.h"
#include "hilum/ui/viewer_settings.h"

#include <QApplication>
#include <QLocale>
#include <QCommandLineParser>
#include <QPalette>
#include <QStyle>

#include <algorithm>
#include <iostream>

int main(int argc, char** argv) {
  QApplication app(argc, argv);
  QApplication::setApplicationName("Hilum");
  QApplication::setOrganizationName("Hilum");
  QApplication::setApplicationVersion(HILUM_VERSION);
  // Before any widget exists: tr() runs in constructors. The settings' language, else the system's.
  const QString language = hilum::ui::chooseLanguage(hilum::ui::ViewerSettings::load().language, QLocale::system());
  if (!hilum::ui::installTranslators(app, language)) std::cerr << "hilum: no " << language.toStdString() << " translation\n";
  // Reading rooms are dark: a dark Fusion palette by default keeps the film the brightest thing on screen.
  QApplication::setStyle("Fusion");
  QPalette dark;
  dark.setColor(QPalette::Window, QColor(37, 37, 40));
  dark.setColor(QPalette::WindowText, QColor(220, 220, 220));
  dark.setColor(QPalette::Base, QColor(24, 24, 26));
  dark.setColor(QPalette::AlternateBase, QColor(37, 37, 40));
  dark.setColor(QPalette::Text, QColor(220, 220, 220));
  dark.setColor(QPalette::Button, QColor(45, 45, 48));
  dark.setColor(QPalette::ButtonText, QColor(220, 220, 220));
  dark.setColor(QPalette::Highlight, QColor(42, 110, 180));
  dark.setColor(QPalette::HighlightedText, Qt::white);
  dark.setColor(QPalette::ToolTipBase, QColor(50, 50, 52));
  dark.setColor(QPalette::ToolTipText, QColor(220, 220, 220));
  dark.setColor(QPalette::Disabled, QPalette::Text, QColor(120, 120, 120));
  dark.setColor(QPalette::Disabled, QPalette::ButtonText, QColor(120, 120, 120));
  QApplication::setPalette(dark);

  QCommandLineParser parser;
  parser.setApplicationDescription("Chest X-ray workstation with on-device AI assist");
  parser.addHelpOption();
  parser.addVersionOption();
  parser.addPositionalArgument("films", "DICOM, PNG, JPEG or TIFF films, or a folder / DICOMDIR, to open", "[FILM...]");
  const QCommandLineOption screenshot("screenshot", "Save the window as PNG once the film (and its analysis) are shown, then quit.", "OUT.png");
  const QCommandLineOption tab("tab", "Tab to show: viewer or training.", "NAME", "viewer");
  const QCommandLineOption trainingCsv("training-csv", "Pre-fill the training tab with this CSV.", "CSV");
  const QCommandLineOption size("size", "Window size for screenshots, WIDTHxHEIGHT.", "WxH", "1400x950");
  const QCommandLineOption analyze("analyze", "Screenshot: analyse the film even when analysis on open is off.");
  const QCommandLineOption finding("finding", "Screenshot: show this finding's heatmap.", "LABEL");
  const QCommandLineOption heatmap("heatmap", "Screenshot: heatmap, contour or off.", "MODE");
  const QCommandLineOption allPositives("all-positives", "Screenshot: every positive finding's heatmap at once.");
  const QCommandLineOption teaching("teaching", "Start in teaching mode (identity hidden, heatmap beside the film).");
  const QCommandLineOption layout("layout", "Screenshot: 1x1, 1x2 or 2x2.", "LAYOUT");
  const QCommandLineOption bench("bench", "Measure the viewer on FILM (window/level frames) or a folder (indexing, thumbnails, "
                                          "event-loop lateness); print JSON medians and quit.");
  const QCommandLineOption frames("frames", "Benchmark: window/level frames to time.", "N", "120");
  const QCommandLineOption lungOutline("lung-outline", "Screenshot: with View > Lung outline on (waits for the outline).");
  parser.addOptions({screenshot, tab, trainingCsv, size, analyze, finding, heatmap, allPositives, teaching, layout, bench, frames, lungOutline});
  parser.process(app);

  hilum::ui::MainWindow window;
  const QStringList dims = parser.value(size).split('x');
  if (dims.size() == 2) window.resize(dims[0].toInt(), dims[1].toInt());
  window.show();
  QApplication::processEvents();  // the first paint: what "window shown" means
  const double shownMs = hilum::ui::millisecondsSinceProcessStart();
  const QStringList films = parser.positionalArguments();
  if (parser.isSet(bench)) {
    if (films.size() != 1) {
      std::cerr << "hilum: --bench needs one film or folder\n";
      return 2;
    }
    hilum::ui::scheduleBenchmark(window, {films.front(), std::max(1, parser.value(frames).toInt()), shownMs});
  } else if (parser.isSet(screenshot)) {
    hilum::ui::ScreenshotRequest request;
    request.output = parser.value(screenshot);
    request.film = films.isEmpty() ? QString() : films.front();
    request.tab = parser.value(tab);
    request.trainingCsv = parser.value(trainingCsv);
    request.analyze = parser.isSet(analyze);
    request.finding = parser.value(finding);
    request.heatmapMode = parser.value(heatmap);
    request.allPositives = parser.isSet(allPositives);
    request.teaching = parser.isSet(teaching);
    request.layout = parser.value(layout);
    request.lungOutline = parser.isSet(lungOutline);
    hilum::ui::scheduleScreenshot(window, request);
  } else {
    if (parser.isSet(teaching)) window.setTeachingMode(true);
    window.openFiles(films);
  }
  return QApplication::exec();
}
