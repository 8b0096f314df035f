#include "hilum/ui/film_view.h"

#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>

namespace hilum::ui {

FilmView::FilmView(QWidget* parent) : QWidget(parent) {
  setFocusPolicy(Qt::StrongFocus);
  setMinimumSize(320, 320);
  setAttribute(Qt::WA_OpaquePaintEvent);
}

void FilmView::setOverlay(const QImage& overlay) {
  m_overlay = overlay;
  update();
}

void FilmView::setFilm(std::shared_ptr<const film::Film> film) {
  m_film = std::move(film);
  m_overlay = QImage();
  m_measurements.clear();
  m_fit = true;
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
  for (auto& m : m_measurements) m = measure(m.from * scale, m.to * scale);
  m_film = std::move(film);
  m_presets = display::voiPresets(*m_film);
  rerender();
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

void FilmView::resetDisplay() {
  m_settings = {};
  rerender();
}

QRectF FilmView::filmRect() const {
  if (!m_film) return {};
  return QRectF(width() / 2.0 - m_centre.x() * m_zoom, height() / 2.0 - m_centre.y() * m_zoom,
                m_film->columns() * m_zoom, m_film->rows() * m_zoom);
}

QPointF FilmView::toWidget(QPointF film) const { return filmRect().topLeft() + film * m_zoom; }
QPointF FilmView::toFilm(QPointF widget) const { return (widget - filmRect().topLeft()) / m_zoom; }

Measurement FilmView::measure(QPointF from, QPointF to) const {
  Measurement m;
  m.from = from;
  m.to = to;
  const QPointF d = to - from;
  m.lengthPx = std::hypot(d.x(), d.y());
  const auto& spacing = m_film->spacing();
  if (spacing.known()) {
    // Columns run horizontally: x steps are column spacing, y steps row spacing.
    m.lengthMm = std::hypot(d.x() * spacing.columnMm, d.y() * spacing.rowMm);
    m.spacingSource = film::toString(spacing.source);
  }
  return m;
}

void FilmView::zoomBy(double factor, QPointF about) {
  if (!m_film) return;
  if (about.x() < 0) about = QPointF(width() / 2.0, height() / 2.0);
  // Keep the film point under `about` where it is.
  const QPointF filmPoint = m_centre + (about - QPointF(width() / 2.0, height() / 2.0)) / m_zoom;
  m_zoom = std::clamp(m_zoom * factor, 0.02, 32.0);
  m_centre = filmPoint - (about - QPointF(width() / 2.0, height() / 2.0)) / m_zoom;
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

void FilmView::rerender() {
  m_image = QImage();
  if (m_film) {
    if (m_fit) {
      m_zoom = std::min(static_cast<double>(width()) / m_film->columns(), static_cast<double>(height()) / m_film->rows());
      m_centre = QPointF(m_film->columns() / 2.0, m_film->rows() / 2.0);
    }
    // The visible part of the film, in film pixels, rendered at the size it takes on screen: the
    // pipeline's area averaging beats Qt's scaling going down; going up, Qt interpolates.
    const QRectF film = filmRect();
    const QRectF visible = film.intersected(QRectF(rect()));
    if (!visible.isEmpty()) {
      const int x0 = std::max(0, static_cast<int>(std::floor((visible.left() - film.left()) / m_zoom)));
      const int y0 = std::max(0, static_cast<int>(std::floor((visible.top() - film.top()) / m_zoom)));
      const int x1 = std::min(m_film->columns(), static_cast<int>(std::ceil((visible.right() - film.left()) / m_zoom)));
      const int y1 = std::min(m_film->rows(), static_cast<int>(std::ceil((visible.bottom() - film.top()) / m_zoom)));
      display::RenderOptions options;
      options.region = display::Region{x0, y0, x1 - x0, y1 - y0};
      const double screenScale = m_zoom * devicePixelRatioF();
      if (screenScale < 1.0)
        options.maxSizePx = std::max(1, static_cast<int>(std::lround(std::max(x1 - x0, y1 - y0) * screenScale)));
      const auto image = display::render(*m_film, m_settings, options);
      if (image.ok()) {
        const auto& g = image.value();
        m_image = QImage(g.width, g.height, QImage::Format_Grayscale8);
        for (int y = 0; y < g.height; ++y)
          std::copy_n(g.pixels.data() + static_cast<std::size_t>(y) * g.width, g.width, m_image.scanLine(y));
        m_imageRect = QRectF(film.left() + x0 * m_zoom, film.top() + y0 * m_zoom, (x1 - x0) * m_zoom, (y1 - y0) * m_zoom);
      }
    }
  }
  update();
  Q_EMIT displayChanged();
}

void FilmView::paintEvent(QPaintEvent*) {
  QPainter painter(this);
  painter.fillRect(rect(), Qt::black);
  if (m_image.isNull()) {
    painter.setPen(QColor(160, 160, 160));
    painter.drawText(rect(), Qt::AlignCenter, tr("Open a film with Ctrl+O, or drop one here"));
    return;
  }
  painter.setRenderHint(QPainter::SmoothPixmapTransform);
  painter.drawImage(m_imageRect, m_image);
  if (!m_overlay.isNull()) painter.drawImage(filmRect(), m_overlay);
  painter.setRenderHint(QPainter::Antialiasing);
  for (const auto& m : m_measurements) {
    const QPointF a = toWidget(m.from), b = toWidget(m.to);
    painter.setPen(QPen(QColor(80, 220, 120), 2));
    painter.drawLine(a, b);
    painter.drawEllipse(a, 3, 3);
    painter.drawEllipse(b, 3, 3);
    const QString label = m.lengthMm ? tr("%1 mm (%2)").arg(*m.lengthMm, 0, 'f', 1).arg(m.spacingSource)
                                     : tr("%1 px (no spacing)").arg(m.lengthPx, 0, 'f', 0);
    painter.drawText(b + QPointF(6, -6), label);
  }
  if (m_overlays) paintOverlays(painter);
}

namespace {

// The opposite patient direction of each letter: "LF" -> "RH" (PS3.3 C.7.6.1.1.1).
QString opposite(const QString& direction) {
  QString out;
  for (const QChar c : direction) {
    switch (c.toLatin1()) {
      case 'L': out += 'R'; break;
      case 'R': out += 'L'; break;
      case 'A': out += 'P'; break;
      case 'P': out += 'A'; break;
      case 'H': out += 'F'; break;
      case 'F': out += 'H'; break;
      default: out += c;
    }
  }
  return out;
}

// A round length (1, 2 or 5 x 10^n mm) close to `target` mm.
double roundLength(double target) {
  const double power = std::pow(10.0, std::floor(std::log10(target)));
  for (double step : {1.0, 2.0, 5.0, 10.0})
    if (step * power >= target * 0.7) return step * power;
  return 10.0 * power;
}

}  // namespace

void FilmView::paintOverlays(QPainter& painter) {
  const auto& m = m_film->metadata();
  const QRect area = rect().adjusted(8, 6, -8, -6);
  painter.setPen(QColor(230, 200, 60));
  // Corner text sits over bright bone as often as over dark air: a translucent backing keeps it legible.
  painter.setBackgroundMode(Qt::OpaqueMode);
  painter.setBackground(QColor(0, 0, 0, 140));
  auto lines = [](std::initializer_list<std::string> parts) {
    QStringList out;
    for (const auto& p : parts)
      if (!p.empty()) out << QString::fromStdString(p);
    return out.join('\n');
  };
  if (!m_identityHidden)
    painter.drawText(area, Qt::AlignLeft | Qt::AlignTop,
                     lines({m.patientName, m.patientId, m.patientSex + (m.patientBirthDate.empty() ? "" : "  " + m.patientBirthDate)}));
  painter.drawText(area, Qt::AlignRight | Qt::AlignTop,
                   lines({m_identityHidden ? std::string() : m.institutionName,
                          m_identityHidden ? std::string() : (m.studyDate.empty() ? m.acquisitionDate : m.studyDate),
                          m.modality + (m.viewPosition.empty() ? "" : " " + m.viewPosition) +
                              (m.laterality.empty() ? "" : " " + m.laterality)}));
  const display::VoiWindow w = currentWindow();
  painter.drawText(area, Qt::AlignLeft | Qt::AlignBottom,
                   tr("W %1  L %2  zoom %3%%4").arg(w.width, 0, 'f', 0).arg(w.center, 0, 'f', 0)
                       .arg(m_zoom * devicePixelRatioF() * 100.0, 0, 'f', 0)
                       .arg(m_settings.invert ? tr("  inverted") : QString()));
  const auto& spacing = m_film->spacing();
  painter.drawText(area, Qt::AlignRight | Qt::AlignBottom,
                   spacing.known() ? tr("spacing %1 mm (%2)%3").arg(spacing.columnMm, 0, 'f', 3).arg(film::toString(spacing.source))
                                         .arg(m_film->isPreview() ? tr("  preview") : QString())
                                   : tr("spacing unknown: distances in pixels"));

  painter.setBackgroundMode(Qt::TransparentMode);
  // Orientation markers: the first Patient Orientation value is the direction of increasing
  // column index (right edge), the second of increasing row index (bottom edge).
  const QStringList orientation = QString::fromStdString(m.patientOrientation).split('\\');
  if (orientation.size() == 2) {
    QFont big = painter.font();
    big.setPointSizeF(big.pointSizeF() * 1.4);
    painter.setFont(big);
    const QRect mid = rect().adjusted(8, 0, -8, 0);
    painter.drawText(mid, Qt::AlignRight | Qt::AlignVCenter, orientation[0]);
    painter.drawText(mid, Qt::AlignLeft | Qt::AlignVCenter, opposite(orientation[0]));
    painter.drawText(rect().adjusted(0, 4, 0, -22), Qt::AlignHCenter | Qt::AlignBottom, orientation[1]);
    painter.drawText(rect().adjusted(0, 4, 0, 0), Qt::AlignHCenter | Qt::AlignTop, opposite(orientation[1]));
    painter.setFont(QFont());
  }

  // Scale bar, only where a distance on screen means something.
  if (spacing.known()) {
    const double mmPerScreenPx = spacing.columnMm / m_zoom;
    const double length = roundLength(width() / 5.0 * mmPerScreenPx);
    const double pixels = length / mmPerScreenPx;
    const QPointF start(width() - 16 - pixels, height() - 40);
    painter.setPen(QPen(QColor(230, 200, 60), 2));
    painter.drawLine(start, start + QPointF(pixels, 0));
    painter.drawLine(start + QPointF(0, -4), start + QPointF(0, 4));
    painter.drawLine(start + QPointF(pixels, -4), start + QPointF(pixels, 4));
    painter.drawText(QRectF(start.x(), start.y() - 20, pixels, 16), Qt::AlignCenter, tr("%1 mm").arg(length));
  }
}

void FilmView::resizeEvent(QResizeEvent*) { rerender(); }

void FilmView::mousePressEvent(QMouseEvent* event) {
  if (event->button() == Qt::LeftButton && m_tool == Tool::Measure && m_film) {
    const QPointF at = toFilm(event->position());
    m_measurements.push_back(measure(at, at));
    m_measuring = true;
    return;
  }
  if ((event->button() == Qt::LeftButton || event->button() == Qt::MiddleButton) && m_film) {
    m_panning = true;
    m_dragStart = event->position().toPoint();
    m_panStartCentre = m_centre;
  }
  if (event->button() == Qt::RightButton && m_film) {
    m_dragging = true;
    m_dragStart = event->position().toPoint();
    m_dragWindow = currentWindow();
    if (m_dragWindow.width <= 0) m_dragWindow = display::fullRangeWindow(*m_film);
  }
}

void FilmView::mouseMoveEvent(QMouseEvent* event) {
  if (m_measuring && !m_measurements.empty()) {
    m_measurements.back() = measure(m_measurements.back().from, toFilm(event->position()));
    update();
    return;
  }
  if (m_panning && m_film) {
    m_centre = m_panStartCentre - QPointF(event->position().toPoint() - m_dragStart) / m_zoom;
    m_fit = false;
    rerender();
    return;
  }
  if (!m_dragging || !m_film) return;
  // A drag across the whole widget spans the film's whole modality range.
  const display::ModalityRange range = display::modalityRange(*m_film);
  const double perPixel = std::max(1.0, range.max - range.min) / std::max(1, std::max(width(), height()));
  const QPoint delta = event->position().toPoint() - m_dragStart;
  setWindow(m_dragWindow.center + delta.y() * perPixel, m_dragWindow.width + delta.x() * perPixel);
}

void FilmView::mouseReleaseEvent(QMouseEvent* event) {
  if (event->button() == Qt::RightButton) m_dragging = false;
  if (event->button() == Qt::LeftButton || event->button() == Qt::MiddleButton) m_panning = false;
  if (event->button() == Qt::LeftButton && m_measuring) {
    m_measuring = false;
    if (!m_measurements.empty() && m_measurements.back().lengthPx * m_zoom < 3) m_measurements.pop_back();  // a click
    update();
  }
}

void FilmView::wheelEvent(QWheelEvent* event) {
  // One notch (120) zooms by 15 %, about the point under the cursor.
  zoomBy(std::pow(1.15, event->angleDelta().y() / 120.0), event->position());
}

void FilmView::keyPressEvent(QKeyEvent* event) {
  const int key = event->key();
  if (key == Qt::Key_1 && (event->modifiers() & Qt::ControlModifier)) actualSize();
  else if (key >= Qt::Key_1 && key <= Qt::Key_9) selectPreset(key - Qt::Key_1);
  else if (key == Qt::Key_I) setInverted(!m_settings.invert);
  else if (key == Qt::Key_R) resetDisplay();
  else if (key == Qt::Key_Plus || key == Qt::Key_Equal) zoomBy(1.25);
  else if (key == Qt::Key_Minus) zoomBy(0.8);
  else if (key == Qt::Key_Space) fitToWindow();
  else if (key == Qt::Key_D) setTool(m_tool == Tool::Measure ? Tool::Pan : Tool::Measure);
  else if (key == Qt::Key_O) setOverlaysVisible(!m_overlays);
  else if (key == Qt::Key_Backspace && !m_measurements.empty()) {
    m_measurements.pop_back();
    update();
  }
  else QWidget::keyPressEvent(event);
}

}  // namespace hilum::ui
