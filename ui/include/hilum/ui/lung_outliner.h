#pragma once
// The lung outline overlay's worker: opens the lung segmentation pack once and segments each film at
// most once, both off the GUI thread (QtConcurrent), keeps the outlines by film path, and hands them
// back through signals on the GUI thread. A film whose outline is cached is answered at once.
//
// Thread safety: a QObject of the GUI thread; call it from there only.
#include "hilum/film/film.h"

#include <QHash>
#include <QObject>
#include <QPolygonF>
#include <QRectF>
#include <QSet>
#include <QString>

#include <memory>
#include <vector>

namespace hilum::ui {

struct LungOutline {
  QString model;                    // "lungs-unet-128 1.0.0"
  std::vector<QPolygonF> polygons;  // film pixel coordinates, one per lung found
  QRectF boundingBox;               // film pixels; empty when no lung was found
  double areaFraction = 0;          // of the film
};

class LungOutliner : public QObject {
  Q_OBJECT
public:
  explicit LungOutliner(QObject* parent = nullptr);
  ~LungOutliner() override;

  // The pack to use; empty (the default): ai::defaultLungPack() when the first film is asked for.
  // Changing it drops the cache.
  void setPackDirectory(const QString& packDirectory);
  // The outline of `film`: outlineReady at once when it is cached, else once computed (or
  // outlineFailed). Previews are passed over (their full film follows); a film already being
  // outlined is not started twice.
  void request(std::shared_ptr<const film::Film> film);
  const LungOutline* cached(const QString& filmPath) const;

Q_SIGNALS:
  void outlineReady(const QString& filmPath, const hilum::ui::LungOutline& outline);
  void outlineFailed(const QString& filmPath, const QString& message);

private:
  struct Shared;
  std::shared_ptr<Shared> m_shared;  // with the workers: the pack outlives this object if they do
  QString m_packDirectory;
  QHash<QString, LungOutline> m_cache;
  QSet<QString> m_pending;
};

}  // namespace hilum::ui
