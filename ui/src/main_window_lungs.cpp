// View > Lung outline: the lung segmentation pack's outline over every view's film, computed off the
// GUI thread once per film (LungOutliner caches it) and shown or hidden with one toggle.
#include "hilum/ui/film_view.h"
#include "hilum/ui/film_loader.h"
#include "hilum/ui/lung_outliner.h"
#include "hilum/ui/main_window.h"
#include "hilum/ui/viewer_grid.h"

#include <QAction>
#include <QMenu>
#include <QStatusBar>

namespace hilum::ui {

void MainWindow::createLungOutlineAction(QMenu* view) {
  m_lungs = new LungOutliner(this);
  m_lungAction = view->addAction(tr("L&ung outline (model)"));
  m_lungAction->setObjectName("lungOutlineAction");
  m_lungAction->setCheckable(true);
  m_lungAction->setShortcut(Qt::Key_U);
  // Off by default: an outline drawn by a model is a reading aid the reader asks for.
  m_lungAction->setChecked(false);
  connect(m_lungAction, &QAction::toggled, this, [this](bool on) {
    for (int i = 0; i < 4; ++i) m_grid->view(i)->setLungOutlineVisible(on);
    if (on) requestLungOutlines();
  });
  connect(m_lungs, &LungOutliner::outlineReady, this, [this](const QString& path, const LungOutline& outline) {
    const QString caption = tr("Lungs: %1 (model outline)").arg(outline.model);
    for (int i = 0; i < 4; ++i) {
      FilmView* v = m_grid->view(i);
      if (v->film() && QString::fromStdString(v->film()->path()) == path) v->setLungOutline(outline.polygons, caption);
    }
    if (outline.polygons.empty()) statusBar()->showMessage(tr("No lung field found on this film."), 6000);
  });
  connect(m_lungs, &LungOutliner::outlineFailed, this, [this](const QString&, const QString& message) {
    statusBar()->showMessage(tr("Lung outline unavailable: %1").arg(message), 10000);
  });
  // New films, full films after previews, and films moved into another view.
  auto follow = [this] {
    if (m_lungAction->isChecked()) requestLungOutlines();
  };
  connect(m_loader, &FilmLoader::filmLoaded, this, follow);
  connect(m_loader, &FilmLoader::filmRefined, this, follow);
  connect(m_grid, &ViewerGrid::activeViewChanged, this, follow);
}

void MainWindow::requestLungOutlines() {
  for (int i = 0; i < 4; ++i) {
    const auto film = m_grid->view(i)->sharedFilm();
    if (film && !film->isPreview() && m_grid->view(i)->lungOutline().empty()) m_lungs->request(film);
  }
}

}  // namespace hilum::ui
