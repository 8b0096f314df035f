#include "hilum/film/loader.h"

#include "dicom_reader_p.h"
#include "raster_header_p.h"
#include "raster_reader_p.h"

#include <dcmtk/config/osconfig.h>
#include <dcmtk/dcmdata/dcuid.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <sys/stat.h>

namespace hilum::film {

namespace {

Result<Film> load(const std::string& path, const LoadLimits& limits, int previewSizePx) {
  struct stat info {};
  if (::stat(path.c_str(), &info) != 0)
    return Error(Module::Film, errno == ENOENT ? ErrorCode::NotFound : ErrorCode::Unreadable,
                 errno == ENOENT ? "no such file" : std::strerror(errno), path);
  if (S_ISDIR(info.st_mode)) return Error(Module::Film, ErrorCode::Unreadable, "is a folder, not a file", path);
  if (info.st_size == 0) return Error(Module::Film, ErrorCode::Truncated, "file is empty", path);

  std::ifstream in(path, std::ios::binary);
  if (!in) return Error(Module::Film, ErrorCode::Unreadable, std::strerror(errno), path);
  std::uint8_t head[16] = {};
  in.read(reinterpret_cast<char*>(head), sizeof head);
  const auto got = static_cast<std::size_t>(in.gcount());
  in.close();

  // Content decides, not the extension: PACS exports often have none, and .png files can be DICOM.
  if (const auto raster = detail::sniffRasterFormat(head, got)) return detail::readRaster(path, *raster, limits);
  return detail::readDicom(path, limits, previewSizePx);
}

}  // namespace

Result<Film> loadFilm(const std::string& path, const LoadLimits& limits) { return load(path, limits, 0); }

Result<Film> loadFilmPreview(const std::string& path, int previewSizePx, const LoadLimits& limits) {
  return load(path, limits, std::max(1, previewSizePx));
}

const std::vector<std::string>& supportedTransferSyntaxes() {
  static const std::vector<std::string> uids = {
      UID_LittleEndianImplicitTransferSyntax, UID_LittleEndianExplicitTransferSyntax,
      UID_DeflatedExplicitVRLittleEndianTransferSyntax, UID_BigEndianExplicitTransferSyntax,
      UID_JPEGProcess1TransferSyntax, UID_JPEGProcess2_4TransferSyntax, UID_JPEGProcess14TransferSyntax,
      UID_JPEGProcess14SV1TransferSyntax, UID_JPEGLSLosslessTransferSyntax, UID_JPEGLSLossyTransferSyntax,
      UID_RLELosslessTransferSyntax, UID_JPEG2000LosslessOnlyTransferSyntax, UID_JPEG2000TransferSyntax,
  };
  return uids;
}

}  // namespace hilum::film
