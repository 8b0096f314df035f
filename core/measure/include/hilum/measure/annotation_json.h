#pragma once
// Annotations kept per film on disk, as JSON beside nothing the user owns: the viewer stores one
// file per film (keyed by SOP Instance UID, or path for PNG/JPEG) and hilum-cli reads the same
// files. Coordinates are those of the film size recorded with them; a film opened at another
// resolution (a preview) gets them scaled.
#include "hilum/base/result.h"
#include "hilum/measure/annotation.h"

#include <string>
#include <vector>

namespace hilum::measure {

struct AnnotationFile {
  std::string sopInstanceUid;  // empty for PNG/JPEG films
  std::string filmPath;
  int columns = 0;             // the film size the points refer to
  int rows = 0;
  std::vector<Annotation> annotations;
};

std::string toJson(const AnnotationFile& file);
// `origin` names the source in errors. Rejects unknown kinds, wrong point counts and non-finite
// coordinates instead of drawing garbage.
Result<AnnotationFile> parseAnnotations(const std::string& text, const std::string& origin);
Result<AnnotationFile> readAnnotations(const std::string& path);
Status writeAnnotations(const std::string& path, const AnnotationFile& file);  // atomic

// The file's annotations in the coordinates of a film `columns` wide.
std::vector<Annotation> annotationsFor(const AnnotationFile& file, int columns);

}  // namespace hilum::measure
