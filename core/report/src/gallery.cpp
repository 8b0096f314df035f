#include "hilum/report/gallery.h"

#include "hilum/film/loader.h"
#include "hilum/report/film_picture.h"

#include <QFont>
#include <QFontMetrics>
#include <QObject>
#include <QPainter>

#include <algorithm>
#include <filesystem>
#include <iterator>
#include <map>
#include <set>

namespace hilum::report {
namespace {

const QColor kCorrect(60, 170, 90), kMistaken(215, 60, 50);

QString joined(const std::vector<std::string>& names, const QString& none) {
  if (names.empty()) return none;
  QStringList out;
  for (const auto& n : names) out << QString::fromStdString(n);
  return out.join(", ");
}

// The caption band under the picture: file name, truth, prediction with the top probability.
void drawCaption(QPainter& p, const QRect& band, const GalleryCase& c) {
  p.fillRect(band, QColor(24, 24, 24));
  p.fillRect(QRect(band.left(), band.top(), 6, band.height()), c.mistaken ? kMistaken : kCorrect);
  QFont font = p.font();
  font.setPixelSize(std::max(9, band.height() / 4 - 2));
  p.setFont(font);
  const QFontMetrics metrics(font);
  const int x = band.left() + 10, width = band.width() - 14, line = band.height() / 3;
  auto text = [&](int row, const QString& s, const QColor& colour) {
    p.setPen(colour);
    p.drawText(QRect(x, band.top() + row * line, width, line), Qt::AlignVCenter | Qt::AlignLeft,
               metrics.elidedText(s, Qt::ElideRight, width));
  };
  text(0, QString::fromStdString(std::filesystem::path(c.image).filename().string()), QColor(170, 170, 170));
  text(1, QObject::tr("truth: %1").arg(joined(c.truth, QObject::tr("no finding"))), Qt::white);
  const QColor red(255, 140, 130), green(150, 230, 160), amber(240, 200, 120);
  if (!c.missed.empty()) {
    text(2, QObject::tr("missed: %1").arg(joined(c.missed, {})), red);
  } else if (!c.extra.empty()) {
    text(2, QObject::tr("also called: %1").arg(joined(c.extra, {})), amber);
  } else {
    text(2, QObject::tr("model: %1 (%2 %)").arg(joined(c.predicted, QObject::tr("no finding"))).arg(c.confidence * 100.0, 0, 'f', 0),
         c.mistaken ? red : green);
  }
}

}  // namespace

Result<GalleryCase> galleryCase(ai::Analyzer& analyzer, const std::string& image, const std::vector<std::string>& truth,
                                int tilePx, const std::atomic<bool>* cancel) {
  auto film = film::loadFilm(image);
  if (!film.ok()) return film.error();
  ai::AnalyzeOptions options;
  options.cancel = cancel;
  auto findings = analyzer.analyze(film.value(), options);
  if (!findings.ok()) return Error(findings.error().module(), findings.error().code(), findings.error().reason(), image);
  const ai::Findings& f = findings.value();

  GalleryCase c;
  c.image = image;
  c.truth = truth;
  std::sort(c.truth.begin(), c.truth.end());
  int shown = f.ranked.empty() ? -1 : 0;  // the top finding's heatmap
  if (f.task == ai::Task::SingleLabel) {
    if (f.topLabel) c.predicted = {*f.topLabel};
  } else {
    for (const auto& finding : f.ranked)
      if (finding.positive) c.predicted.push_back(finding.label);
  }
  if (!f.ranked.empty()) {
    c.confidence = f.ranked.front().probability;
    c.heatmapLabel = f.ranked.front().label;
  }
  // Only the labels the pack knows can be judged: a truth label outside its set is not its mistake.
  std::set<std::string> known;
  std::map<std::string, double> probability;
  for (const auto& finding : f.ranked) {
    known.insert(finding.label);
    probability[finding.label] = finding.probability;
  }
  std::vector<std::string> judgedTruth;
  for (const auto& t : c.truth)
    if (known.count(t)) judgedTruth.push_back(t);
  std::vector<std::string> predicted = c.predicted;
  std::sort(predicted.begin(), predicted.end());
  if (f.task == ai::Task::SingleLabel) {
    c.mistaken = predicted != judgedTruth;
  } else {
    std::set_difference(judgedTruth.begin(), judgedTruth.end(), predicted.begin(), predicted.end(), std::back_inserter(c.missed));
    std::set_difference(predicted.begin(), predicted.end(), judgedTruth.begin(), judgedTruth.end(), std::back_inserter(c.extra));
    c.mistaken = !c.missed.empty();
    if (c.mistaken) {
      double lowest = 1.0;
      for (const auto& m : c.missed) lowest = std::min(lowest, probability[m]);
      c.confidence = 1.0 - lowest;
    }
  }

  const int captionPx = std::max(36, tilePx / 5);
  PictureRequest request;
  request.film = &film.value();
  request.findings = &f;
  request.selectedFinding = shown;
  request.style.mode = HeatmapMode::Heatmap;
  request.maxSizePx = tilePx - captionPx;
  auto picture = renderPicture(request);
  if (!picture.ok()) return Error(picture.error().module(), picture.error().code(), picture.error().reason(), image);

  c.tile = QImage(tilePx, tilePx, QImage::Format_RGB32);
  c.tile.fill(Qt::black);
  QPainter p(&c.tile);
  p.setRenderHint(QPainter::SmoothPixmapTransform);
  const QImage& pic = picture.value();
  const int area = tilePx - captionPx;
  const QSize fitted = pic.size().scaled(area, area, Qt::KeepAspectRatio);
  p.drawImage(QRect((tilePx - fitted.width()) / 2, (area - fitted.height()) / 2, fitted.width(), fitted.height()), pic);
  drawCaption(p, QRect(0, area, tilePx, captionPx), c);
  return c;
}

bool shownBefore(const GalleryCase& a, const GalleryCase& b) {
  if (a.mistaken != b.mistaken) return a.mistaken;
  return a.mistaken ? a.confidence > b.confidence : a.confidence < b.confidence;
}

void orderGallery(std::vector<GalleryCase>& cases) { std::stable_sort(cases.begin(), cases.end(), shownBefore); }

QImage contactSheet(const std::vector<GalleryCase>& cases, int columns, const QString& title) {
  columns = std::max(1, columns);
  const int tile = cases.empty() ? 256 : cases.front().tile.width();
  const int rows = (static_cast<int>(cases.size()) + columns - 1) / columns;
  const int gap = 6, header = 40;
  QImage sheet(columns * (tile + gap) + gap, header + rows * (tile + gap) + gap, QImage::Format_RGB32);
  sheet.fill(QColor(40, 40, 40));
  QPainter p(&sheet);
  QFont font = p.font();
  font.setPixelSize(16);
  p.setFont(font);
  p.setPen(Qt::white);
  p.drawText(QRect(gap, 0, sheet.width() - 2 * gap, header), Qt::AlignVCenter | Qt::AlignLeft, title);
  for (std::size_t i = 0; i < cases.size(); ++i) {
    const int r = static_cast<int>(i) / columns, c = static_cast<int>(i) % columns;
    p.drawImage(QPoint(gap + c * (tile + gap), header + gap + r * (tile + gap)), cases[i].tile);
  }
  return sheet;
}

}  // namespace hilum::report
