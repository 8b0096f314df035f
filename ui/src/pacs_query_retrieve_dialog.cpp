#include "hilum/ui/pacs_query_retrieve_dialog.h"

#include "pacs_common_p.h"

#include "hilum/pacs/retrieve.h"
#include "hilum/ui/pacs_settings_dialog.h"

#include <QComboBox>
#include <QDateEdit>
#include <QDir>
#include <QFormLayout>
#include <QFutureWatcher>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QRegularExpression>
#include <QTableWidget>
#include <QVBoxLayout>
#include <QtConcurrent>

#include <algorithm>
#include <optional>

namespace hilum::ui {
namespace {

enum Column { kPatient, kPatientId, kDate, kDescription, kModalities, kAccession, kInstances, kColumns };

// The earliest date of the date fields shows as "any": DICOM ranges may be open at either end.
const QDate kAnyDate(1900, 1, 1);

struct SearchOutcome {
  std::vector<pacs::QueryMatch> matches;
  std::optional<Error> error;
};

struct RetrieveOutcome {
  QStringList folders;  // studies of which at least one instance is in the store
  QStringList files;
  std::size_t stored = 0, present = 0, failed = 0;
  QStringList problems;
  bool cancelled = false;
};

QDateEdit* dateField(const QString& objectName) {
  auto* edit = new QDateEdit;
  edit->setObjectName(objectName);
  edit->setCalendarPopup(true);
  edit->setDisplayFormat("yyyy-MM-dd");
  edit->setMinimumDate(kAnyDate);
  edit->setSpecialValueText(QueryRetrieveDialog::tr("any"));
  edit->setDate(kAnyDate);
  return edit;
}

std::string dicomDate(const QDateEdit* edit) {
  return edit->date() == kAnyDate ? std::string() : edit->date().toString("yyyyMMdd").toStdString();
}

// "DOE^JANE" as "DOE, JANE": the PN components a reader expects to see.
QString readableName(const std::string& pn) {
  QStringList parts = qstr(pn).split('^');
  while (!parts.isEmpty() && parts.back().trimmed().isEmpty()) parts.removeLast();
  if (parts.size() <= 1) return parts.value(0);
  return parts.front() + ", " + QStringList(parts.mid(1)).join(' ').trimmed();
}

QString readableDate(const std::string& da) {
  const QDate date = QDate::fromString(qstr(da), "yyyyMMdd");
  return date.isValid() ? date.toString("yyyy-MM-dd") : qstr(da);
}

// Items sort by their data when they carry a sort key (dates, counts), else by text.
class SortItem : public QTableWidgetItem {
public:
  SortItem(const QString& text, const QVariant& key) : QTableWidgetItem(text) { setData(Qt::UserRole + 1, key); }
  bool operator<(const QTableWidgetItem& other) const override {
    const QVariant a = data(Qt::UserRole + 1), b = other.data(Qt::UserRole + 1);
    if (a.isValid() && b.isValid()) return QVariant::compare(a, b) < 0;
    return QTableWidgetItem::operator<(other);
  }
};

}  // namespace

QueryRetrieveDialog::QueryRetrieveDialog(QWidget* parent, const QString& configPath)
    : QDialog(parent), m_configPath(configPath.isEmpty() ? qstr(pacs::defaultConfigPath()) : configPath) {
  setWindowTitle(tr("Query/Retrieve"));
  setObjectName("queryRetrieveDialog");

  m_node = new QComboBox;
  m_node->setObjectName("pacsNode");
  auto* settings = new QPushButton(tr("PACS &settings..."));
  settings->setAutoDefault(false);
  connect(settings, &QPushButton::clicked, this, &QueryRetrieveDialog::openSettings);
  auto* nodeRow = new QHBoxLayout;
  nodeRow->addWidget(m_node, 1);
  nodeRow->addWidget(settings);

  m_patientName = new QLineEdit;
  m_patientName->setObjectName("patientName");
  m_patientName->setPlaceholderText(tr("DOE^JANE, or DOE* (* and ? match anything)"));
  m_patientId = new QLineEdit;
  m_patientId->setObjectName("patientId");
  m_from = dateField("studyDateFrom");
  m_to = dateField("studyDateTo");
  auto* dates = new QHBoxLayout;
  dates->addWidget(m_from);
  dates->addWidget(new QLabel(tr("to")));
  dates->addWidget(m_to);
  dates->addStretch();
  m_modalities = new QLineEdit("CR,DX");
  m_modalities->setObjectName("modalities");
  m_modalities->setToolTip(tr("Modalities in study, comma separated; empty for any."));
  m_accession = new QLineEdit;
  m_accession->setObjectName("accession");

  auto* form = new QFormLayout;
  // Rows holding a layout get their label's buddy by hand, so Alt+letter still reaches the field.
  auto* nodeLabelWidget = new QLabel(tr("&Node:"));
  nodeLabelWidget->setBuddy(m_node);
  auto* dateLabel = new QLabel(tr("Study &date:"));
  dateLabel->setBuddy(m_from);
  form->addRow(nodeLabelWidget, nodeRow);
  form->addRow(tr("Patient &name:"), m_patientName);
  form->addRow(tr("Patient &ID:"), m_patientId);
  form->addRow(dateLabel, dates);
  form->addRow(tr("&Modality:"), m_modalities);
  form->addRow(tr("A&ccession:"), m_accession);

  m_search = new QPushButton(tr("&Search"));
  m_search->setObjectName("searchButton");
  m_search->setDefault(true);
  m_retrieve = new QPushButton(tr("&Retrieve"));
  m_retrieve->setObjectName("retrieveButton");
  m_retrieve->setToolTip(tr("C-GET the selected studies into the local store"));
  m_retrieve->setAutoDefault(false);
  m_cancelButton = new QPushButton(tr("Cancel"));
  m_cancelButton->setObjectName("cancelButton");
  m_cancelButton->setAutoDefault(false);
  m_open = new QPushButton(tr("&Open"));
  m_open->setObjectName("openButton");
  m_open->setAutoDefault(false);
  auto* close = new QPushButton(tr("Close"));
  close->setAutoDefault(false);
  connect(m_search, &QPushButton::clicked, this, &QueryRetrieveDialog::search);
  connect(m_retrieve, &QPushButton::clicked, this, &QueryRetrieveDialog::retrieveSelected);
  connect(m_cancelButton, &QPushButton::clicked, this, &QueryRetrieveDialog::cancel);
  connect(m_open, &QPushButton::clicked, this, [this] {
    if (!m_retrieved.isEmpty()) Q_EMIT openRequested(m_retrieved);
  });
  connect(close, &QPushButton::clicked, this, &QDialog::reject);

  m_results = new QTableWidget(0, kColumns);
  m_results->setObjectName("studyResults");
  m_results->setHorizontalHeaderLabels(
      {tr("Patient"), tr("Patient ID"), tr("Date"), tr("Description"), tr("Modalities"), tr("Accession"), tr("Instances")});
  m_results->setSelectionBehavior(QAbstractItemView::SelectRows);
  m_results->setSelectionMode(QAbstractItemView::ExtendedSelection);
  m_results->setEditTriggers(QAbstractItemView::NoEditTriggers);
  m_results->verticalHeader()->hide();
  m_results->horizontalHeader()->setSectionResizeMode(kDescription, QHeaderView::Stretch);
  m_results->setSortingEnabled(true);
  m_results->sortByColumn(kDate, Qt::DescendingOrder);  // newest first until the reader picks an order
  connect(m_results, &QTableWidget::itemSelectionChanged, this,
          [this] { m_retrieve->setEnabled(!m_busy && !m_results->selectedItems().isEmpty()); });
  connect(m_results, &QTableWidget::cellDoubleClicked, this, [this] {
    if (!m_busy) retrieveSelected();
  });

  m_progress = new QProgressBar;
  m_progress->setObjectName("pacsProgress");
  m_progress->setTextVisible(false);
  m_progress->hide();
  m_status = new QLabel;
  m_status->setObjectName("pacsStatus");
  m_status->setWordWrap(true);
  m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);

