#include "hilum/ui/pacs_settings_dialog.h"

#include "pacs_common_p.h"

#include "hilum/pacs/echo.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QFutureWatcher>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QPushButton>
#include <QSpinBox>
#include <QTableWidget>
#include <QVBoxLayout>
#include <QtConcurrent>

#include <chrono>
#include <optional>

namespace hilum::ui {
namespace {

enum Column { kName, kAeTitle, kHost, kPort, kTest, kStatus, kColumns };
constexpr const char* kAllInterfaces = "0.0.0.0";
constexpr const char* kLoopback = "127.0.0.1";

struct EchoOutcome {
  bool ok = false;
  QString message;
};

// The Add / Edit form. Checks what the file would refuse (AE title rules, empty or duplicate name,
// empty host) before it closes, so the table never holds a node Save would reject.
std::optional<pacs::NamedNode> nodeForm(QWidget* parent, const QString& title, const pacs::NamedNode& initial,
                                        const QStringList& takenNames) {
  QDialog dialog(parent);
  dialog.setWindowTitle(title);
  auto* name = new QLineEdit(qstr(initial.name));
  name->setPlaceholderText(PacsSettingsDialog::tr("e.g. Main PACS"));
  auto* ae = new QLineEdit(qstr(initial.node.aeTitle));
  ae->setMaxLength(static_cast<int>(pacs::kMaxAeTitleLength));
  ae->setPlaceholderText(PacsSettingsDialog::tr("the PACS's AE title, e.g. ORTHANC"));
  auto* host = new QLineEdit(qstr(initial.node.host));
  host->setPlaceholderText(PacsSettingsDialog::tr("host name or IP address"));
  auto* port = new QSpinBox;
  port->setRange(1, 65535);
  port->setValue(initial.node.port);
  auto* problem = new QLabel;
  problem->setWordWrap(true);
  problem->hide();
  auto* form = new QFormLayout;
  form->addRow(PacsSettingsDialog::tr("&Name:"), name);
  form->addRow(PacsSettingsDialog::tr("&AE title:"), ae);
  form->addRow(PacsSettingsDialog::tr("&Host:"), host);
  form->addRow(PacsSettingsDialog::tr("&Port:"), port);
  auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
  auto* layout = new QVBoxLayout(&dialog);
  layout->addLayout(form);
  layout->addWidget(problem);
  layout->addWidget(buttons);

  pacs::NamedNode result = initial;
  QObject::connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
  QObject::connect(buttons, &QDialogButtonBox::accepted, &dialog, [&] {
    result.name = name->text().trimmed().toStdString();
    result.node.aeTitle = ae->text().toStdString();
    result.node.host = host->text().trimmed().toStdString();
    result.node.port = port->value();
    QString why;
    if (result.name.empty()) why = PacsSettingsDialog::tr("The node needs a name.");
    else if (takenNames.contains(qstr(result.name)))
      why = PacsSettingsDialog::tr("A node named '%1' already exists.").arg(qstr(result.name));
    else if (Status s = pacs::validateAeTitle(result.node.aeTitle); !s.ok()) why = qstr(s.error().reason());
    else if (result.node.host.empty()) why = PacsSettingsDialog::tr("The node needs a host.");
    if (!why.isEmpty()) return showStatus(problem, why, true);
    dialog.accept();
  });
  if (dialog.exec() != QDialog::Accepted) return std::nullopt;
  return result;
}

}  // namespace

PacsSettingsDialog::PacsSettingsDialog(QWidget* parent, const QString& configPath)
    : QDialog(parent), m_path(configPath.isEmpty() ? qstr(pacs::defaultConfigPath()) : configPath) {
  setWindowTitle(tr("PACS settings"));
  setObjectName("pacsSettingsDialog");

  // Nodes
  m_table = new QTableWidget(0, kColumns);
  m_table->setObjectName("pacsNodeTable");
  m_table->setHorizontalHeaderLabels({tr("Name"), tr("AE title"), tr("Host"), tr("Port"), QString(), tr("C-ECHO")});
  m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
  m_table->setSelectionMode(QAbstractItemView::SingleSelection);
  m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
  m_table->verticalHeader()->hide();
  m_table->horizontalHeader()->setStretchLastSection(true);
  for (int c : {kName, kAeTitle, kHost, kPort, kTest})
    m_table->horizontalHeader()->setSectionResizeMode(c, QHeaderView::ResizeToContents);
  m_table->setMinimumHeight(140);
  connect(m_table, &QTableWidget::cellDoubleClicked, this, [this](int row, int) { editRow(row); });

  auto* add = new QPushButton(tr("&Add..."));
  auto* edit = new QPushButton(tr("&Edit..."));
  auto* remove = new QPushButton(tr("&Remove"));
  auto* test = new QPushButton(tr("&Test (C-ECHO)"));
  test->setObjectName("echoSelected");
  connect(add, &QPushButton::clicked, this, [this] {
    QStringList names;
    for (const auto& n : config().nodes) names << qstr(n.name);
    pacs::NamedNode fresh;
    fresh.node.port = 104;
    if (const auto node = nodeForm(this, tr("Add PACS node"), fresh, names)) addNode(*node);
  });
  connect(edit, &QPushButton::clicked, this, [this] { editRow(m_table->currentRow()); });
  connect(remove, &QPushButton::clicked, this, &PacsSettingsDialog::removeSelected);
  connect(test, &QPushButton::clicked, this, [this] { testNode(m_table->currentRow()); });
  auto* nodeButtons = new QHBoxLayout;
  for (QPushButton* b : {add, edit, remove, test}) {
    b->setAutoDefault(false);
    nodeButtons->addWidget(b);
  }
  nodeButtons->addStretch();
  auto* nodesBox = new QGroupBox(tr("PACS nodes"));
  auto* nodesLayout = new QVBoxLayout(nodesBox);
  nodesLayout->addWidget(m_table);
  nodesLayout->addLayout(nodeButtons);

  // This workstation
  m_localAe = new QLineEdit;
  m_localAe->setObjectName("localAeTitle");
  m_localAe->setMaxLength(static_cast<int>(pacs::kMaxAeTitleLength));
  m_localAe->setToolTip(tr("The calling AE title of every association; the PACS must know it for C-MOVE."));
  m_scpEnabled = new QCheckBox(tr("Receive studies (storage SCP)"));
  m_scpEnabled->setObjectName("scpEnabled");
  m_scpPort = new QSpinBox;
  m_scpPort->setObjectName("scpPort");
  m_scpPort->setRange(1, 65535);
  m_allInterfaces = new QCheckBox(tr("Listen on all interfaces (otherwise only this computer, 127.0.0.1)"));
  m_allInterfaces->setObjectName("scpAllInterfaces");
  m_storeFolder = new QLineEdit;
  m_storeFolder->setObjectName("storeFolder");
  m_storeFolder->setPlaceholderText(qstr(pacs::defaultStoreFolder()));
  auto* browse = new QPushButton(tr("&Browse..."));
  browse->setAutoDefault(false);
  connect(browse, &QPushButton::clicked, this, &PacsSettingsDialog::browseStore);
  auto* storeRow = new QHBoxLayout;
  storeRow->addWidget(m_storeFolder, 1);
  storeRow->addWidget(browse);
  connect(m_scpEnabled, &QCheckBox::toggled, this, [this](bool on) {
    m_scpPort->setEnabled(on);
    m_allInterfaces->setEnabled(on);
  });
  auto* localBox = new QGroupBox(tr("This workstation"));
  auto* localForm = new QFormLayout(localBox);
  localForm->addRow(tr("Our &AE title:"), m_localAe);
  localForm->addRow(QString(), m_scpEnabled);
  localForm->addRow(tr("SCP &port:"), m_scpPort);
  localForm->addRow(QString(), m_allInterfaces);
  auto* storeLabel = new QLabel(tr("Local &store:"));
  storeLabel->setBuddy(m_storeFolder);
  localForm->addRow(storeLabel, storeRow);

  // AI worklist
  m_resultsNode = new QComboBox;
  m_resultsNode->setObjectName("resultsNode");
  m_priorities = new QLineEdit;
  m_priorities->setObjectName("triagePriorities");
  m_priorities->setPlaceholderText(tr("e.g. Pneumothorax=3,Effusion=1.5"));
  m_priorities->setToolTip(tr("Weight per finding: the worklist ranks studies by weight x probability."));
  auto* triageBox = new QGroupBox(tr("AI triage worklist"));
  auto* triageForm = new QFormLayout(triageBox);
  triageForm->addRow(tr("Send &results (SR + SC) to:"), m_resultsNode);
  triageForm->addRow(tr("&Priorities:"), m_priorities);

  m_problem = new QLabel;
  m_problem->setObjectName("pacsSettingsProblem");
  m_problem->setWordWrap(true);
  m_problem->setTextInteractionFlags(Qt::TextSelectableByMouse);
  m_problem->hide();
  auto* fileLabel = new QLabel(tr("Saved in %1").arg(m_path));
  fileLabel->setStyleSheet("color: palette(mid);");
  fileLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);

