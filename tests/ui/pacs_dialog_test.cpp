// The PACS dialogs driven through their real widgets against a real Orthanc on loopback (cases that
// need it skip when /usr/sbin/Orthanc is missing). HILUM_UI_SNAPSHOTS=DIR saves a PNG of each dialog
// there, for looking at them.
#include "pacs_support.h"
#include "ui_support.h"

#include "hilum/pacs/send.h"
#include "hilum/ui/film_loader.h"
#include "hilum/ui/film_view.h"
#include "hilum/ui/main_window.h"
#include "hilum/ui/pacs_query_retrieve_dialog.h"
#include "hilum/ui/pacs_send_dialog.h"
#include "hilum/ui/pacs_settings_dialog.h"

#include <catch2/catch.hpp>

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QDir>
#include <QFileInfo>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTreeWidget>

#include <filesystem>
#include <fstream>

using namespace hilum;
using namespace hilum::test;
using Catch::Matchers::Contains;

namespace {

pacs::NamedNode closedNode() {
  return {"Closed", {"NOBODY", "127.0.0.1", freePort(), {}}};
}

QString qs(const std::string& s) { return QString::fromStdString(s); }

// Generated studies stored into Orthanc through pacs::store.
GeneratedStudy storeStudy(const OrthancServer& orthanc, const TempDir& dir, const std::string& name,
                          const StudySpec& spec) {
  GeneratedStudy study = writeStudy(dir, name, spec);
  const auto sent = pacs::store(orthanc.node(), study.files);
  REQUIRE(sent.ok());
  REQUIRE(sent.value().complete());
  return study;
}

}  // namespace

TEST_CASE("PACS settings dialog saves nodes and options and shows them again", "[ui][pacs]") {
  TempDir dir;
  const QString path = qs(dir.file("pacs.json"));
  {
    ui::PacsSettingsDialog dialog(nullptr, path);
    CHECK(dialog.errorText().isEmpty());
    CHECK(dialog.nodeTable()->rowCount() == 0);
    CHECK_FALSE(dialog.findChild<QCheckBox*>("scpEnabled")->isChecked());  // off by default
    dialog.addNode({"Orthanc", {"ORTHANC", "127.0.0.1", 4242, {}}});
    dialog.addNode({"Main PACS", {"MAIN", "pacs.example.org", 104, {}}});
    dialog.findChild<QLineEdit*>("localAeTitle")->setText("READER2");
    dialog.findChild<QCheckBox*>("scpEnabled")->setChecked(true);
    dialog.findChild<QCheckBox*>("scpAllInterfaces")->setChecked(true);
    auto* results = dialog.findChild<QComboBox*>("resultsNode");
    REQUIRE(results->count() == 3);  // keep local + two nodes
    results->setCurrentIndex(results->findText("Main PACS"));
    dialog.findChild<QLineEdit*>("triagePriorities")->setText("Pneumothorax=3,Effusion=1.5");
    snapshot(&dialog, "pacs_settings");
    QSignalSpy saved(&dialog, &ui::PacsSettingsDialog::saved);
    REQUIRE(dialog.save());
    CHECK(saved.count() == 1);
  }
  const auto loaded = pacs::loadPacsConfig(path.toStdString());
  REQUIRE(loaded.ok());
  CHECK(loaded.value().localAeTitle == "READER2");
  REQUIRE(loaded.value().nodes.size() == 2);
  CHECK(loaded.value().nodes[1].node.toString() == "MAIN@pacs.example.org:104");
  CHECK(loaded.value().scpEnabled);
  CHECK(loaded.value().scpBindAddress == "0.0.0.0");
  CHECK(loaded.value().resultsNode == "Main PACS");
  CHECK(loaded.value().priorities == "Pneumothorax=3,Effusion=1.5");

  ui::PacsSettingsDialog again(nullptr, path);
  CHECK(again.nodeTable()->rowCount() == 2);
  CHECK(again.nodeTable()->item(0, 0)->text() == "Orthanc");
  CHECK(again.findChild<QComboBox*>("resultsNode")->currentText() == "Main PACS");
  CHECK(again.findChild<QCheckBox*>("scpAllInterfaces")->isChecked());

  // An invalid value is refused in the dialog, with the reason, and the file keeps what it had.
  again.findChild<QLineEdit*>("localAeTitle")->setText("   ");
  CHECK_FALSE(again.save());
  CHECK_THAT(again.errorText().toStdString(), Contains("AE title"));
  CHECK(pacs::loadPacsConfig(path.toStdString()).value().localAeTitle == "READER2");
}

