#pragma once
// Opens films off the GUI thread. Decoding a 3000 x 3000 JPEG 2000 film takes over a second; the
// window must keep painting meanwhile. Where the codec allows it, a reduced-resolution preview comes
// first (filmLoaded) and the full film follows (filmRefined). Only the newest request is delivered:
// opening B while A still decodes drops A's results (a decoder cannot be interrupted mid-frame).
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
  // Longest side, in device pixels, of the view the preview is for; 0 disables previews.
  void setPreviewSize(int pixels);

Q_SIGNALS:
  void filmLoaded(std::shared_ptr<const hilum::film::Film> film);
  // The full-resolution film after a preview was delivered by filmLoaded.
  void filmRefined(std::shared_ptr<const hilum::film::Film> film);
  void loadFailed(const QString& path, const QString& message);

private:
  enum class Stage { Preview, Full, Refinement };
  void start(const QString& path, quint64 generation, Stage stage);

  class Private;
  std::unique_ptr<Private> d;
};

}  // namespace hilum::ui
