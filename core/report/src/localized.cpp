#include "hilum/report/localized.h"

#include <QCoreApplication>

namespace hilum::report {
namespace {

// lupdate reads literals only: contexts are spelled out at each call, and kDisclaimer is spelled out
// here and held equal to it at compile time.
constexpr const char* kDisclaimerSource = QT_TRANSLATE_NOOP("hilum::ai::Findings", "Decision support only, not a diagnosis.");

constexpr bool same(const char* a, const char* b) { return *a == *b && (*a == '\0' || same(a + 1, b + 1)); }
static_assert(same(kDisclaimerSource, ai::Findings::kDisclaimer), "update the literal above with kDisclaimer");

}  // namespace

QString uiLanguage() {
  // Each .ts translates this to its own language code, so the finding names always match the
  // language the rest of the text is shown in, whatever picked the translation.
  //: The ISO 639-1 code of the language of this translation (de, fr). Finding names are looked up with it.
  return QCoreApplication::translate("hilum::report", "en", "language code");
}

QString disclaimer() {
  return QCoreApplication::translate("hilum::ai::Findings", kDisclaimerSource);
}

QString findingName(const ai::Findings& findings, const std::string& label) {
  return QString::fromStdString(findings.displayName(label, uiLanguage().toStdString()));
}

QString spacingSourceName(film::SpacingSource source) {
  switch (source) {
    case film::SpacingSource::Detector: return QCoreApplication::translate("hilum::report", "detector", "pixel spacing source");
    case film::SpacingSource::Calibrated: return QCoreApplication::translate("hilum::report", "calibrated", "pixel spacing source");
    case film::SpacingSource::Estimated: return QCoreApplication::translate("hilum::report", "estimated", "pixel spacing source");
    case film::SpacingSource::Unknown: break;
  }
  return QCoreApplication::translate("hilum::report", "unknown", "pixel spacing source");
}

QString describeMeasurement(const measure::Measurement& m) {
  auto length = [](double px, const std::optional<double>& mm) {
    return mm ? QCoreApplication::translate("hilum::report", "%1 mm").arg(*mm, 0, 'f', 1) : QCoreApplication::translate("hilum::report", "%1 px").arg(px, 0, 'f', 0);
  };
  QString source = QCoreApplication::translate("hilum::report", " (no spacing)");
  for (auto s : {film::SpacingSource::Detector, film::SpacingSource::Calibrated, film::SpacingSource::Estimated})
    if (m.spacingSource == film::toString(s)) source = QStringLiteral(" (%1)").arg(spacingSourceName(s));
  switch (m.kind) {
    case measure::Kind::Distance:
    case measure::Kind::Arrow: return length(m.lengthPx, m.lengthMm) + source;
    case measure::Kind::Angle: return QCoreApplication::translate("hilum::report", "%1 deg").arg(m.angleDegrees, 0, 'f', 1);
    case measure::Kind::Rectangle:
    case measure::Kind::Ellipse: {
      if (m.region.pixels == 0) return QCoreApplication::translate("hilum::report", "no pixels");
      const QString unit = m.unit.empty() ? QString() : QStringLiteral(" ") + QString::fromStdString(m.unit);
      const QString area = m.areaMm2 ? QCoreApplication::translate("hilum::report", "%1 mm2").arg(*m.areaMm2, 0, 'f', 1) : QCoreApplication::translate("hilum::report", "%1 px2").arg(m.areaPx, 0, 'f', 0);
      return QCoreApplication::translate("hilum::report", "mean %1%2 SD %3, %4%5, %6 px")
          .arg(m.region.mean, 0, 'f', 1)
          .arg(unit)
          .arg(m.region.sd, 0, 'f', 1)
          .arg(area, source)
          .arg(static_cast<double>(m.region.pixels), 0, 'f', 0);
    }
    case measure::Kind::CardiothoracicRatio:
      if (!m.ratio) return QCoreApplication::translate("hilum::report", "CTR: draw the thoracic width");
      return QCoreApplication::translate("hilum::report", "CTR %1 (heart %2 / thorax %3)")
          .arg(*m.ratio, 0, 'f', 2)
          .arg(length(m.heartPx, m.heartMm), length(m.lengthPx, m.lengthMm));
  }
  return {};
}

}  // namespace hilum::report
