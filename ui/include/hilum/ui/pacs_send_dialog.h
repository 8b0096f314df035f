#pragma once
// PACS > Send: C-STORE of DICOM files (the current film, Hilum's exported SC / SR / PDF objects, any
// file the user adds) to a configured node, on the thread pool with progress and Cancel, with one
// outcome per file (stored, stored with the peer's warning, or failed with the reason).
#include "hilum/pacs/pacs_config.h"

#include <QDialog>
#include <QStringList>

#include <atomic>
#include <memory>

class QComboBox;
class QLabel;
class QProgressBar;
class QPushButton;
class QTreeWidget;

namespace hilum::ui {

class SendDialog : public QDialog {
  Q_OBJECT
public:
  // Reads the nodes and our AE title from `configPath` (pacs::defaultConfigPath() when empty).
  explicit SendDialog(const QStringList& files, QWidget* parent = nullptr, const QString& configPath = {});
  ~SendDialog() override;  // cancels a send still running

  QStringList files() const;
  void addFiles(const QStringList& files);
  bool setNode(const QString& name);
  QTreeWidget* fileList() const { return m_files; }
  QString statusText() const;
  bool busy() const { return m_busy; }

public Q_SLOTS:
  void send();
  void cancel();

Q_SIGNALS:
  void sendFinished(bool ok);

private:
  void setBusy(bool busy);

  pacs::PacsConfig m_config;
  std::shared_ptr<std::atomic<bool>> m_cancel;
  bool m_busy = false;
  QComboBox* m_node = nullptr;
  QTreeWidget* m_files = nullptr;
  QProgressBar* m_progress = nullptr;
  QLabel* m_status = nullptr;
  QPushButton* m_send = nullptr;
  QPushButton* m_cancelButton = nullptr;
  QPushButton* m_add = nullptr;
};

}  // namespace hilum::ui
