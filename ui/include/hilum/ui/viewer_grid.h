#pragma once
// One, two or four film views side by side, as reading a film beside its prior needs. The active
// view (framed) receives opened films and the findings; with linking on, zoom, pan, orientation
// and window follow the view the user moves. "Heatmap beside" shows the active film twice, plain
// on the left and with the heatmap on the right, always linked: what a teacher projects.
#include "hilum/film/film.h"

#include <QWidget>

#include <array>
#include <memory>

class QGridLayout;

namespace hilum::ui {

class FilmView;

class ViewerGrid : public QWidget {
  Q_OBJECT
public:
  enum class Layout { Single, SideBySide, TwoByTwo };
  explicit ViewerGrid(QWidget* parent = nullptr);

  Layout layoutMode() const { return m_layout; }
  int visibleCount() const;
  FilmView* view(int index) const { return m_views[static_cast<std::size_t>(index)]; }
  FilmView* activeView() const { return view(m_active); }
  int activeIndex() const { return m_active; }
  bool linked() const { return m_linked; }
  bool heatmapBeside() const { return m_heatmapBeside; }
  // The view the heatmap goes on: the right-hand copy in "heatmap beside", else the active view.
  FilmView* heatmapView() const { return m_heatmapBeside ? view(1) : activeView(); }

  // A newly opened film goes to the active view (and its copy in "heatmap beside").
  void showFilm(std::shared_ptr<const film::Film> film);
  void refineFilm(std::shared_ptr<const film::Film> film);

public Q_SLOTS:
  void setLayoutMode(Layout layout);
  void setActiveIndex(int index);
  void setLinked(bool linked);
  void setHeatmapBeside(bool on);

Q_SIGNALS:
  void activeViewChanged(FilmView* view);
  void activeDisplayChanged();  // the active view's window, zoom or orientation

private:
  void follow(FilmView* source);
  void arrange();

  std::array<FilmView*, 4> m_views{};
  QGridLayout* m_grid = nullptr;
  Layout m_layout = Layout::Single;
  int m_active = 0;
  bool m_linked = true;
  bool m_heatmapBeside = false;
  bool m_following = false;  // applying one view's state to the others: do not echo back
};

}  // namespace hilum::ui
