#pragma once
// Opens films off the GUI thread. Decoding a 3000 x 3000 JPEG 2000 film takes hundreds of
// milliseconds; the window must keep painting meanwhile. Only the newest request is delivered:
// opening B while A still decodes drops A's result (DCMTK cannot be interrupted mid-frame).
#include "hilum/film/film.h"

#include <QObject>
#include <QString>

#include <memory>

namespace hilum::ui {

class FilmLoader : public QObject {
  Q_OBJECT
public:
  explicit FilmLoader(QObject* parent = nullptr);
  ~FilmLoader() override;

  // Starts decoding; returns at once. Results arrive as signals on this object's thread.
  void load(const QString& path);
  bool busy() const;

Q_SIGNALS:
  void filmLoaded(std::shared_ptr<const hilum::film::Film> film);
  void loadFailed(const QString& path, const QString& message);

private:
  class Private;
  std::unique_ptr<Private> d;
};

}  // namespace hilum::ui
