#include "hilum/ui/export_dialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QtConcurrent/QtConcurrentRun>

namespace hilum::ui {

ExportDialog::ExportDialog(std::vector<report::ReportFilm> films, bool anonymise, QWidget* parent)
    : QDialog(parent), m_films(std::move(films)) {
  setWindowTitle(tr("Export report"));
  QSettings settings;
  auto* form = new QFormLayout(this);
  const bool dicom = !m_films.empty() && m_films.front().film->metadata().format == film::SourceFormat::Dicom;
  const QString stem = m_films.empty() ? QStringLiteral("report")
                                       : QFileInfo(QString::fromStdString(m_films.front().film->path())).completeBaseName();

  m_folder = new QLineEdit(settings.value("export/folder", QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation)).toString(), this);
  auto* browse = new QPushButton(tr("Browse..."), this);
  connect(browse, &QPushButton::clicked, this, [this] {
    const QString dir = QFileDialog::getExistingDirectory(this, tr("Export folder"), m_folder->text());
    if (!dir.isEmpty()) m_folder->setText(dir);
  });
  auto* folderRow = new QHBoxLayout;
  folderRow->addWidget(m_folder, 1);
  folderRow->addWidget(browse);
  m_baseName = new QLineEdit(stem + QStringLiteral("-report"), this);
  m_institution = new QLineEdit(settings.value("report/institution").toString(), this);
  m_institution->setPlaceholderText(tr("Printed at the top of the report"));
  m_impression = new QPlainTextEdit(this);
  m_impression->setPlaceholderText(tr("Your impression, as it should appear in the report"));
  m_impression->setMinimumHeight(90);
  m_page = new QComboBox(this);
  m_page->addItems({tr("A4"), tr("Letter")});
  m_page->setCurrentIndex(settings.value("report/page", 0).toInt());
  m_anonymise = new QCheckBox(tr("Anonymise (PS3.15 basic profile for DICOM; no identity in PDF and PNG)"), this);
  m_anonymise->setObjectName("anonymise");
  m_anonymise->setChecked(anonymise);
  m_allFilms = new QCheckBox(tr("Add the other %n film(s) of the layout to the PDF", nullptr, static_cast<int>(m_films.size()) - 1), this);
  m_allFilms->setObjectName("allFilms");
  m_allFilms->setVisible(m_films.size() > 1);

  auto box = [this](const QString& text, const QString& name, bool on, bool enabled = true, const QString& why = {}) {
    auto* b = new QCheckBox(text, this);
    b->setObjectName(name);
    b->setChecked(on && enabled);
    b->setEnabled(enabled);
    if (!why.isEmpty()) b->setToolTip(why);
    return b;
  };
  const bool analysed = !m_films.empty() && m_films.front().findings;
  const bool annotated = !m_films.empty() && !m_films.front().annotations.empty();
  m_pdf = box(tr("PDF report"), "pdf", true);
  m_png = box(tr("PNG of the film with heatmap and annotations"), "png", false);
  m_sc = box(tr("DICOM Secondary Capture (heatmap burned in)"), "sc", false, analysed, tr("Analyse the film first"));
  m_sr = box(tr("DICOM Structured Report of the findings"), "sr", false, analysed, tr("Analyse the film first"));
  m_encapsulated = box(tr("DICOM Encapsulated PDF of the report"), "encapsulatedPdf", false);
  m_gsps = box(tr("DICOM presentation state with the annotations (GSPS)"), "gsps", false, annotated && dicom,
               tr("Needs annotations on a DICOM film"));
  connect(m_pdf, &QCheckBox::toggled, m_encapsulated, [this](bool on) {
    if (!on) m_encapsulated->setChecked(false);
    m_encapsulated->setEnabled(on);
  });

