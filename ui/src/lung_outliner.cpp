#include "hilum/ui/lung_outliner.h"

#include "hilum/ai/lung_segmenter.h"
#include "hilum/ai/model_packs.h"

#include <QFutureWatcher>
#include <QtConcurrent/QtConcurrentRun>

#include <mutex>

namespace hilum::ui {
namespace {

// Outlines kept; a reading session rarely returns to more films than this.
constexpr int kCachedFilms = 64;

struct Outcome {
  LungOutline outline;
  QString error;
};

}  // namespace

struct LungOutliner::Shared {
  std::mutex mutex;  // guards the lazy open; LungSegmenter serialises its own calls
  std::string packDirectory;
  std::unique_ptr<ai::LungSegmenter> segmenter;
  std::string openError;

  // On a worker thread.
  Outcome outline(const film::Film& film) {
    ai::LungSegmenter* opened = nullptr;
    {
      std::lock_guard<std::mutex> lock(mutex);
      if (!segmenter && openError.empty()) {
        std::string pack = packDirectory;
        if (pack.empty()) {
          auto found = ai::defaultLungPack();
          if (!found.ok()) openError = found.error().message();
          else pack = found.value();
        }
        if (openError.empty()) {
          auto result = ai::LungSegmenter::open(pack);
          if (result.ok()) segmenter = std::move(result).value();
          else openError = result.error().message();
        }
      }
      if (!openError.empty()) return {{}, QString::fromStdString(openError)};
      opened = segmenter.get();
    }
    auto segmentation = opened->segment(film);
    if (!segmentation.ok()) return {{}, QString::fromStdString(segmentation.error().message())};
    const ai::Segmentation& s = segmentation.value();
    Outcome out;
    out.outline.model = QString::fromStdString(s.model);
    out.outline.areaFraction = s.areaFraction;
    if (!s.boundingBox.empty()) out.outline.boundingBox = QRectF(s.boundingBox.x, s.boundingBox.y, s.boundingBox.width, s.boundingBox.height);
    for (const auto& polygon : s.outlines) {
      QPolygonF shape;
      for (const auto& p : polygon) shape << QPointF(p.x, p.y);
      out.outline.polygons.push_back(std::move(shape));
    }
    return out;
  }
};

LungOutliner::LungOutliner(QObject* parent) : QObject(parent), m_shared(std::make_shared<Shared>()) {}

LungOutliner::~LungOutliner() = default;

void LungOutliner::setPackDirectory(const QString& packDirectory) {
  if (packDirectory == m_packDirectory) return;
  m_packDirectory = packDirectory;
  m_cache.clear();
  m_pending.clear();
  m_shared = std::make_shared<Shared>();  // workers on the old pack finish on their own copy
  m_shared->packDirectory = packDirectory.toStdString();
}

const LungOutline* LungOutliner::cached(const QString& filmPath) const {
  const auto it = m_cache.constFind(filmPath);
  return it == m_cache.constEnd() ? nullptr : &it.value();
}

void LungOutliner::request(std::shared_ptr<const film::Film> film) {
  if (!film || film->isPreview()) return;
  const QString path = QString::fromStdString(film->path());
  if (const LungOutline* outline = cached(path)) {
    Q_EMIT outlineReady(path, *outline);
    return;
  }
  if (m_pending.contains(path)) return;
  m_pending.insert(path);
  auto shared = m_shared;
  auto* watcher = new QFutureWatcher<Outcome>(this);
  connect(watcher, &QFutureWatcher<Outcome>::finished, this, [this, watcher, path, shared] {
    const Outcome outcome = watcher->result();
    watcher->deleteLater();
    if (shared != m_shared) return;  // the pack changed meanwhile
    m_pending.remove(path);
    if (!outcome.error.isEmpty()) {
      Q_EMIT outlineFailed(path, outcome.error);
      return;
    }
    if (m_cache.size() >= kCachedFilms) m_cache.clear();
    m_cache.insert(path, outcome.outline);
    Q_EMIT outlineReady(path, outcome.outline);
  });
  watcher->setFuture(QtConcurrent::run([shared, film] { return shared->outline(*film); }));
}

}  // namespace hilum::ui
