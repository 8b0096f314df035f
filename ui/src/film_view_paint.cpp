// FilmView's painting: the rendered region under the view transform, the heatmap overlay or its
// contours, annotations, corner text, orientation markers, the scale bar and the magnifier.
#include "hilum/display/voi.h"
#include "hilum/report/annotation_painter.h"
#include "hilum/report/localized.h"
#include "hilum/ui/film_view.h"

#include <QPainter>
#include <QPainterPath>

#include <algorithm>
#include <cmath>

namespace hilum::ui {
namespace {

const QColor kOverlayText(230, 200, 60);
const QColor kLungOutline(0, 220, 255);

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

void FilmView::paintEvent(QPaintEvent*) {
  QPainter painter(this);
  painter.fillRect(rect(), Qt::black);
  if (m_image.isNull()) {
    painter.setPen(QColor(160, 160, 160));
    painter.drawText(rect(), Qt::AlignCenter, m_film ? QString() : tr("Open a film with Ctrl+O, or drop one here"));
  } else {
    painter.save();
    painter.setRenderHint(QPainter::SmoothPixmapTransform);
    painter.setTransform(filmToWidget());
    painter.drawImage(m_imageFilmRect, m_image);
    if (!m_overlay.isNull()) painter.drawImage(QRectF(0, 0, m_film->columns(), m_film->rows()), m_overlay);
    painter.restore();
    paintContours(painter);
    if (m_lungOutlineVisible) paintLungOutline(painter);
    paintAnnotations(painter);
    if (m_overlays) paintOverlays(painter);
    if (m_magnifier) paintMagnifier(painter);
  }
  if (!m_caption.isEmpty()) {
    QFont big = painter.font();
    big.setPointSizeF(big.pointSizeF() * 1.3);
    big.setBold(true);
    painter.setFont(big);
    const QFontMetricsF metrics(big);
    report::paintLabel(painter, QPointF((width() - metrics.horizontalAdvance(m_caption)) / 2, 6), m_caption, kOverlayText);
    painter.setFont(font());
  }
  if (m_active) {
    painter.setPen(QPen(QColor(70, 130, 220), 2));
    painter.setBrush(Qt::NoBrush);
    painter.drawRect(QRectF(rect()).adjusted(1, 1, -1, -1));
  }
}

void FilmView::paintContours(QPainter& painter) {
  if (m_contours.empty()) return;
  painter.save();
  painter.setRenderHint(QPainter::Antialiasing);
  const QTransform t = filmToWidget();
  for (const auto& contour : m_contours) {
    painter.setPen(QPen(contour.colour, 2));
    QPointF labelAt(1e9, 1e9);
    for (const auto& polygon : contour.polygons) {
      const QPolygonF mapped = t.map(polygon);
      painter.drawPolygon(mapped);
      const QRectF box = mapped.boundingRect();
      if (box.top() < labelAt.y()) labelAt = box.topLeft();
    }
    if (!contour.polygons.empty() && !contour.label.isEmpty())
      report::paintLabel(painter, labelAt + QPointF(2, -20), contour.label, contour.colour);
  }
  painter.restore();
}

// Thin and dashed, in a colour no heatmap contour uses: the outline is a reading aid under the
// findings, and must not pass for one of them.
void FilmView::paintLungOutline(QPainter& painter) {
  if (m_lungOutline.empty()) return;
  painter.save();
  painter.setRenderHint(QPainter::Antialiasing);
  QPen pen(kLungOutline, 1.5, Qt::DashLine);
  pen.setCosmetic(true);
  painter.setPen(pen);
  painter.setBrush(Qt::NoBrush);
  const QTransform t = filmToWidget();
  QRectF box;
  for (const auto& polygon : m_lungOutline) {
    const QPolygonF mapped = t.map(polygon);
    painter.drawPolygon(mapped);
    box = box.isNull() ? mapped.boundingRect() : box.united(mapped.boundingRect());
  }
  if (!m_lungCaption.isEmpty()) report::paintLabel(painter, box.bottomLeft() + QPointF(0, 4), m_lungCaption, kLungOutline);
  painter.restore();
}

void FilmView::paintAnnotations(QPainter& painter) {
  const auto map = [this](const measure::Point& p) { return toWidget(QPointF(p.x, p.y)); };
  for (const auto& a : m_annotations)
    report::paintAnnotation(painter, a, report::describeMeasurement(measure::measure(*m_film, a)), map);
  if (m_draft) {
    const QString label = m_draft->complete() ? report::describeMeasurement(measure::measure(*m_film, *m_draft))
                                              : QString();
    report::paintAnnotation(painter, *m_draft, label, map, true);
  }
}

void FilmView::paintOverlays(QPainter& painter) {
  const auto& m = m_film->metadata();
  const QRect area = rect().adjusted(8, 6, -8, -6);
  painter.setPen(kOverlayText);
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
  QString bottomLeft = tr("W %1  L %2  zoom %3%%4%5")
                           .arg(w.width, 0, 'f', 0)
                           .arg(w.center, 0, 'f', 0)
                           .arg(m_zoom * devicePixelRatioF() * 100.0, 0, 'f', 0)
                           .arg(m_settings.invert ? tr("  inverted") : QString())
                           .arg(m_quarterTurns || m_flipH || m_flipV
                                    ? tr("  rot %1%2").arg(90 * m_quarterTurns).arg(m_flipH || m_flipV ? tr(" flipped") : QString())
                                    : QString());
  // The pixel under the cursor, as a reader checks a value: stored -> modality value.
  if (m_cursor.x() >= 0) {
    const QPointF f = toFilm(m_cursor);
    const int x = static_cast<int>(std::floor(f.x())), y = static_cast<int>(std::floor(f.y()));
    if (x >= 0 && y >= 0 && x < m_film->columns() && y < m_film->rows())
      bottomLeft = tr("x %1  y %2  value %3").arg(x).arg(y).arg(display::modalityValue(m_film->display(), m_film->pixels().value(x, y)), 0, 'g', 6) +
                   '\n' + bottomLeft;
  }
  painter.drawText(area, Qt::AlignLeft | Qt::AlignBottom, bottomLeft);
  const auto& spacing = m_film->spacing();
  const QString spacingText = spacing.known() ? tr("spacing %1 mm (%2)%3").arg(spacing.columnMm, 0, 'f', 3).arg(report::spacingSourceName(spacing.source))
                                                    .arg(m_film->isPreview() ? tr("  preview") : QString())
                                              : tr("spacing unknown: distances in pixels");
  // In a narrow view (a 2 x 2 layout, teaching's side by side) the two bottom corners would
  // overlap: the spacing line then moves above the window line.
  const QFontMetrics metrics(painter.font());
  const QRect leftBox = metrics.boundingRect(area, Qt::AlignLeft | Qt::AlignBottom, bottomLeft);
  QRect rightArea = area;
  if (leftBox.width() + metrics.horizontalAdvance(spacingText) + 16 > area.width()) rightArea.setBottom(leftBox.top() - 2);
  // Teaching's big type in a half-width view: the line is cut at the end rather than at the left edge.
  const QString fitted = metrics.elidedText(spacingText, Qt::ElideRight, area.width());
  const QRect rightBox = metrics.boundingRect(rightArea, Qt::AlignRight | Qt::AlignBottom, fitted);
  painter.drawText(rightArea, Qt::AlignRight | Qt::AlignBottom, fitted);
  painter.setBackgroundMode(Qt::TransparentMode);
  // The scale bar and the bottom orientation marker sit above the bottom text, whatever its size.
  const int bottomTextTop = std::min(leftBox.top(), rightBox.top());

  // Orientation markers. The first Patient Orientation value is the direction of increasing column
  // index, the second of increasing row index; the screen's right and down are whichever film
  // directions the rotation and flips put there.
  const QStringList orientation = QString::fromStdString(m.patientOrientation).split('\\');
  if (orientation.size() == 2) {
    auto direction = [&](QPointF screen) {
      const QPointF f = screenDeltaToFilm(screen);
      if (std::abs(f.x()) > std::abs(f.y())) return f.x() > 0 ? orientation[0] : opposite(orientation[0]);
      return f.y() > 0 ? orientation[1] : opposite(orientation[1]);
    };
    QFont big = painter.font();
    big.setPointSizeF(big.pointSizeF() * 1.4);
    painter.setFont(big);
    const QRect mid = rect().adjusted(8, 0, -8, 0);
    painter.drawText(mid, Qt::AlignRight | Qt::AlignVCenter, direction({1, 0}));
    painter.drawText(mid, Qt::AlignLeft | Qt::AlignVCenter, direction({-1, 0}));
    painter.drawText(QRect(0, 0, width(), bottomTextTop - 2), Qt::AlignHCenter | Qt::AlignBottom, direction({0, 1}));
    painter.drawText(rect().adjusted(0, 4, 0, 0), Qt::AlignHCenter | Qt::AlignTop, direction({0, -1}));
    painter.setFont(font());
  }

  // Scale bar, only where a distance on screen means something.
  if (spacing.known()) {
    const double mmPerScreenPx = (m_quarterTurns % 2 ? spacing.rowMm : spacing.columnMm) / m_zoom;
    const double length = roundLength(width() / 5.0 * mmPerScreenPx);
    const double pixels = length / mmPerScreenPx;
    const QPointF start(width() - 16 - pixels, bottomTextTop - 8);
    painter.setPen(QPen(kOverlayText, 2));
    painter.drawLine(start, start + QPointF(pixels, 0));
    painter.drawLine(start + QPointF(0, -4), start + QPointF(0, 4));
    painter.drawLine(start + QPointF(pixels, -4), start + QPointF(pixels, 4));
    const QFontMetrics labelMetrics(painter.font());
    const QString label = tr("%1 mm").arg(length);
    const double labelWidth = std::max<double>(pixels, labelMetrics.horizontalAdvance(label) + 4);
    painter.drawText(QRectF(start.x() + pixels - labelWidth, start.y() - 4 - labelMetrics.height(), labelWidth, labelMetrics.height()),
                     Qt::AlignCenter, label);
  }
}

void FilmView::paintMagnifier(QPainter& painter) {
  if (m_cursor.x() < 0) return;
  // A loupe at 3x the view's zoom (at least 2 screen pixels a film pixel), rendered from the film,
  // not scaled up from the screen picture, so fine lines the fitted view averages away show.
  constexpr double kSize = 220.0;
  const double zoom = std::max(m_zoom * 3.0, 2.0 / devicePixelRatioF());
  const QPointF f = toFilm(m_cursor);
  const double half = kSize / zoom / 2.0 * 1.5;  // 1.5: the square's diagonal, whatever the rotation
  const int x0 = std::max(0, static_cast<int>(std::floor(f.x() - half)));
  const int y0 = std::max(0, static_cast<int>(std::floor(f.y() - half)));
  const int x1 = std::min(m_film->columns(), static_cast<int>(std::ceil(f.x() + half)));
  const int y1 = std::min(m_film->rows(), static_cast<int>(std::ceil(f.y() + half)));
  if (x1 <= x0 || y1 <= y0) return;
  display::RenderOptions options;
  options.region = display::Region{x0, y0, x1 - x0, y1 - y0};
  const auto rendered = display::render(*m_film, m_settings, options);
  if (!rendered.ok()) return;
  const auto& g = rendered.value();
  const QImage image(g.pixels.data(), g.width, g.height, g.width, QImage::Format_Grayscale8);

  const QRectF box(m_cursor - QPointF(kSize / 2, kSize / 2), QSizeF(kSize, kSize));
  painter.save();
  painter.setClipRect(box);
  painter.fillRect(box, Qt::black);
  QTransform t;
  t.translate(m_cursor.x(), m_cursor.y());
  t.scale(zoom * (m_flipH ? -1.0 : 1.0), zoom * (m_flipV ? -1.0 : 1.0));
  t.rotate(90.0 * m_quarterTurns);
  t.translate(-f.x(), -f.y());
  painter.setTransform(t);
  painter.drawImage(QRectF(x0, y0, x1 - x0, y1 - y0), image);
  painter.resetTransform();
  painter.setClipping(false);
  painter.setPen(QPen(QColor(70, 130, 220), 2));
  painter.drawRect(box);
  painter.restore();
}

}  // namespace hilum::ui
