#pragma once
// Shows one film through the display pipeline. Only the visible region is rendered, at screen
// resolution, so zoom, pan and window/level stay smooth on 3000 x 3000 films. Mouse: right-drag
// window/level (horizontal: width, vertical: centre, as in most PACS viewers), left-drag pan,
// wheel zoom about the cursor. Keys: 1-9 presets, I invert, R reset window, +/- zoom, Space fit,
// Ctrl+1 one film pixel per screen pixel, D distance tool (left-drag draws, Backspace removes the
// last), O corner overlays. Distances are in mm, labelled with the spacing source, when the film
// declares a usable pixel spacing, and in pixels otherwise.
#include "hilum/display/renderer.h"
#include "hilum/display/voi_preset.h"
#include "hilum/film/film.h"

#include <QImage>
#include <QPoint>
#include <QPointF>
#include <QRectF>
#include <QWidget>

#include <memory>
#include <optional>
#include <vector>

namespace hilum::ui {

// A distance drawn on the film, in film pixel coordinates.
struct Measurement {
  QPointF from, to;
  double lengthPx = 0;
  std::optional<double> lengthMm;  // when the film's pixel spacing is known
  QString spacingSource;           // "detector", "calibrated", "estimated"
};

class FilmView : public QWidget {
  Q_OBJECT
public:
  enum class Tool { Pan, Measure };
  explicit FilmView(QWidget* parent = nullptr);

  void setFilm(std::shared_ptr<const film::Film> film);
  // The same film at full resolution after a preview: window, preset and inversion are kept.
  void refineFilm(std::shared_ptr<const film::Film> film);
  const film::Film* film() const { return m_film.get(); }

  const std::vector<display::VoiPreset>& presets() const { return m_presets; }
  // The window in effect: the custom one, or the current preset's (empty for a LUT preset).
  display::VoiWindow currentWindow() const;
  bool inverted() const { return m_settings.invert; }
  double zoom() const { return m_zoom; }          // screen pixels per film pixel
  void setTool(Tool tool) { m_tool = tool; setCursor(tool == Tool::Measure ? Qt::CrossCursor : Qt::ArrowCursor); }
  Tool tool() const { return m_tool; }
  const std::vector<Measurement>& measurements() const { return m_measurements; }
  void setOverlaysVisible(bool visible) { m_overlays = visible; update(); }
  // Teaching: no patient name, id, birth date or institution anywhere on the film.
  void setIdentityHidden(bool hidden) { m_identityHidden = hidden; update(); }
  bool identityHidden() const { return m_identityHidden; }
  bool overlaysVisible() const { return m_overlays; }
  // Film point <-> widget point at the current zoom and pan.
  QPointF toWidget(QPointF film) const;
  QPointF toFilm(QPointF widget) const;
  bool fitted() const { return m_fit; }
  QPointF centre() const { return m_centre; }     // film coordinates at the widget's centre
  const QImage& shownImage() const { return m_image; }
  // An RGBA picture laid over the whole film (a heatmap), scaled with it; a null image removes it.
  void setOverlay(const QImage& overlay);
  const QImage& overlay() const { return m_overlay; }

public Q_SLOTS:
  void selectPreset(int index);
  void setWindow(double center, double width);
  void setInverted(bool inverted);
  void resetDisplay();
  void zoomBy(double factor, QPointF aboutWidget = QPointF(-1, -1));
  void fitToWindow();
  void actualSize();

Q_SIGNALS:
  void displayChanged();

protected:
  void paintEvent(QPaintEvent* event) override;
  void resizeEvent(QResizeEvent* event) override;
  void mousePressEvent(QMouseEvent* event) override;
  void mouseMoveEvent(QMouseEvent* event) override;
  void mouseReleaseEvent(QMouseEvent* event) override;
  void wheelEvent(QWheelEvent* event) override;
  void keyPressEvent(QKeyEvent* event) override;

private:
  void rerender();
  QRectF filmRect() const;  // the whole film in widget coordinates
  Measurement measure(QPointF from, QPointF to) const;
  void paintOverlays(QPainter& painter);

  std::shared_ptr<const film::Film> m_film;
  std::vector<display::VoiPreset> m_presets;
  display::DisplaySettings m_settings;
  QImage m_image;
  QImage m_overlay;
  QRectF m_imageRect;  // where m_image goes, in widget coordinates
  QPoint m_dragStart;
  display::VoiWindow m_dragWindow;
  QPointF m_panStartCentre;
  bool m_dragging = false;
  bool m_panning = false;
  bool m_fit = true;
  bool m_overlays = true;
  bool m_identityHidden = false;
  bool m_measuring = false;
  Tool m_tool = Tool::Pan;
  std::vector<Measurement> m_measurements;
  double m_zoom = 1.0;
  QPointF m_centre;
};

}  // namespace hilum::ui
