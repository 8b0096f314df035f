#include "hilum/ui/main_window.h"

#include <QApplication>
#include <QCommandLineParser>

int main(int argc, char** argv) {
  QApplication app(argc, argv);
  QApplication::setApplicationName("Hilum");
  QApplication::setOrganizationName("Hilum");
  QApplication::setApplicationVersion(HILUM_VERSION);

  QCommandLineParser parser;
  parser.setApplicationDescription("Chest X-ray workstation with on-device AI assist");
  parser.addHelpOption();
  parser.addVersionOption();
  parser.addPositionalArgument("film", "DICOM, PNG, JPEG or TIFF film to open");
  parser.process(app);

  hilum::ui::MainWindow window;
  window.show();
  if (!parser.positionalArguments().isEmpty()) window.openFile(parser.positionalArguments().front());
  return QApplication::exec();
}
