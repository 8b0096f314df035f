#include "film_header_p.h"

#include "codec_registry_p.h"
#include "dicom_attributes_p.h"
#include "dicom_structure_p.h"
#include "dicom_reader_p.h"
#include "raster_header_p.h"

#include <dcmtk/config/osconfig.h>
#include <dcmtk/dcmdata/dcdeftag.h>
#include <dcmtk/dcmdata/dcfilefo.h>
#include <dcmtk/dcmdata/dcmetinf.h>
#include <dcmtk/dcmdata/dcuid.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sys/stat.h>

namespace hilum::film::detail {
namespace {

// Elements longer than this (private blobs, overlays, icons) stay on disk: the index needs none.
constexpr Uint32 kMaxLoadedValueBytes = 4096;

Error fail(ErrorCode code, std::string reason, const std::string& path) {
  return Error(Module::Film, code, std::move(reason), path);
}

std::string lower(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) { return std::tolower(c); });
  return text;
}

// A data set without preamble starts with its lowest tag, in practice group 0002 (File Meta
// written without a preamble) or 0008 (old CR exports), little- or big-endian. Asking this before
// DCMTK parses keeps random bytes and large unrelated files from being read as a data set.
bool startsLikeBareDataSet(const std::uint8_t* head, std::size_t size) {
  if (size < 8) return false;
  const unsigned little = head[0] | head[1] << 8;
  const unsigned big = head[0] << 8 | head[1];
  return little == 0x0002 || little == 0x0008 || big == 0x0008;
}

Result<FilmHeader> dicomHeader(const std::string& path) {
  ensureDcmtkReady();
  if (const auto deep = structureProblem(path)) return fail(ErrorCode::Malformed, *deep, path);
  DcmFileFormat file;
  const OFCondition loaded = file.loadFileUntilTag(path.c_str(), EXS_Unknown, EGL_noChange, kMaxLoadedValueBytes,
                                                   ERM_autoDetect, DCM_PixelData);
  if (loaded.bad()) return loadFailure(loaded, path);

  OFString mediaClass;
  if (file.getMetaInfo()->findAndGetOFString(DCM_MediaStorageSOPClassUID, mediaClass).good() &&
      mediaClass == UID_MediaStorageDirectoryStorage)
    return fail(ErrorCode::NotAnImage, "a DICOMDIR (the directory of a file-set), not an image", path);

  DcmDataset& ds = *file.getDataset();
  ds.convertToUTF8().good();  // best effort, as for loading: readMetadata makes any leftover bytes UTF-8
  FilmHeader header;
  header.metadata = readMetadata(ds);
  const FilmMetadata& m = header.metadata;

  Uint16 rows = 0, columns = 0;
  if (ds.findAndGetUint16(DCM_Rows, rows).bad() || ds.findAndGetUint16(DCM_Columns, columns).bad() || rows == 0 ||
      columns == 0) {
    const std::string kind = nonImageKind(m.sopClassUid);
    return fail(ErrorCode::NotAnImage, kind.empty() ? "no Rows or Columns: the file holds no image" : kind, path);
  }
  IndexedFilm& film = header.film;
  film.path = path;
  film.format = SourceFormat::Dicom;
  film.sopInstanceUid = m.sopInstanceUid;
  film.instanceNumber = parseNumber(m.instanceNumber);
  film.modality = m.modality;
  film.viewPosition = m.viewPosition;
  film.laterality = m.laterality;
  film.rows = rows;
  film.columns = columns;
  film.frames = m.frames;
  return header;
}

Result<FilmHeader> rasterHeader(const std::string& path, SourceFormat format) {
  const auto size = readRasterHeader(path, format);
  if (!size || size->rows <= 0 || size->columns <= 0 || size->rows > INT32_MAX || size->columns > INT32_MAX)
    return fail(ErrorCode::Truncated, std::string(toString(format)) + " header is cut short or malformed", path);
  FilmHeader header;
  header.metadata.format = format;
  header.film.path = path;
  header.film.format = format;
  header.film.rows = static_cast<int>(size->rows);
  header.film.columns = static_cast<int>(size->columns);
  return header;
}

}  // namespace

bool hasRasterExtension(const std::string& path) {
  const auto dot = path.find_last_of("./");
  if (dot == std::string::npos || path[dot] != '.') return false;
  const std::string extension = lower(path.substr(dot + 1));
  return extension == "png" || extension == "jpg" || extension == "jpeg" || extension == "tif" || extension == "tiff";
}

int parseNumber(const std::string& text) {
  // IS values may carry spaces and a sign; anything else (empty, "abc", out of range) counts as absent.
  const char* begin = text.c_str();
  char* end = nullptr;
  errno = 0;
  const long value = std::strtol(begin, &end, 10);
  if (end == begin || errno == ERANGE || value < INT32_MIN || value > INT32_MAX) return 0;
  while (*end == ' ') ++end;
  return *end == '\0' ? static_cast<int>(value) : 0;
}

Result<FilmHeader> readFilmHeader(const std::string& path, bool rasterNeedsExtension) {
  struct stat info {};
  if (::stat(path.c_str(), &info) != 0)
    return fail(errno == ENOENT ? ErrorCode::NotFound : ErrorCode::Unreadable,
                errno == ENOENT ? "no such file" : std::strerror(errno), path);
  if (!S_ISREG(info.st_mode)) return fail(ErrorCode::Unreadable, "not a regular file", path);
  if (info.st_size == 0) return fail(ErrorCode::Truncated, "file is empty", path);

  std::uint8_t head[132] = {};
  std::size_t got = 0;
  {
    std::ifstream in(path, std::ios::binary);
    if (!in) return fail(ErrorCode::Unreadable, std::strerror(errno), path);
    in.read(reinterpret_cast<char*>(head), sizeof head);
    got = static_cast<std::size_t>(in.gcount());
  }

  if (got == sizeof head && std::memcmp(head + 128, "DICM", 4) == 0) return dicomHeader(path);
  const bool rasterNamed = hasRasterExtension(path);
  if (const auto raster = sniffRasterFormat(head, got)) {
    if (rasterNamed || !rasterNeedsExtension) return rasterHeader(path, *raster);
    return fail(ErrorCode::Unsupported, std::string(toString(*raster)) +
                                            " image without a .png/.jpg/.jpeg/.tif/.tiff name", path);
  }
  if (startsLikeBareDataSet(head, got)) return dicomHeader(path);
  if (rasterNamed) return fail(ErrorCode::Malformed, "named like an image but not a PNG, JPEG or TIFF", path);
  return fail(ErrorCode::Unsupported, "not a DICOM file or a PNG/JPEG/TIFF image", path);
}

}  // namespace hilum::film::detail
