#include "pacs_common_p.h"

#include <QComboBox>
#include <QCoreApplication>
#include <QLabel>

namespace hilum::ui {

SharedRelay newProgressRelay() {
  return SharedRelay(new PacsProgressRelay, [](PacsProgressRelay* relay) { relay->deleteLater(); });
}

QString nodeLabel(const pacs::NamedNode& node) {
  return QStringLiteral("%1 (%2)").arg(qstr(node.name), qstr(node.node.toString()));
}

void fillNodeCombo(QComboBox* combo, const pacs::PacsConfig& config, const QString& preferred) {
  const QString current = preferred.isEmpty() ? combo->currentText() : preferred;
  combo->clear();
  for (std::size_t i = 0; i < config.nodes.size(); ++i) {
    combo->addItem(qstr(config.nodes[i].name), static_cast<int>(i));
    combo->setItemData(combo->count() - 1, qstr(config.nodes[i].node.toString()), Qt::ToolTipRole);
  }
  if (config.nodes.empty()) {
    combo->addItem(QCoreApplication::translate("hilum::ui::Pacs", "No PACS node: add one in PACS settings"), -1);
    combo->setEnabled(false);
    return;
  }
  combo->setEnabled(true);
  if (const int at = combo->findText(current); at >= 0) combo->setCurrentIndex(at);
}

const pacs::NamedNode* chosenNode(const QComboBox* combo, const pacs::PacsConfig& config) {
  const int index = combo->currentData().toInt();
  if (combo->currentIndex() < 0 || index < 0 || index >= static_cast<int>(config.nodes.size())) return nullptr;
  return &config.nodes[static_cast<std::size_t>(index)];
}

void showStatus(QLabel* label, const QString& text, bool problem) {
  label->setText(text);
  label->setStyleSheet(problem ? QStringLiteral("color: #c0392b;") : QString());
  label->setVisible(!text.isEmpty());
}

}  // namespace hilum::ui
