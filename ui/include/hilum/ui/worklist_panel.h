#pragma once
// The Worklist tab: the AI triage worklist of core/triage in the viewer. Studies arriving at
// Hilum's storage SCP (started here, with the PACS settings' AE title and port), or added from a
// folder of retrieved films, are analysed in the background with the viewer's pack and listed most
// urgent first; rows appear and move live. A double-click opens the study's films in the viewer.
#include <QWidget>

#include <memory>

class QLabel;
class QPushButton;
class QTableWidget;

namespace hilum::ui {

class WorklistPanel : public QWidget {
  Q_OBJECT
public:
  explicit WorklistPanel(QWidget* parent = nullptr);
  ~WorklistPanel() override;

  // The pack the worklist analyses with (the viewer's). A running worklist restarts with it; the
  // rows already analysed keep the name of the pack that analysed them.
  void setPackDirectory(const QString& packDirectory);
  // Files or folders of DICOM films to triage (e.g. studies retrieved from the PACS).
  void addPaths(const QStringList& paths);
  void setIdentityHidden(bool hidden);

  bool receiving() const;
  bool ready() const;  // the worklist is running (its pack is open)
  int rowCount() const;
  QString cellText(int row, int column) const;
  int pending() const;  // films queued, not yet analysed

public Q_SLOTS:
  void startReceiving();
  void stopReceiving();

Q_SIGNALS:
  void openFilesRequested(const QStringList& files);
  void worklistChanged();
  void message(const QString& text);  // errors and state changes, for the status bar

private:
  void ensureWorklist();
  void refresh();

  QLabel* m_status = nullptr;
  QLabel* m_disclaimer = nullptr;
  QPushButton* m_receive = nullptr;
  QPushButton* m_add = nullptr;
  QTableWidget* m_table = nullptr;
  class Private;
  std::unique_ptr<Private> d;
};

}  // namespace hilum::ui
