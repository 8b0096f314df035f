#pragma once
// Shows one film through the display pipeline. Only the visible region is rendered, at screen
// resolution, so zoom, pan and window/level stay smooth on 3000 x 3000 films; rotation and flips are
// a painter transform over that region, never a copy of the film.
//
// Mouse (as in RadiAnt / Weasis): right-drag window/level (horizontal: width, vertical: centre),
// left-drag the current tool (pan by default; window/level in W/L mode; the measurement tools draw),
// middle-drag pan, wheel zoom about the cursor.
// Keys: 1-9 presets, I invert, R / L rotate 90 degrees right / left, H / V flip, Esc reset (or drop
// the measurement being drawn), + / - zoom, Space or = fit, Ctrl+1 one film pixel per screen pixel,
// M magnifier, O corner overlays; tools: P pan, W window/level, D distance, N angle, B rectangle,
// E ellipse, T arrow with text, C cardiothoracic ratio; Backspace removes the last annotation.
// Lengths are in mm, labelled with the spacing source, when the film declares a usable pixel
// spacing, and in pixels otherwise (core measure does the arithmetic; hilum-cli measure agrees).
#include "hilum/display/renderer.h"
#include "hilum/display/voi_preset.h"
#include "hilum/film/film.h"
#include "hilum/measure/annotation.h"
#include "hilum/measure/measurements.h"
#include "hilum/report/heatmap_layer.h"

#include <QColor>
#include <QImage>
#include <QPoint>
#include <QPointF>
#include <QPolygonF>
#include <QRectF>
#include <QTransform>
#include <QWidget>

#include <memory>
#include <optional>
#include <vector>

namespace hilum::ui {

using report::ContourOverlay;

// How a view shows its film, in terms that transfer to another film of another size: what linked
// views copy from each other.
struct ViewState {
  double zoomOverFit = 1.0;   // zoom relative to the fit-to-window zoom
  QPointF centreFraction{0.5, 0.5};
  bool fit = true;
  int quarterTurns = 0;       // clockwise
  bool flipHorizontal = false;
  bool flipVertical = false;
  std::optional<display::VoiWindow> window;  // empty: the film's own default
  bool invert = false;
};

class FilmView : public QWidget {
  Q_OBJECT
public:
  enum class Tool { Pan, WindowLevel, Distance, Angle, Rectangle, Ellipse, Arrow, CardiothoracicRatio };
  explicit FilmView(QWidget* parent = nullptr);

  void setFilm(std::shared_ptr<const film::Film> film);
  // The same film at full resolution after a preview: window, preset, orientation and annotations are kept.
  void refineFilm(std::shared_ptr<const film::Film> film);
  const film::Film* film() const { return m_film.get(); }
  std::shared_ptr<const film::Film> sharedFilm() const { return m_film; }

  const std::vector<display::VoiPreset>& presets() const { return m_presets; }
  // The window in effect: the custom one, or the current preset's (empty for a LUT preset).
  display::VoiWindow currentWindow() const;
  bool inverted() const { return m_settings.invert; }
  const display::DisplaySettings& displaySettings() const { return m_settings; }
  double zoom() const { return m_zoom; }          // screen pixels per film pixel
  int quarterTurns() const { return m_quarterTurns; }
  bool flippedHorizontally() const { return m_flipH; }
  bool flippedVertically() const { return m_flipV; }
  void setTool(Tool tool);
  Tool tool() const { return m_tool; }
  void setOverlaysVisible(bool visible) { m_overlays = visible; update(); }
  bool overlaysVisible() const { return m_overlays; }
  // Teaching: no patient name, id, birth date or institution anywhere on the film.
  void setIdentityHidden(bool hidden) { m_identityHidden = hidden; update(); }
  bool identityHidden() const { return m_identityHidden; }
  void setMagnifier(bool on);
  bool magnifier() const { return m_magnifier; }
  // A frame that shows which view of a layout receives opened films and keys.
  void setActive(bool active) { m_active = active; update(); }
  // A caption in the top centre (teaching: "Heatmap: Effusion").
  void setCaption(const QString& caption) { m_caption = caption; update(); }

  // Annotations, in film pixel coordinates, and what they measure.
  const std::vector<measure::Annotation>& annotations() const { return m_annotations; }
  void setAnnotations(std::vector<measure::Annotation> annotations);
  measure::Measurement measurement(std::size_t index) const;
  void setAnnotationText(std::size_t index, const QString& text);
  void removeLastAnnotation();
  void clearAnnotations();

