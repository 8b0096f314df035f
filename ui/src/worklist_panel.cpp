#include "hilum/ui/worklist_panel.h"

#include "hilum/ai/model_packs.h"
#include "hilum/pacs/pacs_config.h"
#include "hilum/pacs/storage_server.h"
#include "hilum/triage/worklist.h"

#include <QDirIterator>
#include <QFileDialog>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPointer>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include <filesystem>

namespace hilum::ui {
namespace {

enum Column { Priority, Patient, PatientId, StudyDate, Accession, Films, Received, Results, Model, Columns };

QString percent(double p) { return QString::number(p * 100.0, 'f', 0) + " %"; }

// triage::toString's words ("queued", "done"...) as the reader's language says them.
QString stateName(triage::FilmState state) {
  switch (state) {
    case triage::FilmState::Queued: return WorklistPanel::tr("queued");
    case triage::FilmState::Done: return WorklistPanel::tr("done");
    case triage::FilmState::OutOfScope: return WorklistPanel::tr("out of scope");
    case triage::FilmState::Failed: return WorklistPanel::tr("failed");
  }
  return WorklistPanel::tr("queued");
}

// A label code from the triage ledger ("Pleural_Thickening") as words; the ledger keeps no pack.
QString labelName(const std::string& label) { return QString::fromStdString(ai::defaultDisplayName(label)); }

}  // namespace

class WorklistPanel::Private {
public:
  QString pack;
  std::shared_ptr<triage::TriageWorklist> worklist;  // shared with the SCP's callback
  std::unique_ptr<pacs::StorageServer> server;
  std::vector<triage::TriageStudy> shown;
  QStringList waiting;  // paths added before the worklist was ready
  bool starting = false, hideIdentity = false, refreshQueued = false;
};

WorklistPanel::WorklistPanel(QWidget* parent) : QWidget(parent), d(std::make_unique<Private>()) {
  m_status = new QLabel(tr("Not receiving. Start the storage SCP to triage studies as they arrive, or add retrieved films."), this);
  m_status->setWordWrap(true);
  m_receive = new QPushButton(tr("Start receiving"), this);
  m_add = new QPushButton(tr("Add films..."), this);
  m_disclaimer = new QLabel(tr("Ranked by an AI model's findings: decision support, not a diagnosis."), this);
  m_disclaimer->setStyleSheet("color: #b0b0b0");
  m_table = new QTableWidget(0, Columns, this);
  m_table->setHorizontalHeaderLabels({tr("Priority"), tr("Patient"), tr("Patient ID"), tr("Study date"), tr("Accession"),
                                      tr("Films"), tr("Received"), tr("Results"), tr("Model")});
  m_table->horizontalHeader()->setStretchLastSection(true);
  m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
  m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
  m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
  m_table->verticalHeader()->setVisible(false);
  m_table->setToolTip(tr("Double-click (or Enter) opens the study's films in the viewer."));

  auto* top = new QHBoxLayout;
  top->addWidget(m_status, 1);
  top->addWidget(m_add);
  top->addWidget(m_receive);
  auto* layout = new QVBoxLayout(this);
  layout->addLayout(top);
  layout->addWidget(m_table, 1);
  layout->addWidget(m_disclaimer);

  connect(m_receive, &QPushButton::clicked, this, [this] { receiving() ? stopReceiving() : startReceiving(); });
  connect(m_add, &QPushButton::clicked, this, [this] {
    const QString folder = QFileDialog::getExistingDirectory(this, tr("Folder of DICOM films to triage"));
    if (!folder.isEmpty()) addPaths({folder});
  });
  auto open = [this](int row) {
    if (row < 0 || row >= static_cast<int>(d->shown.size())) return;
    QStringList files;
    for (const auto& f : d->shown[static_cast<std::size_t>(row)].films) files << QString::fromStdString(f.path);
    Q_EMIT openFilesRequested(files);
  };
  connect(m_table, &QTableWidget::cellDoubleClicked, this, [open](int row, int) { open(row); });
  connect(m_table, &QTableWidget::cellActivated, this, [open](int row, int) { open(row); });
}

WorklistPanel::~WorklistPanel() {
  if (d->server) d->server->stop();  // before the worklist its callback feeds
}

void WorklistPanel::setPackDirectory(const QString& packDirectory) {
  if (packDirectory == d->pack) return;
  d->pack = packDirectory;
  if (!d->worklist) return;
  const bool wasReceiving = receiving();
  stopReceiving();
  d->worklist.reset();
  ensureWorklist();
  if (wasReceiving) startReceiving();
}

bool WorklistPanel::receiving() const { return d->server && d->server->running(); }
bool WorklistPanel::ready() const { return d->worklist != nullptr; }
int WorklistPanel::rowCount() const { return m_table->rowCount(); }
QString WorklistPanel::cellText(int row, int column) const {
  const auto* item = m_table->item(row, column);
  return item ? item->text() : QString();
}
int WorklistPanel::pending() const { return d->worklist ? static_cast<int>(d->worklist->pending()) : d->waiting.size(); }

void WorklistPanel::setIdentityHidden(bool hidden) {
  d->hideIdentity = hidden;
  refresh();
}

// Opening the pack takes a second or more: done on a worker, the panel fills in when it is ready.
void WorklistPanel::ensureWorklist() {
  if (d->worklist || d->starting) return;
  QString pack = d->pack;
  if (pack.isEmpty()) {
    auto found = ai::defaultModelPack();
    if (!found.ok()) {
      m_status->setText(QString::fromStdString(found.error().message()));
      return;
    }
    pack = QString::fromStdString(found.value());
  }
  auto config = pacs::loadPacsConfig();
  if (!config.ok()) {
    m_status->setText(QString::fromStdString(config.error().message()));
    return;
  }
  triage::WorklistOptions options;
  options.packDirectory = pack.toStdString();
  const std::string store = config.value().store();
  options.ledgerPath = (std::filesystem::path(store) / "worklist.json").string();
  options.resultsDirectory = (std::filesystem::path(store) / "results").string();
  auto policy = triage::parsePolicy(config.value().priorities);
  if (!policy.ok()) {
    m_status->setText(tr("PACS settings: %1").arg(QString::fromStdString(policy.error().reason())));
    return;
  }
  options.policy = policy.value();
  options.scu.callingAeTitle = config.value().localAeTitle;
  if (!config.value().resultsNode.empty()) {
    auto node = config.value().resolve(config.value().resultsNode);
    if (!node.ok()) {
      m_status->setText(QString::fromStdString(node.error().message()));
      return;
    }
    options.sendResultsTo = node.value();
  }
  std::error_code ec;
  std::filesystem::create_directories(store, ec);

  d->starting = true;
  m_status->setText(tr("Opening %1 for the worklist...").arg(QFileInfo(pack).fileName()));
  QPointer<WorklistPanel> self(this);
  auto onChange = [self](const triage::TriageStudy&) {
    QMetaObject::invokeMethod(self, [self] {
      // Many films arriving at once coalesce into one refresh per event-loop turn.
      if (!self || self->d->refreshQueued) return;
      self->d->refreshQueued = true;
      QMetaObject::invokeMethod(self, [self] { if (self) { self->d->refreshQueued = false; self->refresh(); } }, Qt::QueuedConnection);
    }, Qt::QueuedConnection);
  };
  using Started = std::pair<std::shared_ptr<triage::TriageWorklist>, QString>;
  auto* watcher = new QFutureWatcher<Started>(this);
  connect(watcher, &QFutureWatcher<Started>::finished, this, [this, watcher] {
    const Started started = watcher->result();
    watcher->deleteLater();
    d->starting = false;
    if (!started.first) {
      m_status->setText(started.second);
      Q_EMIT message(started.second);
      return;
    }
    d->worklist = started.first;
    for (const auto& path : std::exchange(d->waiting, {})) d->worklist->submit(path.toStdString());
    refresh();
  });
  watcher->setFuture(QtConcurrent::run([options, onChange]() -> Started {
    auto worklist = std::make_shared<triage::TriageWorklist>(options, onChange);
    if (Status s = worklist->start(); !s.ok()) return {nullptr, QString::fromStdString(s.error().message())};
    return {worklist, QString()};
  }));
}

void WorklistPanel::startReceiving() {
  if (receiving()) return;
  ensureWorklist();
  auto config = pacs::loadPacsConfig();
  if (!config.ok()) {
    m_status->setText(QString::fromStdString(config.error().message()));
    return;
  }
  pacs::StorageServerOptions options;
  options.aeTitle = config.value().localAeTitle;
  options.port = config.value().scpPort;
  options.bindAddress = config.value().scpBindAddress;
  const std::string store = config.value().store();
  options.root = (std::filesystem::path(store) / "films").string();
  QPointer<WorklistPanel> self(this);
  // Handed over on the GUI thread, which holds films received while the pack is still opening.
  d->server = std::make_unique<pacs::StorageServer>(options, [self](const pacs::InstanceOutcome& o) {
    if (o.status != pacs::InstanceStatus::Stored) return;
    const QString path = QString::fromStdString(o.path);
    QMetaObject::invokeMethod(self, [self, path] { if (self) self->addPaths({path}); }, Qt::QueuedConnection);
  });
  if (Status s = d->server->start(); !s.ok()) {
    const QString text = QString::fromStdString(s.error().message());
    d->server.reset();
    m_status->setText(text);
    Q_EMIT message(text);
    return;
  }
  m_receive->setText(tr("Stop receiving"));
  refresh();
}

void WorklistPanel::stopReceiving() {
  if (!d->server) return;
  d->server->stop();
  d->server.reset();
  m_receive->setText(tr("Start receiving"));
  refresh();
}

void WorklistPanel::addPaths(const QStringList& paths) {
  QStringList files;
  for (const QString& p : paths) {
    if (QFileInfo(p).isDir()) {
      QDirIterator it(p, QDir::Files, QDirIterator::Subdirectories);
      while (it.hasNext()) files << it.next();
    } else {
      files << p;
    }
  }
  if (!d->worklist) {
    d->waiting << files;
    ensureWorklist();
    return;
  }
  for (const auto& f : files) d->worklist->submit(f.toStdString());
  refresh();
}

void WorklistPanel::refresh() {
  if (d->worklist) d->shown = d->worklist->studies();
  m_table->setRowCount(static_cast<int>(d->shown.size()));
  for (int r = 0; r < static_cast<int>(d->shown.size()); ++r) {
    const auto& s = d->shown[static_cast<std::size_t>(r)];
    int queued = 0, failed = 0, sent = 0, unsent = 0;
    QStringList models, details;
    for (const auto& f : s.films) {
      queued += f.state == triage::FilmState::Queued;
      failed += f.state == triage::FilmState::Failed;
      sent += f.resultsSent;
      unsent += !f.sendError.empty();
      if (!f.model.empty() && !models.contains(QString::fromStdString(f.model))) models << QString::fromStdString(f.model);
      QString line = QFileInfo(QString::fromStdString(f.path)).fileName() + ": " + stateName(f.state);
      for (const auto& [label, p] : f.positives) line += "  " + labelName(label) + " " + percent(p);
      if (!f.reason.empty()) line += "  (" + QString::fromStdString(f.reason) + ")";
      if (f.outOfDistribution) line += "  " + tr("unlike the films the model was trained on");
      if (!f.sendError.empty()) line += "  " + tr("results not sent: %1").arg(QString::fromStdString(f.sendError));
      details << line;
    }
    QString priority;
    if (!s.urgency.finding.empty())
      priority = labelName(s.urgency.finding) + " " + percent(s.urgency.probability);
    else if (queued > 0)
      priority = tr("analysing...");
    else
      priority = failed > 0 ? tr("could not analyse") : tr("not ranked");
    const QString results = sent > 0 ? tr("sent (%1)").arg(sent) : unsent > 0 ? tr("NOT sent") : tr("local");
    const QStringList cells{priority,
                            d->hideIdentity ? tr("hidden") : QString::fromStdString(s.patientName),
                            d->hideIdentity ? tr("hidden") : QString::fromStdString(s.patientId),
                            QString::fromStdString(s.studyDate),
                            QString::fromStdString(s.accessionNumber),
                            QString::number(s.films.size()),
                            QString::fromStdString(s.received).replace('T', ' '),
                            results,
                            models.join(", ")};
    for (int c = 0; c < Columns; ++c) {
      auto* item = new QTableWidgetItem(cells[c]);
      item->setToolTip(details.join("\n"));
      if (c == Priority && s.urgency.positive) {
        QFont bold = item->font();
        bold.setBold(true);
        item->setFont(bold);
        item->setForeground(QColor(230, 80, 60));
      }
      m_table->setItem(r, c, item);
    }
  }
  const int waiting = pending();
  QString state = receiving() ? tr("Receiving as %1 on port %2.").arg(QString::fromStdString(d->server->options().aeTitle)).arg(d->server->port())
                              : tr("Not receiving.");
  const int studies = static_cast<int>(d->shown.size());
  m_status->setText(state + " " + (studies == 1 ? tr("1 study") : tr("%1 studies").arg(studies)) +
                    (waiting == 1 ? tr(", 1 film waiting for analysis.")
                                  : waiting > 1 ? tr(", %1 films waiting for analysis.").arg(waiting) : QString(".")));
  if (d->worklist) m_disclaimer->setText(tr("Ranked by %1's findings: decision support, not a diagnosis.").arg(QString::fromStdString(d->worklist->model())));
  Q_EMIT worklistChanged();
}

}  // namespace hilum::ui
