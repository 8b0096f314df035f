#pragma once
// Annotations kept per film across films and sessions: one JSON file per film (core measure's
// format) under the data folder, keyed by SOP Instance UID -- the same image copied elsewhere is
// the same film -- or by path for PNG/JPEG. Writes are atomic; a damaged file is reported, not lost.
#include "hilum/measure/annotation.h"

#include <QString>

#include <vector>

namespace hilum::film { class Film; }

namespace hilum::ui {

class AnnotationStore {
public:
  explicit AnnotationStore(QString directory);
  // HILUM_DATA_DIR when set (tests, portable installs), else the platform's application data folder.
  static QString defaultDirectory();

  // The film's annotations in its current pixel coordinates (a preview gets them scaled); empty
  // when none were stored. `problem` receives a reason when a stored file could not be read.
  std::vector<measure::Annotation> load(const film::Film& film, QString* problem = nullptr) const;
  // Empty annotations remove the file. Returns an error text, empty on success.
  QString save(const film::Film& film, const std::vector<measure::Annotation>& annotations) const;
  QString fileFor(const film::Film& film) const;

private:
  QString m_directory;
};

}  // namespace hilum::ui
