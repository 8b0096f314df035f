#include "hilum/ui/main_window.h"

#include "hilum/ui/film_loader.h"
#include "hilum/ui/film_view.h"

#include <QAction>
#include <QApplication>
#include <QDragEnterEvent>
#include <QFileDialog>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QStatusBar>

#include <algorithm>

namespace hilum::ui {

MainWindow::MainWindow(QWidget* parent) : QMainWindow(parent) {
  setWindowTitle(tr("Hilum"));
  setAcceptDrops(true);
  resize(1100, 900);

  m_view = new FilmView(this);
  setCentralWidget(m_view);
  m_loader = new FilmLoader(this);
  connect(m_loader, &FilmLoader::filmLoaded, this, &MainWindow::showFilm);
  connect(m_loader, &FilmLoader::filmRefined, m_view, &FilmView::refineFilm);
  connect(m_loader, &FilmLoader::loadFailed, this, &MainWindow::showError);
  connect(m_view, &FilmView::displayChanged, this, &MainWindow::updateStatus);

  QMenu* file = menuBar()->addMenu(tr("&File"));
  file->addAction(tr("&Open..."), QKeySequence::Open, this, &MainWindow::openDialog);
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
  m_presetMenu = view->addMenu(tr("Window &presets"));

  m_identity = new QLabel(this);
  m_window = new QLabel(this);
  statusBar()->addWidget(m_identity, 1);
  statusBar()->addPermanentWidget(m_window);
  rebuildPresetMenu();
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
  setWindowTitle(tr("Hilum - %1").arg(QString::fromStdString(film->path())));
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
