#include "hilum/report/annotation_painter.h"

#include <QFontMetricsF>
#include <QPainter>
#include <QPainterPath>

#include <cmath>

namespace hilum::report {
namespace {

const QColor kShape(80, 220, 120);
const QColor kDraft(120, 200, 255);
const QColor kHeart(240, 110, 90);

void arrowHead(QPainter& painter, QPointF tail, QPointF head) {
  const QPointF d = head - tail;
  const double length = std::hypot(d.x(), d.y());
  if (length < 1e-6) return;
  const QPointF u = d / length, n(-u.y(), u.x());
  const double size = 12.0;
  QPainterPath path;
  path.moveTo(head);
  path.lineTo(head - u * size + n * size * 0.45);
  path.lineTo(head - u * size - n * size * 0.45);
  path.closeSubpath();
  painter.fillPath(path, painter.pen().color());
}

}  // namespace

void paintLabel(QPainter& painter, QPointF at, const QString& text, const QColor& colour) {
  if (text.isEmpty()) return;
  const QFontMetricsF metrics(painter.font());
  QRectF box = metrics.boundingRect(QRectF(at, QSizeF(600, 200)), Qt::AlignLeft | Qt::AlignTop, text).adjusted(-3, -1, 3, 1);
  // Keep the label on the picture: a measurement at the film's edge must still be readable.
  const QRectF visible = painter.transform().inverted().mapRect(QRectF(painter.viewport()));
  if (box.right() > visible.right()) box.moveRight(visible.right());
  if (box.bottom() > visible.bottom()) box.moveBottom(visible.bottom());
  if (box.left() < visible.left()) box.moveLeft(visible.left());
  if (box.top() < visible.top()) box.moveTop(visible.top());
  painter.fillRect(box, QColor(0, 0, 0, 150));
  painter.setPen(colour);
  painter.drawText(box.adjusted(3, 1, -3, -1), Qt::AlignLeft | Qt::AlignTop, text);
}

void paintAnnotation(QPainter& painter, const measure::Annotation& a, const QString& label, const FilmToDevice& map,
                     bool draft) {
  using measure::Kind;
  const QColor colour = draft ? kDraft : kShape;
  painter.save();
  painter.setRenderHint(QPainter::Antialiasing);
  painter.setPen(QPen(colour, 2));
  painter.setBrush(Qt::NoBrush);
  std::vector<QPointF> p;
  for (const auto& point : a.points) p.push_back(map(point));
  QPointF labelAt = p.empty() ? QPointF() : p.back() + QPointF(8, 4);
  switch (a.kind) {
    case Kind::Distance:
      painter.drawLine(p[0], p[1]);
      for (const auto& q : p) painter.drawEllipse(q, 3, 3);
      break;
    case Kind::Angle:
      painter.drawLine(p[0], p[1]);
      if (p.size() > 2) painter.drawLine(p[1], p[2]);
      labelAt = p[1] + QPointF(10, 6);
      break;
    case Kind::Rectangle:
    case Kind::Ellipse: {
      // Rotation is a multiple of 90 degrees, so the mapped box is still axis-aligned.
      const QRectF box = QRectF(p[0], p[1]).normalized();
      if (a.kind == Kind::Rectangle) painter.drawRect(box);
      else painter.drawEllipse(box);
      labelAt = box.bottomLeft() + QPointF(0, 4);
      break;
    }
    case Kind::Arrow:
      painter.drawLine(p[0], p[1]);
      arrowHead(painter, p[0], p[1]);
      labelAt = p[0] + QPointF(6, 4);
      break;
    case Kind::CardiothoracicRatio:
      painter.setPen(QPen(kHeart, 2));
      painter.drawLine(p[0], p[1]);
      for (int i = 0; i < 2; ++i) painter.drawLine(p[i] + QPointF(0, -6), p[i] + QPointF(0, 6));
      painter.setPen(QPen(colour, 2));
      if (p.size() == 4) {
        painter.drawLine(p[2], p[3]);
        for (int i = 2; i < 4; ++i) painter.drawLine(p[i] + QPointF(0, -6), p[i] + QPointF(0, 6));
      }
      break;
  }
  QString text = label;
  if (a.kind == Kind::Arrow) text = QString::fromStdString(a.text);  // its length says nothing
  paintLabel(painter, labelAt, text, colour);
  painter.restore();
}

}  // namespace hilum::report
