#pragma once
// Runs the AI off the GUI thread: loads a model pack (seconds for a DenseNet), analyses films with
// progress and cancel, and hands results back as signals. Only the newest film's result is
// delivered; starting another analysis cancels the running one.
#include "hilum/ai/film_gate.h"
#include "hilum/ai/findings.h"
#include "hilum/film/film.h"

#include <QObject>
#include <QString>

#include <memory>
#include <optional>

namespace hilum::ui {

class AnalysisRunner : public QObject {
  Q_OBJECT
public:
  explicit AnalysisRunner(QObject* parent = nullptr);
  ~AnalysisRunner() override;

  void loadModel(const QString& packDirectory);
  bool hasModel() const;
  QString modelDescription() const;  // "name version on device", empty without a model
  void analyze(std::shared_ptr<const film::Film> film);
  // Whether the loaded pack was trained for this film, by its metadata (no pixels read: this runs on
  // the GUI thread; the analysis repeats it with the pixel checks); empty without a model.
  std::optional<ai::GateResult> gate(const film::Film& film) const;
  void cancel();
  bool busy() const;

Q_SIGNALS:
  void modelLoaded(const QString& description);
  void modelFailed(const QString& message);
  void analysisStarted();
  void progressed(double fraction);
  void analysisFinished(std::shared_ptr<const hilum::film::Film> film, std::shared_ptr<const hilum::ai::Findings> findings);
  void analysisFailed(const QString& message);

private:
  class Private;
  std::unique_ptr<Private> d;
};

}  // namespace hilum::ui
