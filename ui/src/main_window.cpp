// MainWindow: films in, findings out, annotations kept. Menus are in main_window_menus.cpp.
#include "hilum/ui/main_window.h"

#include "hilum/ai/model_packs.h"
#include "hilum/ai/pack_trust.h"
#include "hilum/report/heatmap_layer.h"
#include "hilum/report/localized.h"
#include "hilum/ui/analysis_runner.h"
#include "hilum/ui/annotation_store.h"
#include "hilum/ui/export_dialog.h"
#include "hilum/ui/film_loader.h"
#include "hilum/ui/film_view.h"
#include "hilum/ui/findings_panel.h"
#include "hilum/ui/study_browser.h"
#include "hilum/ui/tag_browser.h"
#include "hilum/ui/training_tab.h"
#include "hilum/ui/viewer_grid.h"
#include "hilum/ui/worklist_panel.h"

#include "torchscript_consent_p.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QDockWidget>
#include <QDragEnterEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QInputDialog>
#include <QLabel>
#include <QMessageBox>
#include <QMimeData>
#include <QSettings>
#include <QIcon>
#include <QStatusBar>
#include <QTabWidget>

#include <algorithm>

namespace hilum::ui {

MainWindow::MainWindow(QWidget* parent)
    : QMainWindow(parent), m_annotations(std::make_unique<AnnotationStore>(AnnotationStore::defaultDirectory())) {
  setWindowTitle(tr("Hilum"));
  setAcceptDrops(true);
  setWindowIcon(QIcon(":/icons/hilum-256.png"));
  resize(1280, 900);
  m_settings = ViewerSettings::load();

  m_tabs = new QTabWidget(this);
  m_tabs->setDocumentMode(true);
  m_grid = new ViewerGrid(m_tabs);
  m_training = new TrainingTab(m_tabs);
  m_tabs->addTab(m_grid, tr("Viewer"));
  m_tabs->addTab(m_training, tr("Training"));
  m_worklist = new WorklistPanel(m_tabs);
  m_tabs->addTab(m_worklist, tr("Worklist"));
  connect(m_worklist, &WorklistPanel::openFilesRequested, this, [this](const QStringList& files) {
    openFiles(files);
    m_tabs->setCurrentWidget(m_grid);
  });
  connect(m_worklist, &WorklistPanel::message, this, [this](const QString& text) { statusBar()->showMessage(text, 8000); });
  setCentralWidget(m_tabs);
  connect(m_training, &TrainingTab::openPackRequested, this, [this](const QString& pack) {
    loadModel(pack);
    m_tabs->setCurrentWidget(m_grid);
  });
  connect(m_training, &TrainingTab::openFilmRequested, this, [this](const QString& image, const QString& pack) {
    if (!pack.isEmpty()) loadModel(pack);
    openFile(image);
    m_tabs->setCurrentWidget(m_grid);
  });
  for (int i = 0; i < 4; ++i) {
    FilmView* view = m_grid->view(i);
    connect(view, &FilmView::annotationsEdited, this, [this, view] {
      if (view->film() && !(m_grid->heatmapBeside() && view == m_grid->view(1))) saveAnnotations();
    });
    connect(view, &FilmView::annotationAdded, this, [this, view](int index) {
      if (view->annotations()[static_cast<std::size_t>(index)].kind == measure::Kind::Arrow) askArrowText(index);
    });
  }
  connect(m_grid, &ViewerGrid::activeDisplayChanged, this, &MainWindow::updateStatus);
  connect(m_grid, &ViewerGrid::activeViewChanged, this, &MainWindow::activeViewChanged);

  m_loader = new FilmLoader(this);
  connect(m_loader, &FilmLoader::filmLoaded, this, &MainWindow::showFilm);
  connect(m_loader, &FilmLoader::filmRefined, this, [this](std::shared_ptr<const hilum::film::Film> film) {
    m_grid->refineFilm(film);
    filmComplete(std::move(film));
  });
  connect(m_loader, &FilmLoader::filmLoaded, this, [this](std::shared_ptr<const hilum::film::Film> film) {
    if (!film->isPreview()) filmComplete(std::move(film));
  });
  connect(m_loader, &FilmLoader::loadFailed, this, &MainWindow::showError);

  m_findings = new FindingsPanel(this);
  auto* dock = new QDockWidget(tr("AI findings"), this);
  dock->setObjectName("findingsDock");
  dock->setWidget(m_findings);
  addDockWidget(Qt::RightDockWidgetArea, dock);
  m_studies = new StudyBrowser(this);
  m_studyDock = new QDockWidget(tr("Studies"), this);
  m_studyDock->setObjectName("studyDock");
  m_studyDock->setWidget(m_studies);
  addDockWidget(Qt::LeftDockWidgetArea, m_studyDock);
  m_studyDock->hide();
  connect(m_studies, &StudyBrowser::filmActivated, this, [this](const QString& path) {
    m_filmList = m_studies->filmPaths();
    m_filmIndex = static_cast<int>(m_filmList.indexOf(path));
    openFile(path);
  });
  connect(m_studies, &StudyBrowser::indexed, this, [this](int films, int skipped) {
    statusBar()->showMessage(tr("%n film(s) indexed", nullptr, films) + (skipped ? tr(", %n skipped", nullptr, skipped) : QString()), 8000);
    m_filmList = m_studies->filmPaths();
    m_filmIndex = -1;
    if (!m_filmList.isEmpty() && !filmView()->film()) stepFilm(1);  // an empty viewer shows the first film
  });
  connect(m_studies, &StudyBrowser::indexFailed, this, &MainWindow::showError);

  m_analysis = new AnalysisRunner(this);
  connect(m_analysis, &AnalysisRunner::modelLoaded, this, [this](const QString& description) {
    m_findings->setModelDescription(description);
    statusBar()->showMessage(tr("Model %1 ready").arg(description), 5000);
    if (m_fullFilm && m_settings.analyseOnOpen) analyzeCurrent();
  });
  connect(m_analysis, &AnalysisRunner::modelFailed, this, [this](const QString& message) {
    m_findings->setModelDescription(tr("No model loaded"));
    m_findings->showMessage(tr("The model pack could not be loaded: %1").arg(message));
  });
  connect(m_analysis, &AnalysisRunner::analysisStarted, m_findings, &FindingsPanel::showRunning);
  connect(m_analysis, &AnalysisRunner::progressed, m_findings, &FindingsPanel::setProgress);
  connect(m_analysis, &AnalysisRunner::analysisFailed, m_findings, &FindingsPanel::showMessage);
  connect(m_analysis, &AnalysisRunner::analysisFinished, this,
          [this](std::shared_ptr<const hilum::film::Film> film, std::shared_ptr<const hilum::ai::Findings> findings) {
            if (film == m_fullFilm) m_findings->showFindings(std::move(findings));
          });
  connect(m_findings, &FindingsPanel::cancelRequested, this, [this] {
    m_analysis->cancel();
    m_findings->showMessage(tr("Analysis cancelled."));
  });
  connect(m_findings, &FindingsPanel::heatmapChanged, this, &MainWindow::updateOverlay);

  createMenus();
  m_identity = new QLabel(this);
  m_window = new QLabel(this);
  statusBar()->addWidget(m_identity, 1);
  statusBar()->addPermanentWidget(m_window);
  applySettings(m_settings);
  if (const auto pack = hilum::ai::defaultModelPack(); pack.ok()) loadModel(QString::fromStdString(pack.value()));
  else m_findings->showMessage(tr("No model pack found. Choose one under AI > Model."));

  QSettings settings;
  restoreGeometry(settings.value("window/geometry").toByteArray());
  restoreState(settings.value("window/state").toByteArray());
}

MainWindow::~MainWindow() = default;

FilmView* MainWindow::filmView() const { return m_grid->activeView(); }

void MainWindow::closeEvent(QCloseEvent* event) {
  QSettings settings;
  settings.setValue("window/geometry", saveGeometry());
  settings.setValue("window/state", saveState());
  QMainWindow::closeEvent(event);
}

void MainWindow::applySettings(const ViewerSettings& settings) {
  m_settings = settings;
  m_findings->setStyle(settings.heatmap);
  m_grid->setLinked(settings.linkViews);
  for (int i = 0; i < 4; ++i) m_grid->view(i)->setOverlaysVisible(settings.overlays);
  if (m_teaching) m_findings->setQuiz(settings.quizInTeaching);
  rebuildModelMenu();
}

void MainWindow::showSettings() {
  auto* dialog = new SettingsDialog(m_settings, this);
  dialog->setAttribute(Qt::WA_DeleteOnClose);
  dialog->setObjectName("settingsDialog");
  connect(dialog, &QDialog::accepted, this, [this, dialog] {
    const ViewerSettings settings = dialog->settings();
    settings.save();
    applySettings(settings);
  });
  dialog->open();
}

void MainWindow::showExport() {
  // The active film first (with its findings when they are for it), then the others on screen.
  std::vector<report::ReportFilm> films;
  auto add = [&](FilmView* view, bool withFindings) {
    if (!view->film() || view->film()->isPreview()) return;
    for (const auto& f : films)
      if (f.film->path() == view->film()->path()) return;
    report::ReportFilm rf;
    rf.film = view->sharedFilm();
    rf.display = view->displaySettings();
    rf.annotations = view->annotations();
    if (withFindings && m_findings->findings() && m_fullFilm && m_fullFilm->path() == rf.film->path() && !m_findings->hidden()) {
      rf.findings = m_findings->findings();
      rf.selectedFinding = m_findings->selectedFinding();
      rf.style = m_findings->style();
    }
    films.push_back(std::move(rf));
  };
  add(filmView(), true);
  for (int i = 0; i < m_grid->visibleCount(); ++i) add(m_grid->view(i), false);
  if (films.empty()) {
    statusBar()->showMessage(tr("Open a film first (a preview is still loading, or nothing is open)."), 6000);
    return;
  }
  auto* dialog = new ExportDialog(std::move(films), m_teaching, this);
  dialog->setAttribute(Qt::WA_DeleteOnClose);
  dialog->setObjectName("exportDialog");
  dialog->open();
}

void MainWindow::setTeachingMode(bool on) {
  m_teaching = on;
  for (int i = 0; i < 4; ++i) m_grid->view(i)->setIdentityHidden(on);
  m_studies->setIdentityHidden(on);
  m_worklist->setIdentityHidden(on);
  m_tagsAction->setEnabled(!on);
  for (auto* browser : findChildren<TagBrowser*>()) browser->close();
  m_grid->setHeatmapBeside(on);
  m_findings->setQuiz(on && m_settings.quizInTeaching);
  // Big type for the back of a lecture hall.
  QFont big = QApplication::font(), panel = QApplication::font();
  if (on) {
    big.setPointSizeF(big.pointSizeF() * 1.5);
    panel.setPointSizeF(panel.pointSizeF() * 1.2);  // the film keeps most of the screen
  }
  m_grid->setFont(big);
  m_findings->setFont(panel);
  // The arrow keys step through the folder while teaching (no tool needs them then).
  m_nextAction->setShortcuts(on ? QList<QKeySequence>{Qt::Key_PageDown, Qt::Key_Right} : QList<QKeySequence>{Qt::Key_PageDown});
  m_previousAction->setShortcuts(on ? QList<QKeySequence>{Qt::Key_PageUp, Qt::Key_Left} : QList<QKeySequence>{Qt::Key_PageUp});
  if (on) showFullScreen();
  else showNormal();
  {
    const QSignalBlocker block(m_teachingAction);
    m_teachingAction->setChecked(on);
  }
  updateStatus();
  updateTitle();
  updateOverlay();
}

void MainWindow::updateTitle() {
  const film::Film* film = filmView()->film();
  setWindowTitle(film && !m_teaching ? tr("Hilum - %1").arg(QString::fromStdString(film->path())) : tr("Hilum"));
}

void MainWindow::loadModel(const QString& packDirectory) {
  const auto pack = packNeedingConsent(packDirectory);
  if (!pack) {
    startLoadingModel(packDirectory);
    return;
  }
  const QString declined =
      tr("%1 was not loaded: it is a TorchScript pack from outside Hilum's model folders, and you chose not to run it.")
          .arg(QDir::toNativeSeparators(packDirectory));
  if (const auto answer = rememberedConsent(*pack)) {
    if (!*answer) {
      m_findings->showMessage(declined);
      return;
    }
    ai::allowTorchScript(pack->directory.toStdString(), pack->weightsSha256.toStdString());
    startLoadingModel(packDirectory);
    return;
  }
  // TorchScript is a program: asked, not assumed. No is the default, and what Esc gives.
  auto* box = new QMessageBox(
      QMessageBox::Warning, tr("Run a TorchScript model pack?"),
      tr("The model pack in\n%1\nis TorchScript from outside Hilum's model folders. Loading it runs the program it "
         "contains with your rights: it could read, change or send anything you can.\n\nRun it only if you trust where "
         "it came from. Hilum remembers your answer for this pack.")
          .arg(QDir::toNativeSeparators(packDirectory)),
      QMessageBox::Yes | QMessageBox::No, this);
  box->setDefaultButton(QMessageBox::No);
  box->setEscapeButton(QMessageBox::No);
  box->setObjectName("torchScriptQuestion");
  box->setAttribute(Qt::WA_DeleteOnClose);
  connect(box, &QMessageBox::finished, this, [this, box, pack = *pack, declined] {
    const bool allowed = box->clickedButton() == box->button(QMessageBox::Yes);
    rememberConsent(pack, allowed);
    if (!allowed) {
      m_findings->showMessage(declined);
      return;
    }
    ai::allowTorchScript(pack.directory.toStdString(), pack.weightsSha256.toStdString());
    startLoadingModel(pack.directory);
  });
  box->open();
}

void MainWindow::startLoadingModel(const QString& packDirectory) {
  m_findings->setModelDescription(tr("Loading %1...").arg(QDir(packDirectory).dirName()));
  m_packDirectory = packDirectory;
  m_analysis->loadModel(packDirectory);
  m_worklist->setPackDirectory(packDirectory);  // the worklist triages with the viewer's pack
}

void MainWindow::filmComplete(std::shared_ptr<const hilum::film::Film> film) {
  if (filmView()->film() == nullptr || filmView()->film()->path() != film->path()) return;  // a view was switched meanwhile
  m_fullFilm = std::move(film);
  m_findings->clear();
  if (!m_analysis->hasModel() && !m_analysis->busy()) {
    m_findings->showMessage(tr("No model loaded: choose a pack under AI > Model."));
  } else if (m_settings.analyseOnOpen && m_analysis->hasModel()) {
    // A film the pack was not trained for is analysed only when the reader asks (A).
    if (const auto gate = m_analysis->gate(*m_fullFilm); gate && !gate->accepted) {
      QStringList reasons;
      for (const auto& r : gate->reasons) reasons << QString::fromStdString(r);
      m_findings->showMessage(tr("Not analysed automatically: %1.\nPress A to analyse anyway; the findings will be marked.")
                                  .arg(reasons.join("; ")));
      return;
    }
    analyzeCurrent();
  }
}

void MainWindow::analyzeCurrent() {
  if (!m_fullFilm) return;
  if (!m_analysis->hasModel()) {
    m_findings->showMessage(tr("No model loaded."));
    return;
  }
  m_analysis->analyze(m_fullFilm);
}

void MainWindow::activeViewChanged() {
  // The findings follow the active view's film: analyse it if it is not the one shown.
  const auto film = filmView()->sharedFilm();
  rebuildPresetMenu();
  updateStatus();
  updateTitle();
  if (film && film != m_fullFilm && !film->isPreview()) filmComplete(film);
  else updateOverlay();
}

void MainWindow::updateOverlay() {
  for (int i = 0; i < 4; ++i) {
    m_grid->view(i)->setOverlay(QImage());
    m_grid->view(i)->setContours({});
    m_grid->view(i)->setCaption({});
  }
  FilmView* target = m_grid->heatmapView();
  const auto findings = m_findings->findings();
  if (!findings || m_findings->hidden() || !target->film() || !m_fullFilm || target->film()->path() != m_fullFilm->path()) return;
  const report::HeatmapLayer layer = report::heatmapLayer(*findings, m_findings->selectedFinding(), m_findings->style());
  target->setOverlay(layer.image);
  target->setContours(layer.contours);
  if (m_grid->heatmapBeside()) target->setCaption(layer.caption);
}

void MainWindow::saveAnnotations() {
  const FilmView* view = filmView();
  if (!view->film()) return;
  const QString problem = m_annotations->save(*view->film(), view->annotations());
  if (!problem.isEmpty()) statusBar()->showMessage(tr("Annotations not saved: %1").arg(problem), 10000);
}

void MainWindow::askArrowText(int index) {
  // Non-modal: the film stays usable while the label is typed.
  auto* dialog = new QInputDialog(this);
  dialog->setAttribute(Qt::WA_DeleteOnClose);
  dialog->setObjectName("arrowTextDialog");
  dialog->setWindowTitle(tr("Arrow label"));
  dialog->setLabelText(tr("Text at the arrow's tail:"));
  FilmView* view = filmView();
  connect(dialog, &QInputDialog::textValueSelected, view, [view, index](const QString& text) {
    view->setAnnotationText(static_cast<std::size_t>(index), text);
  });
  dialog->open();
}

void MainWindow::openDialog() {
  const QStringList paths = QFileDialog::getOpenFileNames(
      this, tr("Open films"), QString(), tr("Films (*.dcm *.dicom *.png *.jpg *.jpeg *.tif *.tiff);;All files (*)"));
  if (!paths.isEmpty()) openFiles(paths);
}

void MainWindow::openFolderDialog() {
  const QString dir = QFileDialog::getExistingDirectory(this, tr("Open folder or DICOMDIR folder"));
  if (!dir.isEmpty()) openFolder(dir);
}

void MainWindow::openFolder(const QString& path) {
  m_studyDock->show();
  m_studies->openPath(path);
  rememberRecent(path);
}

void MainWindow::openFiles(const QStringList& paths) {
  if (paths.isEmpty()) return;
  if (paths.size() == 1 && QFileInfo(paths.front()).isDir()) return openFolder(paths.front());
  if (paths.size() > 1) {
    m_filmList = paths;
    m_filmIndex = 0;
  }
  openFile(paths.front());
}

void MainWindow::stepFilm(int delta) {
  if (m_filmList.isEmpty()) {
    // A single film opened: step through the films beside it in its folder.
    const film::Film* film = filmView()->film();
    if (!film) return;
    const QFileInfo info(QString::fromStdString(film->path()));
    const QStringList names = info.dir().entryList({"*.dcm", "*.dicom", "*.png", "*.jpg", "*.jpeg", "*.tif", "*.tiff", "*.DCM"},
                                                   QDir::Files, QDir::Name);
    for (const QString& name : names) m_filmList << info.dir().filePath(name);
    m_filmIndex = static_cast<int>(m_filmList.indexOf(info.absoluteFilePath()));
  }
  if (m_filmList.isEmpty()) return;
  const int next = std::clamp(m_filmIndex + delta, 0, static_cast<int>(m_filmList.size()) - 1);
  if (next == m_filmIndex && filmView()->film()) return;
  m_filmIndex = next;
  m_studies->selectFilm(m_filmList[next]);
  openFile(m_filmList[next]);
}

void MainWindow::openFile(const QString& path) {
  if (QFileInfo(path).isDir()) return openFolder(path);
  statusBar()->showMessage(tr("Opening %1...").arg(path));
  // A preview only needs to fill the view; a larger screen later just gets the full film.
  FilmView* view = filmView();
  m_loader->setPreviewSize(static_cast<int>(std::max(view->width(), view->height()) * view->devicePixelRatioF()));
  m_loader->load(path);
  rememberRecent(path);
}

void MainWindow::showFilm(std::shared_ptr<const hilum::film::Film> film) {
  statusBar()->clearMessage();
  m_analysis->cancel();
  m_fullFilm.reset();
  m_findings->clear();
  m_grid->showFilm(film);
  QString problem;
  auto annotations = m_annotations->load(*film, &problem);
  if (!problem.isEmpty()) statusBar()->showMessage(tr("Stored annotations unreadable: %1").arg(problem), 10000);
  filmView()->setAnnotations(std::move(annotations));
  rebuildPresetMenu();
  updateStatus();
  updateTitle();
}

void MainWindow::showError(const QString& path, const QString& message) {
  statusBar()->showMessage(tr("Could not open %1").arg(path), 10000);
  // Non-modal: a batch of bad files must not stack up dialogs that block the window.
  auto* box = new QMessageBox(QMessageBox::Warning, tr("Cannot open film"), message, QMessageBox::Ok, this);
  box->setAttribute(Qt::WA_DeleteOnClose);
  box->setObjectName("openErrorBox");
  box->open();
}

void MainWindow::updateStatus() {
  const film::Film* film = filmView()->film();
  if (!film) {
    m_identity->clear();
    m_window->clear();
    return;
  }
  const auto& m = film->metadata();
  const auto& s = film->spacing();
  QString spacing = s.known() ? tr("%1 x %2 mm (%3)").arg(s.rowMm).arg(s.columnMm).arg(report::spacingSourceName(s.source))
                              : tr("spacing unknown");
  QString text = tr("%1  %2  %3 x %4  %5  %6")
                     .arg(QString::fromStdString(m.modality.empty() ? film::toString(m.format) : m.modality),
                          QString::fromStdString(m.viewPosition))
                     .arg(film->columns())
                     .arg(film->rows())
                     .arg(QString::fromStdString(m.photometric), spacing);
  if (m_filmIndex >= 0 && m_filmList.size() > 1) text += tr("  film %1 of %2").arg(m_filmIndex + 1).arg(m_filmList.size());
  if (film->isPreview()) text += tr("  (preview, loading full resolution...)");
  m_identity->setText(text);
  const auto w = filmView()->currentWindow();
  m_window->setText(tr("W %1 / L %2").arg(w.width, 0, 'f', 0).arg(w.center, 0, 'f', 0));
}

void MainWindow::rememberRecent(const QString& path) {
  QSettings settings;
  QStringList recent = settings.value("recent/paths").toStringList();
  recent.removeAll(path);
  recent.prepend(path);
  settings.setValue("recent/paths", recent.mid(0, 10));
  rebuildRecentMenu();
}

void MainWindow::dragEnterEvent(QDragEnterEvent* event) {
  if (event->mimeData()->hasUrls()) event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent* event) {
  QStringList paths;
  for (const QUrl& url : event->mimeData()->urls())
    if (url.isLocalFile()) paths << url.toLocalFile();
  openFiles(paths);
}

}  // namespace hilum::ui
