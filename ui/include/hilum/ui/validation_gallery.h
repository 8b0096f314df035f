#pragma once
// The Training tab's gallery: held-out films with the new pack's calls and heatmaps over them,
// mistakes first. The pack runs through the same Analyzer as the viewer, on a worker thread; tiles
// appear as they are made, and a double-click opens the film in the viewer.
#include <QWidget>

#include <memory>

class QComboBox;
class QLabel;
class QListWidget;
class QPushButton;

namespace hilum::train { struct Dataset; }

namespace hilum::ui {

class ValidationGallery : public QWidget {
  Q_OBJECT
public:
  explicit ValidationGallery(QWidget* parent = nullptr);
  ~ValidationGallery() override;

  // Analyses up to `maxFilms` of the films (in their order) with the pack; replaces what is shown.
  void showFilms(const QString& packDirectory, const hilum::train::Dataset& films, int maxFilms = 120);
  bool busy() const;
  int tiles() const;      // made so far
  int mistakes() const;   // of those
  int visibleTiles() const;

public Q_SLOTS:
  void cancel();
  void setFilter(int index);  // 0 all, 1 mistakes only, 2 correct only

Q_SIGNALS:
  void openFilmRequested(const QString& image);
  void finished();

private:
  void applyFilter();

  QLabel* m_status = nullptr;
  QComboBox* m_filter = nullptr;
  QPushButton* m_cancel = nullptr;
  QPushButton* m_save = nullptr;
  QListWidget* m_list = nullptr;
  class Private;
  std::unique_ptr<Private> d;
};

}  // namespace hilum::ui
