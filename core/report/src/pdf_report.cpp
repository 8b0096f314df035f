#include "hilum/report/pdf_report.h"

#include "hilum/measure/measurements.h"
#include "hilum/report/localized.h"

#include <QBuffer>
#include <QFileInfo>
#include <QPageLayout>
#include <QPainter>
#include <QPdfWriter>
#include <QSaveFile>

#include <algorithm>

namespace hilum::report {
namespace {

constexpr int kDpi = 300;
double mm(double millimetres) { return millimetres / 25.4 * kDpi; }

// A4 or Letter at 300 dpi, with 15 mm margins: everything below works in these device pixels.
class Page {
public:
  Page(QPainter& painter, QRectF area) : m_painter(painter), m_area(area), m_y(area.top()) {}
  double y() const { return m_y; }
  double left() const { return m_area.left(); }
  double width() const { return m_area.width(); }
  double remaining() const { return m_area.bottom() - m_y; }
  void skip(double height) { m_y += height; }

  // Text wrapped to the page width; returns its height.
  double text(const QString& text, double points, bool bold = false, const QColor& colour = Qt::black, double indent = 0) {
    QFont font("DejaVu Sans");
    font.setPointSizeF(points);
    font.setBold(bold);
    m_painter.setFont(font);
    m_painter.setPen(colour);
    const QRectF box(left() + indent, m_y, width() - indent, remaining());
    const QRectF used = m_painter.boundingRect(box, Qt::TextWordWrap | Qt::AlignLeft | Qt::AlignTop, text);
    m_painter.drawText(box, Qt::TextWordWrap | Qt::AlignLeft | Qt::AlignTop, text);
    m_y += used.height();
    return used.height();
  }
  void rule() {
    m_painter.setPen(QPen(QColor(120, 120, 120), 2));
    m_painter.drawLine(QPointF(left(), m_y + mm(1)), QPointF(left() + width(), m_y + mm(1)));
    m_y += mm(3);
  }
  QPainter& painter() { return m_painter; }

private:
  QPainter& m_painter;
  QRectF m_area;
  double m_y;
};

QString dicomDate(const std::string& date) { return QString::fromStdString(film::readableDate(date)); }

void patientBlock(Page& page, const film::Film& film, bool anonymise) {
  const auto& m = film.metadata();
  QStringList lines;
  if (anonymise) {
    lines << QObject::tr("Patient: anonymised");
    if (m.burnedInAnnotation != "NO")
      lines << QObject::tr("Note: the film does not state that its pixels are free of printed identity.");
  } else {
    lines << QObject::tr("Patient: %1    ID: %2    Born: %3    Sex: %4")
                 .arg(QString::fromStdString(m.patientName), QString::fromStdString(m.patientId), dicomDate(m.patientBirthDate),
                      QString::fromStdString(m.patientSex));
    lines << QObject::tr("Study: %1 %2    Accession: %3")
                 .arg(dicomDate(m.studyDate), QString::fromStdString(m.studyDescription), QString::fromStdString(m.accessionNumber));
  }
  lines << QObject::tr("Film: %1 %2 %3    %4 x %5 px    spacing: %6")
               .arg(QString::fromStdString(m.modality), QString::fromStdString(m.viewPosition), QString::fromStdString(m.laterality))
               .arg(film.columns())
               .arg(film.rows())
               .arg(film.spacing().known() ? QStringLiteral("%1 mm (%2)").arg(film.spacing().columnMm, 0, 'f', 3).arg(spacingSourceName(film.spacing().source))
                                           : QObject::tr("unknown"));
  if (!anonymise) lines << QObject::tr("File: %1").arg(QFileInfo(QString::fromStdString(film.path())).fileName());
  page.text(lines.join('\n'), 9);
}

void findingsTable(Page& page, const ai::Findings& findings, bool anonymise) {
  QPainter& p = page.painter();
  QFont font("DejaVu Sans");
  font.setPointSizeF(8.5);
  const double row = mm(4.6);
  const double columns[] = {0.0, 0.42, 0.62, 0.82};
  const QStringList header = {QObject::tr("Finding"), QObject::tr("Probability"), QObject::tr("Operating point"), QObject::tr("Result")};
  auto cell = [&](int column, double y, const QString& text, bool bold, const QColor& colour) {
    font.setBold(bold);
    p.setFont(font);
    p.setPen(colour);
    p.drawText(QRectF(page.left() + columns[column] * page.width(), y, page.width() * 0.2, row), Qt::AlignLeft | Qt::AlignVCenter, text);
  };
  double y = page.y();
  p.fillRect(QRectF(page.left(), y, page.width(), row), QColor(225, 225, 225));
  for (int c = 0; c < 4; ++c) cell(c, y, header[c], true, Qt::black);
  y += row;
  for (const auto& f : findings.ranked) {
    if (y + row > page.y() + page.remaining()) break;  // never draw into the footer
    const QColor colour = f.positive ? QColor(150, 60, 0) : Qt::black;
    cell(0, y, findingName(findings, f.label), f.positive, colour);
    cell(1, y, QStringLiteral("%1 %").arg(f.probability * 100.0, 0, 'f', 1), f.positive, colour);
    cell(2, y, QStringLiteral("%1 %").arg(f.threshold * 100.0, 0, 'f', 1), false, Qt::black);
    cell(3, y, f.positive ? QObject::tr("above") : QObject::tr("below"), f.positive, colour);
    y += row;
  }
  page.skip(y - page.y() + mm(1));
  page.text(QObject::tr("Model %1 %2 on %3; weights sha256 %4")
                .arg(QString::fromStdString(findings.model.name), QString::fromStdString(findings.model.version),
                     QString::fromStdString(findings.device), QString::fromStdString(findings.model.sha256)),
            7, false, QColor(70, 70, 70));
  if (!findings.covariates.empty())
    page.text(QObject::tr("Patient covariates given to the model beside the film: %1")
                  .arg(QString::fromStdString(findings.covariatesForReport(anonymise))),
              7.5, false, findings.unknownCovariates.empty() ? QColor(70, 70, 70) : QColor(150, 90, 0));
  if (!findings.fieldOfView.empty())
    page.text(QObject::tr("The model looked at: %1").arg(QString::fromStdString(findings.fieldOfView)), 7.5, false,
              QColor(70, 70, 70));
  if (findings.oodScore && findings.oodThreshold)
    page.text(QObject::tr("Out-of-distribution score %1 (threshold %2): %3")
                  .arg(*findings.oodScore, 0, 'f', 1)
                  .arg(*findings.oodThreshold, 0, 'f', 1)
                  .arg(findings.outOfDistribution() ? QObject::tr("unlike the model's training films")
                                                    : QObject::tr("like the model's training films")),
              7.5, findings.outOfDistribution(), findings.outOfDistribution() ? QColor(150, 90, 0) : QColor(70, 70, 70));
  for (const auto& reason : findings.gateReasons)
    page.text(QObject::tr("Outside the model's training data: %1. Analysed on explicit request; treat with suspicion.")
                  .arg(QString::fromStdString(reason)),
              8, true, QColor(170, 30, 20));
  for (const auto& warning : findings.qualityWarnings)
    page.text(QObject::tr("Image quality: %1").arg(QString::fromStdString(warning)), 8, false, QColor(150, 90, 0));
}

void footer(QPainter& painter, const QRectF& pageRect, const ReportRequest& request, int page, int pages) {
  QFont font("DejaVu Sans");
  font.setPointSizeF(7.5);
  painter.setFont(font);
  painter.setPen(QColor(90, 90, 90));
  const QRectF box(pageRect.left(), pageRect.bottom() - mm(8), pageRect.width(), mm(8));
  painter.drawText(box, Qt::AlignLeft | Qt::AlignBottom,
                   QObject::tr("%1, %2. %3").arg(request.software, request.created.toString(Qt::ISODate), disclaimer()));
  painter.drawText(box, Qt::AlignRight | Qt::AlignBottom, QObject::tr("Page %1 of %2").arg(page).arg(pages));
}

}  // namespace

PictureRequest pictureOf(const ReportFilm& film, int maxSizePx, bool burnInCaption) {
  PictureRequest picture;
  picture.film = film.film.get();
  picture.display = film.display;
  picture.findings = film.findings.get();
  picture.selectedFinding = film.selectedFinding;
  picture.style = film.style;
  picture.annotations = film.annotations;
  picture.maxSizePx = maxSizePx;
  picture.burnInCaption = burnInCaption;
  return picture;
}

Status writePdfReport(const ReportRequest& request, const std::string& path) {
  if (request.films.empty()) return Error(Module::Report, ErrorCode::InvalidArgument, "a report needs at least one film", path);
  QSaveFile file(QString::fromStdString(path));
  if (!file.open(QIODevice::WriteOnly))
    return Error(Module::Report, ErrorCode::WriteFailed, file.errorString().toStdString(), path);
  {
    QPdfWriter writer(&file);
    writer.setResolution(kDpi);
    writer.setPageSize(request.pageSize == PageSize::Letter ? QPageSize(QPageSize::Letter) : QPageSize(QPageSize::A4));
    writer.setPageMargins(QMarginsF(15, 15, 15, 15), QPageLayout::Millimeter);
    writer.setTitle(QObject::tr("Chest radiograph report"));
    writer.setCreator(request.software);
    QPainter painter(&writer);
    const QRectF pageRect = QRectF(writer.pageLayout().paintRectPixels(kDpi)).translated(-writer.pageLayout().paintRectPixels(kDpi).topLeft());
    const QRectF body = pageRect.adjusted(0, 0, 0, -mm(10));
    const int pages = static_cast<int>(request.films.size());
    for (int i = 0; i < pages; ++i) {
      const ReportFilm& rf = request.films[static_cast<std::size_t>(i)];
      if (i > 0) writer.newPage();
      const bool last = i + 1 == pages;
      Page page(painter, body);
      page.text(request.institution.isEmpty() ? QObject::tr("Chest radiograph report") : request.institution, 14, true);
      if (!request.institution.isEmpty()) page.text(QObject::tr("Chest radiograph report"), 10);
      page.rule();
      patientBlock(page, *rf.film, request.anonymise);
      page.skip(mm(2));

      // The film, as large as the page allows after the table (and, last, the impression).
      const double reserved = mm(rf.findings ? 85 : 20) + (last ? mm(45) : 0) + mm(6 * std::min<std::size_t>(rf.annotations.size(), 6));
      const double pictureHeight = std::max(mm(60), page.remaining() - reserved);
      const auto image = renderPicture(pictureOf(rf, static_cast<int>(std::max(pictureHeight, page.width()))));
      if (!image.ok()) return image.error().withPath(path);
      const QSizeF size = QSizeF(image.value().size()).scaled(QSizeF(page.width(), pictureHeight), Qt::KeepAspectRatio);
      painter.drawImage(QRectF(page.left() + (page.width() - size.width()) / 2, page.y(), size.width(), size.height()), image.value());
      page.skip(size.height() + mm(1.5));
      if (rf.findings) {
        const QString caption = heatmapCaption(*rf.findings, rf.selectedFinding, rf.style);
        page.text(caption.isEmpty() ? QObject::tr("No heatmap shown.")
                                    : caption + QObject::tr(" (where the model looked, not an outline of disease)"),
                  8, false, QColor(70, 70, 70));
        page.skip(mm(2));
        findingsTable(page, *rf.findings, request.anonymise);
      } else {
        page.text(QObject::tr("This film was not analysed."), 9);
      }
      if (!rf.annotations.empty()) {
        page.skip(mm(2));
        page.text(QObject::tr("Measurements"), 9.5, true);
        int n = 0;
        for (const auto& a : rf.annotations) {
          if (page.remaining() < mm(last ? 45 : 6)) break;
          page.text(QStringLiteral("%1. %2: %3%4")
                        .arg(++n)
                        .arg(QString::fromUtf8(measure::toString(a.kind)),
                             describeMeasurement(measure::measure(*rf.film, a)),
                             a.text.empty() ? QString() : QStringLiteral("  \"%1\"").arg(QString::fromStdString(a.text))),
                    8.5, false, Qt::black, mm(3));
        }
      }
      if (last) {
        page.skip(mm(3));
        page.text(QObject::tr("Impression"), 10, true);
        page.text(request.impression.trimmed().isEmpty() ? QObject::tr("(none entered)") : request.impression.trimmed(), 9.5);
        page.skip(mm(3));
        page.text(QObject::tr("The probabilities above come from the named model and are decision support, not a diagnosis. "
                              "They were not verified by the model's makers on this patient; the reading clinician decides."),
                  8.5, true, QColor(150, 60, 0));
      }
      footer(painter, pageRect, request, i + 1, pages);
    }
    painter.end();
  }
  if (!file.commit()) return Error(Module::Report, ErrorCode::WriteFailed, file.errorString().toStdString(), path);
  return Status::success();
}

Status writePicturePng(const ReportFilm& rf, int maxSizePx, const std::string& path) {
  const auto image = renderPicture(pictureOf(rf, maxSizePx, rf.findings != nullptr));
  if (!image.ok()) return image.error().withPath(path);
  return writePng(image.value(), path);
}

}  // namespace hilum::report
