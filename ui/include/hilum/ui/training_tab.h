#pragma once
// The training tab: choose data and a network, train in a worker thread with live loss / AUC /
// learning-rate charts, cancel and resume, then open the exported pack in the viewer. It drives the
// same core trainer as `hilum-cli train`, and saves the config it used into the run folder so the
// run can be repeated from the command line.
#include <QWidget>

#include <memory>

class QChart;
class QComboBox;
class QDoubleSpinBox;
class QLineEdit;
class QLineSeries;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QTableWidget;
class QCheckBox;
class QLabel;
class QTabWidget;

namespace hilum::train { struct EpochReport; }

namespace hilum::ui {

class ValidationGallery;

class TrainingTab : public QWidget {
  Q_OBJECT
public:
  explicit TrainingTab(QWidget* parent = nullptr);
  ~TrainingTab() override;

  // Field access for tests and for pre-filling from the command line.
  void setDataCsv(const QString& csv);
  void setOutputFolder(const QString& folder);
  void setArchitecture(const QString& architecture);
  void setInputSize(int pixels);
  void setEpochs(int epochs);
  bool running() const;
  int epochPoints() const;  // points on the loss chart so far
  int rocCurves() const;    // ROC series shown after a run
  int calibrationCurves() const;  // reliability series (ideal, before, after) shown after a run
  QString packDirectory() const;
  ValidationGallery* gallery() const;
  // The run a Start would make, as the config JSON it writes into the run folder.
  QString configJson() const;

public Q_SLOTS:
  void inspectData();
  void start(bool resume = false);
  void cancel();

Q_SIGNALS:
  void trainingFinished(const QString& packDirectory);
  void trainingFailed(const QString& message);
  void openPackRequested(const QString& packDirectory);
  // A gallery film, to be opened in the viewer with the run's pack.
  void openFilmRequested(const QString& image, const QString& packDirectory);

private:
  void addEpoch(const hilum::train::EpochReport& report);

  QLineEdit* m_csv = nullptr;
  QLineEdit* m_output = nullptr;
  QLabel* m_dataSummary = nullptr;
  QTableWidget* m_labels = nullptr;
  QComboBox* m_architecture = nullptr;
  QSpinBox* m_inputSize = nullptr;
  QSpinBox* m_channels = nullptr;
  QSpinBox* m_epochs = nullptr;
  QSpinBox* m_batch = nullptr;
  QComboBox* m_optimizer = nullptr;
  QDoubleSpinBox* m_lr = nullptr;
  QCheckBox* m_augment = nullptr;
  QCheckBox* m_covariates = nullptr;
  QCheckBox* m_lungCrop = nullptr;
  QString m_lungPack;  // the segmentation pack the lung crop uses; empty when none is installed
  QPushButton* m_start = nullptr;
  QPushButton* m_resume = nullptr;
  QPushButton* m_cancel = nullptr;
  QPushButton* m_open = nullptr;
  QProgressBar* m_progress = nullptr;
  QPlainTextEdit* m_log = nullptr;
  QLineSeries* m_trainLoss = nullptr;
  QLineSeries* m_validationLoss = nullptr;
  QLineSeries* m_auc = nullptr;
  QLineSeries* m_averagePrecision = nullptr;
  QLineSeries* m_lrSeries = nullptr;
  QChart* m_lossChart = nullptr;
  QChart* m_aucChart = nullptr;
  QChart* m_rocChart = nullptr;
  QChart* m_calibrationChart = nullptr;
  QTableWidget* m_confusion = nullptr;
  QTableWidget* m_results = nullptr;
  QTabWidget* m_pages = nullptr;
  ValidationGallery* m_gallery = nullptr;

  class Private;
  std::unique_ptr<Private> d;
};

}  // namespace hilum::ui