  form->addRow(tr("Folder"), folderRow);
  form->addRow(tr("File name"), m_baseName);
  form->addRow(tr("Institution"), m_institution);
  form->addRow(tr("Impression"), m_impression);
  form->addRow(tr("Page"), m_page);
  form->addRow(m_anonymise);
  form->addRow(m_allFilms);
  for (auto* b : {m_pdf, m_png, m_sc, m_sr, m_encapsulated, m_gsps}) form->addRow(b);
  m_result = new QLabel(this);
  m_result->setWordWrap(true);
  m_result->setTextInteractionFlags(Qt::TextSelectableByMouse);
  form->addRow(m_result);
  auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
  m_export = buttons->addButton(tr("Export"), QDialogButtonBox::AcceptRole);
  connect(m_export, &QPushButton::clicked, this, &ExportDialog::startExport);
  connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
  form->addRow(buttons);
}

void ExportDialog::setFolder(const QString& folder) { m_folder->setText(folder); }
void ExportDialog::setImpression(const QString& text) { m_impression->setPlainText(text); }
QCheckBox* ExportDialog::option(const QString& objectName) const { return findChild<QCheckBox*>(objectName); }
QString ExportDialog::resultText() const { return m_result->text(); }

QString ExportDialog::path(const QString& suffix) const {
  return QDir(m_folder->text()).filePath(m_baseName->text().trimmed() + suffix);
}

report::ExportTargets ExportDialog::targets() const {
  report::ExportTargets t;
  auto set = [this](QCheckBox* box, const QString& suffix, std::optional<std::string>& target) {
    if (box->isChecked()) target = path(suffix).toStdString();
  };
  set(m_pdf, ".pdf", t.pdf);
  set(m_png, ".png", t.png);
  set(m_sc, "-sc.dcm", t.secondaryCapture);
  set(m_sr, "-sr.dcm", t.structuredReport);
  set(m_encapsulated, "-pdf.dcm", t.encapsulatedPdf);
  set(m_gsps, "-gsps.dcm", t.presentationState);
  return t;
}

void ExportDialog::startExport() {
  if (m_busy || m_films.empty()) return;
  if (!QDir(m_folder->text()).exists()) {
    m_result->setText(tr("The folder %1 does not exist.").arg(m_folder->text()));
    return;
  }
  QSettings settings;
  settings.setValue("export/folder", m_folder->text());
  settings.setValue("report/institution", m_institution->text());
  settings.setValue("report/page", m_page->currentIndex());
  report::ReportRequest request;
  request.films = m_allFilms->isChecked() ? m_films : std::vector<report::ReportFilm>{m_films.front()};
  request.institution = m_institution->text();
  request.impression = m_impression->toPlainText();
  request.anonymise = m_anonymise->isChecked();
  request.pageSize = m_page->currentIndex() == 1 ? report::PageSize::Letter : report::PageSize::A4;
  request.software = QStringLiteral("Hilum %1").arg(QStringLiteral(HILUM_VERSION));
  const report::ExportTargets targets = this->targets();
  m_busy = true;
  m_export->setEnabled(false);
  m_result->setText(tr("Exporting..."));
  auto* watcher = new QFutureWatcher<Result<report::ExportOutcome>>(this);
  connect(watcher, &QFutureWatcher<Result<report::ExportOutcome>>::finished, this, [this, watcher] {
    const auto outcome = watcher->result();
    watcher->deleteLater();
    m_busy = false;
    m_export->setEnabled(true);
    if (!outcome.ok()) {
      m_result->setText(tr("Export failed: %1").arg(QString::fromStdString(outcome.error().message())));
      Q_EMIT exportFinished(false);
      return;
    }
    QStringList lines;
    for (const auto& f : outcome.value().files) lines << QStringLiteral("%1: %2").arg(QString::fromStdString(f.path), QString::fromStdString(f.what));
    for (const auto& w : outcome.value().warnings) lines << tr("Warning: %1").arg(QString::fromStdString(w));
    m_result->setText(lines.join('\n'));
    Q_EMIT exportFinished(true);
  });
  watcher->setFuture(QtConcurrent::run([request, targets] { return report::exportBundle(request, targets); }));
}

}  // namespace hilum::ui
