#pragma once
// PACS > PACS settings: the nodes Hilum talks to (name, AE title, host, port) with a C-ECHO test per
// node, our own AE title, the storage SCP (off by default, loopback unless "listen on all
// interfaces"), the local store, where the AI worklist sends its results and the triage priorities.
// Reads and writes pacs::loadPacsConfig / savePacsConfig; a file that cannot be read or written is
// reported in the dialog, which stays open. Echoes run on the thread pool; the GUI never waits.
#include "hilum/pacs/pacs_config.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QSpinBox;
class QTableWidget;

namespace hilum::ui {

class PacsSettingsDialog : public QDialog {
  Q_OBJECT
public:
  // Edits the configuration at `configPath` (pacs::defaultConfigPath() when empty).
  explicit PacsSettingsDialog(QWidget* parent = nullptr, const QString& configPath = {});
  ~PacsSettingsDialog() override;

  // The configuration as the widgets show it now (what Save would write).
  pacs::PacsConfig config() const;
  QString configPath() const { return m_path; }
  // The last problem shown (load, save or validation), empty when none.
  QString errorText() const;
  QTableWidget* nodeTable() const { return m_table; }

public Q_SLOTS:
  // Appends a node row (as the Add button does after its form).
  void addNode(const hilum::pacs::NamedNode& node);
  // C-ECHO to the node of `row` on a worker; the row's status cell shows "OK (12 ms)" or the reason.
  void testNode(int row);
  // Validates and writes the file; true when written (the dialog is then accepted).
  bool save();

Q_SIGNALS:
  void echoFinished(int row, bool ok, const QString& message);
  void saved();

private:
  void load();
  void setRow(int row, const pacs::NamedNode& node);
  void editRow(int row);
  void removeSelected();
  void refreshResultsCombo();
  void showProblem(const QString& text);
  void browseStore();

  QString m_path;
  QTableWidget* m_table = nullptr;
  QLineEdit* m_localAe = nullptr;
  QCheckBox* m_scpEnabled = nullptr;
  QSpinBox* m_scpPort = nullptr;
  QCheckBox* m_allInterfaces = nullptr;
  QLineEdit* m_storeFolder = nullptr;
  QComboBox* m_resultsNode = nullptr;
  QLineEdit* m_priorities = nullptr;
  QLabel* m_problem = nullptr;
  // A specific address from the file (not loopback, not all) is kept while the box stays unticked.
  QString m_loadedBindAddress;
};

}  // namespace hilum::ui
