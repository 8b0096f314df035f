// MainWindow's menus and toolbar: every command with its key, acting on the active view. The
// shortcut sheet (F1) lists the same keys.
#include "hilum/ai/model_packs.h"
#include "hilum/derived/derived_objects.h"
#include "hilum/triage/result_objects.h"
#include "hilum/ui/about_dialog.h"
#include "hilum/ui/film_view.h"
#include "hilum/ui/findings_panel.h"
#include "hilum/ui/main_window.h"
#include "hilum/ui/pacs_query_retrieve_dialog.h"
#include "hilum/ui/pacs_send_dialog.h"
#include "hilum/ui/pacs_settings_dialog.h"
#include "hilum/ui/study_browser.h"
#include "hilum/ui/tag_browser.h"
#include "hilum/ui/viewer_grid.h"
#include "hilum/ui/worklist_panel.h"

#include <algorithm>
#include <filesystem>

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QDockWidget>
#include <QFileInfo>
#include <QFileDialog>
#include <QFutureWatcher>
#include <QMenuBar>
#include <QMessageBox>
#include <QSettings>
#include <QStatusBar>
#include <QToolBar>
#include <QtConcurrent/QtConcurrentRun>

namespace hilum::ui {
namespace {

struct ToolEntry {
  FilmView::Tool tool;
  const char* text;
  Qt::Key key;
};

constexpr ToolEntry kTools[] = {
    {FilmView::Tool::Pan, QT_TRANSLATE_NOOP("hilum::ui::MainWindow", "&Pan"), Qt::Key_P},
    {FilmView::Tool::WindowLevel, QT_TRANSLATE_NOOP("hilum::ui::MainWindow", "&Window/level (left drag)"), Qt::Key_W},
    {FilmView::Tool::Distance, QT_TRANSLATE_NOOP("hilum::ui::MainWindow", "&Distance"), Qt::Key_D},
    {FilmView::Tool::Angle, QT_TRANSLATE_NOOP("hilum::ui::MainWindow", "A&ngle"), Qt::Key_N},
    {FilmView::Tool::Rectangle, QT_TRANSLATE_NOOP("hilum::ui::MainWindow", "&Rectangle ROI"), Qt::Key_B},
    {FilmView::Tool::Ellipse, QT_TRANSLATE_NOOP("hilum::ui::MainWindow", "&Ellipse ROI"), Qt::Key_E},
    {FilmView::Tool::Arrow, QT_TRANSLATE_NOOP("hilum::ui::MainWindow", "&Arrow with text"), Qt::Key_T},
    {FilmView::Tool::CardiothoracicRatio, QT_TRANSLATE_NOOP("hilum::ui::MainWindow", "&Cardiothoracic ratio"), Qt::Key_C},
};

}  // namespace

void MainWindow::createMenus() {
  QMenu* file = menuBar()->addMenu(tr("&File"));
  file->addAction(tr("&Open films..."), QKeySequence::Open, this, &MainWindow::openDialog);
  file->addAction(tr("Open &folder or DICOMDIR..."), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O), this,
                  &MainWindow::openFolderDialog);
  m_recentMenu = file->addMenu(tr("&Recent"));
  rebuildRecentMenu();
  m_nextAction = file->addAction(tr("&Next film"), QKeySequence(Qt::Key_PageDown), this, [this] { stepFilm(1); });
  m_previousAction = file->addAction(tr("Pre&vious film"), QKeySequence(Qt::Key_PageUp), this, [this] { stepFilm(-1); });
  m_tagsAction = file->addAction(tr("DICOM &tags..."), QKeySequence(Qt::CTRL | Qt::Key_T), this, [this] {
    if (const film::Film* film = filmView()->film(); film && film->metadata().format == film::SourceFormat::Dicom) {
      auto* browser = new TagBrowser(QString::fromStdString(film->path()), this);
      browser->setAttribute(Qt::WA_DeleteOnClose);
      browser->setObjectName("tagBrowser");
      browser->show();
    }
  });
  file->addAction(tr("&Import annotations from a presentation state..."), this, [this] {
    FilmView* view = filmView();
    if (!view->film()) return;
    const QString path = QFileDialog::getOpenFileName(this, tr("DICOM presentation state (GSPS)"), QString(),
                                                      tr("DICOM files (*.dcm);;All files (*)"));
    if (path.isEmpty()) return;
    const auto annotations = hilum::derived::readPresentationState(path.toStdString());
    if (!annotations.ok()) return showError(path, QString::fromStdString(annotations.error().message()));
    auto merged = view->annotations();
    merged.insert(merged.end(), annotations.value().begin(), annotations.value().end());
    view->setAnnotations(std::move(merged));
    saveAnnotations();
    statusBar()->showMessage(tr("%n annotation(s) imported", nullptr, static_cast<int>(annotations.value().size())), 6000);
  });
  file->addAction(tr("&Export report, PNG, DICOM..."), QKeySequence(Qt::CTRL | Qt::Key_E), this, &MainWindow::showExport);
  file->addSeparator();
  file->addAction(tr("&Settings..."), QKeySequence(Qt::CTRL | Qt::Key_Comma), this, &MainWindow::showSettings);
  file->addAction(tr("&Quit"), QKeySequence::Quit, qApp, &QApplication::closeAllWindows);

