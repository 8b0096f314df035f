#pragma once
// PACS > Query/Retrieve: find studies on a configured node (C-FIND at study level: patient name with
// * and ? wildcards, patient ID, study date range, modalities, accession number), retrieve the
// selected ones into the local store with C-GET, and open them. Searches and retrievals run on the
// thread pool with progress and a Cancel button; every failure (refused association, timeout, unknown
// AE, a study the PACS does not have) is shown in the dialog with the node and the reason. The GUI
// thread never waits on the network.
#include "hilum/pacs/find.h"
#include "hilum/pacs/pacs_config.h"

#include <QDialog>
#include <QStringList>

#include <atomic>
#include <memory>
#include <vector>

class QComboBox;
class QDateEdit;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QTableWidget;

namespace hilum::ui {

class QueryRetrieveDialog : public QDialog {
  Q_OBJECT
public:
  // Reads the PACS configuration (nodes, our AE title, the store folder) at `configPath`
  // (pacs::defaultConfigPath() when empty).
  explicit QueryRetrieveDialog(QWidget* parent = nullptr, const QString& configPath = {});
  ~QueryRetrieveDialog() override;  // cancels what still runs; it finishes unseen

  // The query the fields describe now (study level).
  pacs::Query query() const;
  // Picks the node by its configured name; false when there is none of that name.
  bool setNode(const QString& name);
  QTableWidget* resultsTable() const { return m_results; }
  const std::vector<pacs::QueryMatch>& matches() const { return m_matches; }
  QString statusText() const;
  bool busy() const { return m_busy; }
  // The local store retrieved studies go to (<store>/<StudyInstanceUID>/...).
  QString storeFolder() const;

public Q_SLOTS:
  void search();
  // The selected rows (all rows when only one), one C-GET after another.
  void retrieveSelected();
  void cancel();
  // Re-reads the configuration (after the settings dialog saved).
  void reloadConfig();

Q_SIGNALS:
  void searchFinished(bool ok);
  void retrieveFinished(bool ok);
  // Once per study retrieved (wholly or partly): its folder in the local store.
  void studyRetrieved(const QString& folder);
  // "Open": the files of the last retrieve (those already in the store included), sorted.
  void openRequested(const QStringList& paths);

private:
  void setBusy(bool busy);
  void setStatus(const QString& text, bool problem);
  void showMatches();
  void openSettings();

  QString m_configPath;
  pacs::PacsConfig m_config;
  std::vector<pacs::QueryMatch> m_matches;
  pacs::NamedNode m_matchesFrom;  // the node that answered: Retrieve asks it, not the combo's
  QStringList m_retrieved;  // what Open hands over
  std::shared_ptr<std::atomic<bool>> m_cancel;
  bool m_busy = false;

  QComboBox* m_node = nullptr;
  QLineEdit* m_patientName = nullptr;
  QLineEdit* m_patientId = nullptr;
  QDateEdit* m_from = nullptr;
  QDateEdit* m_to = nullptr;
  QLineEdit* m_modalities = nullptr;
  QLineEdit* m_accession = nullptr;
  QTableWidget* m_results = nullptr;
  QProgressBar* m_progress = nullptr;
  QLabel* m_status = nullptr;
  QPushButton* m_search = nullptr;
  QPushButton* m_retrieve = nullptr;
  QPushButton* m_cancelButton = nullptr;
  QPushButton* m_open = nullptr;
};

}  // namespace hilum::ui
