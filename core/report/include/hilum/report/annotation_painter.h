#pragma once
// Draws annotations with their measurement text. Geometry comes through `map` (film point ->
// paint device point) so the same code draws into a rotated, zoomed view and into an exported
// picture; text is always upright and legible over bone or air.
#include "hilum/measure/annotation.h"

#include <QColor>
#include <QPointF>
#include <QString>

#include <functional>

class QPainter;

namespace hilum::report {

using FilmToDevice = std::function<QPointF(const measure::Point&)>;

// `label` is the measurement's text (empty while drawing a shape that measures nothing yet).
void paintAnnotation(QPainter& painter, const measure::Annotation& annotation, const QString& label,
                     const FilmToDevice& map, bool draft = false);

// Text with a translucent dark backing, anchored with its top-left at `at`.
void paintLabel(QPainter& painter, QPointF at, const QString& text, const QColor& colour);

}  // namespace hilum::report
