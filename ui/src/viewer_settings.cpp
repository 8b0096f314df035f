#include "hilum/ui/viewer_settings.h"

#include "hilum/ui/language.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSlider>

#include <algorithm>

namespace hilum::ui {

ViewerSettings ViewerSettings::load() {
  QSettings s;
  ViewerSettings v;
  v.analyseOnOpen = s.value("ai/analyseOnOpen", v.analyseOnOpen).toBool();
  v.heatmap.mode = static_cast<HeatmapMode>(std::clamp(s.value("heatmap/mode", 0).toInt(), 0, 2));
  v.heatmap.colorMap = static_cast<ai::ColorMap>(std::clamp(s.value("heatmap/colorMap", 0).toInt(), 0, 2));
  v.heatmap.opacity = std::clamp(s.value("heatmap/opacity", v.heatmap.opacity).toDouble(), 0.0, 1.0);
  v.heatmap.floor = std::clamp(s.value("heatmap/floor", v.heatmap.floor).toDouble(), 0.0, 0.9);
  v.linkViews = s.value("view/link", v.linkViews).toBool();
  v.overlays = s.value("view/overlays", v.overlays).toBool();
  v.quizInTeaching = s.value("teaching/quiz", v.quizInTeaching).toBool();
  v.userModelFolder = s.value("ai/userModelFolder").toString();
  v.language = s.value("ui/language").toString();
  return v;
}

void ViewerSettings::save() const {
  QSettings s;
  s.setValue("ai/analyseOnOpen", analyseOnOpen);
  s.setValue("heatmap/mode", static_cast<int>(heatmap.mode));
  s.setValue("heatmap/colorMap", static_cast<int>(heatmap.colorMap));
  s.setValue("heatmap/opacity", heatmap.opacity);
  s.setValue("heatmap/floor", heatmap.floor);
  s.setValue("view/link", linkViews);
  s.setValue("view/overlays", overlays);
  s.setValue("teaching/quiz", quizInTeaching);
  s.setValue("ai/userModelFolder", userModelFolder);
  s.setValue("ui/language", language);
}

SettingsDialog::SettingsDialog(const ViewerSettings& settings, QWidget* parent) : QDialog(parent), m_settings(settings) {
  setWindowTitle(tr("Settings"));
  auto* form = new QFormLayout(this);
  m_analyse = new QCheckBox(tr("Analyse each film when it opens"), this);
  m_analyse->setChecked(settings.analyseOnOpen);
  m_mode = new QComboBox(this);
  m_mode->addItems({tr("Heatmap"), tr("Contour"), tr("Off")});
  m_mode->setCurrentIndex(static_cast<int>(settings.heatmap.mode));
  m_colorMap = new QComboBox(this);
  for (auto map : {ai::ColorMap::Inferno, ai::ColorMap::Jet, ai::ColorMap::Viridis}) m_colorMap->addItem(ai::toString(map));
  m_colorMap->setCurrentIndex(static_cast<int>(settings.heatmap.colorMap));
  m_opacity = new QSlider(Qt::Horizontal, this);
  m_opacity->setRange(0, 100);
  m_opacity->setValue(static_cast<int>(settings.heatmap.opacity * 100));
  m_floor = new QSlider(Qt::Horizontal, this);
  m_floor->setRange(0, 90);
  m_floor->setValue(static_cast<int>(settings.heatmap.floor * 100));
  m_link = new QCheckBox(tr("Link zoom, pan and window across views"), this);
  m_link->setChecked(settings.linkViews);
  m_overlays = new QCheckBox(tr("Show corner overlays"), this);
  m_overlays->setChecked(settings.overlays);
  m_quiz = new QCheckBox(tr("Teaching mode hides findings until revealed"), this);
  m_quiz->setChecked(settings.quizInTeaching);
  m_models = new QLineEdit(settings.userModelFolder, this);
  m_models->setPlaceholderText(tr("A folder with one sub-folder per model pack"));
  auto* browse = new QPushButton(tr("Browse..."), this);
  connect(browse, &QPushButton::clicked, this, [this] {
    const QString dir = QFileDialog::getExistingDirectory(this, tr("Model pack folder"), m_models->text());
    if (!dir.isEmpty()) m_models->setText(dir);
  });
  m_language = new QComboBox(this);
  m_language->setObjectName("language");
  m_language->addItem(tr("System (%1)").arg(languageName(chooseLanguage({}, QLocale::system()))), QString());
  for (const QString& code : QStringList{QStringLiteral("en")} + translatedLanguages()) m_language->addItem(languageName(code), code);
  m_language->setCurrentIndex(std::max(0, m_language->findData(settings.language)));
  auto* languageNote = new QLabel(tr("A new language applies when Hilum next starts."), this);
  languageNote->setWordWrap(true);
  auto* models = new QHBoxLayout;
  models->addWidget(m_models, 1);
  models->addWidget(browse);

  form->addRow(m_analyse);
  form->addRow(tr("Heatmap display"), m_mode);
  form->addRow(tr("Colour map"), m_colorMap);
  form->addRow(tr("Heatmap opacity"), m_opacity);
  form->addRow(tr("Hide activation below"), m_floor);
  form->addRow(m_link);
  form->addRow(m_overlays);
  form->addRow(m_quiz);
  form->addRow(tr("Your model packs"), models);
  form->addRow(tr("Language"), m_language);
  form->addRow(languageNote);
  auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
  connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
  connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
  form->addRow(buttons);
}

ViewerSettings SettingsDialog::settings() const {
  ViewerSettings v = m_settings;
  v.analyseOnOpen = m_analyse->isChecked();
  v.heatmap.mode = static_cast<HeatmapMode>(m_mode->currentIndex());
  v.heatmap.colorMap = static_cast<ai::ColorMap>(m_colorMap->currentIndex());
  v.heatmap.opacity = m_opacity->value() / 100.0;
  v.heatmap.floor = m_floor->value() / 100.0;
  v.linkViews = m_link->isChecked();
  v.overlays = m_overlays->isChecked();
  v.quizInTeaching = m_quiz->isChecked();
  v.userModelFolder = m_models->text().trimmed();
  v.language = m_language->currentData().toString();
  return v;
}

}  // namespace hilum::ui
