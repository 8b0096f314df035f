#include "hilum/report/film_picture.h"

#include "hilum/measure/measurements.h"
#include "hilum/report/annotation_painter.h"
#include "hilum/report/localized.h"

#include <QPainter>
#include <QSaveFile>

#include <algorithm>

namespace hilum::report {

QString modelCaption(const ai::Findings& findings, const QString& heatmapCaption) {
  QString text = QString::fromStdString(findings.model.name + " " + findings.model.version);
  if (!heatmapCaption.isEmpty()) text += QStringLiteral(" - ") + heatmapCaption;
  return text + QStringLiteral(" - ") + disclaimer();
}

Result<QImage> renderPicture(const PictureRequest& request) {
  const film::Film& film = *request.film;
  display::RenderOptions options;
  options.maxSizePx = request.maxSizePx;
  const auto gray = display::render(film, request.display, options);
  if (!gray.ok()) return gray.error();
  const auto& g = gray.value();
  QImage picture = QImage(g.pixels.data(), g.width, g.height, g.width, QImage::Format_Grayscale8).convertToFormat(QImage::Format_RGB32);
  const double scale = static_cast<double>(g.width) / film.columns();  // picture pixels per film pixel

  QPainter painter(&picture);
  painter.setRenderHint(QPainter::Antialiasing);
  painter.setRenderHint(QPainter::SmoothPixmapTransform);
  HeatmapLayer layer;
  if (request.findings) {
    layer = heatmapLayer(*request.findings, request.selectedFinding, request.style, std::max(g.width, g.height));
    if (!layer.image.isNull()) painter.drawImage(QRectF(0, 0, g.width, g.height), layer.image);
  }
  // Lines and text are drawn in a 1000-pixel design space so they keep their weight on a
  // 3000-pixel film as on a 1000-pixel one (never thinner than a device pixel on smaller pictures).
  const double unit = std::max(1.0, std::max(g.width, g.height) / 1000.0);
  painter.scale(unit, unit);
  const double toDesign = scale / unit;
  for (const auto& contour : layer.contours) {
    painter.setPen(QPen(contour.colour, 2));
    painter.setBrush(Qt::NoBrush);
    QPointF top(1e9, 1e9);
    for (const auto& polygon : contour.polygons) {
      QPolygonF mapped;
      for (const QPointF& p : polygon) mapped << p * toDesign;
      painter.drawPolygon(mapped);
      if (mapped.boundingRect().top() < top.y()) top = mapped.boundingRect().topLeft();
    }
    if (!contour.polygons.empty()) paintLabel(painter, top + QPointF(2, -20), contour.label, contour.colour);
  }
  const auto map = [toDesign](const measure::Point& p) { return QPointF(p.x * toDesign, p.y * toDesign); };
  for (const auto& a : request.annotations)
    paintAnnotation(painter, a, describeMeasurement(measure::measure(film, a)), map);
  if (request.burnInCaption && request.findings) {
    const QString caption = modelCaption(*request.findings, layer.caption);
    const double designHeight = g.height / unit, designWidth = g.width / unit;
    QFont font = painter.font();
    font.setPixelSize(16);
    painter.setFont(font);
    const QRectF band(0, designHeight - 28, designWidth, 28);
    painter.fillRect(band, QColor(0, 0, 0, 190));
    painter.setPen(QColor(240, 200, 80));
    painter.drawText(band.adjusted(8, 0, -8, 0), Qt::AlignVCenter | Qt::AlignLeft | Qt::TextSingleLine,
                     painter.fontMetrics().elidedText(caption, Qt::ElideRight, static_cast<int>(band.width() - 16)));
  }
  painter.end();
  return picture;
}

Status writePng(const QImage& image, const std::string& path) {
  QSaveFile file(QString::fromStdString(path));
  if (!file.open(QIODevice::WriteOnly) || !image.save(&file, "PNG") || !file.commit())
    return Error(Module::Report, ErrorCode::WriteFailed, file.errorString().toStdString(), path);
  return Status::success();
}

}  // namespace hilum::report