TEST_CASE("PACS settings dialog reports a broken file and keeps the defaults on screen", "[ui][pacs]") {
  TempDir dir;
  std::ofstream(dir.file("pacs.json")) << "{ \"nodes\": 3 }";
  ui::PacsSettingsDialog dialog(nullptr, qs(dir.file("pacs.json")));
  CHECK_THAT(dialog.errorText().toStdString(), Contains("pacs.json") && Contains("nodes must be a list"));
  CHECK(dialog.nodeTable()->rowCount() == 0);
}

TEST_CASE("PACS settings dialog's C-ECHO reports success against Orthanc and the reason on a closed port",
          "[ui][pacs][orthanc]") {
  OrthancServer orthanc;
  HILUM_START_ORTHANC(orthanc);
  TempDir dir;
  ui::PacsSettingsDialog dialog(nullptr, qs(dir.file("pacs.json")));
  dialog.addNode({"Orthanc", orthanc.node()});
  dialog.addNode(closedNode());
  dialog.show();
  QSignalSpy echoed(&dialog, &ui::PacsSettingsDialog::echoFinished);

  auto* first = dialog.findChild<QPushButton*>("echoButton0");
  REQUIRE(first);
  first->click();
  REQUIRE(echoed.wait(15000));
  CHECK(echoed.at(0).at(0).toInt() == 0);
  CHECK(echoed.at(0).at(1).toBool());
  CHECK(dialog.nodeTable()->item(0, 5)->text().startsWith("OK"));

  dialog.findChild<QPushButton*>("echoButton1")->click();
  REQUIRE(echoed.wait(15000));
  CHECK_FALSE(echoed.at(1).at(1).toBool());
  CHECK_THAT(dialog.nodeTable()->item(1, 5)->text().toStdString(), Contains("connection refused"));
  CHECK_THAT(dialog.errorText().toStdString(), Contains("Closed") && Contains("connection refused"));
  snapshot(&dialog, "pacs_settings_echo");
}

TEST_CASE("Query/Retrieve fields make the study-level query", "[ui][pacs]") {
  TempDir dir;
  ui::QueryRetrieveDialog dialog(nullptr, qs(dir.file("none.json")));
  CHECK_THAT(dialog.statusText().toStdString(), Contains("No PACS node"));
  CHECK_FALSE(dialog.findChild<QPushButton*>("searchButton")->isEnabled());
  pacs::Query q = dialog.query();
  CHECK(q.level == pacs::QueryLevel::Study);
  CHECK(q.modalities == std::vector<std::string>{"CR", "DX"});  // chest films by default
  CHECK(q.studyDateFrom.empty());
  CHECK(q.studyDateTo.empty());
  dialog.findChild<QDateEdit*>("studyDateFrom")->setDate(QDate(2024, 1, 1));
  dialog.findChild<QLineEdit*>("patientName")->setText("DOE^*");
  dialog.findChild<QLineEdit*>("modalities")->setText("cr dx, DR");
  q = dialog.query();
  CHECK(q.studyDateFrom == "20240101");
  CHECK(q.studyDateTo.empty());
  CHECK(q.patientName == "DOE^*");
  CHECK(q.modalities == std::vector<std::string>{"CR", "DX", "DR"});
}

