#include "hilum/ui/analysis_runner.h"

#include "hilum/ai/analyzer.h"

#include <QFutureWatcher>
#include <QPointer>
#include <QtConcurrent/QtConcurrentRun>

#include <atomic>

namespace hilum::ui {
namespace {

struct LoadOutcome {
  std::shared_ptr<ai::Analyzer> analyzer;
  QString error;
};

struct AnalysisOutcome {
  std::shared_ptr<const ai::Findings> findings;
  QString error;
  bool cancelled = false;
};

}  // namespace

class AnalysisRunner::Private {
public:
  std::shared_ptr<ai::Analyzer> analyzer;  // shared with the worker running on it
  std::shared_ptr<std::atomic<bool>> cancel;
  quint64 generation = 0;
  int running = 0;
};

AnalysisRunner::AnalysisRunner(QObject* parent) : QObject(parent), d(std::make_unique<Private>()) {}

AnalysisRunner::~AnalysisRunner() {
  if (d->cancel) d->cancel->store(true);
}

bool AnalysisRunner::hasModel() const { return d->analyzer != nullptr; }

std::optional<ai::GateResult> AnalysisRunner::gate(const film::Film& film) const {
  if (!d->analyzer) return std::nullopt;
  return ai::checkMetadata(d->analyzer->manifest().accepts, film.metadata());
}
bool AnalysisRunner::busy() const { return d->running > 0; }

QString AnalysisRunner::modelDescription() const {
  if (!d->analyzer) return {};
  const auto id = d->analyzer->identity();
  return tr("%1 %2 on %3", "model name, version, device").arg(QString::fromStdString(id.name), QString::fromStdString(id.version),
                                                                QString::fromStdString(d->analyzer->device()));
}

void AnalysisRunner::loadModel(const QString& packDirectory) {
  cancel();
  ++d->running;
  auto* watcher = new QFutureWatcher<LoadOutcome>(this);
  connect(watcher, &QFutureWatcher<LoadOutcome>::finished, this, [this, watcher] {
    const LoadOutcome outcome = watcher->result();
    watcher->deleteLater();
    --d->running;
    if (!outcome.analyzer) {
      Q_EMIT modelFailed(outcome.error);
      return;
    }
    d->analyzer = outcome.analyzer;
    Q_EMIT modelLoaded(modelDescription());
  });
  watcher->setFuture(QtConcurrent::run([packDirectory] {
    LoadOutcome outcome;
    auto analyzer = ai::Analyzer::open(packDirectory.toStdString());
    if (analyzer.ok()) outcome.analyzer = std::shared_ptr<ai::Analyzer>(std::move(analyzer).value());
    else outcome.error = QString::fromStdString(analyzer.error().message());
    return outcome;
  }));
}

void AnalysisRunner::cancel() {
  if (d->cancel) d->cancel->store(true);
}

void AnalysisRunner::analyze(std::shared_ptr<const film::Film> film) {
  if (!d->analyzer || !film) return;
  cancel();
  d->cancel = std::make_shared<std::atomic<bool>>(false);
  const quint64 generation = ++d->generation;
  ++d->running;
  Q_EMIT analysisStarted();
  auto* watcher = new QFutureWatcher<AnalysisOutcome>(this);
  connect(watcher, &QFutureWatcher<AnalysisOutcome>::finished, this, [this, watcher, film, generation] {
    const AnalysisOutcome outcome = watcher->result();
    watcher->deleteLater();
    --d->running;
    if (generation != d->generation || outcome.cancelled) return;
    if (outcome.findings) Q_EMIT analysisFinished(film, outcome.findings);
    else Q_EMIT analysisFailed(outcome.error);
  });
  auto analyzer = d->analyzer;
  auto cancel = d->cancel;
  QPointer<AnalysisRunner> self(this);
  watcher->setFuture(QtConcurrent::run([analyzer, cancel, film, self, generation] {
    AnalysisOutcome outcome;
    ai::AnalyzeOptions options;
    options.cancel = cancel.get();
    options.progress = [self, generation](double fraction, const char*) {
      // Progress crosses threads through a queued call; the runner may be gone by then.
      QMetaObject::invokeMethod(self, [self, fraction, generation] {
        if (self && generation == self->d->generation) Q_EMIT self->progressed(fraction);
      }, Qt::QueuedConnection);
    };
    auto findings = analyzer->analyze(*film, options);
    if (findings.ok()) outcome.findings = std::make_shared<const ai::Findings>(std::move(findings).value());
    else if (findings.error().code() == ErrorCode::Cancelled) outcome.cancelled = true;
    else outcome.error = QString::fromStdString(findings.error().message());
    return outcome;
  }));
}

}  // namespace hilum::ui
