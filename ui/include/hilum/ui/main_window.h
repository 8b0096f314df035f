#pragma once
// The reading window: a film view, its presets and the film's identity in the status bar.
#include <QMainWindow>

#include <memory>

class QActionGroup;
class QLabel;
class QMenu;

namespace hilum::film { class Film; }

namespace hilum::ui {

class FilmLoader;
class FilmView;

class MainWindow : public QMainWindow {
  Q_OBJECT
public:
  explicit MainWindow(QWidget* parent = nullptr);

  FilmView* filmView() const { return m_view; }
  FilmLoader* loader() const { return m_loader; }

public Q_SLOTS:
  void openFile(const QString& path);
  void openDialog();

protected:
  void dragEnterEvent(QDragEnterEvent* event) override;
  void dropEvent(QDropEvent* event) override;

private:
  void showFilm(std::shared_ptr<const hilum::film::Film> film);
  void showError(const QString& path, const QString& message);
  void rebuildPresetMenu();
  void updateStatus();

  FilmView* m_view = nullptr;
  FilmLoader* m_loader = nullptr;
  QMenu* m_presetMenu = nullptr;
  QLabel* m_identity = nullptr;
  QLabel* m_window = nullptr;
};

}  // namespace hilum::ui
