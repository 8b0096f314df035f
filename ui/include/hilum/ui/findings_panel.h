#pragma once
// The AI panel beside the film: which model spoke (name, version, device), the standing note that
// this is decision support and not a diagnosis, the ranked findings with probability bars and
// operating-point ticks (positives highlighted), and the heatmap controls. Clicking a finding shows
// its heatmap over the film.
#include "hilum/ai/findings.h"
#include "hilum/ai/heatmap_image.h"
#include "hilum/report/heatmap_layer.h"

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

using report::HeatmapMode;
using report::HeatmapStyle;

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
  void setStyle(const HeatmapStyle& style);
  void cycleMode();  // heatmap -> contour -> off
  QTreeWidget* list() const { return m_list; }
  // Quiz (teaching): findings and heatmaps stay hidden until revealed, so a class reads the film first.
  void setQuiz(bool on);
  bool hidden() const { return m_quiz && !m_revealed; }
  void reveal();

Q_SIGNALS:
  void heatmapChanged();  // selection or style: the view should redraw its overlay
  void cancelRequested();

private:
  QLabel* m_model = nullptr;
  QLabel* m_disclaimer = nullptr;
  QLabel* m_status = nullptr;
  QLabel* m_warnings = nullptr;  // gate reasons (red) and quality warnings (amber)
  QProgressBar* m_progress = nullptr;
  QPushButton* m_cancel = nullptr;
  QTreeWidget* m_list = nullptr;
  QComboBox* m_mode = nullptr;
  QCheckBox* m_allPositives = nullptr;
  QPushButton* m_reveal = nullptr;
  bool m_quiz = false;
  bool m_revealed = false;
  QSlider* m_opacity = nullptr;
  QComboBox* m_colorMap = nullptr;
  QSlider* m_floor = nullptr;
  std::shared_ptr<const ai::Findings> m_findings;
};

}  // namespace hilum::ui