  createViewMenu(menuBar()->addMenu(tr("&View")));
  createToolsMenu(menuBar()->addMenu(tr("&Tools")));

  QMenu* ai = menuBar()->addMenu(tr("&AI"));
  ai->addAction(tr("&Analyse film"), Qt::Key_A, this, &MainWindow::analyzeCurrent);
  QAction* analyseOnOpen = ai->addAction(tr("Analyse on &open"));
  analyseOnOpen->setCheckable(true);
  analyseOnOpen->setChecked(m_settings.analyseOnOpen);
  connect(analyseOnOpen, &QAction::toggled, this, [this](bool on) {
    m_settings.analyseOnOpen = on;
    m_settings.save();
  });
  ai->addAction(tr("Heatmap / contour / off"), Qt::Key_G, m_findings, &FindingsPanel::cycleMode);
  ai->addAction(tr("All &positive findings at once"), QKeySequence(Qt::SHIFT | Qt::Key_G), this, [this] {
    HeatmapStyle style = m_findings->style();
    style.allPositives = !style.allPositives;
    m_findings->setStyle(style);
  });
  ai->addAction(tr("&Reveal findings (teaching quiz)"), Qt::Key_Return, m_findings, &FindingsPanel::reveal);
  m_modelMenu = ai->addMenu(tr("&Model"));