  auto* buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel);
  connect(buttons, &QDialogButtonBox::accepted, this, [this] { save(); });
  connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

  auto* layout = new QVBoxLayout(this);
  layout->addWidget(nodesBox, 1);
  layout->addWidget(localBox);
  layout->addWidget(triageBox);
  layout->addWidget(m_problem);
  layout->addWidget(fileLabel);
  layout->addWidget(buttons);
  resize(720, 620);
  load();
}

PacsSettingsDialog::~PacsSettingsDialog() = default;

void PacsSettingsDialog::load() {
  auto loaded = pacs::loadPacsConfig(m_path.toStdString());
  pacs::PacsConfig config;
  if (loaded.ok()) {
    config = std::move(loaded).value();
  } else {
    // Shown, not swallowed: Save would replace the file, and the user must know that.
    showProblem(tr("%1\nThe settings below are the defaults; saving replaces the file.")
                    .arg(qstr(loaded.error().path() + ": " + loaded.error().reason())));
  }
  m_table->setRowCount(0);
  for (const auto& node : config.nodes) addNode(node);
  m_localAe->setText(qstr(config.localAeTitle));
  m_scpEnabled->setChecked(config.scpEnabled);
  m_scpPort->setValue(config.scpPort);
  m_scpPort->setEnabled(config.scpEnabled);
  m_allInterfaces->setEnabled(config.scpEnabled);
  m_loadedBindAddress = qstr(config.scpBindAddress);
  m_allInterfaces->setChecked(config.scpBindAddress == kAllInterfaces);
  if (m_loadedBindAddress != kAllInterfaces && m_loadedBindAddress != kLoopback)
    m_allInterfaces->setToolTip(tr("Unticked, the SCP keeps listening on %1 as configured.").arg(m_loadedBindAddress));
  m_storeFolder->setText(qstr(config.storeFolder));
  m_priorities->setText(qstr(config.priorities));
  refreshResultsCombo();
  if (const int at = m_resultsNode->findData(qstr(config.resultsNode)); at >= 0) m_resultsNode->setCurrentIndex(at);
}

