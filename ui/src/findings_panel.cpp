#include "hilum/ui/findings_panel.h"

#include "hilum/report/localized.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPainter>
#include <QProgressBar>
#include <QPushButton>
#include <QSlider>
#include <QStyledItemDelegate>
#include <QTreeWidget>
#include <QTreeWidgetItemIterator>
#include <QVBoxLayout>

#include <algorithm>

namespace hilum::ui {
namespace {

constexpr int kProbabilityRole = Qt::UserRole + 1;
constexpr int kThresholdRole = Qt::UserRole + 2;
constexpr int kIndexRole = Qt::UserRole + 3;
constexpr int kOutsideRole = Qt::UserRole + 4;  // the film is outside the pack's training data

// A bar for the probability with a tick at the operating point; positives in amber.
class ProbabilityDelegate : public QStyledItemDelegate {
public:
  using QStyledItemDelegate::QStyledItemDelegate;
  void paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const override {
    QStyledItemDelegate::paint(painter, option, QModelIndex());  // background / selection only
    const QVariant p = index.data(kProbabilityRole);
    if (!p.isValid()) return QStyledItemDelegate::paint(painter, option, index);
    const double probability = p.toDouble(), threshold = index.data(kThresholdRole).toDouble();
    const QRect r = option.rect.adjusted(4, 5, -48, -5);
    painter->save();
    painter->fillRect(r, QColor(60, 60, 60));
    const bool positive = probability >= threshold;
    const bool outside = index.data(kOutsideRole).toBool();
    painter->fillRect(QRect(r.left(), r.top(), static_cast<int>(r.width() * probability), r.height()),
                      outside ? QColor(110, 110, 110) : positive ? QColor(240, 170, 40) : QColor(90, 140, 200));
    const int tick = r.left() + static_cast<int>(r.width() * threshold);
    painter->setPen(QPen(Qt::white, 2));
    painter->drawLine(tick, r.top() - 3, tick, r.bottom() + 3);
    painter->setPen(option.palette.color(QPalette::Text));
    painter->drawText(option.rect.adjusted(0, 0, -4, 0), Qt::AlignRight | Qt::AlignVCenter,
                      QString::number(probability * 100.0, 'f', 0) + QStringLiteral(" %"));
    painter->restore();
  }
};

}  // namespace

FindingsPanel::FindingsPanel(QWidget* parent) : QWidget(parent) {
  auto* layout = new QVBoxLayout(this);
  m_model = new QLabel(tr("No model loaded"), this);
  m_model->setWordWrap(true);
  m_model->setObjectName("modelLabel");
  QFont bold = m_model->font();
  bold.setBold(true);
  m_model->setFont(bold);
  m_disclaimer = new QLabel(report::disclaimer(), this);
  m_disclaimer->setObjectName("disclaimer");
  m_disclaimer->setWordWrap(true);
  m_disclaimer->setStyleSheet("color: #e0b040;");
  m_status = new QLabel(this);
  m_status->setWordWrap(true);
  m_warnings = new QLabel(this);
  m_warnings->setObjectName("gateWarnings");
  m_warnings->setWordWrap(true);
  m_warnings->setVisible(false);
  m_progress = new QProgressBar(this);
  m_progress->setRange(0, 100);
  m_progress->setVisible(false);
  m_cancel = new QPushButton(tr("Cancel analysis"), this);
  m_cancel->setVisible(false);
  connect(m_cancel, &QPushButton::clicked, this, &FindingsPanel::cancelRequested);

  m_list = new QTreeWidget(this);
  m_list->setColumnCount(2);
  m_list->setHeaderLabels({tr("Finding"), tr("Probability")});
  // Names take what is left and elide (the tooltip has them whole); the bars and percentages always
  // show, however long a translated finding name or header is.
  m_list->header()->setStretchLastSection(false);
  m_list->header()->setSectionResizeMode(0, QHeaderView::Stretch);
  m_list->header()->setSectionResizeMode(1, QHeaderView::Fixed);
  m_list->header()->resizeSection(1, std::max(110, m_list->fontMetrics().horizontalAdvance(tr("Probability")) + 16));
  m_list->setTextElideMode(Qt::ElideRight);
  m_list->setRootIsDecorated(true);
  m_list->setItemDelegateForColumn(1, new ProbabilityDelegate(m_list));
  connect(m_list, &QTreeWidget::currentItemChanged, this, &FindingsPanel::heatmapChanged);

  auto* controls = new QFormLayout;
  m_mode = new QComboBox(this);
  m_mode->setObjectName("heatmapMode");
  m_mode->addItems({tr("Heatmap"), tr("Contour"), tr("Off")});
  m_mode->setToolTip(tr("G cycles heatmap, contour and off"));
  m_allPositives = new QCheckBox(tr("All positive findings at once"), this);
  m_allPositives->setObjectName("allPositives");
  m_opacity = new QSlider(Qt::Horizontal, this);
  m_opacity->setRange(0, 100);
  m_opacity->setValue(60);
  m_colorMap = new QComboBox(this);
  for (auto map : {ai::ColorMap::Inferno, ai::ColorMap::Jet, ai::ColorMap::Viridis}) m_colorMap->addItem(ai::toString(map));
  m_floor = new QSlider(Qt::Horizontal, this);
  m_floor->setRange(0, 90);
  m_floor->setValue(20);
  controls->addRow(tr("Show"), m_mode);
  controls->addRow(m_allPositives);
  controls->addRow(tr("Opacity"), m_opacity);
  controls->addRow(tr("Colour map"), m_colorMap);
  controls->addRow(tr("Hide below"), m_floor);
  // Students read heatmaps as lesion outlines; they are not.
  auto* honesty = new QLabel(tr("A heatmap shows where the model looked, not where the disease is."), this);
  honesty->setObjectName("heatmapNote");
  honesty->setWordWrap(true);
  honesty->setStyleSheet("color: #9a9a9a; font-size: small;");
  controls->addRow(honesty);
  for (auto* slider : {m_opacity, m_floor}) connect(slider, &QSlider::valueChanged, this, &FindingsPanel::heatmapChanged);
  connect(m_mode, &QComboBox::currentIndexChanged, this, &FindingsPanel::heatmapChanged);
  connect(m_allPositives, &QCheckBox::toggled, this, &FindingsPanel::heatmapChanged);
  m_reveal = new QPushButton(tr("Reveal findings (Enter)"), this);
  m_reveal->setObjectName("revealButton");
  m_reveal->setVisible(false);
  connect(m_reveal, &QPushButton::clicked, this, &FindingsPanel::reveal);
  connect(m_colorMap, &QComboBox::currentIndexChanged, this, &FindingsPanel::heatmapChanged);

  layout->addWidget(m_model);
  layout->addWidget(m_disclaimer);
  layout->addWidget(m_status);
  layout->addWidget(m_warnings);
  layout->addWidget(m_progress);
  layout->addWidget(m_cancel);
  layout->addWidget(m_reveal);
  layout->addWidget(m_list, 1);
  layout->addLayout(controls);
  setMinimumWidth(280);
}

void FindingsPanel::setModelDescription(const QString& text) { m_model->setText(text); }

void FindingsPanel::showRunning() {
  m_status->setText(tr("Analysing..."));
  m_progress->setValue(0);
  m_progress->setVisible(true);
  m_cancel->setVisible(true);
}

void FindingsPanel::setProgress(double fraction) { m_progress->setValue(static_cast<int>(fraction * 100.0)); }

void FindingsPanel::showMessage(const QString& text) {
  m_progress->setVisible(false);
  m_cancel->setVisible(false);
  m_status->setText(text);
}

void FindingsPanel::clear() {
  m_findings.reset();
  m_warnings->clear();
  m_warnings->setVisible(false);
  if (m_quiz) setQuiz(true);
  m_list->clear();
  m_status->clear();
  m_progress->setVisible(false);
  m_cancel->setVisible(false);
  Q_EMIT heatmapChanged();
}

void FindingsPanel::showFindings(std::shared_ptr<const ai::Findings> findings) {
  m_findings = std::move(findings);
  m_progress->setVisible(false);
  m_cancel->setVisible(false);
  const auto& f = *m_findings;
  int positives = 0;
  for (const auto& r : f.ranked) positives += r.positive ? 1 : 0;
  m_model->setText(tr("%1 %2 on %3", "model name, version, device")
                       .arg(QString::fromStdString(f.model.name), QString::fromStdString(f.model.version), QString::fromStdString(f.device)));
  m_status->setText(f.topLabel ? tr("Most likely: %1").arg(report::findingName(f, *f.topLabel))
                               : tr("%n finding(s) above their operating point", nullptr, positives));
  if (hidden()) m_status->setText(tr("Findings hidden: read the film first, then reveal them (Enter)."));
  // Why the result deserves less trust, in words a student cannot miss.
  QStringList notes;
  for (const auto& r : f.gateReasons)
    notes << QStringLiteral("<span style='color:#ff6a5a'><b>%1</b> %2</span>")
                 .arg(tr("Outside the model's training data:"), QString::fromStdString(r).toHtmlEscaped());
  for (const auto& w : f.qualityWarnings)
    notes << QStringLiteral("<span style='color:#e0b040'>%1 %2</span>").arg(tr("Image quality:"), QString::fromStdString(w).toHtmlEscaped());
  if (!f.covariates.empty())
    notes << QStringLiteral("<span style='color:%1'>%2</span>")
                 .arg(f.unknownCovariates.empty() ? "#9a9a9a" : "#e0b040",
                      (f.unknownCovariates.empty() ? tr("The model read beside the film: %1")
                                                   : tr("The model reads patient covariates beside the film; it was given: %1"))
                          .arg(QString::fromStdString(f.covariates).toHtmlEscaped()));
  if (!f.fieldOfView.empty())
    notes << QStringLiteral("<span style='color:#9a9a9a'>%1</span>")
                 .arg(tr("The model looked at: %1").arg(QString::fromStdString(f.fieldOfView).toHtmlEscaped()));
  if (f.oodScore && f.oodThreshold && !f.outOfDistribution())
    notes << QStringLiteral("<span style='color:#9a9a9a'>%1</span>")
                 .arg(tr("Like the model's training films (out-of-distribution score %1, threshold %2)")
                          .arg(*f.oodScore, 0, 'f', 1)
                          .arg(*f.oodThreshold, 0, 'f', 1));
  m_warnings->setText(notes.join("<br>"));
  m_warnings->setVisible(!notes.isEmpty());
  const QSignalBlocker block(m_list);
  m_list->clear();
  // Children sit under their parent group (hierarchical label sets); the rest at the top level.
  QMap<QString, QTreeWidgetItem*> groups;
  for (const auto& g : f.groups) {
    auto* item = new QTreeWidgetItem(m_list, {report::findingName(f, g.name)});
    item->setData(1, kProbabilityRole, g.probability);
    item->setData(1, kThresholdRole, 1.01);
    item->setExpanded(true);
    groups.insert(QString::fromStdString(g.name), item);
  }
  for (std::size_t i = 0; i < f.ranked.size(); ++i) {
    const auto& r = f.ranked[i];
    QTreeWidgetItem* parent = groups.value(QString::fromStdString(r.parent), nullptr);
    auto* item = parent ? new QTreeWidgetItem(parent) : new QTreeWidgetItem(m_list);
    item->setText(0, report::findingName(f, r.label));
    item->setData(0, kIndexRole, static_cast<int>(i));
    item->setData(1, kProbabilityRole, r.probability);
    item->setData(1, kThresholdRole, r.threshold);
    QString tip = tr("%1: %2 % (operating point %3 %)").arg(report::findingName(f, r.label)).arg(r.probability * 100, 0, 'f', 1).arg(r.threshold * 100, 0, 'f', 0);
    if (r.sensitivity && r.specificity)
      tip += tr("\nAt this threshold on validation films: sensitivity %1 %, specificity %2 %").arg(*r.sensitivity * 100, 0, 'f', 0).arg(*r.specificity * 100, 0, 'f', 0);
    item->setToolTip(0, tip);
    item->setToolTip(1, tip);
    if (r.positive) {
      QFont font = item->font(0);
      font.setBold(true);
      item->setFont(0, font);
    }
    if (!f.accepted) {
      item->setData(1, kOutsideRole, true);
      item->setForeground(0, QColor(130, 130, 130));
      item->setToolTip(0, tip + tr("\nOutside the model's training data: treat with suspicion."));
    }
  }
  if (m_list->topLevelItemCount() > 0) {
    QTreeWidgetItem* first = m_list->topLevelItem(0);
    while (first->childCount() > 0) first = first->child(0);
    m_list->setCurrentItem(first);
  }
  Q_EMIT heatmapChanged();
}

int FindingsPanel::selectedFinding() const {
  const QTreeWidgetItem* item = m_list->currentItem();
  if (!item || !m_findings) return -1;
  const QVariant index = item->data(0, kIndexRole);
  return index.isValid() ? index.toInt() : -1;
}

void FindingsPanel::selectFinding(int index) {
  for (QTreeWidgetItemIterator it(m_list); *it; ++it)
    if ((*it)->data(0, kIndexRole).isValid() && (*it)->data(0, kIndexRole).toInt() == index) m_list->setCurrentItem(*it);
}

void FindingsPanel::setQuiz(bool on) {
  m_quiz = on;
  m_revealed = false;
  m_list->setVisible(!hidden());
  m_reveal->setVisible(hidden());
  Q_EMIT heatmapChanged();
}

void FindingsPanel::reveal() {
  m_revealed = true;
  m_list->setVisible(true);
  m_reveal->setVisible(false);
  if (m_findings) showFindings(m_findings);  // the status line names the findings now
  Q_EMIT heatmapChanged();
}

void FindingsPanel::cycleMode() { m_mode->setCurrentIndex((m_mode->currentIndex() + 1) % m_mode->count()); }

void FindingsPanel::setStyle(const HeatmapStyle& s) {
  const QSignalBlocker blockMode(m_mode), blockAll(m_allPositives), blockOpacity(m_opacity), blockMap(m_colorMap),
      blockFloor(m_floor);
  m_mode->setCurrentIndex(static_cast<int>(s.mode));
  m_allPositives->setChecked(s.allPositives);
  m_opacity->setValue(static_cast<int>(s.opacity * 100));
  m_colorMap->setCurrentIndex(static_cast<int>(s.colorMap));
  m_floor->setValue(static_cast<int>(s.floor * 100));
  Q_EMIT heatmapChanged();
}

HeatmapStyle FindingsPanel::style() const {
  HeatmapStyle s;
  s.mode = static_cast<HeatmapMode>(m_mode->currentIndex());
  s.allPositives = m_allPositives->isChecked();
  s.opacity = m_opacity->value() / 100.0;
  s.colorMap = static_cast<ai::ColorMap>(m_colorMap->currentIndex());
  s.floor = m_floor->value() / 100.0;
  return s;
}

}  // namespace hilum::ui
