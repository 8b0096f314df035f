#pragma once
// The user's preferences, kept in QSettings, and the dialog that edits them.
#include "hilum/ui/findings_panel.h"

#include <QDialog>
#include <QString>

class QCheckBox;
class QComboBox;
class QLineEdit;
class QSlider;

namespace hilum::ui {

struct ViewerSettings {
  bool analyseOnOpen = true;
  HeatmapStyle heatmap;
  bool linkViews = true;
  bool overlays = true;
  bool quizInTeaching = true;  // teaching mode hides findings until revealed
  QString userModelFolder;     // packs here are listed beside the shipped ones
  QString language;            // "en", "de", "fr"; empty: the system's (language.h), read at start-up

  static ViewerSettings load();
  void save() const;
};

class SettingsDialog : public QDialog {
  Q_OBJECT
public:
  SettingsDialog(const ViewerSettings& settings, QWidget* parent = nullptr);
  ViewerSettings settings() const;

private:
  ViewerSettings m_settings;
  QCheckBox* m_analyse = nullptr;
  QComboBox* m_mode = nullptr;
  QComboBox* m_colorMap = nullptr;
  QSlider* m_opacity = nullptr;
  QSlider* m_floor = nullptr;
  QCheckBox* m_link = nullptr;
  QCheckBox* m_overlays = nullptr;
  QCheckBox* m_quiz = nullptr;
  QLineEdit* m_models = nullptr;
  QComboBox* m_language = nullptr;
};

}  // namespace hilum::ui
