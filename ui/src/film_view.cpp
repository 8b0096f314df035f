// FilmView's state, geometry and input. Painting lives in film_view_paint.cpp.
#include "hilum/ui/film_view.h"

#include <QKeyEvent>
#include <QMouseEvent>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>

namespace hilum::ui {
namespace {

measure::Kind kindFor(FilmView::Tool tool) {
  switch (tool) {
    case FilmView::Tool::Angle: return measure::Kind::Angle;
    case FilmView::Tool::Rectangle: return measure::Kind::Rectangle;
    case FilmView::Tool::Ellipse: return measure::Kind::Ellipse;
    case FilmView::Tool::Arrow: return measure::Kind::Arrow;
    case FilmView::Tool::CardiothoracicRatio: return measure::Kind::CardiothoracicRatio;
    default: return measure::Kind::Distance;
  }
}

bool drawingTool(FilmView::Tool tool) { return tool != FilmView::Tool::Pan && tool != FilmView::Tool::WindowLevel; }

measure::Point toPoint(QPointF p) { return {p.x(), p.y()}; }

}  // namespace

FilmView::FilmView(QWidget* parent) : QWidget(parent) {
  setFocusPolicy(Qt::StrongFocus);
  setMinimumSize(200, 200);
  setAttribute(Qt::WA_OpaquePaintEvent);
  setMouseTracking(true);  // the magnifier, the pixel readout and an angle's last arm follow the cursor
}

void FilmView::setOverlay(const QImage& overlay) {
  m_overlay = overlay;
  update();
}

void FilmView::setContours(std::vector<ContourOverlay> contours) {
  m_contours = std::move(contours);
  update();
}

void FilmView::setLungOutline(std::vector<QPolygonF> polygons, const QString& caption) {
  m_lungOutline = std::move(polygons);
  m_lungCaption = caption;
  update();
}

void FilmView::setLungOutlineVisible(bool visible) {
  m_lungOutlineVisible = visible;
  update();
}

void FilmView::setFilm(std::shared_ptr<const film::Film> film) {
  m_film = std::move(film);
  m_overlay = QImage();
  m_contours.clear();
  m_lungOutline.clear();
  m_annotations.clear();
  m_draft.reset();
  m_fit = true;
  m_quarterTurns = 0;
  m_flipH = m_flipV = false;
  m_presets = m_film ? display::voiPresets(*m_film) : std::vector<display::VoiPreset>{};
  m_settings = {};
  rerender();
}

void FilmView::refineFilm(std::shared_ptr<const film::Film> film) {
  if (!m_film || !film || film->path() != m_film->path()) return setFilm(std::move(film));
  // A preview at 1/2^r resolution becomes the full film: keep the same part of the patient on screen.
  const double scale = static_cast<double>(film->columns()) / m_film->columns();
  m_centre *= scale;
  m_zoom /= scale;
  m_annotations = measure::scaled(std::move(m_annotations), scale);
  if (m_draft) m_draft = measure::scaled({*m_draft}, scale).front();
  m_film = std::move(film);
  m_presets = display::voiPresets(*m_film);
  rerender();
}

display::DisplaySettings FilmView::effectiveSettings() const {
  // The reduced film must show the full film's window: its own full range or percentiles differ.
  display::DisplaySettings s = m_settings;
  if (s.customWindow || m_presets.empty()) return s;
  const int index = s.presetIndex.value_or(display::defaultPresetIndex(*m_film, m_presets));
  const auto& preset = m_presets[static_cast<std::size_t>(std::clamp(index, 0, static_cast<int>(m_presets.size()) - 1))];
  if (preset.kind != display::VoiPreset::Kind::Lut) {
    s.customWindow = preset.window;  // LUT presets keep their index: the reduced film has the same LUTs
    s.presetIndex.reset();
  }
  return s;
}

display::VoiWindow FilmView::currentWindow() const {
  if (m_settings.customWindow) return *m_settings.customWindow;
  if (!m_film || m_presets.empty()) return {};
  const int index = m_settings.presetIndex.value_or(display::defaultPresetIndex(*m_film, m_presets));
  return m_presets[static_cast<std::size_t>(index)].window;
}

void FilmView::selectPreset(int index) {
  if (!m_film || index < 0 || index >= static_cast<int>(m_presets.size())) return;
  m_settings.customWindow.reset();
  m_settings.presetIndex = index;
  rerender();
}

void FilmView::setWindow(double center, double width) {
  if (!m_film) return;
  m_settings.customWindow = display::VoiWindow{center, std::max(1.0, width), m_film->display().voiFunction};
  rerender();
}

void FilmView::setInverted(bool inverted) {
  m_settings.invert = inverted;
  rerender();
}

void FilmView::resetWindow() {
  m_settings = {};
  rerender();
}

void FilmView::resetView() {
  m_settings = {};
  m_fit = true;
  m_quarterTurns = 0;
  m_flipH = m_flipV = false;
  m_draft.reset();
  rerender();
}

void FilmView::escape() {
  if (m_draft) {
    m_draft.reset();
    update();
  } else {
    resetView();
  }
}

void FilmView::setTool(Tool tool) {
  m_tool = tool;
  m_draft.reset();
  setCursor(drawingTool(tool) ? Qt::CrossCursor : tool == Tool::WindowLevel ? Qt::SizeAllCursor : Qt::ArrowCursor);
  update();
}

void FilmView::setMagnifier(bool on) {
  m_magnifier = on;
  update();
}

// ---- geometry -------------------------------------------------------------------------------

QTransform FilmView::filmToWidget() const {
  // Film point -> relative to the centre -> rotated -> flipped on screen -> scaled -> widget.
  QTransform t;
  t.translate(width() / 2.0, height() / 2.0);
  t.scale(m_zoom * (m_flipH ? -1.0 : 1.0), m_zoom * (m_flipV ? -1.0 : 1.0));
  t.rotate(90.0 * m_quarterTurns);
  t.translate(-m_centre.x(), -m_centre.y());
  return t;
}

QPointF FilmView::toWidget(QPointF film) const { return filmToWidget().map(film); }
QPointF FilmView::toFilm(QPointF widget) const { return filmToWidget().inverted().map(widget); }

QPointF FilmView::screenDeltaToFilm(QPointF delta) const {
  const QTransform inverse = filmToWidget().inverted();
  return inverse.map(delta) - inverse.map(QPointF(0, 0));
}

double FilmView::fitZoom() const {
  if (!m_film) return 1.0;
  const bool sideways = m_quarterTurns % 2 != 0;
  const double w = sideways ? m_film->rows() : m_film->columns();
  const double h = sideways ? m_film->columns() : m_film->rows();
  return std::min(width() / w, height() / h);
}

void FilmView::zoomBy(double factor, QPointF about) {
  if (!m_film) return;
  if (about.x() < 0) about = QPointF(width() / 2.0, height() / 2.0);
  // Keep the film point under `about` where it is.
  const QPointF filmPoint = toFilm(about);
  m_zoom = std::clamp(m_zoom * factor, 0.02, 32.0);
  m_centre += screenDeltaToFilm(toWidget(filmPoint) - about);
  m_fit = false;
  rerender();
}

void FilmView::fitToWindow() {
  m_fit = true;
  rerender();
}

void FilmView::actualSize() {
  if (!m_film) return;
  m_zoom = 1.0 / devicePixelRatioF();
  m_fit = false;
  rerender();
}

void FilmView::rotate(int quarterTurns) {
  m_quarterTurns = ((m_quarterTurns + quarterTurns) % 4 + 4) % 4;
  rerender();
}

void FilmView::flipHorizontally() {
  m_flipH = !m_flipH;
  rerender();
}

void FilmView::flipVertically() {
  m_flipV = !m_flipV;
  rerender();
}

ViewState FilmView::viewState() const {
  ViewState s;
  s.fit = m_fit;
  s.zoomOverFit = m_zoom / fitZoom();
  if (m_film) s.centreFraction = QPointF(m_centre.x() / m_film->columns(), m_centre.y() / m_film->rows());
  s.quarterTurns = m_quarterTurns;
  s.flipHorizontal = m_flipH;
  s.flipVertical = m_flipV;
  if (m_settings.customWindow || m_settings.presetIndex) s.window = currentWindow();
  s.invert = m_settings.invert;
  return s;
}

void FilmView::applyViewState(const ViewState& s) {
  if (!m_film) return;
  m_quarterTurns = s.quarterTurns;
  m_flipH = s.flipHorizontal;
  m_flipV = s.flipVertical;
  m_fit = s.fit;
  if (!s.fit) {
    m_zoom = s.zoomOverFit * fitZoom();
    m_centre = QPointF(s.centreFraction.x() * m_film->columns(), s.centreFraction.y() * m_film->rows());
  }
  m_settings.invert = s.invert;
  if (s.window && s.window->width > 0) m_settings.customWindow = s.window;
  else m_settings.customWindow.reset();
  m_settings.presetIndex.reset();
  rerender();
}

void FilmView::rerender() {
  m_image = QImage();
  if (m_film) {
    if (m_fit) {
      m_zoom = fitZoom();
      m_centre = QPointF(m_film->columns() / 2.0, m_film->rows() / 2.0);
    }
    // The visible part of the film, in film pixels, rendered at the size it takes on screen: the
    // pipeline's area averaging beats Qt's scaling going down; going up, Qt interpolates.
    const QRectF visible = filmToWidget().inverted().mapRect(QRectF(rect())).intersected(
        QRectF(0, 0, m_film->columns(), m_film->rows()));
    if (!visible.isEmpty()) {
      const int x0 = std::max(0, static_cast<int>(std::floor(visible.left())));
      const int y0 = std::max(0, static_cast<int>(std::floor(visible.top())));
      const int x1 = std::min(m_film->columns(), static_cast<int>(std::ceil(visible.right())));
      const int y1 = std::min(m_film->rows(), static_cast<int>(std::ceil(visible.bottom())));
      const display::Region region{x0, y0, x1 - x0, y1 - y0};
      const double screenScale = m_zoom * devicePixelRatioF();
      const int longest = std::max(x1 - x0, y1 - y0);
      const int box = screenScale < 1.0 ? std::max(1, longest / std::max(1, static_cast<int>(std::lround(longest * screenScale)))) : 1;
      Result<display::GrayImage> image = Error(Module::Display, ErrorCode::Internal, "not rendered");
      if (box >= 2) {
        // Averaged once per view geometry; a window/level drag then maps only screen pixels.
        if (m_reduced.source != m_film.get() || m_reduced.box != box || m_reduced.x != x0 || m_reduced.y != y0 ||
            m_reduced.width != region.width || m_reduced.height != region.height)
          m_reduced = {m_film.get(), x0, y0, region.width, region.height, box,
                       std::make_shared<const film::Film>(display::reducedFilm(*m_film, region, box))};
        image = display::render(*m_reduced.film, effectiveSettings());
      } else {
        display::RenderOptions options;
        options.region = region;
        image = display::render(*m_film, m_settings, options);
      }
      if (image.ok()) {
        const auto& g = image.value();
        m_image = QImage(g.width, g.height, QImage::Format_Grayscale8);
        for (int y = 0; y < g.height; ++y)
          std::copy_n(g.pixels.data() + static_cast<std::size_t>(y) * g.width, g.width, m_image.scanLine(y));
        m_imageFilmRect = QRectF(x0, y0, x1 - x0, y1 - y0);
      }
    }
  }
  update();
  Q_EMIT displayChanged();
}

void FilmView::resizeEvent(QResizeEvent*) { rerender(); }

// ---- annotations ----------------------------------------------------------------------------

void FilmView::setAnnotations(std::vector<measure::Annotation> annotations) {
  m_annotations = std::move(annotations);
  m_draft.reset();
  update();
}

measure::Measurement FilmView::measurement(std::size_t index) const {
  if (!m_film || index >= m_annotations.size()) return {};
  return measure::measure(*m_film, m_annotations[index]);
}

void FilmView::setAnnotationText(std::size_t index, const QString& text) {
  if (index >= m_annotations.size()) return;
  m_annotations[index].text = text.toStdString();
  update();
  Q_EMIT annotationsEdited();
}

void FilmView::removeLastAnnotation() {
  if (m_draft) m_draft.reset();
  else if (!m_annotations.empty()) m_annotations.pop_back();
  else return;
  update();
  Q_EMIT annotationsEdited();
}

void FilmView::clearAnnotations() {
  setAnnotations({});
  Q_EMIT annotationsEdited();
}

void FilmView::commitDraft() {
  m_annotations.push_back(std::move(*m_draft));
  m_draft.reset();
  update();
  Q_EMIT annotationAdded(static_cast<int>(m_annotations.size()) - 1);
  Q_EMIT annotationsEdited();
}

bool FilmView::drawingPress(QPointF at) {
  const measure::Point p = toPoint(at);
  const measure::Kind kind = kindFor(m_tool);
  if (!m_draft) {
    m_draft = measure::Annotation{kind, {p, p}, {}};
  } else if (kind == measure::Kind::Angle && m_draft->points.size() == 3) {
    m_draft->points[2] = p;  // the click that places the second arm
    commitDraft();
    return true;
  } else if (kind == measure::Kind::CardiothoracicRatio && m_draft->points.size() == 2) {
    m_draft->points.push_back(p);  // the thoracic width starts
    m_draft->points.push_back(p);
  }
  m_draftDragging = true;
  return true;
}

void FilmView::drawingMove(QPointF at) {
  if (!m_draft) return;
  auto& points = m_draft->points;
  const measure::Point p = toPoint(at);
  switch (m_draft->kind) {
    case measure::Kind::Angle:
      if (m_draftDragging) points[1] = p;
      else if (points.size() == 3) points[2] = p;
      break;
    case measure::Kind::CardiothoracicRatio:
      // Both widths are horizontal on the film, whatever the view's rotation.
      if (!m_draftDragging) break;
      if (points.size() == 2) points[1] = {p.x, points[0].y};
      else points[3] = {p.x, points[2].y};
      break;
    default: points[1] = p;
  }
  update();
}

void FilmView::drawingRelease(QPointF) {
  if (!m_draft) return;
  m_draftDragging = false;
  auto& points = m_draft->points;
  const std::size_t last = points.size() - 1;
  // A click without a drag draws nothing: less than 3 screen pixels is a slip, not a measurement.
  const double dragged = std::hypot(points[last].x - points[last - 1].x, points[last].y - points[last - 1].y) * m_zoom;
  const bool slip = dragged < 3.0;
  switch (m_draft->kind) {
    case measure::Kind::Angle:
      if (points.size() != 2) break;
      if (slip) m_draft.reset();
      else points.push_back(points[1]);  // the second arm follows the cursor until the next click
      break;
    case measure::Kind::CardiothoracicRatio:
      if (points.size() == 2) {
        if (slip) m_draft.reset();
      } else if (slip) {
        points.resize(2);
      } else {
        commitDraft();
      }
      break;
    default:
      if (slip) m_draft.reset();
      else commitDraft();
  }
  update();
}

// ---- input ----------------------------------------------------------------------------------

void FilmView::startWindowDrag(QPoint at) {
  m_windowing = true;
  m_dragStart = at;
  m_dragWindow = currentWindow();
  if (m_dragWindow.width <= 0) m_dragWindow = display::fullRangeWindow(*m_film);
}

void FilmView::dragWindow(QPoint at) {
  // A drag across the whole widget spans the film's whole modality range.
  const display::ModalityRange range = display::modalityRange(*m_film);
  const double perPixel = std::max(1.0, range.max - range.min) / std::max(1, std::max(width(), height()));
  const QPoint delta = at - m_dragStart;
  setWindow(m_dragWindow.center + delta.y() * perPixel, m_dragWindow.width + delta.x() * perPixel);
}

void FilmView::mousePressEvent(QMouseEvent* event) {
  Q_EMIT activated();
  if (!m_film) return;
  const QPoint at = event->position().toPoint();
  if (event->button() == Qt::LeftButton && drawingTool(m_tool)) {
    drawingPress(toFilm(event->position()));
  } else if (event->button() == Qt::RightButton || (event->button() == Qt::LeftButton && m_tool == Tool::WindowLevel)) {
    startWindowDrag(at);
  } else if (event->button() == Qt::LeftButton || event->button() == Qt::MiddleButton) {
    m_panning = true;
    m_dragStart = at;
    m_panStartCentre = m_centre;
  }
}

void FilmView::mouseMoveEvent(QMouseEvent* event) {
  m_cursor = event->position();
  if (!m_film) return;
  if (m_draft) {
    drawingMove(toFilm(event->position()));
  } else if (m_panning) {
    m_centre = m_panStartCentre - screenDeltaToFilm(QPointF(event->position().toPoint() - m_dragStart));
    m_fit = false;
    rerender();
  } else if (m_windowing) {
    dragWindow(event->position().toPoint());
  } else {
    update();  // the magnifier and the pixel readout follow the cursor
  }
}

void FilmView::mouseReleaseEvent(QMouseEvent* event) {
  if (event->button() == Qt::LeftButton && m_draft && m_draftDragging) drawingRelease(toFilm(event->position()));
  if (event->button() == Qt::RightButton || event->button() == Qt::LeftButton) m_windowing = false;
  if (event->button() == Qt::LeftButton || event->button() == Qt::MiddleButton) m_panning = false;
}

void FilmView::leaveEvent(QEvent*) {
  m_cursor = QPointF(-1, -1);
  update();
}

void FilmView::wheelEvent(QWheelEvent* event) {
  // One notch (120) zooms by 15 %, about the point under the cursor.
  zoomBy(std::pow(1.15, event->angleDelta().y() / 120.0), event->position());
}

void FilmView::keyPressEvent(QKeyEvent* event) {
  const int key = event->key();
  const bool ctrl = event->modifiers() & Qt::ControlModifier;
  if (key == Qt::Key_1 && ctrl) actualSize();
  else if (key >= Qt::Key_1 && key <= Qt::Key_9) selectPreset(key - Qt::Key_1);
  else if (key == Qt::Key_I) setInverted(!m_settings.invert);
  else if (key == Qt::Key_R) rotate(1);
  else if (key == Qt::Key_L) rotate(-1);
  else if (key == Qt::Key_H) flipHorizontally();
  else if (key == Qt::Key_V) flipVertically();
  else if (key == Qt::Key_Escape) escape();
  else if (key == Qt::Key_Plus) zoomBy(1.25);
  else if (key == Qt::Key_Minus) zoomBy(0.8);
  else if (key == Qt::Key_Space || key == Qt::Key_Equal) fitToWindow();
  else if (key == Qt::Key_M) setMagnifier(!m_magnifier);
  else if (key == Qt::Key_O) setOverlaysVisible(!m_overlays);
  else if (key == Qt::Key_P) setTool(Tool::Pan);
  else if (key == Qt::Key_W) setTool(Tool::WindowLevel);
  else if (key == Qt::Key_D) setTool(m_tool == Tool::Distance ? Tool::Pan : Tool::Distance);
  else if (key == Qt::Key_N) setTool(Tool::Angle);
  else if (key == Qt::Key_B) setTool(Tool::Rectangle);
  else if (key == Qt::Key_E) setTool(Tool::Ellipse);
  else if (key == Qt::Key_T && !ctrl) setTool(Tool::Arrow);
  else if (key == Qt::Key_C && !ctrl) setTool(Tool::CardiothoracicRatio);
  else if (key == Qt::Key_Backspace || key == Qt::Key_Delete) removeLastAnnotation();
  else QWidget::keyPressEvent(event);
}

}  // namespace hilum::ui