TEST_CASE("Query/Retrieve finds studies in Orthanc, retrieves one into the store and offers to open it",
          "[ui][pacs][orthanc]") {
  OrthancServer orthanc;
  HILUM_START_ORTHANC(orthanc);
  TempDir films, store, config;
  StudySpec a;
  a.patientName = "QR^ALPHA";
  a.patientId = "QR-1";
  a.accession = "ACCA";
  a.instances = 2;
  StudySpec b = a;
  b.patientName = "QR^BETA";
  b.patientId = "QR-2";
  b.accession = "ACCB";
  b.studyDate = "20240210";
  b.modality = "CR";
  const GeneratedStudy studyA = storeStudy(orthanc, films, "a", a);
  storeStudy(orthanc, films, "b", b);

  pacs::PacsConfig pacsConfig;
  pacsConfig.nodes = {{"Orthanc", orthanc.node()}, closedNode()};
  pacsConfig.storeFolder = store.path();
  REQUIRE(pacs::savePacsConfig(pacsConfig, config.file("pacs.json")).ok());

  ui::QueryRetrieveDialog dialog(nullptr, qs(config.file("pacs.json")));
  dialog.show();
  REQUIRE(dialog.setNode("Orthanc"));
  QSignalSpy searched(&dialog, &ui::QueryRetrieveDialog::searchFinished);
  dialog.findChild<QLineEdit*>("patientName")->setText("QR^*");
  dialog.findChild<QPushButton*>("searchButton")->click();
  CHECK(dialog.busy());
  REQUIRE(searched.wait(15000));
  INFO(dialog.statusText().toStdString());
  REQUIRE(searched.at(0).at(0).toBool());
  QTableWidget* table = dialog.resultsTable();
  REQUIRE(table->rowCount() == 2);
  snapshot(&dialog, "pacs_query_results");

  // Narrowed by the date range, only the February study remains.
  dialog.findChild<QDateEdit*>("studyDateFrom")->setDate(QDate(2024, 2, 1));
  dialog.search();
  REQUIRE(searched.wait(15000));
  REQUIRE(table->rowCount() == 1);
  CHECK(table->item(0, 0)->text() == "QR, BETA");
  dialog.findChild<QDateEdit*>("studyDateFrom")->setDate(QDate(1900, 1, 1));  // "any"
  dialog.search();
  REQUIRE(searched.wait(15000));
  REQUIRE(table->rowCount() == 2);

  int rowA = -1;
  for (int r = 0; r < table->rowCount(); ++r)
    if (table->item(r, 1)->text() == "QR-1") rowA = r;
  REQUIRE(rowA >= 0);
  table->selectRow(rowA);
  QSignalSpy retrieved(&dialog, &ui::QueryRetrieveDialog::retrieveFinished);
  QSignalSpy study(&dialog, &ui::QueryRetrieveDialog::studyRetrieved);
  dialog.findChild<QPushButton*>("retrieveButton")->click();
  REQUIRE(retrieved.wait(20000));
  INFO(dialog.statusText().toStdString());
  CHECK(retrieved.at(0).at(0).toBool());
  REQUIRE(study.count() == 1);
  const QString folder = study.at(0).at(0).toString();
  CHECK(folder == QDir(qs(store.path())).filePath(qs(studyA.studyUid)));
  CHECK(filesUnder(folder.toStdString()).size() == 2);
  CHECK(partialFiles(store.path()).empty());
  snapshot(&dialog, "pacs_query_retrieved");

  QSignalSpy open(&dialog, &ui::QueryRetrieveDialog::openRequested);
  auto* openButton = dialog.findChild<QPushButton*>("openButton");
  REQUIRE(openButton->isEnabled());
  openButton->click();
  REQUIRE(open.count() == 1);
  const QStringList opened = open.at(0).at(0).toStringList();
  REQUIRE(opened.size() == 2);
  for (const QString& file : opened) CHECK(QFileInfo(file).absolutePath() == folder);

  // The same study again: nothing is overwritten, both instances are reported already present.
  dialog.retrieveSelected();
  REQUIRE(retrieved.wait(20000));
  CHECK(retrieved.at(1).at(0).toBool());
  CHECK_THAT(dialog.statusText().toStdString(), Contains("0 stored, 2 already in the store"));

  // A node that does not answer: the dialog names it and the reason.
  REQUIRE(dialog.setNode("Closed"));
  dialog.search();
  REQUIRE(searched.wait(15000));
  CHECK_FALSE(searched.back().at(0).toBool());
  CHECK_THAT(dialog.statusText().toStdString(), Contains("Closed: C-FIND to NOBODY@127.0.0.1") && Contains("connection refused"));
  snapshot(&dialog, "pacs_query_error");
}

