#include "hilum/ui/main_window.h"
#include "hilum/ui/screenshot.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QPalette>
#include <QStyle>

int main(int argc, char** argv) {
  QApplication app(argc, argv);
  QApplication::setApplicationName("Hilum");
  QApplication::setOrganizationName("Hilum");
  QApplication::setApplicationVersion(HILUM_VERSION);
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
  parser.addPositionalArgument("film", "DICOM, PNG, JPEG or TIFF film to open");
  const QCommandLineOption screenshot("screenshot", "Save the window as PNG once the film (and its analysis) are shown, then quit.", "OUT.png");
  const QCommandLineOption tab("tab", "Tab to show: viewer or training.", "NAME", "viewer");
  const QCommandLineOption trainingCsv("training-csv", "Pre-fill the training tab with this CSV.", "CSV");
  const QCommandLineOption size("size", "Window size for screenshots, WIDTHxHEIGHT.", "WxH", "1400x950");
  parser.addOptions({screenshot, tab, trainingCsv, size});
  parser.process(app);

  hilum::ui::MainWindow window;
  const QStringList dims = parser.value(size).split('x');
  if (dims.size() == 2) window.resize(dims[0].toInt(), dims[1].toInt());
  window.show();
  const QString film = parser.positionalArguments().isEmpty() ? QString() : parser.positionalArguments().front();
  if (parser.isSet(screenshot)) {
    hilum::ui::scheduleScreenshot(window, {parser.value(screenshot), film, parser.value(tab), parser.value(trainingCsv)});
  } else if (!film.isEmpty()) {
    window.openFile(film);
  }
  return QApplication::exec();
}
