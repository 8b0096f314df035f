#pragma once
// The reading window: a grid of film views, the AI findings dock, the training tab, menus for every
// command (each with its key), and the film's identity in the status bar. Menus are built in
// main_window_menus.cpp; film, analysis and annotation flow lives in main_window.cpp.
#include "hilum/ui/viewer_settings.h"

#include <QMainWindow>
#include <QStringList>

#include <memory>

class QAction;
class QActionGroup;
class QDockWidget;
class QLabel;
class QMenu;
class QTabWidget;

namespace hilum::film { class Film; }

namespace hilum::ui {

class AnalysisRunner;
class AnnotationStore;
class FilmLoader;
class FilmView;
class FindingsPanel;
class LungOutliner;
class StudyBrowser;
class TrainingTab;
class WorklistPanel;
class ViewerGrid;

class MainWindow : public QMainWindow {
  Q_OBJECT
public:
  explicit MainWindow(QWidget* parent = nullptr);
  ~MainWindow() override;

  FilmView* filmView() const;  // the active view
  ViewerGrid* grid() const { return m_grid; }
  FilmLoader* loader() const { return m_loader; }
  AnalysisRunner* analysis() const { return m_analysis; }
  FindingsPanel* findingsPanel() const { return m_findings; }
  TrainingTab* trainingTab() const { return m_training; }
  WorklistPanel* worklist() const { return m_worklist; }
  StudyBrowser* studyBrowser() const { return m_studies; }
  const ViewerSettings& settings() const { return m_settings; }
  // The films Page Down / Page Up (and the arrow keys in teaching mode) step through.
  const QStringList& filmList() const { return m_filmList; }
  int filmListIndex() const { return m_filmIndex; }

public Q_SLOTS:
  void openFile(const QString& path);
  // Several films: the first opens, the rest can be stepped to.
  void openFiles(const QStringList& paths);
  // A folder or DICOMDIR: indexed in the background into the study browser.
  void openFolder(const QString& path);
  void openDialog();
  void openFolderDialog();
  void stepFilm(int delta);
  // A TorchScript pack from outside Hilum's model folders runs only after the user says Yes (asked
  // once per pack folder and weights, answer remembered); any other pack loads at once.
  void loadModel(const QString& packDirectory);
  void analyzeCurrent();
  // Teaching mode: identity hidden everywhere (overlays, title, tag browser), full screen, big
  // fonts, the heatmap beside the film, findings hidden until revealed (a setting).
  void setTeachingMode(bool on);
  bool teachingMode() const { return m_teaching; }
  void showShortcuts();
  void applySettings(const ViewerSettings& settings);
  void showSettings();
  // File > Export: the PDF report, PNG and DICOM objects of the active film (and the layout's others).
  void showExport();

protected:
  void closeEvent(QCloseEvent* event) override;
  void dragEnterEvent(QDragEnterEvent* event) override;
  void dropEvent(QDropEvent* event) override;

private:
  void createMenus();
  void createToolsMenu(QMenu* tools);
  void createViewMenu(QMenu* view);
  void showFilm(std::shared_ptr<const hilum::film::Film> film);
  void showError(const QString& path, const QString& message);
  void rebuildPresetMenu();
  void rebuildRecentMenu();
  void rebuildModelMenu();
  void rememberRecent(const QString& path);
  void startLoadingModel(const QString& packDirectory);
  void updateStatus();
  void updateTitle();
  void filmComplete(std::shared_ptr<const hilum::film::Film> film);
  void updateOverlay();
  void saveAnnotations();
  void askArrowText(int index);
  void activeViewChanged();
  // View > Lung outline (main_window_lungs.cpp).
  void createLungOutlineAction(QMenu* view);
  void requestLungOutlines();

  QTabWidget* m_tabs = nullptr;
  ViewerGrid* m_grid = nullptr;
  FilmLoader* m_loader = nullptr;
  QMenu* m_presetMenu = nullptr;
  QMenu* m_modelMenu = nullptr;
  QMenu* m_recentMenu = nullptr;
  AnalysisRunner* m_analysis = nullptr;
  FindingsPanel* m_findings = nullptr;
  TrainingTab* m_training = nullptr;
  WorklistPanel* m_worklist = nullptr;
  QString m_packDirectory;  // the pack loaded last, for Help > About
  StudyBrowser* m_studies = nullptr;
  QDockWidget* m_studyDock = nullptr;
  std::unique_ptr<AnnotationStore> m_annotations;
  std::shared_ptr<const hilum::film::Film> m_fullFilm;  // the film the findings are for
  ViewerSettings m_settings;
  bool m_teaching = false;
  QStringList m_filmList;
  int m_filmIndex = -1;
  QAction* m_tagsAction = nullptr;
  QAction* m_teachingAction = nullptr;
  QAction* m_invertAction = nullptr;
  QAction* m_lungAction = nullptr;
  LungOutliner* m_lungs = nullptr;
  QAction* m_nextAction = nullptr;
  QAction* m_previousAction = nullptr;
  QActionGroup* m_toolGroup = nullptr;
  QLabel* m_identity = nullptr;
  QLabel* m_window = nullptr;
};

}  // namespace hilum::ui
