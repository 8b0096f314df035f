#pragma once
// What the PACS dialogs share: the node combo, messages and the cancel flag their workers read.
#include "hilum/base/error.h"
#include "hilum/pacs/pacs_config.h"

#include <QObject>
#include <QString>

#include <atomic>
#include <memory>

class QComboBox;
class QLabel;

namespace hilum::ui {

inline QString qstr(const std::string& text) { return QString::fromStdString(text); }

// A cancel flag shared with a worker task: the task keeps it alive after the dialog is gone.
using SharedCancel = std::shared_ptr<std::atomic<bool>>;
inline SharedCancel newCancelFlag() { return std::make_shared<std::atomic<bool>>(false); }

// Carries a worker's progress to the GUI thread: the worker emits, the dialog's connection is queued
// (the relay lives in the GUI thread) and disappears with the dialog. Shared by the task and the
// dialog, deleted through deleteLater by whichever lets go last, so a task may outlive its dialog.
class PacsProgressRelay : public QObject {
  Q_OBJECT
public:
  using QObject::QObject;

Q_SIGNALS:
  void progressed(int done, int total, const QString& text);
};
using SharedRelay = std::shared_ptr<PacsProgressRelay>;
SharedRelay newProgressRelay();

// "Orthanc (ORTHANC@127.0.0.1:4242)": how the dialogs name a node in every message.
QString nodeLabel(const pacs::NamedNode& node);

// The configured nodes by name, each with its address as tool tip and its index in `config.nodes`
// as data; `preferred` is selected when present. With no node, one disabled hint item.
void fillNodeCombo(QComboBox* combo, const pacs::PacsConfig& config, const QString& preferred = {});
// The node chosen in a combo filled above; nullptr when none.
const pacs::NamedNode* chosenNode(const QComboBox* combo, const pacs::PacsConfig& config);

// A status line: plain for progress, red for problems (still selectable, so it can be copied).
void showStatus(QLabel* label, const QString& text, bool problem);

}  // namespace hilum::ui
