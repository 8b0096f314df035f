#include "hilum/ui/language.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QTranslator>

namespace hilum::ui {

QStringList translatedLanguages() { return {QStringLiteral("de"), QStringLiteral("fr")}; }

QString languageName(const QString& code) {
  if (code == QLatin1String("de")) return QStringLiteral("Deutsch");
  if (code == QLatin1String("fr")) return QStringLiteral("Français");
  return QStringLiteral("English");
}

QString chooseLanguage(const QString& setting, const QLocale& system) {
  const QStringList known = translatedLanguages();
  if (setting == QLatin1String("en") || known.contains(setting)) return setting;
  for (const QString& ui : system.uiLanguages()) {
    const QString code = ui.section(QLatin1Char('-'), 0, 0).section(QLatin1Char('_'), 0, 0).toLower();
    if (code == QLatin1String("en") || known.contains(code)) return code;
  }
  return QStringLiteral("en");
}

bool installTranslators(QCoreApplication& app, const QString& code) {
  if (code == QLatin1String("en")) return true;
  auto* hilum = new QTranslator(&app);
  if (!hilum->load(QStringLiteral(":/i18n/hilum_%1.qm").arg(code))) {
    delete hilum;
    return false;
  }
  QCoreApplication::installTranslator(hilum);
  // Qt's own strings (standard buttons, file dialogs) when the system has them.
  auto* qt = new QTranslator(&app);
  if (qt->load(QLocale(code), QStringLiteral("qtbase"), QStringLiteral("_"), QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
    QCoreApplication::installTranslator(qt);
  else
    delete qt;
  return true;
}

}  // namespace hilum::ui
