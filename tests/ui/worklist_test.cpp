// The Worklist tab: films C-STOREd to the viewer's storage SCP appear ranked, live; a double-click
// opens the study in the viewer; teaching mode hides identity. And the viewer's own AI result,
// written as DICOM for the PACS.
#include "dicom_fixture.h"
#include "temp_dir.h"
#include "tiny_pack.h"
#include "ui_support.h"

#include "hilum/pacs/pacs_config.h"
#include "hilum/pacs/send.h"
#include "hilum/ui/analysis_runner.h"
#include "hilum/ui/main_window.h"
#include "hilum/ui/pacs_send_dialog.h"
#include "hilum/ui/worklist_panel.h"

#include <catch2/catch.hpp>

#include <QAction>
#include <QApplication>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableWidget>
#include <QTest>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <filesystem>

using namespace hilum;

namespace {

int freePort() {
  const int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in a{};
  a.sin_family = AF_INET;
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  bind(fd, reinterpret_cast<sockaddr*>(&a), sizeof a);
  socklen_t n = sizeof a;
  getsockname(fd, reinterpret_cast<sockaddr*>(&a), &n);
  close(fd);
  return ntohs(a.sin_port);
}

void writeShapes(const std::string& path, double discX, double barY, const std::string& patient) {
  const film::Film film = test::shapesFilm(discX, 0.5, barY);
  test::DicomSpec spec;
  spec.rows = film.rows();
  spec.columns = film.columns();
  for (std::size_t i = 0; i < film.pixels().size(); ++i) spec.pixels.push_back(film.pixels().value(i));
  spec.attributes = {{"PatientName", patient}, {"PatientID", patient}, {"Modality", "DX"}};
  test::writeDicom(spec, path);
}

bool waitFor(const std::function<bool()>& done, int ms = 60000) {
  for (int waited = 0; waited < ms; waited += 50) {
    if (done()) return true;
    QTest::qWait(50);
  }
  return done();
}

}  // namespace

TEST_CASE("studies sent to the viewer's SCP are triaged live in the Worklist tab", "[ui][worklist]") {
  test::TempDir dir;
  std::filesystem::create_directories(dir.file("pack"));
  test::writeTinyPack(dir.file("pack"));
  pacs::PacsConfig config;
  config.scpPort = freePort();
  config.priorities = "Bar=3";
  REQUIRE(pacs::savePacsConfig(config).ok());

  ui::MainWindow window;
  auto* panel = window.worklist();
  panel->setPackDirectory(QString::fromStdString(dir.file("pack")));
  panel->startReceiving();
  REQUIRE(panel->receiving());
  REQUIRE(waitFor([panel] { return panel->ready(); }));

  writeShapes(dir.file("disc.dcm"), 0.4, -1, "DISC^ONLY");
  writeShapes(dir.file("bar.dcm"), -1, 0.6, "BAR^ONLY");
  const auto sent = pacs::store(pacs::Node{"HILUM", "127.0.0.1", config.scpPort, ""}, {dir.file("disc.dcm"), dir.file("bar.dcm")});
  REQUIRE(sent.ok());
  REQUIRE(sent.value().count(pacs::InstanceStatus::Stored) == 2);
  REQUIRE(waitFor([panel] { return panel->rowCount() == 2 && panel->pending() == 0; }));
  // The table refreshes on a timer after the last result: on a loaded machine that can take a while.
  waitFor([panel] { return panel->cellText(0, 0).startsWith("Bar") && panel->cellText(1, 0).startsWith("Disc"); }, 10000);
  CHECK(panel->cellText(0, 0).startsWith("Bar"));  // priority 3 leads
  CHECK(panel->cellText(0, 1) == "BAR^ONLY");
  CHECK(panel->cellText(1, 0).startsWith("Disc"));
  CHECK(panel->cellText(0, 8) == "tiny-blobs 0.1");  // every row names its model
  CHECK(panel->cellText(0, 7) == "local");          // no results node configured
  if (auto* tabs = window.findChild<QTabWidget*>()) tabs->setCurrentWidget(panel);
  test::snapshot(&window, "worklist");

  window.setTeachingMode(true);
  CHECK(panel->cellText(0, 1) == "hidden");
  window.setTeachingMode(false);

  QSignalSpy open(panel, &ui::WorklistPanel::openFilesRequested);
  auto* table = panel->findChild<QTableWidget*>();
  REQUIRE(table);
  Q_EMIT table->cellActivated(0, 0);
  REQUIRE(open.count() == 1);
  const QStringList files = open.at(0).at(0).toStringList();
  REQUIRE(files.size() == 1);
  CHECK(std::filesystem::exists(files.front().toStdString()));

  panel->stopReceiving();
  CHECK_FALSE(panel->receiving());
}

TEST_CASE("PACS > Send AI result writes the film's SR and Secondary Capture and offers them to send", "[ui][pacs]") {
  test::TempDir packDir, dir;
  test::writeTinyPack(packDir.path());
  qputenv("HILUM_DEFAULT_MODEL", QByteArray::fromStdString(packDir.path()));
  test::writeFilmDicom(test::shapesFilm(0.3, 0.5), dir.file("disc.dcm"));
  ui::MainWindow window;
  qunsetenv("HILUM_DEFAULT_MODEL");
  auto* action = window.findChild<QAction*>("pacsSendResultAction");
  REQUIRE(action);

  action->trigger();  // nothing analysed yet: a message, no dialog
  CHECK(window.findChild<ui::SendDialog*>() == nullptr);

  QSignalSpy finished(window.analysis(), &ui::AnalysisRunner::analysisFinished);
  REQUIRE(test::openAndWait(window, dir.file("disc.dcm")));
  REQUIRE(finished.wait(30000));
  action->trigger();
  REQUIRE(waitFor([&window] { return window.findChild<ui::SendDialog*>() != nullptr; }, 30000));
  const QStringList files = window.findChild<ui::SendDialog*>()->files();
  REQUIRE(files.size() == 2);
  CHECK(files[0].endsWith("-sr.dcm"));
  CHECK(files[1].endsWith("-sc.dcm"));
  for (const auto& f : files) CHECK(std::filesystem::file_size(f.toStdString()) > 1000);
}