  QMenu* pacsMenu = menuBar()->addMenu(tr("&PACS"));
  pacsMenu->setObjectName("pacsMenu");
  QAction* query = pacsMenu->addAction(tr("&Query/Retrieve..."), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Q), this, [this] {
    // One Query/Retrieve window: a second would only split the reader's searches.
    if (auto* open = findChild<QueryRetrieveDialog*>()) {
      open->show();
      open->raise();
      open->activateWindow();
      return;
    }
    auto* dialog = new QueryRetrieveDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    // Retrieved studies are triaged too: they join the Worklist tab, ranked with the viewer's pack.
    connect(dialog, &QueryRetrieveDialog::studyRetrieved, this, [this](const QString& folder) { m_worklist->addPaths({folder}); });
    connect(dialog, &QueryRetrieveDialog::openRequested, this, [this](const QStringList& files) {
      if (files.isEmpty()) return;
      // One study (one store folder): its tree in the Studies dock as well as its first film.
      const QString folder = QFileInfo(files.front()).absolutePath();
      const bool oneStudy = std::all_of(files.begin(), files.end(),
                                        [&](const QString& f) { return QFileInfo(f).absolutePath() == folder; });
      if (oneStudy) openFolder(folder);
      openFiles(files);
    });
    dialog->show();
  });
  query->setObjectName("pacsQueryAction");
  QAction* send = pacsMenu->addAction(tr("&Send current film..."), this, [this] {
    const film::Film* film = filmView()->film();
    if (!film) {
      statusBar()->showMessage(tr("Open a film first."), 6000);
      return;
    }
    if (film->metadata().format != film::SourceFormat::Dicom) {
      showError(QString::fromStdString(film->path()), tr("only DICOM films can be sent to a PACS"));
      return;
    }
    auto* dialog = new SendDialog({QString::fromStdString(film->path())}, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->show();
  });
  send->setObjectName("pacsSendAction");
  // The AI result of the film on screen (findings SR + Secondary Capture with the selected heatmap),
  // written into the store's results folder off the GUI thread, then offered in the Send dialog.
  QAction* sendResult = pacsMenu->addAction(tr("Send &AI result..."), this, [this] {
    const auto findings = m_findings->findings();
    if (!findings || !m_fullFilm || filmView()->film() == nullptr || filmView()->film()->path() != m_fullFilm->path()) {
      statusBar()->showMessage(tr("Analyse a film first (A): there is no AI result to send."), 6000);
      return;
    }
    report::ReportFilm rf;
    rf.film = m_fullFilm;
    rf.findings = findings;
    rf.display = filmView()->displaySettings();
    rf.selectedFinding = m_findings->selectedFinding();
    rf.style = m_findings->style();
    const auto config = pacs::loadPacsConfig();
    const std::string store = config.ok() ? config.value().store() : pacs::defaultStoreFolder();
    auto* watcher = new QFutureWatcher<Result<std::vector<std::string>>>(this);
    connect(watcher, &QFutureWatcher<Result<std::vector<std::string>>>::finished, this, [this, watcher] {
      const auto written = watcher->result();
      watcher->deleteLater();
      if (!written.ok()) {
        showError(QString::fromStdString(written.error().path()), QString::fromStdString(written.error().reason()));
        return;
      }
      QStringList files;
      for (const auto& f : written.value()) files << QString::fromStdString(f);
      auto* dialog = new SendDialog(files, this);
      dialog->setAttribute(Qt::WA_DeleteOnClose);
      dialog->show();
    });
    watcher->setFuture(QtConcurrent::run([rf, store] { return triage::writeResultObjects(rf, (std::filesystem::path(store) / "results").string()); }));
  });
  sendResult->setObjectName("pacsSendResultAction");
  pacsMenu->addSeparator();
  QAction* pacsSettings = pacsMenu->addAction(tr("PACS se&ttings..."), this, [this] {
    auto* dialog = new PacsSettingsDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    // An open Query/Retrieve window lists the nodes as saved.
    if (auto* open = findChild<QueryRetrieveDialog*>())
      connect(dialog, &PacsSettingsDialog::saved, open, &QueryRetrieveDialog::reloadConfig);
    dialog->open();
  });
  pacsSettings->setObjectName("pacsSettingsAction");

  QMenu* help = menuBar()->addMenu(tr("&Help"));
  help->addAction(tr("&Keyboard shortcuts"), QKeySequence(Qt::Key_F1), this, &MainWindow::showShortcuts);
  help->addAction(tr("&About Hilum"), this, [this] {
    auto* dialog = new AboutDialog(m_packDirectory, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setObjectName("aboutDialog");
    dialog->open();
  })->setObjectName("aboutAction");
}

void MainWindow::createViewMenu(QMenu* view) {
  auto onActive = [this](auto method) { return [this, method] { (filmView()->*method)(); }; };
  m_invertAction = view->addAction(tr("&Invert"));
  m_invertAction->setShortcut(Qt::Key_I);
  m_invertAction->setCheckable(true);
  connect(m_invertAction, &QAction::toggled, this, [this](bool on) { filmView()->setInverted(on); });
  connect(m_grid, &ViewerGrid::activeDisplayChanged, m_invertAction, [this] {
    const QSignalBlocker block(m_invertAction);
    m_invertAction->setChecked(filmView()->inverted());
  });
  view->addAction(tr("Rotate &right"), Qt::Key_R, this, [this] { filmView()->rotate(1); });
  view->addAction(tr("Rotate &left"), Qt::Key_L, this, [this] { filmView()->rotate(-1); });
  view->addAction(tr("Flip &horizontally"), Qt::Key_H, this, onActive(&FilmView::flipHorizontally));
  view->addAction(tr("Flip &vertically"), Qt::Key_V, this, onActive(&FilmView::flipVertically));
  view->addAction(tr("&Fit to window"), Qt::Key_Space, this, onActive(&FilmView::fitToWindow));
  view->addAction(tr("&One film pixel per screen pixel"), QKeySequence(Qt::CTRL | Qt::Key_1), this, onActive(&FilmView::actualSize));
  view->addAction(tr("Reset &window"), QKeySequence(Qt::SHIFT | Qt::Key_R), this, onActive(&FilmView::resetWindow));
  // Esc first drops a half-drawn measurement, as in every drawing tool; then resets.
  view->addAction(tr("&Reset view"), Qt::Key_Escape, this, onActive(&FilmView::escape));
  view->addAction(tr("&Magnifier"), Qt::Key_M, this, [this] { filmView()->setMagnifier(!filmView()->magnifier()); });
  view->addAction(tr("Corner &overlays"), Qt::Key_O, this, [this] {
    const bool on = !filmView()->overlaysVisible();
    for (int i = 0; i < 4; ++i) m_grid->view(i)->setOverlaysVisible(on);
  });
  createLungOutlineAction(view);
  m_presetMenu = view->addMenu(tr("Window &presets"));
  view->addSeparator();
  QMenu* layout = view->addMenu(tr("&Layout"));
  auto* layouts = new QActionGroup(this);
  const std::pair<QString, ViewerGrid::Layout> entries[] = {{tr("1 x 1"), ViewerGrid::Layout::Single},
                                                            {tr("1 x 2"), ViewerGrid::Layout::SideBySide},
                                                            {tr("2 x 2"), ViewerGrid::Layout::TwoByTwo}};
  const Qt::Key keys[] = {Qt::Key_1, Qt::Key_2, Qt::Key_4};
  for (int i = 0; i < 3; ++i) {
    QAction* action = layout->addAction(entries[i].first);
    action->setCheckable(true);
    action->setChecked(i == 0);
    action->setShortcut(QKeySequence(Qt::CTRL | Qt::ALT | keys[i]));
    action->setObjectName(QStringLiteral("layout%1").arg(i));
    layouts->addAction(action);
    const auto mode = entries[i].second;
    connect(action, &QAction::triggered, m_grid, [this, mode] { m_grid->setLayoutMode(mode); });
  }
  QAction* link = layout->addAction(tr("&Link views"));
  link->setCheckable(true);
  link->setChecked(m_settings.linkViews);
  link->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_L));
  connect(link, &QAction::toggled, m_grid, &ViewerGrid::setLinked);
  QAction* beside = layout->addAction(tr("&Heatmap beside film"));
  beside->setCheckable(true);
  beside->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_H));
  connect(beside, &QAction::toggled, this, [this](bool on) {
    m_grid->setHeatmapBeside(on);
    updateOverlay();
  });
  view->addAction(m_studyDock->toggleViewAction());
  m_teachingAction = view->addAction(tr("&Teaching mode (identity hidden, full screen)"));
  m_teachingAction->setShortcut(Qt::Key_F11);
  m_teachingAction->setCheckable(true);
  m_teachingAction->setObjectName("teachingAction");
  connect(m_teachingAction, &QAction::toggled, this, &MainWindow::setTeachingMode);
}

