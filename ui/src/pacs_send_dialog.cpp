#include "hilum/ui/pacs_send_dialog.h"

#include "pacs_common_p.h"

#include "hilum/pacs/send.h"

#include <QComboBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>
#include <QtConcurrent>

#include <optional>

namespace hilum::ui {
namespace {

enum Column { kFile, kOutcome };

struct SendOutcome {
  std::vector<pacs::InstanceOutcome> instances;
  std::optional<Error> error;         // nothing sent
  std::optional<Error> interruption;  // stopped part-way
};

}  // namespace

SendDialog::SendDialog(const QStringList& files, QWidget* parent, const QString& configPath) : QDialog(parent) {
  setWindowTitle(tr("Send to PACS"));
  setObjectName("sendDialog");
  m_node = new QComboBox;
  m_node->setObjectName("pacsNode");

  m_files = new QTreeWidget;
  m_files->setObjectName("sendFiles");
  m_files->setColumnCount(2);
  m_files->setHeaderLabels({tr("File"), tr("Outcome")});
  m_files->setRootIsDecorated(false);
  m_files->setSelectionMode(QAbstractItemView::ExtendedSelection);
  m_files->header()->setSectionResizeMode(kFile, QHeaderView::Stretch);
  m_files->header()->setStretchLastSection(false);
  m_files->header()->setSectionResizeMode(kOutcome, QHeaderView::Interactive);
  m_files->header()->resizeSection(kOutcome, 260);

  m_add = new QPushButton(tr("&Add files..."));
  m_add->setAutoDefault(false);
  m_add->setToolTip(tr("For example the DICOM report objects File > Export wrote (SC, SR, PDF)"));
  connect(m_add, &QPushButton::clicked, this, [this] {
    addFiles(QFileDialog::getOpenFileNames(this, tr("DICOM files to send"), QString(),
                                           tr("DICOM files (*.dcm);;All files (*)")));
  });
  auto* remove = new QPushButton(tr("&Remove"));
  remove->setAutoDefault(false);
  connect(remove, &QPushButton::clicked, this, [this] {
    if (!m_busy) qDeleteAll(m_files->selectedItems());
  });

  m_progress = new QProgressBar;
  m_progress->setObjectName("pacsProgress");
  m_progress->hide();
  m_status = new QLabel;
  m_status->setObjectName("pacsStatus");
  m_status->setWordWrap(true);
  m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);

  m_send = new QPushButton(tr("&Send"));
  m_send->setObjectName("sendButton");
  m_send->setDefault(true);
  m_cancelButton = new QPushButton(tr("Cancel"));
  m_cancelButton->setObjectName("cancelButton");
  m_cancelButton->setAutoDefault(false);
  auto* close = new QPushButton(tr("Close"));
  close->setAutoDefault(false);
  connect(m_send, &QPushButton::clicked, this, &SendDialog::send);
  connect(m_cancelButton, &QPushButton::clicked, this, &SendDialog::cancel);
  connect(close, &QPushButton::clicked, this, &QDialog::reject);

  auto* form = new QFormLayout;
  form->addRow(tr("&Node:"), m_node);
  auto* fileButtons = new QHBoxLayout;
  fileButtons->addWidget(m_add);
  fileButtons->addWidget(remove);
  fileButtons->addStretch();
  auto* buttons = new QHBoxLayout;
  buttons->addStretch();
  buttons->addWidget(m_send);
  buttons->addWidget(m_cancelButton);
  buttons->addWidget(close);
  auto* layout = new QVBoxLayout(this);
  layout->addLayout(form);
  layout->addWidget(m_files, 1);
  layout->addLayout(fileButtons);
  layout->addWidget(m_progress);
  layout->addWidget(m_status);
  layout->addLayout(buttons);
  resize(720, 380);

  auto loaded = pacs::loadPacsConfig(configPath.isEmpty() ? pacs::defaultConfigPath() : configPath.toStdString());
  if (loaded.ok()) {
    m_config = std::move(loaded).value();
    if (m_config.nodes.empty()) showStatus(m_status, tr("No PACS node is configured: add one with PACS settings."), true);
  } else {
    showStatus(m_status, qstr(loaded.error().path() + ": " + loaded.error().reason()), true);
  }
  fillNodeCombo(m_node, m_config, qstr(m_config.resultsNode));
  addFiles(files);
  setBusy(false);
}

SendDialog::~SendDialog() {
  if (m_cancel) m_cancel->store(true);
}

QStringList SendDialog::files() const {
  QStringList paths;
  for (int i = 0; i < m_files->topLevelItemCount(); ++i) paths << m_files->topLevelItem(i)->data(kFile, Qt::UserRole).toString();
  return paths;
}

void SendDialog::addFiles(const QStringList& paths) {
  const QStringList already = files();
  for (const QString& path : paths) {
    if (path.isEmpty() || already.contains(path)) continue;
    auto* item = new QTreeWidgetItem(m_files, {QFileInfo(path).fileName(), QString()});
    item->setData(kFile, Qt::UserRole, path);
    item->setToolTip(kFile, path);
  }
  setBusy(m_busy);
}

bool SendDialog::setNode(const QString& name) {
  const int at = m_node->findText(name);
  if (at < 0 || !m_node->isEnabled()) return false;
  m_node->setCurrentIndex(at);
  return true;
}

