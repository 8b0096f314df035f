#include "hilum/ui/annotation_store.h"

#include "hilum/film/film.h"
#include "hilum/measure/annotation_json.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QStandardPaths>

namespace hilum::ui {

AnnotationStore::AnnotationStore(QString directory) : m_directory(std::move(directory)) {}

QString AnnotationStore::defaultDirectory() {
  const QString base = qEnvironmentVariableIsSet("HILUM_DATA_DIR")
                           ? qEnvironmentVariable("HILUM_DATA_DIR")
                           : QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
  return base + QStringLiteral("/annotations");
}

QString AnnotationStore::fileFor(const film::Film& film) const {
  const auto& uid = film.metadata().sopInstanceUid;
  const QByteArray key = uid.empty() ? QByteArray("path:") + QByteArray::fromStdString(film.path())
                                     : QByteArray("uid:") + QByteArray::fromStdString(uid);
  // A hash keeps file names short and free of characters some file systems refuse.
  return m_directory + '/' + QString::fromLatin1(QCryptographicHash::hash(key, QCryptographicHash::Sha1).toHex()) +
         QStringLiteral(".json");
}

std::vector<measure::Annotation> AnnotationStore::load(const film::Film& film, QString* problem) const {
  const QString path = fileFor(film);
  if (!QFile::exists(path)) return {};
  const auto file = measure::readAnnotations(path.toStdString());
  if (!file.ok()) {
    if (problem) *problem = QString::fromStdString(file.error().message());
    return {};
  }
  // Stored at the resolution they were drawn on; a preview of the same film is smaller.
  return measure::annotationsFor(file.value(), film.columns());
}

QString AnnotationStore::save(const film::Film& film, const std::vector<measure::Annotation>& annotations) const {
  const QString path = fileFor(film);
  if (annotations.empty()) {
    QFile::remove(path);
    return {};
  }
  if (!QDir().mkpath(m_directory)) return QCoreApplication::translate("hilum::ui::AnnotationStore", "cannot create %1").arg(m_directory);
  measure::AnnotationFile file;
  file.sopInstanceUid = film.metadata().sopInstanceUid;
  file.filmPath = film.path();
  file.columns = film.columns();
  file.rows = film.rows();
  file.annotations = annotations;
  const Status written = measure::writeAnnotations(path.toStdString(), file);
  return written.ok() ? QString() : QString::fromStdString(written.error().message());
}

}  // namespace hilum::ui