void MainWindow::createToolsMenu(QMenu* tools) {
  m_toolGroup = new QActionGroup(this);
  QToolBar* bar = addToolBar(tr("Tools"));
  bar->setObjectName("toolsBar");
  bar->setToolButtonStyle(Qt::ToolButtonTextOnly);
  for (const auto& entry : kTools) {
    QAction* action = tools->addAction(tr(entry.text));
    action->setShortcut(entry.key);
    action->setCheckable(true);
    action->setChecked(entry.tool == FilmView::Tool::Pan);
    m_toolGroup->addAction(action);
    bar->addAction(action);
    const FilmView::Tool tool = entry.tool;
    // One tool for all views: a reader measuring the prior expects the same tool there.
    connect(action, &QAction::triggered, this, [this, tool] {
      for (int i = 0; i < 4; ++i) m_grid->view(i)->setTool(tool);
    });
  }
  tools->addSeparator();
  tools->addAction(tr("Remove &last annotation"), Qt::Key_Backspace, this, [this] { filmView()->removeLastAnnotation(); });
  tools->addAction(tr("&Clear annotations on this film"), this, [this] { filmView()->clearAnnotations(); });
}

void MainWindow::rebuildPresetMenu() {
  m_presetMenu->clear();
  const auto& presets = filmView()->presets();
  m_presetMenu->setEnabled(!presets.empty());
  for (std::size_t i = 0; i < presets.size(); ++i) {
    QAction* action = m_presetMenu->addAction(QString::fromStdString(presets[i].name));
    if (i < 9) action->setShortcut(QKeySequence(Qt::Key_1 + static_cast<int>(i)));
    connect(action, &QAction::triggered, this, [this, i] { filmView()->selectPreset(static_cast<int>(i)); });
  }
}