pacs::PacsConfig PacsSettingsDialog::config() const {
  pacs::PacsConfig config;
  config.localAeTitle = m_localAe->text().toStdString();
  for (int row = 0; row < m_table->rowCount(); ++row) {
    pacs::NamedNode named;
    named.name = m_table->item(row, kName)->text().toStdString();
    named.node.aeTitle = m_table->item(row, kAeTitle)->text().toStdString();
    named.node.host = m_table->item(row, kHost)->text().toStdString();
    named.node.port = m_table->item(row, kPort)->text().toInt();
    named.node.dicomWebUrl = m_table->item(row, kName)->data(Qt::UserRole).toString().toStdString();
    config.nodes.push_back(std::move(named));
  }
  config.scpEnabled = m_scpEnabled->isChecked();
  config.scpPort = m_scpPort->value();
  if (m_allInterfaces->isChecked()) config.scpBindAddress = kAllInterfaces;
  else if (m_loadedBindAddress.isEmpty() || m_loadedBindAddress == kAllInterfaces) config.scpBindAddress = kLoopback;
  else config.scpBindAddress = m_loadedBindAddress.toStdString();
  config.storeFolder = m_storeFolder->text().trimmed().toStdString();
  config.resultsNode = m_resultsNode->currentData().toString().toStdString();
  config.priorities = m_priorities->text().trimmed().toStdString();
  return config;
}

QString PacsSettingsDialog::errorText() const { return m_problem->text(); }

void PacsSettingsDialog::addNode(const pacs::NamedNode& node) {
  const int row = m_table->rowCount();
  m_table->insertRow(row);
  setRow(row, node);
  auto* test = new QPushButton(tr("Test"));
  test->setObjectName(QStringLiteral("echoButton%1").arg(row));
  test->setAutoDefault(false);
  test->setToolTip(tr("C-ECHO: is the node there and does it accept us?"));
  // The row is looked up at click time: removing an earlier row moves this one up.
  connect(test, &QPushButton::clicked, this, [this, test] {
    for (int r = 0; r < m_table->rowCount(); ++r)
      if (m_table->cellWidget(r, kTest) == test) return testNode(r);
  });
  m_table->setCellWidget(row, kTest, test);
  refreshResultsCombo();
}

void PacsSettingsDialog::setRow(int row, const pacs::NamedNode& node) {
  auto* name = new QTableWidgetItem(qstr(node.name));
  name->setData(Qt::UserRole, qstr(node.node.dicomWebUrl));
  m_table->setItem(row, kName, name);
  m_table->setItem(row, kAeTitle, new QTableWidgetItem(qstr(node.node.aeTitle)));
  m_table->setItem(row, kHost, new QTableWidgetItem(qstr(node.node.host)));
  m_table->setItem(row, kPort, new QTableWidgetItem(QString::number(node.node.port)));
  m_table->setItem(row, kStatus, new QTableWidgetItem);
}

