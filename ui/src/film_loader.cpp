#include "hilum/ui/film_loader.h"

#include "hilum/film/loader.h"

#include <QFutureWatcher>

#include <algorithm>
#include <QtConcurrent/QtConcurrentRun>

namespace hilum::ui {
namespace {

struct LoadOutcome {
  std::shared_ptr<const film::Film> film;
  QString path;
  QString error;
  quint64 generation = 0;
};

}  // namespace

class FilmLoader::Private {
public:
  quint64 generation = 0;
  int running = 0;
  int previewSize = 0;
};

FilmLoader::FilmLoader(QObject* parent) : QObject(parent), d(std::make_unique<Private>()) {}

FilmLoader::~FilmLoader() = default;

bool FilmLoader::busy() const { return d->running > 0; }

void FilmLoader::setPreviewSize(int pixels) { d->previewSize = std::max(0, pixels); }

void FilmLoader::load(const QString& path) {
  start(path, ++d->generation, d->previewSize > 0 ? Stage::Preview : Stage::Full);
}

void FilmLoader::start(const QString& path, quint64 generation, Stage stage) {
  ++d->running;
  auto* watcher = new QFutureWatcher<LoadOutcome>(this);
  connect(watcher, &QFutureWatcher<LoadOutcome>::finished, this, [this, watcher, stage] {
    const LoadOutcome outcome = watcher->result();
    watcher->deleteLater();
    --d->running;
    if (outcome.generation != d->generation) return;  // superseded by a newer request
    if (!outcome.film) {
      Q_EMIT loadFailed(outcome.path, outcome.error);
    } else if (stage == Stage::Refinement) {
      Q_EMIT filmRefined(outcome.film);
    } else {
      Q_EMIT filmLoaded(outcome.film);
      if (outcome.film->isPreview()) start(outcome.path, outcome.generation, Stage::Refinement);
    }
  });
  const int previewSize = stage == Stage::Preview ? d->previewSize : 0;
  watcher->setFuture(QtConcurrent::run([path, generation, previewSize] {
    LoadOutcome outcome;
    outcome.path = path;
    outcome.generation = generation;
    auto result = previewSize > 0 ? film::loadFilmPreview(path.toStdString(), previewSize)
                                  : film::loadFilm(path.toStdString());
    if (result.ok()) outcome.film = std::make_shared<const film::Film>(std::move(result).value());
    else outcome.error = QString::fromStdString(result.error().message());
    return outcome;
  }));
}

}  // namespace hilum::ui
