#include "hilum/ui/film_view.h"

#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>

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
  m_presets = m_film ? display::voiPresets(*m_film) : std::vector<display::VoiPreset>{};
  m_settings = {};
  rerender();
}

void FilmView::refineFilm(std::shared_ptr<const film::Film> film) {
  if (!m_film || !film || film->path() != m_film->path()) return setFilm(std::move(film));
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

QRect FilmView::targetRect() const {
  if (!m_film) return {};
  const double scale = std::min(static_cast<double>(width()) / m_film->columns(),
                                static_cast<double>(height()) / m_film->rows());
  const int w = std::max(1, static_cast<int>(std::lround(m_film->columns() * scale)));
  const int h = std::max(1, static_cast<int>(std::lround(m_film->rows() * scale)));
  return QRect((width() - w) / 2, (height() - h) / 2, w, h);
}

void FilmView::rerender() {
  m_image = QImage();
  if (m_film) {
    // Render no larger than the screen area it fills: the pipeline's area averaging is better than
    // Qt's scaling, and a 3000 x 3000 film re-renders during a window drag without lag.
    const QRect target = targetRect();
    const double ratio = devicePixelRatioF();
    display::RenderOptions options;
    options.maxSizePx = static_cast<int>(std::lround(std::max(target.width(), target.height()) * ratio));
    const auto image = display::render(*m_film, m_settings, options);
    if (image.ok()) {
      const auto& g = image.value();
      m_image = QImage(g.width, g.height, QImage::Format_Grayscale8);
      for (int y = 0; y < g.height; ++y)
        std::copy_n(g.pixels.data() + static_cast<std::size_t>(y) * g.width, g.width, m_image.scanLine(y));
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
  painter.drawImage(targetRect(), m_image);
  if (!m_overlay.isNull()) painter.drawImage(targetRect(), m_overlay);
  const display::VoiWindow w = currentWindow();
  painter.setPen(QColor(230, 200, 60));
  painter.drawText(rect().adjusted(8, 8, -8, -8), Qt::AlignLeft | Qt::AlignBottom,
                   tr("W %1  L %2%3").arg(w.width, 0, 'f', 0).arg(w.center, 0, 'f', 0)
                       .arg(m_settings.invert ? tr("  inverted") : QString()));
}

void FilmView::resizeEvent(QResizeEvent*) { rerender(); }

void FilmView::mousePressEvent(QMouseEvent* event) {
  if (event->button() == Qt::RightButton && m_film) {
    m_dragging = true;
    m_dragStart = event->position().toPoint();
    m_dragWindow = currentWindow();
    if (m_dragWindow.width <= 0) m_dragWindow = display::fullRangeWindow(*m_film);
  }
}

void FilmView::mouseMoveEvent(QMouseEvent* event) {
  if (!m_dragging || !m_film) return;
  // A drag across the whole widget spans the film's whole modality range.
  const display::ModalityRange range = display::modalityRange(*m_film);
  const double perPixel = std::max(1.0, range.max - range.min) / std::max(1, std::max(width(), height()));
  const QPoint delta = event->position().toPoint() - m_dragStart;
  setWindow(m_dragWindow.center + delta.y() * perPixel, m_dragWindow.width + delta.x() * perPixel);
}

void FilmView::mouseReleaseEvent(QMouseEvent* event) {
  if (event->button() == Qt::RightButton) m_dragging = false;
}

void FilmView::keyPressEvent(QKeyEvent* event) {
  const int key = event->key();
  if (key >= Qt::Key_1 && key <= Qt::Key_9) selectPreset(key - Qt::Key_1);
  else if (key == Qt::Key_I) setInverted(!m_settings.invert);
  else if (key == Qt::Key_R) resetDisplay();
  else QWidget::keyPressEvent(event);
}

}  // namespace hilum::ui
