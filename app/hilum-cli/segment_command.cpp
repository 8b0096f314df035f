#include "arguments.h"
#include "cli.h"
#include "commands_p.h"
#include "gui_session.h"

#include "hilum/ai/lung_segmenter.h"
#include "hilum/ai/model_packs.h"
#include "hilum/film/loader.h"
#include "hilum/report/film_picture.h"

#include <nlohmann/json.hpp>

#include <QPainter>
#include <QPainterPath>

#include <algorithm>
#include <ostream>

namespace hilum::cli {
namespace {

const char* const kSynopsis = "segment FILM... [--model PACK] [--png OUT.png] [--max-size PX] [--outline]";

// The outline's colour on a gray film: a saturated cyan stays visible over both lung and bone.
const QColor kOutlineColor(0, 220, 255);

nlohmann::json segmentationJson(const std::string& path, const ai::Segmentation& s, bool outline) {
  nlohmann::json j = {{"film", path}, {"model", s.model}, {"structure", s.structure}, {"columns", s.columns}, {"rows", s.rows},
                      {"regions", s.outlines.size()}, {"area_fraction", s.areaFraction}};
  if (s.boundingBox.empty()) j["bounding_box"] = nullptr;
  else j["bounding_box"] = {{"x", s.boundingBox.x}, {"y", s.boundingBox.y}, {"width", s.boundingBox.width}, {"height", s.boundingBox.height}};
  if (outline) {
    nlohmann::json polygons = nlohmann::json::array();
    for (const auto& polygon : s.outlines) {
      nlohmann::json points = nlohmann::json::array();
      for (const auto& p : polygon) points.push_back({p.x, p.y});
      polygons.push_back(points);
    }
    j["outlines"] = polygons;
  }
  return j;
}

// The film as the viewer shows it, the outlines and the bounding box over it, and a caption naming
// the pack.
Status writeOverlay(const film::Film& film, const ai::Segmentation& s, int maxSizePx, const std::string& path) {
  ensureGuiApplication();  // QPainter's caption text needs fonts
  report::PictureRequest request;
  request.film = &film;
  request.maxSizePx = maxSizePx;
  auto picture = report::renderPicture(request);
  if (!picture.ok()) return picture.error();
  QImage image = picture.value();
  const double scale = static_cast<double>(image.width()) / film.columns();
  QPainter painter(&image);
  painter.setRenderHint(QPainter::Antialiasing);
  const double width = std::max(1.5, image.width() / 300.0);
  painter.setPen(QPen(kOutlineColor, width));
  for (const auto& polygon : s.outlines) {
    QPolygonF shape;
    for (const auto& p : polygon) shape << QPointF(p.x * scale, p.y * scale);
    painter.drawPolygon(shape);
  }
  if (!s.boundingBox.empty()) {
    painter.setPen(QPen(kOutlineColor, width / 2, Qt::DashLine));
    painter.drawRect(QRectF(s.boundingBox.x * scale, s.boundingBox.y * scale, s.boundingBox.width * scale, s.boundingBox.height * scale));
  }
  const QString caption = QString::fromStdString(s.model) + QStringLiteral(" \u2014 lung outline (model output, not a measurement)");
  QFont font = painter.font();
  font.setPixelSize(std::max(10, image.height() / 45));
  painter.setFont(font);
  const QRectF band(0, image.height() - font.pixelSize() * 1.6, image.width(), font.pixelSize() * 1.6);
  painter.fillRect(band, QColor(0, 0, 0, 170));
  painter.setPen(Qt::white);
  painter.drawText(band.adjusted(font.pixelSize() * 0.4, 0, 0, 0), Qt::AlignVCenter | Qt::AlignLeft, caption);
  painter.end();
  return report::writePng(image, path);
}

}  // namespace

int segmentCommand(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  std::string problem;
  const auto parsed = Arguments::parse(args, {"--model", "--png", "--max-size"}, {"--outline"}, problem);
  if (!parsed) return usageError(err, problem, kSynopsis);
  if (parsed->positional().empty()) return usageError(err, "segment needs a FILM", kSynopsis);
  const auto png = parsed->value("--png");
  if (png && parsed->positional().size() != 1) return usageError(err, "--png takes one FILM", kSynopsis);
  const auto maxSize = parsed->intAtLeast("--max-size", 64, 1024);
  if (!maxSize) return usageError(err, "--max-size needs a number of pixels from 64", kSynopsis);
  std::string pack;
  if (const auto model = parsed->value("--model")) {
    pack = *model;
  } else {
    auto found = ai::defaultLungPack();
    if (!found.ok()) return reportError(err, found.error());
    pack = found.value();
  }
  auto segmenter = ai::LungSegmenter::open(pack);
  if (!segmenter.ok()) return reportError(err, segmenter.error());

  nlohmann::json results = nlohmann::json::array();
  int status = kExitOk;
  for (const auto& path : parsed->positional()) {
    auto film = film::loadFilm(path);
    if (!film.ok()) {
      status = reportError(err, film.error());
      continue;
    }
    auto segmentation = segmenter.value()->segment(film.value());
    if (!segmentation.ok()) {
      status = reportError(err, segmentation.error());
      continue;
    }
    if (png)
      if (Status s = writeOverlay(film.value(), segmentation.value(), *maxSize, *png); !s.ok()) return reportError(err, s.error());
    results.push_back(segmentationJson(path, segmentation.value(), parsed->has("--outline")));
  }
  out << (parsed->positional().size() == 1 && !results.empty() ? results.front() : results).dump(2) << "\n";
  return status;
}

}  // namespace hilum::cli