  auto* buttons = new QHBoxLayout;
  buttons->addWidget(m_search);
  buttons->addWidget(m_cancelButton);
  buttons->addStretch();
  buttons->addWidget(m_retrieve);
  buttons->addWidget(m_open);
  buttons->addWidget(close);

  auto* layout = new QVBoxLayout(this);
  layout->addLayout(form);
  layout->addWidget(m_results, 1);
  layout->addWidget(m_progress);
  layout->addWidget(m_status);
  layout->addLayout(buttons);
  resize(860, 560);

  reloadConfig();
  setBusy(false);
}

QueryRetrieveDialog::~QueryRetrieveDialog() {
  if (m_cancel) m_cancel->store(true);
}

void QueryRetrieveDialog::reloadConfig() {
  auto loaded = pacs::loadPacsConfig(m_configPath.toStdString());
  const QString current = m_node->currentText();
  if (loaded.ok()) {
    m_config = std::move(loaded).value();
    setStatus(m_config.nodes.empty() ? tr("No PACS node is configured: add one with PACS settings.") : QString(),
              m_config.nodes.empty());
  } else {
    m_config = {};
    setStatus(qstr(loaded.error().path() + ": " + loaded.error().reason()), true);
  }
  fillNodeCombo(m_node, m_config, current);
  setBusy(m_busy);
}