QString SendDialog::statusText() const { return m_status->text(); }

void SendDialog::setBusy(bool busy) {
  m_busy = busy;
  m_send->setEnabled(!busy && chosenNode(m_node, m_config) && m_files->topLevelItemCount() > 0);
  m_cancelButton->setEnabled(busy);
  m_add->setEnabled(!busy);
  m_node->setEnabled(!busy && !m_config.nodes.empty());
  m_progress->setVisible(busy);
}

void SendDialog::cancel() {
  if (m_cancel) m_cancel->store(true);
  if (m_busy) showStatus(m_status, tr("Cancelling..."), false);
}

void SendDialog::send() {
  const pacs::NamedNode* chosen = chosenNode(m_node, m_config);
  if (m_busy || !chosen) return;
  const pacs::NamedNode named = *chosen;
  std::vector<std::string> paths;
  for (const QString& path : files()) paths.push_back(path.toStdString());
  if (paths.empty()) return;
  pacs::ScuOptions options;
  options.callingAeTitle = m_config.localAeTitle;
  for (int i = 0; i < m_files->topLevelItemCount(); ++i) {
    m_files->topLevelItem(i)->setText(kOutcome, tr("waiting"));
    m_files->topLevelItem(i)->setForeground(kOutcome, palette().text());
  }

  m_cancel = newCancelFlag();
  const SharedCancel cancel = m_cancel;
  const SharedRelay relay = newProgressRelay();
  connect(relay.get(), &PacsProgressRelay::progressed, this, [this](int done, int total, const QString& current) {
    m_progress->setRange(0, total);
    m_progress->setValue(done);
    showStatus(m_status, tr("%1 of %2: %3").arg(done).arg(total).arg(QFileInfo(current).fileName()), false);
  });
  m_progress->setRange(0, static_cast<int>(paths.size()));
  m_progress->setValue(0);
  showStatus(m_status, tr("Sending %1 to %2...")
                           .arg(paths.size() == 1 ? tr("1 file") : tr("%1 files").arg(paths.size()), nodeLabel(named)),
             false);
  setBusy(true);

  auto* watcher = new QFutureWatcher<SendOutcome>(this);
  connect(watcher, &QFutureWatcher<SendOutcome>::finished, this, [this, watcher, named] {
    const SendOutcome outcome = watcher->result();
    watcher->deleteLater();
    setBusy(false);
    if (outcome.error) {
      for (int i = 0; i < m_files->topLevelItemCount(); ++i) m_files->topLevelItem(i)->setText(kOutcome, tr("not sent"));
      const bool cancelled = outcome.error->code() == ErrorCode::Cancelled;
      showStatus(m_status, cancelled ? tr("Send cancelled.") : qstr(named.name) + ": " + qstr(outcome.error->reason()),
                 !cancelled);
      Q_EMIT sendFinished(false);
      return;
    }
    std::size_t stored = 0, failed = 0;
    QStringList failures;  // the outcome column is narrow: the reasons are repeated below
    // One outcome per file, in order (pacs::store's contract); matched by path to be safe.
    for (int i = 0; i < m_files->topLevelItemCount(); ++i) {
      QTreeWidgetItem* item = m_files->topLevelItem(i);
      const std::string path = item->data(kFile, Qt::UserRole).toString().toStdString();
      const pacs::InstanceOutcome* o = nullptr;
      for (const auto& candidate : outcome.instances)
        if (candidate.path == path) o = &candidate;
      if (!o && i < static_cast<int>(outcome.instances.size())) o = &outcome.instances[static_cast<std::size_t>(i)];
      if (!o) continue;
      const bool ok = o->status != pacs::InstanceStatus::Failed;
      (ok ? stored : failed)++;
      if (!ok && failures.size() < 3) failures << item->text(kFile) + ": " + qstr(o->reason);
      QString text = ok ? tr("stored") : tr("failed: %1").arg(qstr(o->reason));
      if (ok && !o->reason.empty()) text += tr(" (warning: %1)").arg(qstr(o->reason));
      item->setText(kOutcome, text);
      item->setToolTip(kOutcome, text);
      item->setForeground(kOutcome, ok ? QColor(0x1e, 0x84, 0x49) : QColor(0xc0, 0x39, 0x2b));
    }
    QString summary = tr("%1: %2 stored, %3 failed.").arg(nodeLabel(named)).arg(stored).arg(failed);
    if (!failures.isEmpty()) summary += "\n" + failures.join("\n");
    if (outcome.interruption) summary += "\n" + qstr(outcome.interruption->reason());
    const bool ok = failed == 0 && !outcome.interruption;
    showStatus(m_status, summary, !ok);
    Q_EMIT sendFinished(ok);
  });
  watcher->setFuture(QtConcurrent::run([named, paths, options, cancel, relay] {
    const auto progress = [&relay](const pacs::Progress& p) {
      Q_EMIT relay->progressed(static_cast<int>(p.done), static_cast<int>(p.total), qstr(p.current));
    };
    auto report = pacs::store(named.node, paths, options, progress, cancel.get());
    SendOutcome outcome;
    if (!report.ok()) {
      outcome.error = report.error();
    } else {
      outcome.instances = report.value().instances;
      outcome.interruption = report.value().interruption;
    }
    return outcome;
  }));
}

}  // namespace hilum::ui
