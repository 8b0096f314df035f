#include "hilum/display/png_writer.h"

#include "hilum/base/atomic_file.h"

#include <opencv2/core.hpp>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

namespace hilum::display {

namespace {

Status encodeAndWrite(const cv::Mat& view, const std::string& path) {
  std::vector<std::uint8_t> encoded;
  try {
    // Level 3 rather than the default 6: much faster for chest films, at a few per cent more bytes.
    if (!cv::imencode(".png", view, encoded, {cv::IMWRITE_PNG_COMPRESSION, 3}))
      return Error(Module::Display, ErrorCode::WriteFailed, "PNG encoder failed", path);
  } catch (const cv::Exception& e) {
    return Error(Module::Display, ErrorCode::WriteFailed, std::string("PNG encoder failed: ") + e.err, path);
  }
  return writeFileAtomically(path, encoded);
}

}  // namespace

Status writePng(const GrayImage& image, const std::string& path) {
  if (image.width <= 0 || image.height <= 0 ||
      image.pixels.size() != static_cast<std::size_t>(image.width) * image.height)
    return Error(Module::Display, ErrorCode::InvalidArgument, "image to write is empty or inconsistent", path);
  return encodeAndWrite(cv::Mat(image.height, image.width, CV_8U, const_cast<std::uint8_t*>(image.pixels.data())), path);
}

Status writePngRgb(int width, int height, const std::uint8_t* rgb, const std::string& path) {
  if (width <= 0 || height <= 0 || rgb == nullptr)
    return Error(Module::Display, ErrorCode::InvalidArgument, "image to write is empty", path);
  cv::Mat bgr;
  cv::cvtColor(cv::Mat(height, width, CV_8UC3, const_cast<std::uint8_t*>(rgb)), bgr, cv::COLOR_RGB2BGR);
  return encodeAndWrite(bgr, path);
}

}  // namespace hilum::display
