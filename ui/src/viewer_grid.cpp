#include "hilum/ui/viewer_grid.h"

#include "hilum/ui/film_view.h"

#include <QGridLayout>

namespace hilum::ui {

ViewerGrid::ViewerGrid(QWidget* parent) : QWidget(parent) {
  m_grid = new QGridLayout(this);
  m_grid->setContentsMargins(0, 0, 0, 0);
  m_grid->setSpacing(2);
  for (int i = 0; i < 4; ++i) {
    auto* view = new FilmView(this);
    view->setObjectName(QStringLiteral("filmView%1").arg(i));
    m_views[static_cast<std::size_t>(i)] = view;
    m_grid->addWidget(view, i / 2, i % 2);
    connect(view, &FilmView::activated, this, [this, i] {
      if (!m_heatmapBeside) setActiveIndex(i);
    });
    connect(view, &FilmView::displayChanged, this, [this, view] {
      follow(view);
      if (view == activeView()) Q_EMIT activeDisplayChanged();
    });
  }
  arrange();
}

int ViewerGrid::visibleCount() const {
  switch (m_layout) {
    case Layout::Single: return 1;
    case Layout::SideBySide: return 2;
    case Layout::TwoByTwo: return 4;
  }
  return 1;
}

void ViewerGrid::arrange() {
  const int count = visibleCount();
  for (int i = 0; i < 4; ++i) {
    view(i)->setVisible(i < count);
    view(i)->setActive(count > 1 && i == m_active);
  }
}

void ViewerGrid::setLayoutMode(Layout layout) {
  m_layout = layout;
  if (m_active >= visibleCount()) setActiveIndex(0);
  if (layout != Layout::SideBySide && m_heatmapBeside) setHeatmapBeside(false);
  arrange();
}

void ViewerGrid::setActiveIndex(int index) {
  if (index < 0 || index >= visibleCount() || index == m_active) return;
  m_active = index;
  arrange();
  activeView()->setFocus();
  Q_EMIT activeViewChanged(activeView());
}

void ViewerGrid::setLinked(bool linked) {
  m_linked = linked;
  if (linked) follow(activeView());
}

void ViewerGrid::setHeatmapBeside(bool on) {
  if (on == m_heatmapBeside) return;
  m_heatmapBeside = on;
  if (on) {
    setLayoutMode(Layout::SideBySide);
    setActiveIndex(0);
    view(1)->setFilm(view(0)->sharedFilm());
    follow(view(0));
  } else {
    view(1)->setOverlay(QImage());
    view(1)->setContours({});
    view(1)->setCaption({});
  }
  arrange();
}

void ViewerGrid::showFilm(std::shared_ptr<const film::Film> film) {
  activeView()->setFilm(film);
  if (m_heatmapBeside) view(1)->setFilm(std::move(film));
}

void ViewerGrid::refineFilm(std::shared_ptr<const film::Film> film) {
  // The full film replaces its preview wherever the preview is shown.
  for (int i = 0; i < visibleCount(); ++i)
    if (view(i)->film() && view(i)->film()->path() == film->path()) view(i)->refineFilm(film);
}

void ViewerGrid::follow(FilmView* source) {
  if (m_following || !(m_linked || m_heatmapBeside) || !source->film()) return;
  m_following = true;
  const ViewState state = source->viewState();
  for (int i = 0; i < visibleCount(); ++i) {
    FilmView* other = view(i);
    if (other == source || !other->film()) continue;
    if (!m_linked && !(m_heatmapBeside && i < 2)) continue;
    other->applyViewState(state);
  }
  m_following = false;
}

}  // namespace hilum::ui
