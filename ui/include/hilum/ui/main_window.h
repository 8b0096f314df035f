#pragma once
// The reading window: a film view, its presets and the film's identity in the status bar.
#include <QMainWindow>

#include <memory>

class QAction;
class QActionGroup;
class QLabel;
class QMenu;

namespace hilum::film { class Film; }

namespace hilum::ui {

class AnalysisRunner;
class FilmLoader;
class FilmView;
class FindingsPanel;
class TrainingTab;

class MainWindow : public QMainWindow {
  Q_OBJECT
public:
  explicit MainWindow(QWidget* parent = nullptr);

  FilmView* filmView() const { return m_view; }
  FilmLoader* loader() const { return m_loader; }
  AnalysisRunner* analysis() const { return m_analysis; }
  FindingsPanel* findingsPanel() const { return m_findings; }
  TrainingTab* trainingTab() const { return m_training; }

public Q_SLOTS:
  void openFile(const QString& path);
  void openDialog();
  void loadModel(const QString& packDirectory);
  void analyzeCurrent();
  // Teaching mode: identity hidden everywhere (overlays, title, tag browser) and full screen.
  void setTeachingMode(bool on);
  bool teachingMode() const { return m_teaching; }
  void showShortcuts();

protected:
  void closeEvent(QCloseEvent* event) override;
  void dragEnterEvent(QDragEnterEvent* event) override;
  void dropEvent(QDropEvent* event) override;

private:
  void showFilm(std::shared_ptr<const hilum::film::Film> film);
  void showError(const QString& path, const QString& message);
  void rebuildPresetMenu();
  void updateStatus();
  void filmComplete(std::shared_ptr<const hilum::film::Film> film);
  void updateOverlay();
  void rebuildModelMenu();

  FilmView* m_view = nullptr;
  FilmLoader* m_loader = nullptr;
  QMenu* m_presetMenu = nullptr;
  QMenu* m_modelMenu = nullptr;
  AnalysisRunner* m_analysis = nullptr;
  FindingsPanel* m_findings = nullptr;
  TrainingTab* m_training = nullptr;
  std::shared_ptr<const hilum::film::Film> m_fullFilm;  // the film the findings are for
  bool m_autoAnalyze = true;
  bool m_teaching = false;
  QAction* m_tagsAction = nullptr;
  QLabel* m_identity = nullptr;
  QLabel* m_window = nullptr;
};

}  // namespace hilum::ui
