#include "jpegls_decoder_p.h"

#include <charls/charls.h>

#include <memory>
#include <string>

namespace hilum::film::detail {
namespace {

struct DecoderDeleter {
  void operator()(charls_jpegls_decoder* d) const { charls_jpegls_decoder_destroy(d); }
};

Error jlsError(ErrorCode code, const std::string& what, charls_jpegls_errc ec) {
  return Error(Module::Film, code, "JPEG-LS " + what + " (" + charls_get_error_message(ec) + ")");
}

}  // namespace

Result<JpegLsImage> decodeJpegLs(std::vector<std::uint8_t> codestream, std::int64_t maxPixels) {
  // CharLS 2.4's bit reader, out of data in the middle of a unary code, skips 15 bits it does not
  // have; its count of valid bits turns negative, and at the end of the buffer it only stops on a
  // count of exactly zero. It then reads ~2^31 bits of nothing, one at a time, until the count
  // wraps: 15-60 s for a scan cut off after one byte. At a marker it stops on any count <= 0, so
  // a stream that ends in End of Image never reaches that path. Intact frames end in FFD9 already.
  const std::size_t n = codestream.size();
  if (n < 2 || codestream[n - 2] != 0xFF || codestream[n - 1] != 0xD9) {
    codestream.push_back(0xFF);
    codestream.push_back(0xD9);
  }
  std::unique_ptr<charls_jpegls_decoder, DecoderDeleter> decoder(charls_jpegls_decoder_create());
  if (!decoder) return Error(Module::Film, ErrorCode::Internal, "JPEG-LS decoder could not be created");
  charls_jpegls_errc ec = charls_jpegls_decoder_set_source_buffer(decoder.get(), codestream.data(), codestream.size());
  if (ec == charls::jpegls_errc::success) ec = charls_jpegls_decoder_read_header(decoder.get());
  if (ec != charls::jpegls_errc::success) return jlsError(ErrorCode::Malformed, "header is unreadable", ec);
  charls_frame_info info{};
  ec = charls_jpegls_decoder_get_frame_info(decoder.get(), &info);
  if (ec != charls::jpegls_errc::success) return jlsError(ErrorCode::Malformed, "frame header is unreadable", ec);
  if (static_cast<std::int64_t>(info.width) * info.height > maxPixels)
    return Error(Module::Film, ErrorCode::TooLarge, "JPEG-LS frame of " + std::to_string(info.width) + " x " +
                                                        std::to_string(info.height) + " pixels is larger than the frame allowed (" +
                                                        std::to_string(maxPixels) + " pixels)");
  if (info.bits_per_sample < 2 || info.bits_per_sample > 16 || (info.component_count != 1 && info.component_count != 3))
    return Error(Module::Film, ErrorCode::Unsupported,
                 "JPEG-LS with " + std::to_string(info.component_count) + " components of " +
                     std::to_string(info.bits_per_sample) + " bits is not supported");

  std::size_t bytes = 0;
  ec = charls_jpegls_decoder_get_destination_size(decoder.get(), 0, &bytes);
  if (ec != charls::jpegls_errc::success) return jlsError(ErrorCode::Malformed, "frame size is invalid", ec);
  JpegLsImage image;
  image.columns = static_cast<int>(info.width);
  image.rows = static_cast<int>(info.height);
  image.bitsPerSample = info.bits_per_sample;
  image.components = info.component_count;
  image.samples.resize(bytes);
  ec = charls_jpegls_decoder_decode_to_buffer(decoder.get(), image.samples.data(), bytes, 0);
  if (ec != charls::jpegls_errc::success) return jlsError(ErrorCode::Malformed, "data could not be decoded", ec);
  return image;
}

}  // namespace hilum::film::detail
