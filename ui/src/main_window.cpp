#include "hilum/ui/main_window.h"

#include "hilum/ai/heatmap_image.h"
#include "hilum/ai/model_packs.h"
#include "hilum/ui/analysis_runner.h"
#include "hilum/ui/film_loader.h"
#include "hilum/ui/film_view.h"
#include "hilum/ui/findings_panel.h"
#include "hilum/ui/tag_browser.h"
#include "hilum/ui/training_tab.h"

#include <QAction>
#include <QCheckBox>
#include <QApplication>
#include <QDir>
#include <QDockWidget>
#include <QCloseEvent>
#include <QDragEnterEvent>
#include <QFileDialog>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QSettings>
#include <QStatusBar>
#include <QTabWidget>

#include <algorithm>

namespace hilum::ui {

MainWindow::MainWindow(QWidget* parent) : QMainWindow(parent) {
  setWindowTitle(tr("Hilum"));
  setAcceptDrops(true);
  resize(1100, 900);

  auto* tabs = new QTabWidget(this);
  tabs->setDocumentMode(true);
  m_view = new FilmView(tabs);
  m_training = new TrainingTab(tabs);
  tabs->addTab(m_view, tr("Viewer"));
  tabs->addTab(m_training, tr("Training"));
  setCentralWidget(tabs);
  connect(m_training, &TrainingTab::openPackRequested, this, [this, tabs](const QString& pack) {
    loadModel(pack);
    tabs->setCurrentWidget(m_view);
  });
  m_loader = new FilmLoader(this);
  connect(m_loader, &FilmLoader::filmLoaded, this, &MainWindow::showFilm);
  connect(m_loader, &FilmLoader::filmRefined, m_view, &FilmView::refineFilm);
  connect(m_loader, &FilmLoader::filmRefined, this, &MainWindow::filmComplete);
  connect(m_loader, &FilmLoader::filmLoaded, this, [this](std::shared_ptr<const hilum::film::Film> film) {
    if (!film->isPreview()) filmComplete(std::move(film));
  });

  m_findings = new FindingsPanel(this);
  auto* dock = new QDockWidget(tr("AI findings"), this);
  dock->setObjectName("findingsDock");
  dock->setWidget(m_findings);
  addDockWidget(Qt::RightDockWidgetArea, dock);
  m_analysis = new AnalysisRunner(this);
  connect(m_analysis, &AnalysisRunner::modelLoaded, this, [this](const QString& description) {
    m_findings->setModelDescription(description);
    statusBar()->showMessage(tr("Model %1 ready").arg(description), 5000);
    if (m_fullFilm && m_autoAnalyze) analyzeCurrent();
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
  connect(m_loader, &FilmLoader::loadFailed, this, &MainWindow::showError);
  connect(m_view, &FilmView::displayChanged, this, &MainWindow::updateStatus);

  QMenu* file = menuBar()->addMenu(tr("&File"));
  file->addAction(tr("&Open..."), QKeySequence::Open, this, &MainWindow::openDialog);
  m_tagsAction = file->addAction(tr("DICOM &tags..."), QKeySequence(Qt::CTRL | Qt::Key_T), this, [this] {
    if (const film::Film* film = m_view->film(); film && film->metadata().format == film::SourceFormat::Dicom) {
      auto* browser = new TagBrowser(QString::fromStdString(film->path()), this);
      browser->setAttribute(Qt::WA_DeleteOnClose);
      browser->setObjectName("tagBrowser");
      browser->show();
    }
  });
  file->addSeparator();
  file->addAction(tr("&Quit"), QKeySequence::Quit, qApp, &QApplication::closeAllWindows);

  QMenu* view = menuBar()->addMenu(tr("&View"));
  QAction* invert = view->addAction(tr("&Invert"));
  invert->setShortcut(Qt::Key_I);
  invert->setCheckable(true);
  connect(invert, &QAction::toggled, m_view, &FilmView::setInverted);
  connect(m_view, &FilmView::displayChanged, invert, [this, invert] {
    const QSignalBlocker block(invert);
    invert->setChecked(m_view->inverted());
  });
  view->addAction(tr("&Reset window"), Qt::Key_R, m_view, &FilmView::resetDisplay);
  QAction* teaching = view->addAction(tr("&Teaching mode (identity hidden, full screen)"));
  teaching->setShortcut(Qt::Key_F11);
  teaching->setCheckable(true);
  teaching->setObjectName("teachingAction");
  connect(teaching, &QAction::toggled, this, &MainWindow::setTeachingMode);
  m_presetMenu = view->addMenu(tr("Window &presets"));

  QMenu* ai = menuBar()->addMenu(tr("&AI"));
  ai->addAction(tr("&Analyse film"), Qt::Key_A, this, &MainWindow::analyzeCurrent);
  QAction* autoAnalyze = ai->addAction(tr("Analyse on &open"));
  autoAnalyze->setCheckable(true);
  autoAnalyze->setChecked(m_autoAnalyze);
  connect(autoAnalyze, &QAction::toggled, this, [this](bool on) { m_autoAnalyze = on; });
  QAction* toggleHeatmap = ai->addAction(tr("Show &heatmap"));
  toggleHeatmap->setShortcut(Qt::Key_H);
  connect(toggleHeatmap, &QAction::triggered, this, [this] {
    auto* box = m_findings->findChild<QCheckBox*>();
    if (box) box->toggle();
  });
  QMenu* help = menuBar()->addMenu(tr("&Help"));
  help->addAction(tr("&Keyboard shortcuts"), QKeySequence(Qt::Key_F1), this, &MainWindow::showShortcuts);
  m_modelMenu = ai->addMenu(tr("&Model"));
  rebuildModelMenu();
  if (const auto pack = hilum::ai::defaultModelPack(); pack.ok()) loadModel(QString::fromStdString(pack.value()));
  else m_findings->showMessage(tr("No model pack found. Choose one under AI > Model."));

  m_identity = new QLabel(this);
  m_window = new QLabel(this);
  statusBar()->addWidget(m_identity, 1);
  statusBar()->addPermanentWidget(m_window);
  rebuildPresetMenu();
  QSettings settings;
  restoreGeometry(settings.value("window/geometry").toByteArray());
  restoreState(settings.value("window/state").toByteArray());
}

void MainWindow::closeEvent(QCloseEvent* event) {
  QSettings settings;
  settings.setValue("window/geometry", saveGeometry());
  settings.setValue("window/state", saveState());
  QMainWindow::closeEvent(event);
}

void MainWindow::setTeachingMode(bool on) {
  m_teaching = on;
  m_view->setIdentityHidden(on);
  m_tagsAction->setEnabled(!on);
  for (auto* browser : findChildren<TagBrowser*>()) browser->close();
  if (on) showFullScreen();
  else showNormal();
  updateStatus();
  const film::Film* film = m_view->film();
  setWindowTitle(film && !on ? tr("Hilum - %1").arg(QString::fromStdString(film->path())) : tr("Hilum"));
}

void MainWindow::showShortcuts() {
  auto* box = new QMessageBox(QMessageBox::NoIcon, tr("Keyboard shortcuts"),
                              tr("<table>"
                                 "<tr><td><b>Ctrl+O</b></td><td>open a film</td></tr>"
                                 "<tr><td><b>Right-drag</b></td><td>window (horizontal) and level (vertical)</td></tr>"
                                 "<tr><td><b>1 - 9</b></td><td>window presets</td></tr>"
                                 "<tr><td><b>I</b> / <b>R</b></td><td>invert / reset window</td></tr>"
                                 "<tr><td><b>Wheel</b>, <b>+</b> / <b>-</b></td><td>zoom</td></tr>"
                                 "<tr><td><b>Left-drag</b></td><td>pan</td></tr>"
                                 "<tr><td><b>Space</b> / <b>Ctrl+1</b></td><td>fit / one film pixel per screen pixel</td></tr>"
                                 "<tr><td><b>D</b>, <b>Backspace</b></td><td>distance tool, remove last distance</td></tr>"
                                 "<tr><td><b>O</b></td><td>corner overlays</td></tr>"
                                 "<tr><td><b>A</b> / <b>H</b></td><td>analyse / show heatmap</td></tr>"
                                 "<tr><td><b>Ctrl+T</b></td><td>DICOM tags</td></tr>"
                                 "<tr><td><b>F11</b></td><td>teaching mode</td></tr>"
                                 "</table>"),
                              QMessageBox::Close, this);
  box->setAttribute(Qt::WA_DeleteOnClose);
  box->open();
}

void MainWindow::loadModel(const QString& packDirectory) {
  m_findings->setModelDescription(tr("Loading %1...").arg(QDir(packDirectory).dirName()));
  m_analysis->loadModel(packDirectory);
}

void MainWindow::rebuildModelMenu() {
  m_modelMenu->clear();
  for (const auto& pack : hilum::ai::findModelPacks()) {
    QAction* action = m_modelMenu->addAction(QString::fromStdString(pack.name));
    action->setEnabled(pack.problem.empty());
    if (!pack.problem.empty()) action->setToolTip(QString::fromStdString(pack.problem));
    const QString dir = QString::fromStdString(pack.directory);
    connect(action, &QAction::triggered, this, [this, dir] { loadModel(dir); });
  }
  m_modelMenu->addSeparator();
  m_modelMenu->addAction(tr("Open pack folder..."), this, [this] {
    const QString dir = QFileDialog::getExistingDirectory(this, tr("Model pack folder"));
    if (!dir.isEmpty()) loadModel(dir);
  });
}

void MainWindow::filmComplete(std::shared_ptr<const hilum::film::Film> film) {
  m_fullFilm = std::move(film);
  m_findings->clear();
  if (!m_analysis->hasModel() && !m_analysis->busy()) m_findings->showMessage(tr("No model loaded: choose a pack under AI > Model."));
  else if (m_autoAnalyze && m_analysis->hasModel()) analyzeCurrent();
}

void MainWindow::analyzeCurrent() {
  if (!m_fullFilm) return;
  if (!m_analysis->hasModel()) {
    m_findings->showMessage(tr("No model loaded."));
    return;
  }
  m_analysis->analyze(m_fullFilm);
}

void MainWindow::updateOverlay() {
  const auto findings = m_findings->findings();
  const int index = m_findings->selectedFinding();
  const HeatmapStyle style = m_findings->style();
  if (!findings || index < 0 || index >= static_cast<int>(findings->heatmaps.size()) || !style.visible ||
      m_view->film() == nullptr || m_view->film()->path() != (m_fullFilm ? m_fullFilm->path() : std::string())) {
    m_view->setOverlay(QImage());
    return;
  }
  // The overlay is made once at a moderate size; the view scales it with the film.
  const auto& heatmap = findings->heatmaps[static_cast<std::size_t>(index)];
  const double longest = std::max(heatmap.geometry.filmColumns, heatmap.geometry.filmRows);
  const double scale = std::min(1.0, 768.0 / longest);
  const int w = std::max(1, static_cast<int>(heatmap.geometry.filmColumns * scale));
  const int h = std::max(1, static_cast<int>(heatmap.geometry.filmRows * scale));
  const auto rgba = hilum::ai::heatmapRgba(heatmap, w, h, style.colorMap, style.opacity, style.floor);
  m_view->setOverlay(QImage(rgba.data(), w, h, w * 4, QImage::Format_RGBA8888).copy());
}

void MainWindow::openDialog() {
  const QString path = QFileDialog::getOpenFileName(
      this, tr("Open film"), QString(), tr("Films (*.dcm *.dicom *.png *.jpg *.jpeg *.tif *.tiff);;All files (*)"));
  if (!path.isEmpty()) openFile(path);
}

void MainWindow::openFile(const QString& path) {
  statusBar()->showMessage(tr("Opening %1...").arg(path));
  // A preview only needs to fill the view; a larger screen later just gets the full film.
  const double ratio = m_view->devicePixelRatioF();
  m_loader->setPreviewSize(static_cast<int>(std::max(m_view->width(), m_view->height()) * ratio));
  m_loader->load(path);
}

void MainWindow::showFilm(std::shared_ptr<const hilum::film::Film> film) {
  statusBar()->clearMessage();
  m_analysis->cancel();
  if (!m_teaching) setWindowTitle(tr("Hilum - %1").arg(QString::fromStdString(film->path())));
  m_view->setFilm(std::move(film));
  rebuildPresetMenu();
  updateStatus();
}

void MainWindow::showError(const QString& path, const QString& message) {
  statusBar()->showMessage(tr("Could not open %1").arg(path), 10000);
  // Non-modal: a batch of bad files must not stack up dialogs that block the window.
  auto* box = new QMessageBox(QMessageBox::Warning, tr("Cannot open film"), message, QMessageBox::Ok, this);
  box->setAttribute(Qt::WA_DeleteOnClose);
  box->setObjectName("openErrorBox");
  box->open();
}

void MainWindow::rebuildPresetMenu() {
  m_presetMenu->clear();
  const auto& presets = m_view->presets();
  m_presetMenu->setEnabled(!presets.empty());
  for (std::size_t i = 0; i < presets.size(); ++i) {
    QAction* action = m_presetMenu->addAction(QString::fromStdString(presets[i].name));
    if (i < 9) action->setShortcut(QKeySequence(Qt::Key_1 + static_cast<int>(i)));
    connect(action, &QAction::triggered, m_view, [this, i] { m_view->selectPreset(static_cast<int>(i)); });
  }
}

void MainWindow::updateStatus() {
  const film::Film* film = m_view->film();
  if (!film) {
    m_identity->clear();
    m_window->clear();
    return;
  }
  const auto& m = film->metadata();
  const auto& s = film->spacing();
  QString spacing = s.known() ? tr("%1 x %2 mm (%3)").arg(s.rowMm).arg(s.columnMm).arg(film::toString(s.source))
                              : tr("spacing unknown");
  m_identity->setText(tr("%1  %2  %3 x %4  %5  %6")
                          .arg(QString::fromStdString(m.modality.empty() ? film::toString(m.format) : m.modality),
                               QString::fromStdString(m.viewPosition))
                          .arg(film->columns())
                          .arg(film->rows())
                          .arg(QString::fromStdString(m.photometric), spacing));
  if (film->isPreview()) m_identity->setText(m_identity->text() + tr("  (preview, loading full resolution...)"));
  const auto w = m_view->currentWindow();
  m_window->setText(tr("W %1 / L %2").arg(w.width, 0, 'f', 0).arg(w.center, 0, 'f', 0));
}

void MainWindow::dragEnterEvent(QDragEnterEvent* event) {
  if (event->mimeData()->hasUrls()) event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent* event) {
  const auto urls = event->mimeData()->urls();
  if (!urls.isEmpty() && urls.front().isLocalFile()) openFile(urls.front().toLocalFile());
}

}  // namespace hilum::ui