bool QueryRetrieveDialog::setNode(const QString& name) {
  const int at = m_node->findText(name);
  if (at < 0 || !m_node->isEnabled()) return false;
  m_node->setCurrentIndex(at);
  return true;
}

QString QueryRetrieveDialog::storeFolder() const {
  return qstr(m_config.store());
}

QString QueryRetrieveDialog::statusText() const { return m_status->text(); }

pacs::Query QueryRetrieveDialog::query() const {
  pacs::Query q;
  q.level = pacs::QueryLevel::Study;
  q.patientName = m_patientName->text().trimmed().toStdString();
  q.patientId = m_patientId->text().trimmed().toStdString();
  q.studyDateFrom = dicomDate(m_from);
  q.studyDateTo = dicomDate(m_to);
  for (const QString& m : m_modalities->text().split(QRegularExpression("[,\\s\\\\]+"), Qt::SkipEmptyParts))
    q.modalities.push_back(m.toUpper().toStdString());
  q.accessionNumber = m_accession->text().trimmed().toStdString();
  return q;
}

void QueryRetrieveDialog::setBusy(bool busy) {
  m_busy = busy;
  const bool haveNode = chosenNode(m_node, m_config) != nullptr;
  m_search->setEnabled(!busy && haveNode);
  m_retrieve->setEnabled(!busy && haveNode && !m_results->selectedItems().isEmpty());
  m_cancelButton->setEnabled(busy);
  m_open->setEnabled(!busy && !m_retrieved.isEmpty());
  m_node->setEnabled(!busy && !m_config.nodes.empty());
  m_progress->setVisible(busy);
}

void QueryRetrieveDialog::setStatus(const QString& text, bool problem) { showStatus(m_status, text, problem); }

void QueryRetrieveDialog::cancel() {
  if (m_cancel) m_cancel->store(true);
  if (m_busy) setStatus(tr("Cancelling..."), false);
}

