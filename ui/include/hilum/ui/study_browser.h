#pragma once
// The patient / study / series / film tree of a folder or DICOMDIR, as PACS viewers show it. The
// index is built off the GUI thread with progress and cancel; thumbnails follow one by one in the
// background (a 100-film folder never blocks input). Clicking a film opens it.
#include "hilum/film/study_index.h"

#include <QHash>
#include <QStringList>
#include <QWidget>

#include <memory>

class QLabel;
class QPushButton;
class QTreeWidget;
class QTreeWidgetItem;

namespace hilum::ui {

class StudyBrowser : public QWidget {
  Q_OBJECT
public:
  explicit StudyBrowser(QWidget* parent = nullptr);
  ~StudyBrowser() override;

  // Starts indexing; returns at once. A previous indexing or thumbnail run is cancelled.
  void openPath(const QString& path);
  void cancel();
  bool busy() const;
  const film::StudyIndex& index() const { return m_index; }
  QStringList filmPaths() const;  // browse order
  int thumbnailsDone() const { return m_thumbnailsDone; }
  QTreeWidget* tree() const { return m_tree; }
  // Teaching: patients become "Patient 1", "Patient 2"; ids and birth dates disappear.
  void setIdentityHidden(bool hidden);
  void selectFilm(const QString& path);

Q_SIGNALS:
  void filmActivated(const QString& path);
  void indexed(int films, int skipped);  // the tree is complete (thumbnails may still be coming)
  void indexFailed(const QString& path, const QString& message);
  void thumbnailsFinished();

private:
  void populate();
  void startThumbnails();
  void setThumbnail(const QString& path, const QImage& image);
  QString patientText(const film::IndexedPatient& patient, int number) const;

  class Private;
  std::unique_ptr<Private> d;
  QTreeWidget* m_tree = nullptr;
  QLabel* m_status = nullptr;
  QPushButton* m_cancel = nullptr;
  film::StudyIndex m_index;
  QHash<QString, QTreeWidgetItem*> m_items;  // film path -> its row: thumbnails arrive by path
  QString m_root;
  bool m_identityHidden = false;
  int m_thumbnailsDone = 0;
};

}  // namespace hilum::ui
