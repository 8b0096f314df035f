#pragma once
// The AI panel beside the film: which model spoke (name, version, device), the standing note that
// this is decision support and not a diagnosis, the ranked findings with probability bars and
// operating-point ticks (positives highlighted), and the heatmap controls. Clicking a finding shows
// its heatmap over the film.
#include "hilum/ai/findings.h"
#include "hilum/ai/heatmap_image.h"

#include <QWidget>

#include <memory>

class QCheckBox;
class QComboBox;
class QLabel;
class QProgressBar;
class QPushButton;
class QSlider;
class QTreeWidget;

namespace hilum::ui {

struct HeatmapStyle {
  bool visible = true;
  double opacity = 0.6;
  ai::ColorMap colorMap = ai::ColorMap::Inferno;
  double floor = 0.2;  // activation below this stays transparent
};

class FindingsPanel : public QWidget {
  Q_OBJECT
public:
  explicit FindingsPanel(QWidget* parent = nullptr);

  void setModelDescription(const QString& text);
  void showRunning();
  void setProgress(double fraction);
  void showFindings(std::shared_ptr<const ai::Findings> findings);
  void showMessage(const QString& text);
  void clear();

  std::shared_ptr<const ai::Findings> findings() const { return m_findings; }
  int selectedFinding() const;  // index into findings()->ranked, -1 for none
  void selectFinding(int index);
  HeatmapStyle style() const;
  QTreeWidget* list() const { return m_list; }

Q_SIGNALS:
  void heatmapChanged();  // selection or style: the view should redraw its overlay
  void cancelRequested();

private:
  QLabel* m_model = nullptr;
  QLabel* m_disclaimer = nullptr;
  QLabel* m_status = nullptr;
  QProgressBar* m_progress = nullptr;
  QPushButton* m_cancel = nullptr;
  QTreeWidget* m_list = nullptr;
  QCheckBox* m_show = nullptr;
  QSlider* m_opacity = nullptr;
  QComboBox* m_colorMap = nullptr;
  QSlider* m_floor = nullptr;
  std::shared_ptr<const ai::Findings> m_findings;
};

}  // namespace hilum::ui