void QueryRetrieveDialog::search() {
  const pacs::NamedNode* chosen = chosenNode(m_node, m_config);
  if (m_busy || !chosen) return;
  const pacs::NamedNode named = *chosen;
  const pacs::Query q = query();
  if (!q.studyDateFrom.empty() && !q.studyDateTo.empty() && q.studyDateFrom > q.studyDateTo)
    return setStatus(tr("The study date range ends before it starts."), true);
  pacs::ScuOptions options;
  options.callingAeTitle = m_config.localAeTitle;

  m_cancel = newCancelFlag();
  const SharedCancel cancel = m_cancel;
  const SharedRelay relay = newProgressRelay();
  connect(relay.get(), &PacsProgressRelay::progressed, this,
          [this](int done, int, const QString&) { setStatus(tr("%1 found so far...").arg(done), false); });
  m_progress->setRange(0, 0);
  setStatus(tr("Searching %1...").arg(nodeLabel(named)), false);
  setBusy(true);

  auto* watcher = new QFutureWatcher<SearchOutcome>(this);
  connect(watcher, &QFutureWatcher<SearchOutcome>::finished, this, [this, watcher, named] {
    SearchOutcome outcome = watcher->result();
    watcher->deleteLater();
    setBusy(false);
    if (outcome.error) {
      // The reason already names the node's address; the user's name for it leads.
      const bool cancelled = outcome.error->code() == ErrorCode::Cancelled;
      setStatus(cancelled ? tr("Search cancelled.") : qstr(named.name) + ": " + qstr(outcome.error->reason()),
                !cancelled);
      Q_EMIT searchFinished(false);
      return;
    }
    m_matches = std::move(outcome.matches);
    m_matchesFrom = named;
    showMatches();
    const int n = static_cast<int>(m_matches.size());
    const QString where = qstr(named.name);
    setStatus(n == 1 ? tr("1 study found on %1.").arg(where) : tr("%1 studies found on %2.").arg(n).arg(where), false);
    Q_EMIT searchFinished(true);
  });
  watcher->setFuture(QtConcurrent::run([named, q, options, cancel, relay] {
    const auto progress = [&relay](const pacs::Progress& p) {
      Q_EMIT relay->progressed(static_cast<int>(p.done), static_cast<int>(p.total), qstr(p.current));
    };
    auto found = pacs::find(named.node, q, options, progress, cancel.get());
    SearchOutcome outcome;
    if (found.ok()) outcome.matches = std::move(found).value();
    else outcome.error = found.error();
    return outcome;
  }));
}

void QueryRetrieveDialog::showMatches() {
  m_results->setSortingEnabled(false);
  m_results->clearContents();
  m_results->setRowCount(static_cast<int>(m_matches.size()));
  for (int row = 0; row < static_cast<int>(m_matches.size()); ++row) {
    const pacs::QueryMatch& m = m_matches[static_cast<std::size_t>(row)];
    auto* patient = new QTableWidgetItem(readableName(m.patientName));
    patient->setData(Qt::UserRole, row);  // the match, whatever the sort order
    patient->setToolTip(qstr(m.studyInstanceUid));
    m_results->setItem(row, kPatient, patient);
    m_results->setItem(row, kPatientId, new QTableWidgetItem(qstr(m.patientId)));
    m_results->setItem(row, kDate, new SortItem(readableDate(m.studyDate), qstr(m.studyDate + m.studyTime)));
    m_results->setItem(row, kDescription, new QTableWidgetItem(qstr(m.studyDescription)));
    m_results->setItem(row, kModalities, new QTableWidgetItem(qstr(m.modalitiesInStudy).replace('\\', ", ")));
    m_results->setItem(row, kAccession, new QTableWidgetItem(qstr(m.accessionNumber)));
    const int n = m.numberOfInstances;
    m_results->setItem(row, kInstances, new SortItem(n >= 0 ? QString::number(n) : QString(), n));
  }
  m_results->setSortingEnabled(true);
  m_results->resizeColumnsToContents();
  m_results->horizontalHeader()->setSectionResizeMode(kDescription, QHeaderView::Stretch);
  if (m_matches.size() == 1) m_results->selectRow(0);
  setBusy(false);
}