TEST_CASE("Query/Retrieve cancels a retrieve and a search", "[ui][pacs][orthanc]") {
  OrthancServer orthanc;
  HILUM_START_ORTHANC(orthanc);
  TempDir films, store, config;
  StudySpec spec;
  spec.patientName = "CANCEL^ME";
  spec.instances = 12;
  const GeneratedStudy study = storeStudy(orthanc, films, "c", spec);
  pacs::PacsConfig pacsConfig;
  pacsConfig.nodes = {{"Orthanc", orthanc.node()}};
  pacsConfig.storeFolder = store.path();
  REQUIRE(pacs::savePacsConfig(pacsConfig, config.file("pacs.json")).ok());

  ui::QueryRetrieveDialog dialog(nullptr, qs(config.file("pacs.json")));
  dialog.show();
  QSignalSpy searched(&dialog, &ui::QueryRetrieveDialog::searchFinished);
  dialog.search();
  REQUIRE(searched.wait(15000));
  REQUIRE(dialog.resultsTable()->rowCount() == 1);

  QSignalSpy retrieved(&dialog, &ui::QueryRetrieveDialog::retrieveFinished);
  dialog.retrieveSelected();
  REQUIRE(dialog.busy());
  auto* cancel = dialog.findChild<QPushButton*>("cancelButton");
  REQUIRE(cancel->isEnabled());
  cancel->click();
  REQUIRE(retrieved.wait(20000));
  CHECK_FALSE(retrieved.at(0).at(0).toBool());
  INFO(dialog.statusText().toStdString());
  CHECK_THAT(dialog.statusText().toStdString(), Contains("cancelled"));
  CHECK_FALSE(dialog.busy());
  CHECK(filesUnder(store.path()).size() < 12);
  CHECK(partialFiles(store.path()).empty());

  dialog.search();
  dialog.cancel();
  REQUIRE(searched.wait(15000));
  CHECK_FALSE(searched.back().at(0).toBool());
  CHECK_THAT(dialog.statusText().toStdString(), Contains("cancelled"));
  CHECK(dialog.findChild<QPushButton*>("searchButton")->isEnabled());
}

TEST_CASE("PACS menu: Send current film stores the film in Orthanc, one outcome per file", "[ui][pacs][orthanc]") {
  OrthancServer orthanc;
  HILUM_START_ORTHANC(orthanc);
  pacs::PacsConfig pacsConfig;
  pacsConfig.nodes = {{"Orthanc", orthanc.node()}};
  REQUIRE(pacs::savePacsConfig(pacsConfig).ok());  // the test run's own XDG_CONFIG_HOME (ui_main.cpp)

  TempDir dir;
  ui::MainWindow window;
  window.show();
  const std::string film = writeFilm(dir, "send.dcm");
  REQUIRE(openAndWait(window, film));

  auto* action = window.findChild<QAction*>("pacsSendAction");
  REQUIRE(action);
  action->trigger();
  auto* dialog = window.findChild<ui::SendDialog*>();
  REQUIRE(dialog);
  CHECK(dialog->files() == QStringList{qs(film)});
  REQUIRE(dialog->setNode("Orthanc"));
  QSignalSpy sent(dialog, &ui::SendDialog::sendFinished);
  dialog->findChild<QPushButton*>("sendButton")->click();
  REQUIRE(sent.wait(15000));
  INFO(dialog->statusText().toStdString());
  CHECK(sent.at(0).at(0).toBool());
  CHECK(dialog->fileList()->topLevelItem(0)->text(1) == "stored");
  CHECK(orthanc.count("/instances") == 1);
  snapshot(dialog, "pacs_send");

  // A file that is not DICOM fails alone, with the reason; the film is stored again (same UID).
  std::ofstream(dir.file("notes.txt")) << "not a DICOM file";
  dialog->addFiles({qs(dir.file("notes.txt"))});
  dialog->send();
  REQUIRE(sent.wait(15000));
  CHECK_FALSE(sent.at(1).at(0).toBool());
  CHECK(dialog->fileList()->topLevelItem(0)->text(1).startsWith("stored"));
  CHECK(dialog->fileList()->topLevelItem(1)->text(1).startsWith("failed: "));
  snapshot(dialog, "pacs_send_failed");

  // The other PACS menu entries open their dialogs.
  window.findChild<QAction*>("pacsQueryAction")->trigger();
  auto* query = window.findChild<ui::QueryRetrieveDialog*>();
  REQUIRE(query);
  // Open hands the retrieved files to the window, which shows the first.
  const std::string other = writeFilm(dir, "retrieved.dcm");
  QSignalSpy loaded(window.loader(), &ui::FilmLoader::filmLoaded);
  Q_EMIT query->openRequested({qs(other)});
  REQUIRE(loaded.wait(10000));
  CHECK(window.filmView()->film()->path() == other);
  window.findChild<QAction*>("pacsSettingsAction")->trigger();
  auto* settings = window.findChild<ui::PacsSettingsDialog*>();
  REQUIRE(settings);
  CHECK(settings->nodeTable()->rowCount() == 1);
  settings->reject();
  std::filesystem::remove(pacs::defaultConfigPath());
}
