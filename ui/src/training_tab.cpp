#include "hilum/ui/training_tab.h"

#include "hilum/ai/model_packs.h"
#include "hilum/train/dataset.h"
#include "hilum/train/split.h"
#include "hilum/train/trainer.h"
#include "hilum/ui/validation_gallery.h"

#include <QChart>
#include <QChartView>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QFutureWatcher>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QLineSeries>
#include <QPlainTextEdit>
#include <QPointer>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QSplitter>
#include <QTabWidget>
#include <QTableWidget>
#include <QValueAxis>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include <atomic>

namespace hilum::ui {
namespace {

struct RunOutcome {
  bool ok = false;
  bool cancelled = false;
  QString message;
  train::TrainSummary summary;
};

QChart* makeChart(const QString& title, std::initializer_list<QLineSeries*> series, double yMax) {
  auto* chart = new QChart;
  chart->setTitle(title);
  chart->legend()->setAlignment(Qt::AlignBottom);
  auto* x = new QValueAxis;
  x->setTitleText(QObject::tr("epoch"));
  x->setLabelFormat("%d");
  x->setRange(1, 2);
  auto* y = new QValueAxis;
  y->setRange(0, yMax);
  chart->addAxis(x, Qt::AlignBottom);
  chart->addAxis(y, Qt::AlignLeft);
  for (auto* s : series) {
    chart->addSeries(s);
    s->attachAxis(x);
    s->attachAxis(y);
  }
  return chart;
}

}  // namespace

class TrainingTab::Private {
public:
  std::shared_ptr<std::atomic<bool>> cancel;
  bool running = false;
  QString pack;
  double maxLoss = 1.0;
};

TrainingTab::TrainingTab(QWidget* parent) : QWidget(parent), d(std::make_unique<Private>()) {
  auto* settings = new QWidget(this);
  auto* form = new QFormLayout(settings);
  m_csv = new QLineEdit(settings);
  m_csv->setPlaceholderText(tr("labels CSV (NIH style or image,label,patient columns)"));
  auto* browse = new QPushButton(tr("Browse..."), settings);
  connect(browse, &QPushButton::clicked, this, [this] {
    const QString csv = QFileDialog::getOpenFileName(this, tr("Labels CSV"), QString(), tr("CSV (*.csv)"));
    if (!csv.isEmpty()) setDataCsv(csv);
  });
  auto* csvRow = new QHBoxLayout;
  csvRow->addWidget(m_csv, 1);
  csvRow->addWidget(browse);
  form->addRow(tr("Data"), csvRow);
  m_dataSummary = new QLabel(tr("Choose a CSV to see its labels and split."), settings);
  m_dataSummary->setWordWrap(true);
  form->addRow(m_dataSummary);
  m_labels = new QTableWidget(0, 2, settings);
  m_labels->setHorizontalHeaderLabels({tr("Label"), tr("Films")});
  m_labels->horizontalHeader()->setStretchLastSection(true);
  m_labels->setMaximumHeight(180);
  form->addRow(m_labels);

  m_architecture = new QComboBox(settings);
  m_architecture->addItems({"resnet18", "resnet34", "resnet50", "densenet121", "smallcnn"});
  m_inputSize = new QSpinBox(settings);
  m_inputSize->setRange(32, 1024);
  m_inputSize->setSingleStep(32);
  m_inputSize->setValue(224);
  m_channels = new QSpinBox(settings);
  m_channels->setRange(1, 3);
  m_channels->setSingleStep(2);
  m_channels->setValue(1);
  m_epochs = new QSpinBox(settings);
  m_epochs->setRange(1, 500);
  m_epochs->setValue(20);
  m_batch = new QSpinBox(settings);
  m_batch->setRange(2, 512);
  m_batch->setValue(16);
  m_optimizer = new QComboBox(settings);
  m_optimizer->addItems({"adamw", "adam", "sgd"});
  m_lr = new QDoubleSpinBox(settings);
  m_lr->setDecimals(5);
  m_lr->setRange(1e-5, 1.0);
  m_lr->setSingleStep(1e-4);
  m_lr->setValue(1e-3);
  m_augment = new QCheckBox(tr("rotation, scale, shift, brightness/contrast/gamma, noise (no flips)"), settings);
  m_augment->setChecked(true);
  m_covariates = new QCheckBox(tr("patient age, sex and view from the CSV, beside the film"), settings);
  m_covariates->setObjectName("covariates");
  m_covariates->setToolTip(tr("The pack then reads them from each film's DICOM header when it analyses; "
                              "a film without them is analysed with them marked unknown."));
  m_covariates->setEnabled(false);  // until a CSV that has them is chosen
  m_lungCrop = new QCheckBox(tr("crop every film to its lungs before the model sees it"), settings);
  m_lungCrop->setObjectName("lungCrop");
  if (const auto lungs = ai::defaultLungPack(); lungs.ok()) {
    m_lungPack = QString::fromStdString(lungs.value());
    m_lungCrop->setToolTip(tr("The lung segmentation pack %1 finds each film's lungs; the model learns from and later "
                              "analyses their box alone, so burned-in labels and markers outside cannot teach it a shortcut.")
                               .arg(QDir::toNativeSeparators(m_lungPack)));
  } else {
    m_lungCrop->setEnabled(false);
    m_lungCrop->setToolTip(tr("No lung segmentation pack is installed."));
  }
  m_output = new QLineEdit(QDir::home().filePath("hilum-runs/run"), settings);
  form->addRow(tr("Architecture"), m_architecture);
  form->addRow(tr("Input size (px)"), m_inputSize);
  form->addRow(tr("Channels"), m_channels);
  form->addRow(tr("Epochs"), m_epochs);
  form->addRow(tr("Batch size"), m_batch);
  form->addRow(tr("Optimiser"), m_optimizer);
  form->addRow(tr("Learning rate"), m_lr);
  form->addRow(tr("Augmentation"), m_augment);
  form->addRow(tr("Covariates"), m_covariates);
  form->addRow(tr("Lung crop"), m_lungCrop);
  form->addRow(tr("Run folder"), m_output);

  m_start = new QPushButton(tr("Start"), settings);
  m_resume = new QPushButton(tr("Resume"), settings);
  m_cancel = new QPushButton(tr("Cancel"), settings);
  m_open = new QPushButton(tr("Open pack in viewer"), settings);
  m_cancel->setEnabled(false);
  m_open->setEnabled(false);
  auto* buttons = new QHBoxLayout;
  for (auto* b : {m_start, m_resume, m_cancel, m_open}) buttons->addWidget(b);
  form->addRow(buttons);
  m_progress = new QProgressBar(settings);
  form->addRow(m_progress);
  connect(m_start, &QPushButton::clicked, this, [this] { start(false); });
  connect(m_resume, &QPushButton::clicked, this, [this] { start(true); });
  connect(m_cancel, &QPushButton::clicked, this, &TrainingTab::cancel);
  connect(m_open, &QPushButton::clicked, this, [this] { Q_EMIT openPackRequested(d->pack); });
  connect(m_csv, &QLineEdit::editingFinished, this, &TrainingTab::inspectData);

  m_trainLoss = new QLineSeries;
  m_trainLoss->setName(tr("training loss"));
  m_validationLoss = new QLineSeries;
  m_validationLoss->setName(tr("validation loss"));
  m_auc = new QLineSeries;
  m_auc->setName(tr("validation mean AUC"));
  m_averagePrecision = new QLineSeries;
  m_averagePrecision->setName(tr("validation mean PR-AUC"));
  m_lrSeries = new QLineSeries;
  m_lrSeries->setName(tr("learning rate (x1000)"));
  m_lossChart = makeChart(tr("Loss"), {m_trainLoss, m_validationLoss}, 1.0);
  m_aucChart = makeChart(tr("Validation AUC, PR-AUC and learning rate"), {m_auc, m_averagePrecision, m_lrSeries}, 1.0);
  auto* lossView = new QChartView(m_lossChart);
  auto* aucView = new QChartView(m_aucChart);
  m_rocChart = makeChart(tr("ROC on the test patients"), {}, 1.0);
  m_rocChart->axes(Qt::Horizontal).front()->setTitleText(tr("1 - specificity"));
  qobject_cast<QValueAxis*>(m_rocChart->axes(Qt::Horizontal).front())->setRange(0, 1);
  qobject_cast<QValueAxis*>(m_rocChart->axes(Qt::Horizontal).front())->setLabelFormat("%.1f");
  m_rocChart->legend()->setAlignment(Qt::AlignRight);
  auto* rocView = new QChartView(m_rocChart);
  // The reliability diagram: does "30 %" happen three times in ten? Before and after calibration.
  m_calibrationChart = makeChart(tr("Calibration on validation films"), {}, 1.0);
  m_calibrationChart->axes(Qt::Horizontal).front()->setTitleText(tr("predicted probability"));
  qobject_cast<QValueAxis*>(m_calibrationChart->axes(Qt::Horizontal).front())->setRange(0, 1);
  qobject_cast<QValueAxis*>(m_calibrationChart->axes(Qt::Horizontal).front())->setLabelFormat("%.1f");
  m_calibrationChart->axes(Qt::Vertical).front()->setTitleText(tr("observed frequency"));
  m_calibrationChart->legend()->setAlignment(Qt::AlignBottom);
  auto* calibrationView = new QChartView(m_calibrationChart);
  for (auto* v : {lossView, aucView, rocView, calibrationView}) v->setRenderHint(QPainter::Antialiasing);
  m_confusion = new QTableWidget(this);
  m_confusion->setVisible(false);
  m_results = new QTableWidget(0, 2, this);
  m_results->setHorizontalHeaderLabels({tr("Label"), tr("Test AUC")});
  m_results->horizontalHeader()->setStretchLastSection(true);
  m_log = new QPlainTextEdit(this);
  m_log->setReadOnly(true);
  m_log->setMaximumBlockCount(2000);

  m_gallery = new ValidationGallery(this);
  connect(m_gallery, &ValidationGallery::openFilmRequested, this,
          [this](const QString& image) { Q_EMIT openFilmRequested(image, d->pack); });

  auto* charts = new QWidget(this);
  auto* chartLayout = new QVBoxLayout(charts);
  auto* curves = new QHBoxLayout;
  curves->addWidget(lossView, 1);
  curves->addWidget(aucView, 1);
  chartLayout->addLayout(curves, 1);
  auto* results = new QWidget(this);
  auto* bottom = new QHBoxLayout(results);
  bottom->addWidget(m_results, 1);
  bottom->addWidget(rocView, 2);
  bottom->addWidget(calibrationView, 2);
  bottom->addWidget(m_confusion, 1);
  // After a run: the numbers, the held-out films themselves, and the log.
  m_pages = new QTabWidget(this);
  m_pages->addTab(results, tr("Test results"));
  m_pages->addTab(m_gallery, tr("Gallery"));
  m_pages->addTab(m_log, tr("Log"));
  m_pages->setCurrentWidget(m_log);
  chartLayout->addWidget(m_pages, 2);

  auto* splitter = new QSplitter(this);
  splitter->addWidget(settings);
  splitter->addWidget(charts);
  splitter->setStretchFactor(1, 1);
  auto* layout = new QVBoxLayout(this);
  layout->addWidget(splitter);
}

TrainingTab::~TrainingTab() {
  if (d->cancel) d->cancel->store(true);
}

void TrainingTab::setDataCsv(const QString& csv) {
  m_csv->setText(csv);
  inspectData();
}
void TrainingTab::setOutputFolder(const QString& folder) { m_output->setText(folder); }
void TrainingTab::setArchitecture(const QString& architecture) { m_architecture->setCurrentText(architecture); }
void TrainingTab::setInputSize(int pixels) { m_inputSize->setValue(pixels); }
void TrainingTab::setEpochs(int epochs) { m_epochs->setValue(epochs); }
bool TrainingTab::running() const { return d->running; }
int TrainingTab::epochPoints() const { return static_cast<int>(m_trainLoss->count()); }
int TrainingTab::rocCurves() const { return static_cast<int>(m_rocChart->series().size()); }
int TrainingTab::calibrationCurves() const { return static_cast<int>(m_calibrationChart->series().size()); }
QString TrainingTab::packDirectory() const { return d->pack; }
ValidationGallery* TrainingTab::gallery() const { return m_gallery; }

void TrainingTab::inspectData() {
  train::CsvSpec spec;
  spec.csv = m_csv->text().toStdString();
  const auto dataset = train::readCsvDataset(spec);
  m_labels->setRowCount(0);
  if (!dataset.ok()) {
    m_dataSummary->setText(QString::fromStdString(dataset.error().message()));
    return;
  }
  const auto& ds = dataset.value();
  const auto positives = ds.positives();
  m_labels->setRowCount(static_cast<int>(ds.labels.size()));
  for (std::size_t i = 0; i < ds.labels.size(); ++i) {
    m_labels->setItem(static_cast<int>(i), 0, new QTableWidgetItem(QString::fromStdString(ds.labels[i])));
    m_labels->setItem(static_cast<int>(i), 1, new QTableWidgetItem(QString::number(positives[i])));
  }
  const auto split = train::splitByPatient(ds, 0.15, 0.15, 42);
  // How many films know each covariate decides whether the head may read them.
  const int known[3] = {ds.filmsKnowing("age"), ds.filmsKnowing("sex"), ds.filmsKnowing("view")};
  const bool anyKnown = known[0] + known[1] + known[2] > 0;
  m_covariates->setEnabled(anyKnown);
  if (!anyKnown) m_covariates->setChecked(false);
  m_dataSummary->setText(tr("%1 films, %2 labels. Patient split: %3 training, %4 validation, %5 test. "
                            "Age known for %6 films, sex for %7, view (PA/AP) for %8.")
                             .arg(ds.samples.size()).arg(ds.labels.size()).arg(split.train.size())
                             .arg(split.validation.size()).arg(split.test.size())
                             .arg(known[0]).arg(known[1]).arg(known[2]));
}

QString TrainingTab::configJson() const {
  const int channels = m_channels->value();
  QJsonObject model{{"name", QFileInfo(m_output->text()).fileName()},
                    {"architecture", m_architecture->currentText()},
                    {"input_size", m_inputSize->value()},
                    {"channels", channels},
                    {"normalization", channels == 3 ? "imagenet" : "unit"}};
  if (m_covariates->isChecked()) model["covariates"] = QJsonArray{"age", "sex", "view"};
  if (m_lungCrop->isChecked() && !m_lungPack.isEmpty())
    model["lung_crop"] = QJsonObject{{"segmenter", m_lungPack}, {"margin", 0.1}};
  QJsonObject config{
      {"data", QJsonObject{{"csv", QFileInfo(m_csv->text()).absoluteFilePath()}}},
      {"split", QJsonObject{{"validation", 0.15}, {"test", 0.15}, {"seed", 42}}},
      {"model", model},
      {"train", QJsonObject{{"epochs", m_epochs->value()}, {"batch_size", m_batch->value()},
                            {"optimizer", m_optimizer->currentText()}, {"lr", m_lr->value()}}},
      {"augment", QJsonObject{{"enabled", m_augment->isChecked()}}},
      {"output", QFileInfo(m_output->text()).absoluteFilePath()},
  };
  return QString::fromUtf8(QJsonDocument(config).toJson());
}

void TrainingTab::start(bool resume) {
  if (d->running) return;
  const QString json = configJson();
  const QString folder = QFileInfo(m_output->text()).absoluteFilePath();
  QDir().mkpath(folder);
  const QString configPath = QDir(folder).filePath("config.json");
  auto config = train::parseTrainConfig(json.toStdString(), configPath.toStdString());
  if (!config.ok()) {
    m_log->appendPlainText(QString::fromStdString(config.error().message()));
    Q_EMIT trainingFailed(QString::fromStdString(config.error().message()));
    return;
  }
  // The config is kept with the run: `hilum-cli train <run>/config.json` repeats it.
  QFile file(configPath);
  if (file.open(QIODevice::WriteOnly)) file.write(json.toUtf8());
  if (!resume) {
    for (auto* s : {m_trainLoss, m_validationLoss, m_auc, m_lrSeries}) s->clear();
    d->maxLoss = 1.0;
  }
  d->running = true;
  d->cancel = std::make_shared<std::atomic<bool>>(false);
  m_start->setEnabled(false);
  m_resume->setEnabled(false);
  m_cancel->setEnabled(true);
  m_open->setEnabled(false);
  m_log->appendPlainText(tr("Training %1 on %2...").arg(m_architecture->currentText(), m_csv->text()));

  QPointer<TrainingTab> self(this);
  auto post = [self](auto function) {
    QMetaObject::invokeMethod(self, [self, function] { if (self) function(self.data()); }, Qt::QueuedConnection);
  };
  train::TrainCallbacks callbacks;
  callbacks.cancel = d->cancel.get();
  callbacks.log = [post](const std::string& line) {
    const QString text = QString::fromStdString(line);
    post([text](TrainingTab* tab) { tab->m_log->appendPlainText(text); });
  };
  callbacks.progress = [post](const train::TrainProgress& p) {
    post([p](TrainingTab* tab) {
      tab->m_progress->setRange(0, p.batches);
      tab->m_progress->setValue(p.batch);
      tab->m_progress->setFormat(tr("epoch %1/%2  batch %v/%m").arg(p.epoch).arg(p.epochs));
    });
  };
  callbacks.epochEnded = [post](const train::EpochReport& r) { post([r](TrainingTab* tab) { tab->addEpoch(r); }); };

  auto* watcher = new QFutureWatcher<RunOutcome>(this);
  connect(watcher, &QFutureWatcher<RunOutcome>::finished, this, [this, watcher] {
    const RunOutcome outcome = watcher->result();
    watcher->deleteLater();
    d->running = false;
    m_start->setEnabled(true);
    m_resume->setEnabled(true);
    m_cancel->setEnabled(false);
    if (!outcome.ok) {
      m_log->appendPlainText(outcome.message);
      Q_EMIT trainingFailed(outcome.message);
      return;
    }
    const auto& s = outcome.summary;
    d->pack = QString::fromStdString(s.packDirectory);
    m_open->setEnabled(true);
    m_results->setRowCount(static_cast<int>(s.labels.size()));
    for (std::size_t i = 0; i < s.labels.size(); ++i) {
      m_results->setItem(static_cast<int>(i), 0, new QTableWidgetItem(QString::fromStdString(s.labels[i])));
      m_results->setItem(static_cast<int>(i), 1, new QTableWidgetItem(s.testAuc[i] ? QString::number(*s.testAuc[i], 'f', 3) : "-"));
    }
    m_log->appendPlainText(tr("Best epoch %1; test mean AUC %2. Pack: %3").arg(s.bestEpoch).arg(s.testMeanAuc, 0, 'f', 3).arg(d->pack));
    m_rocChart->removeAllSeries();
    for (std::size_t l = 0; l < s.testRoc.size(); ++l) {
      auto* series = new QLineSeries;
      series->setName(QString::fromStdString(s.labels[l]) +
                      (s.testAuc[l] ? QString(" %1").arg(*s.testAuc[l], 0, 'f', 2) : QString()));
      for (const auto& p : s.testRoc[l]) series->append(p.falsePositiveRate, p.truePositiveRate);
      m_rocChart->addSeries(series);
      series->attachAxis(m_rocChart->axes(Qt::Horizontal).front());
      series->attachAxis(m_rocChart->axes(Qt::Vertical).front());
    }
    m_calibrationChart->removeAllSeries();
    if (!s.reliabilityAfter.empty()) {
      auto add = [this](const QString& name, const std::vector<std::pair<double, double>>& points) {
        auto* series = new QLineSeries;
        series->setName(name);
        for (const auto& [x, y] : points) series->append(x, y);
        m_calibrationChart->addSeries(series);
        series->attachAxis(m_calibrationChart->axes(Qt::Horizontal).front());
        series->attachAxis(m_calibrationChart->axes(Qt::Vertical).front());
      };
      auto points = [](const std::vector<train::ReliabilityBin>& bins) {
        std::vector<std::pair<double, double>> out;
        for (const auto& b : bins) out.emplace_back(b.predicted, b.observed);
        return out;
      };
      add(tr("ideal"), {{0.0, 0.0}, {1.0, 1.0}});
      add(tr("before (ECE %1)").arg(s.eceBefore, 0, 'f', 3), points(s.reliabilityBefore));
      add(tr("after (ECE %1)").arg(s.eceAfter, 0, 'f', 3), points(s.reliabilityAfter));
      m_log->appendPlainText(tr("Calibrated on the validation films: mean ECE %1 -> %2").arg(s.eceBefore, 0, 'f', 3).arg(s.eceAfter, 0, 'f', 3));
    }
    m_confusion->setVisible(!s.testConfusion.empty());
    if (!s.testConfusion.empty()) {
      const int k = static_cast<int>(s.labels.size());
      m_confusion->setRowCount(k);
      m_confusion->setColumnCount(k);
      QStringList names;
      for (const auto& l : s.labels) names << QString::fromStdString(l);
      m_confusion->setVerticalHeaderLabels(names);    // truth
      m_confusion->setHorizontalHeaderLabels(names);  // predicted
      for (int t = 0; t < k; ++t)
        for (int p = 0; p < k; ++p)
          m_confusion->setItem(t, p, new QTableWidgetItem(QString::number(s.testConfusion[static_cast<std::size_t>(t)][static_cast<std::size_t>(p)])));
    }
    m_gallery->showFilms(d->pack, s.testSet);
    m_pages->setCurrentIndex(m_pages->indexOf(m_gallery));
    Q_EMIT trainingFinished(d->pack);
  });
  auto cancel = d->cancel;
  watcher->setFuture(QtConcurrent::run([config = std::move(config).value(), callbacks, resume, cancel] {
    RunOutcome outcome;
    auto summary = train::trainModel(config, callbacks, resume);
    if (summary.ok()) {
      outcome.ok = true;
      outcome.summary = std::move(summary).value();
    } else {
      outcome.message = QString::fromStdString(summary.error().message());
    }
    return outcome;
  }));
}

void TrainingTab::cancel() {
  if (d->cancel) d->cancel->store(true);
  m_log->appendPlainText(tr("Cancelling after this batch; Resume continues from the last finished epoch."));
}

void TrainingTab::addEpoch(const train::EpochReport& r) {
  m_trainLoss->append(r.epoch, r.trainLoss);
  m_validationLoss->append(r.epoch, r.validationLoss);
  m_auc->append(r.epoch, r.meanAuc);
  m_averagePrecision->append(r.epoch, r.meanAveragePrecision);
  m_lrSeries->append(r.epoch, r.learningRate * 1000.0);
  d->maxLoss = std::max({d->maxLoss, r.trainLoss * 1.1, r.validationLoss * 1.1});
  for (auto* chart : {m_lossChart, m_aucChart}) {
    auto* x = qobject_cast<QValueAxis*>(chart->axes(Qt::Horizontal).front());
    x->setRange(1, std::max(2, r.epoch));
  }
  qobject_cast<QValueAxis*>(m_lossChart->axes(Qt::Vertical).front())->setRange(0, d->maxLoss);
  m_log->appendPlainText(tr("epoch %1: loss %2 / %3, mean AUC %4, mean PR-AUC %5%6")
                             .arg(r.epoch).arg(r.trainLoss, 0, 'f', 4).arg(r.validationLoss, 0, 'f', 4)
                             .arg(r.meanAuc, 0, 'f', 3).arg(r.meanAveragePrecision, 0, 'f', 3).arg(r.best ? tr("  (best)") : QString()));
}

}  // namespace hilum::ui
