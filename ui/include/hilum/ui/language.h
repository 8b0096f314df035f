#pragma once
// The UI language: the system locale's (QLocale::system(), which reads LANGUAGE, LC_ALL, LC_MESSAGES
// and LANG) unless the user picked one in Settings. Applied at start-up, before any window exists:
// a change takes effect on the next start. Translations are compiled in (:/i18n/hilum_<code>.qm).
#include <QLocale>
#include <QString>
#include <QStringList>

class QCoreApplication;

namespace hilum::ui {

// ISO 639-1 codes with a Hilum translation besides English: {"de", "fr"}.
QStringList translatedLanguages();
// The language's own name for itself ("Deutsch", "Français"; "English").
QString languageName(const QString& code);
// The language to show: `setting` ("en", "de", "fr"; empty for the system's) when Hilum has it, else
// the first of the system's UI languages Hilum has, else "en".
QString chooseLanguage(const QString& setting, const QLocale& system);
// Installs Hilum's translation for `code` and, when the system has it, Qt's own (qtbase_<code>.qm from
// QLibraryInfo's translations path; optional, Debian's qt6-translations-l10n). Returns false when
// Hilum's translation could not be loaded ("en" needs none and returns true). Call once, on the GUI thread.
bool installTranslators(QCoreApplication& app, const QString& code);

}  // namespace hilum::ui