  // Film point <-> widget point at the current zoom, pan, rotation and flips.
  QPointF toWidget(QPointF film) const;
  QPointF toFilm(QPointF widget) const;
  QTransform filmToWidget() const;
  bool fitted() const { return m_fit; }
  QPointF centre() const { return m_centre; }     // film coordinates at the widget's centre
  const QImage& shownImage() const { return m_image; }
  // An RGBA picture laid over the whole film (a heatmap), scaled with it; a null image removes it.
  void setOverlay(const QImage& overlay);
  const QImage& overlay() const { return m_overlay; }
  void setContours(std::vector<ContourOverlay> contours);
  const std::vector<ContourOverlay>& contours() const { return m_contours; }
  // The lung fields' outline from the lung segmentation pack (film pixel coordinates) and the caption
  // that names the pack; drawn while shown. setFilm() drops it: it belongs to one film.
  void setLungOutline(std::vector<QPolygonF> polygons, const QString& caption);
  const std::vector<QPolygonF>& lungOutline() const { return m_lungOutline; }
  void setLungOutlineVisible(bool visible);
  bool lungOutlineVisible() const { return m_lungOutlineVisible; }

  ViewState viewState() const;
  void applyViewState(const ViewState& state);

public Q_SLOTS:
  void selectPreset(int index);
  void setWindow(double center, double width);
  void setInverted(bool inverted);
  void resetWindow();
  void resetView();  // window, zoom and orientation
  void escape();     // Esc: drops the annotation being drawn, else resets the view
  void zoomBy(double factor, QPointF aboutWidget = QPointF(-1, -1));
  void fitToWindow();
  void actualSize();
  void rotate(int quarterTurns);  // positive: clockwise
  void flipHorizontally();
  void flipVertically();

Q_SIGNALS:
  void displayChanged();      // window, zoom, pan or orientation
  // The user added, removed or relabelled an annotation (not emitted for setFilm / setAnnotations):
  // what should be saved.
  void annotationsEdited();
  void annotationAdded(int index);  // a finished annotation (an arrow then wants its text)
  void activated();           // the user clicked into this view

protected:
  void paintEvent(QPaintEvent* event) override;
  void resizeEvent(QResizeEvent* event) override;
  void mousePressEvent(QMouseEvent* event) override;
  void mouseMoveEvent(QMouseEvent* event) override;
  void mouseReleaseEvent(QMouseEvent* event) override;
  void wheelEvent(QWheelEvent* event) override;
  void keyPressEvent(QKeyEvent* event) override;
  void leaveEvent(QEvent* event) override;

private:
  void rerender();
  double fitZoom() const;
  QPointF screenDeltaToFilm(QPointF delta) const;
  void startWindowDrag(QPoint at);
  void dragWindow(QPoint at);
  bool drawingPress(QPointF filmPoint);
  void drawingMove(QPointF filmPoint);
  void drawingRelease(QPointF filmPoint);
  void commitDraft();
  void paintOverlays(QPainter& painter);
  void paintAnnotations(QPainter& painter);
  void paintMagnifier(QPainter& painter);
  void paintContours(QPainter& painter);
  void paintLungOutline(QPainter& painter);

  display::DisplaySettings effectiveSettings() const;

  std::shared_ptr<const film::Film> m_film;
  std::vector<display::VoiPreset> m_presets;
  // The visible region averaged to screen resolution; window/level drags re-render only this.
  struct Reduced {
    const film::Film* source = nullptr;
    int x = 0, y = 0, width = 0, height = 0, box = 0;
    std::shared_ptr<const film::Film> film;
  } m_reduced;
  display::DisplaySettings m_settings;
  QImage m_image;
  QRectF m_imageFilmRect;  // the film region m_image shows, in film coordinates
  QImage m_overlay;
  std::vector<ContourOverlay> m_contours;
  std::vector<QPolygonF> m_lungOutline;
  QString m_lungCaption;
  bool m_lungOutlineVisible = false;
  QPoint m_dragStart;
  display::VoiWindow m_dragWindow;
  QPointF m_panStartCentre;
  bool m_windowing = false;
  bool m_panning = false;
  bool m_fit = true;
  bool m_overlays = true;
  bool m_identityHidden = false;
  bool m_magnifier = false;
  bool m_active = false;
  QString m_caption;
  QPointF m_cursor{-1, -1};  // last mouse position in the widget, for the magnifier and pixel readout
  Tool m_tool = Tool::Pan;
  std::vector<measure::Annotation> m_annotations;
  std::optional<measure::Annotation> m_draft;  // the annotation being drawn
  bool m_draftDragging = false;
  double m_zoom = 1.0;
  QPointF m_centre;
  int m_quarterTurns = 0;
  bool m_flipH = false;
  bool m_flipV = false;
};

}  // namespace hilum::ui