void QueryRetrieveDialog::retrieveSelected() {
  // From the node that answered the search, whatever the combo shows now.
  if (m_busy || m_matches.empty()) return;
  std::vector<std::string> studies;
  QStringList labels;
  for (int row = 0; row < m_results->rowCount(); ++row) {
    QTableWidgetItem* item = m_results->item(row, kPatient);
    if (!item || !(item->isSelected() || m_results->rowCount() == 1)) continue;
    const auto& m = m_matches[static_cast<std::size_t>(item->data(Qt::UserRole).toInt())];
    if (m.studyInstanceUid.empty()) continue;
    studies.push_back(m.studyInstanceUid);
  }
  if (studies.empty()) return setStatus(tr("Select the studies to retrieve."), true);

  const pacs::NamedNode named = m_matchesFrom;
  const std::string store = storeFolder().toStdString();
  pacs::ScuOptions options;
  options.callingAeTitle = m_config.localAeTitle;
  m_cancel = newCancelFlag();
  const SharedCancel cancel = m_cancel;
  const SharedRelay relay = newProgressRelay();
  const int studyCount = static_cast<int>(studies.size());
  connect(relay.get(), &PacsProgressRelay::progressed, this, [this](int done, int total, const QString& text) {
    m_progress->setRange(0, total > 0 ? total : 0);
    if (total > 0) m_progress->setValue(done);
    setStatus(text, false);
  });
  m_progress->setRange(0, 0);
  m_retrieved.clear();
  setStatus(tr("Retrieving %1 from %2...")
                .arg(studyCount == 1 ? tr("1 study") : tr("%1 studies").arg(studyCount), qstr(named.name)),
            false);
  setBusy(true);

  auto* watcher = new QFutureWatcher<RetrieveOutcome>(this);
  connect(watcher, &QFutureWatcher<RetrieveOutcome>::finished, this, [this, watcher, named, studyCount] {
    const RetrieveOutcome outcome = watcher->result();
    watcher->deleteLater();
    m_retrieved = outcome.files;
    setBusy(false);
    for (const QString& folder : outcome.folders) Q_EMIT studyRetrieved(folder);
    QString summary = tr("%1 stored, %2 already in the store, %3 failed.")
                          .arg(outcome.stored)
                          .arg(outcome.present)
                          .arg(outcome.failed);
    const bool ok = !outcome.cancelled && outcome.problems.isEmpty() && outcome.failed == 0;
    if (outcome.cancelled) summary = tr("Retrieve cancelled: ") + summary + tr(" What arrived is kept.");
    else if (ok)
      summary = tr("Retrieved %1 into %2: ")
                    .arg(studyCount == 1 ? tr("1 study") : tr("%1 studies").arg(studyCount), storeFolder()) +
                summary;
    if (!outcome.problems.isEmpty()) summary += "\n" + qstr(named.name) + ": " + outcome.problems.join("\n");
    setStatus(summary, !ok && !outcome.cancelled);
    Q_EMIT retrieveFinished(ok);
  });
  watcher->setFuture(QtConcurrent::run([named, studies, store, options, cancel, relay] {
    RetrieveOutcome outcome;
    const int n = static_cast<int>(studies.size());
    for (int i = 0; i < n && !outcome.cancelled; ++i) {
      const auto progress = [&](const pacs::Progress& p) {
        const QString text = n == 1 ? tr("%1 of %2 instances").arg(p.done).arg(p.total ? QString::number(p.total) : "?")
                                    : tr("Study %1 of %2: %3 of %4 instances")
                                          .arg(i + 1)
                                          .arg(n)
                                          .arg(p.done)
                                          .arg(p.total ? QString::number(p.total) : "?");
        Q_EMIT relay->progressed(static_cast<int>(p.done), static_cast<int>(p.total), text);
      };
      auto report = pacs::retrieveGet(named.node, studies[static_cast<std::size_t>(i)], store, options, progress,
                                      cancel.get());
      if (!report.ok()) {
        if (report.error().code() == ErrorCode::Cancelled) outcome.cancelled = true;
        else outcome.problems << qstr(report.error().reason());
        continue;
      }
      bool any = false;
      std::size_t failed = 0;
      for (const auto& instance : report.value().instances) {
        if (instance.status == pacs::InstanceStatus::Failed) {
          ++failed;
          continue;
        }
        ++(instance.status == pacs::InstanceStatus::Stored ? outcome.stored : outcome.present);
        if (!instance.path.empty()) {
          outcome.files << qstr(instance.path);
          any = true;
        }
      }
      // The peer's own count covers sub-operations that never reached us as an instance.
      outcome.failed += std::max(failed, static_cast<std::size_t>(std::max(0, report.value().failed)));
      if (any) outcome.folders << QDir(qstr(store)).filePath(qstr(studies[static_cast<std::size_t>(i)]));
      if (const auto& stop = report.value().interruption) {
        if (stop->code() == ErrorCode::Cancelled) outcome.cancelled = true;
        else outcome.problems << qstr(stop->reason());
      }
    }
    outcome.files.sort();
    return outcome;
  }));
}

void QueryRetrieveDialog::openSettings() {
  auto* dialog = new PacsSettingsDialog(this, m_configPath);
  dialog->setAttribute(Qt::WA_DeleteOnClose);
  connect(dialog, &PacsSettingsDialog::saved, this, &QueryRetrieveDialog::reloadConfig);
  dialog->open();
}

}  // namespace hilum::ui