void PacsSettingsDialog::editRow(int row) {
  if (row < 0 || row >= m_table->rowCount()) return;
  const pacs::PacsConfig current = config();
  QStringList others;
  for (int r = 0; r < static_cast<int>(current.nodes.size()); ++r)
    if (r != row) others << qstr(current.nodes[static_cast<std::size_t>(r)].name);
  const QString oldName = qstr(current.nodes[static_cast<std::size_t>(row)].name);
  const auto edited = nodeForm(this, tr("Edit PACS node"), current.nodes[static_cast<std::size_t>(row)], others);
  if (!edited) return;
  const bool wasResults = m_resultsNode->currentData().toString() == oldName;
  setRow(row, *edited);
  refreshResultsCombo();
  if (wasResults) m_resultsNode->setCurrentIndex(m_resultsNode->findData(qstr(edited->name)));
}

void PacsSettingsDialog::removeSelected() {
  const int row = m_table->currentRow();
  if (row < 0) return;
  m_table->removeRow(row);
  refreshResultsCombo();
}

void PacsSettingsDialog::refreshResultsCombo() {
  const QString chosen = m_resultsNode->currentData().toString();
  m_resultsNode->clear();
  m_resultsNode->addItem(tr("Keep results local"), QString());
  for (int row = 0; row < m_table->rowCount(); ++row) {
    const QString name = m_table->item(row, kName)->text();
    m_resultsNode->addItem(name, name);
  }
  m_resultsNode->setCurrentIndex(std::max(0, m_resultsNode->findData(chosen)));
}

void PacsSettingsDialog::testNode(int row) {
  if (row < 0 || row >= m_table->rowCount()) return;
  const pacs::PacsConfig current = config();
  const pacs::NamedNode named = current.nodes[static_cast<std::size_t>(row)];
  pacs::ScuOptions options;
  // The AE title as typed, even before Save: the user tests what they are about to keep.
  if (pacs::validateAeTitle(current.localAeTitle).ok()) options.callingAeTitle = current.localAeTitle;
  options.connectTimeoutS = 5;
  options.dimseTimeoutS = 10;

  QTableWidgetItem* status = m_table->item(row, kStatus);
  status->setText(tr("testing..."));
  status->setForeground(palette().text());
  if (auto* button = m_table->cellWidget(row, kTest)) button->setEnabled(false);

  auto* watcher = new QFutureWatcher<EchoOutcome>(this);
  QPointer<QWidget> button = m_table->cellWidget(row, kTest);
  connect(watcher, &QFutureWatcher<EchoOutcome>::finished, this, [this, watcher, button, named] {
    const EchoOutcome outcome = watcher->result();
    watcher->deleteLater();
    if (button) button->setEnabled(true);
    int at = -1;  // the row may have moved or gone while the echo ran
    for (int r = 0; r < m_table->rowCount(); ++r)
      if (m_table->cellWidget(r, kTest) == button) at = r;
    if (at < 0) return;
    QTableWidgetItem* cell = m_table->item(at, kStatus);
    cell->setText(outcome.message);
    cell->setToolTip(outcome.message);
    cell->setForeground(outcome.ok ? QColor(0x1e, 0x84, 0x49) : QColor(0xc0, 0x39, 0x2b));
    // The reason already names the address ("C-ECHO to AE@host:port failed: ..."); the name leads.
    if (!outcome.ok) showProblem(qstr(named.name) + ": " + outcome.message);
    Q_EMIT echoFinished(at, outcome.ok, outcome.message);
  });
  watcher->setFuture(QtConcurrent::run([named, options] {
    const auto start = std::chrono::steady_clock::now();
    const Status s = pacs::echo(named.node, options);
    EchoOutcome outcome;
    outcome.ok = s.ok();
    if (s.ok()) {
      const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - start);
      outcome.message = PacsSettingsDialog::tr("OK (%1 ms)").arg(ms.count());
    } else {
      outcome.message = qstr(s.error().reason());
    }
    return outcome;
  }));
}

bool PacsSettingsDialog::save() {
  const pacs::PacsConfig current = config();
  const Status s = pacs::savePacsConfig(current, m_path.toStdString());
  if (!s.ok()) {
    showProblem(tr("Not saved: %1").arg(qstr(s.error().reason())));
    return false;
  }
  showProblem({});
  Q_EMIT saved();
  accept();
  return true;
}

void PacsSettingsDialog::showProblem(const QString& text) { showStatus(m_problem, text, true); }

void PacsSettingsDialog::browseStore() {
  const QString start = m_storeFolder->text().isEmpty() ? m_storeFolder->placeholderText() : m_storeFolder->text();
  const QString dir = QFileDialog::getExistingDirectory(this, tr("Local store for retrieved and received studies"), start);
  if (!dir.isEmpty()) m_storeFolder->setText(dir);
}

}  // namespace hilum::ui