void MainWindow::rebuildRecentMenu() {
  m_recentMenu->clear();
  const QStringList recent = QSettings().value("recent/paths").toStringList();
  m_recentMenu->setEnabled(!recent.isEmpty());
  for (const QString& path : recent) m_recentMenu->addAction(path, this, [this, path] { openFiles({path}); });
}

void MainWindow::rebuildModelMenu() {
  m_modelMenu->clear();
  std::vector<std::string> roots = hilum::ai::modelSearchPaths();
  if (!m_settings.userModelFolder.isEmpty()) roots.push_back(m_settings.userModelFolder.toStdString());
  for (const auto& pack : hilum::ai::findModelPacks(roots)) {
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

void MainWindow::showShortcuts() {
  auto* box = new QMessageBox(QMessageBox::NoIcon, tr("Keyboard shortcuts"),
                              tr("<table>"
                                 "<tr><td><b>Ctrl+O</b> / <b>Ctrl+Shift+O</b></td><td>open films / a folder or DICOMDIR</td></tr>"
                                 "<tr><td><b>Page Down</b> / <b>Page Up</b></td><td>next / previous film (arrows in teaching mode)</td></tr>"
                                 "<tr><td><b>Right-drag</b></td><td>window (horizontal) and level (vertical)</td></tr>"
                                 "<tr><td><b>1 - 9</b>, <b>Shift+R</b></td><td>window presets, reset window</td></tr>"
                                 "<tr><td><b>I</b></td><td>invert</td></tr>"
                                 "<tr><td><b>R</b> / <b>L</b>, <b>H</b> / <b>V</b></td><td>rotate right / left, flip horizontally / vertically</td></tr>"
                                 "<tr><td><b>Esc</b></td><td>drop the measurement being drawn, else reset the view</td></tr>"
                                 "<tr><td><b>Wheel</b>, <b>+</b> / <b>-</b></td><td>zoom</td></tr>"
                                 "<tr><td><b>Space</b> / <b>Ctrl+1</b></td><td>fit / one film pixel per screen pixel</td></tr>"
                                 "<tr><td><b>M</b>, <b>O</b>, <b>U</b></td><td>magnifier, corner overlays, lung outline (model)</td></tr>"
                                 "<tr><td><b>P</b>, <b>W</b></td><td>pan tool, window/level tool (left drag)</td></tr>"
                                 "<tr><td><b>D</b>, <b>N</b>, <b>B</b>, <b>E</b></td><td>distance, angle, rectangle ROI, ellipse ROI</td></tr>"
                                 "<tr><td><b>T</b>, <b>C</b></td><td>arrow with text, cardiothoracic ratio (heart width, then thorax)</td></tr>"
                                 "<tr><td><b>Backspace</b></td><td>remove the last annotation</td></tr>"
                                 "<tr><td><b>Ctrl+Alt+1 / 2 / 4</b>, <b>Ctrl+L</b></td><td>layouts 1x1 / 1x2 / 2x2, link views</td></tr>"
                                 "<tr><td><b>Ctrl+Shift+H</b></td><td>heatmap beside the film</td></tr>"
                                 "<tr><td><b>A</b>, <b>G</b>, <b>Shift+G</b></td><td>analyse, heatmap / contour / off, all positive findings</td></tr>"
                                 "<tr><td><b>Enter</b></td><td>reveal findings (teaching quiz)</td></tr>"
                                 "<tr><td><b>Ctrl+T</b>, <b>Ctrl+,</b>, <b>Ctrl+E</b></td><td>DICOM tags, settings, export report / PNG / DICOM</td></tr>"
                                 "<tr><td><b>Ctrl+Shift+Q</b></td><td>PACS query/retrieve</td></tr>"
                                 "<tr><td><b>F11</b></td><td>teaching mode</td></tr>"
                                 "</table>"),
                              QMessageBox::Close, this);
  box->setAttribute(Qt::WA_DeleteOnClose);
  box->open();
}

}  // namespace hilum::ui
