#include "raster_reader_p.h"

#include "raster_header_p.h"

#include <opencv2/core.hpp>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

namespace hilum::film::detail {
namespace {

Error fail(ErrorCode code, std::string reason, const std::string& path) {
  return Error(Module::Film, code, std::move(reason), path);
}

Result<Film> readRasterUnguarded(const std::string& path, SourceFormat format, const LoadLimits& limits) {
  const auto header = readRasterHeader(path, format);
  if (!header)
    return fail(ErrorCode::Malformed, std::string(toString(format)) + " header is truncated or malformed", path);
  if (header->columns <= 0 || header->rows <= 0)
    return fail(ErrorCode::Malformed, "image has no pixels", path);
  if (header->columns > limits.maxDimension || header->rows > limits.maxDimension ||
      header->columns * header->rows > limits.maxFramePixels)
    return fail(ErrorCode::TooLarge, std::to_string(header->columns) + " x " + std::to_string(header->rows) +
                                         " pixels exceeds the limit of " + std::to_string(limits.maxDimension) +
                                         " per side", path);

  cv::Mat image = cv::imread(path, cv::IMREAD_ANYDEPTH | cv::IMREAD_ANYCOLOR);
  if (image.empty())
    return fail(ErrorCode::Malformed, std::string(toString(format)) + " data cannot be decoded", path);
  if (image.depth() != CV_8U && image.depth() != CV_16U)
    return fail(ErrorCode::Unsupported, "only 8- and 16-bit unsigned samples are supported", path);
  if (image.channels() == 3) cv::cvtColor(image, image, cv::COLOR_BGR2GRAY);
  else if (image.channels() == 4) cv::cvtColor(image, image, cv::COLOR_BGRA2GRAY);
  else if (image.channels() == 2) {  // gray + alpha
    std::vector<cv::Mat> planes;
    cv::split(image, planes);
    image = planes[0];
  }
  const int bits = image.depth() == CV_8U ? 8 : 16;
  cv::Mat words;
  image.convertTo(words, CV_16U);

  PixelBuffer pixels;
  pixels.columns = words.cols;
  pixels.rows = words.rows;
  pixels.data.resize(words.total());
  for (int y = 0; y < words.rows; ++y) {
    const auto* row = words.ptr<std::uint16_t>(y);
    std::copy(row, row + words.cols, pixels.data.begin() + static_cast<std::ptrdiff_t>(y) * words.cols);
  }

  FilmMetadata metadata;
  metadata.format = format;
  metadata.photometric = "MONOCHROME2";
  metadata.bitsAllocated = bits;
  metadata.bitsStored = bits;
  metadata.highBit = bits - 1;
  PixelSpacing spacing;
  spacing.note = std::string(toString(format)) + " files carry no trustworthy pixel spacing";
  return Film(path, std::move(pixels), DisplayAttributes{}, std::move(spacing), std::move(metadata));
}

}  // namespace

Result<Film> readRaster(const std::string& path, SourceFormat format, const LoadLimits& limits) {
  try {
    return readRasterUnguarded(path, format, limits);
  } catch (const cv::Exception& e) {
    return fail(ErrorCode::Malformed, std::string("image decoder failed: ") + e.err, path);
  } catch (const std::bad_alloc&) {
    return fail(ErrorCode::TooLarge, "out of memory while decoding", path);
  } catch (const std::exception& e) {
    return fail(ErrorCode::Internal, std::string("image decoder failed: ") + e.what(), path);
  }
}

}  // namespace hilum::film::detail
