// The UI language: chosen from the setting or the system locale, the compiled-in translation
// installed, and finding names shown from the pack's manifest in that language.
#include "ui_support.h"

#include "hilum/ai/findings.h"
#include "hilum/report/localized.h"
#include "hilum/ui/findings_panel.h"
#include "hilum/ui/language.h"
#include "hilum/ui/viewer_settings.h"

#include <catch2/catch.hpp>

#include <QApplication>
#include <QComboBox>
#include <QLabel>
#include <QTranslator>
#include <QTreeWidget>

using namespace hilum;

namespace {

// Takes out whatever installTranslators put in, so later cases see English again.
struct TranslatorsRemoved {
  ~TranslatorsRemoved() {
    for (QTranslator* t : qApp->findChildren<QTranslator*>(Qt::FindDirectChildrenOnly)) {
      QCoreApplication::removeTranslator(t);
      delete t;
    }
  }
};

ai::Findings effusion() {
  ai::Findings f;
  f.model = {"nih14", "0.1.0", "00"};
  f.labels = {{"Effusion", "", {{"de", "Pleuraerguss"}, {"fr", "Épanchement pleural"}}}, {"Pleural_Thickening", "", {}}};
  f.ranked = {{"Effusion", "", 0.8, 0.5, true, {}, {}}, {"Pleural_Thickening", "", 0.1, 0.5, false, {}, {}}};
  return f;
}

}  // namespace

TEST_CASE("the language comes from the setting, else the system locale, else English", "[ui][language]") {
  CHECK(ui::chooseLanguage("fr", QLocale(QLocale::German, QLocale::Germany)) == "fr");
  CHECK(ui::chooseLanguage("en", QLocale(QLocale::German, QLocale::Germany)) == "en");
  CHECK(ui::chooseLanguage("", QLocale(QLocale::German, QLocale::Austria)) == "de");
  CHECK(ui::chooseLanguage("", QLocale(QLocale::French, QLocale::Canada)) == "fr");
  CHECK(ui::chooseLanguage("", QLocale(QLocale::Japanese, QLocale::Japan)) == "en");
  CHECK(ui::chooseLanguage("xx", QLocale(QLocale::English, QLocale::UnitedStates)) == "en");  // a stale setting
  CHECK(ui::languageName("de") == "Deutsch");
  CHECK(ui::languageName("fr") == QString::fromUtf8("Français"));
}

TEST_CASE("the German translation is compiled in and names findings as the pack says", "[ui][language]") {
  const ai::Findings findings = effusion();
  CHECK(report::uiLanguage() == "en");
  CHECK(report::findingName(findings, "Pleural_Thickening") == "Pleural thickening");
  {
    TranslatorsRemoved cleanup;
    REQUIRE(ui::installTranslators(*qApp, "de"));
    CHECK(report::uiLanguage() == "de");
    CHECK(report::disclaimer() == QString::fromUtf8("Nur Entscheidungsunterstützung, keine Diagnose."));
    CHECK(report::spacingSourceName(film::SpacingSource::Detector) == "Detektor");

    ui::FindingsPanel panel;
    panel.showFindings(std::make_shared<const ai::Findings>(findings));
    auto* list = panel.findChild<QTreeWidget*>();
    REQUIRE(list);
    REQUIRE(list->topLevelItemCount() == 2);
    CHECK(list->topLevelItem(0)->text(0) == "Pleuraerguss");
    CHECK(list->topLevelItem(1)->text(0) == "Pleural thickening");  // the pack gives no German: English
    CHECK(list->headerItem()->text(0) == "Befund");
    CHECK(panel.findChild<QLabel*>("disclaimer")->text().contains("Entscheidungsunterstützung"));
    test::snapshot(&panel, "findings_de");

    ui::ViewerSettings settings;
    settings.language = "fr";
    ui::SettingsDialog dialog(settings);
    auto* language = dialog.findChild<QComboBox*>("language");
    REQUIRE(language);
    CHECK(language->count() == 4);  // System, English, Deutsch, Français
    CHECK(language->currentText() == QString::fromUtf8("Français"));
    CHECK(dialog.windowTitle() == "Einstellungen");
    CHECK(dialog.settings().language == "fr");
    language->setCurrentIndex(0);
    CHECK(dialog.settings().language.isEmpty());  // the system's
    test::snapshot(&dialog, "settings_de");
  }
  {
    TranslatorsRemoved cleanup;
    REQUIRE(ui::installTranslators(*qApp, "fr"));
    CHECK(report::findingName(findings, "Effusion") == QString::fromUtf8("Épanchement pleural"));
  }
  CHECK(report::uiLanguage() == "en");
  CHECK(report::findingName(findings, "Effusion") == "Effusion");  // the code, for English
  CHECK_FALSE(ui::installTranslators(*qApp, "xx"));
  CHECK(ui::installTranslators(*qApp, "en"));  // English needs none
}
