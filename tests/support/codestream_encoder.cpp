#include "codestream_encoder.h"

#include <charls/charls.h>

#include <openjpeg.h>

#include <cstring>
#include <stdexcept>

namespace hilum::test {
namespace {

struct Sink {
  std::vector<std::uint8_t> bytes;
  std::size_t pos = 0;
};

OPJ_SIZE_T writeFn(void* data, OPJ_SIZE_T n, void* user) {
  auto* s = static_cast<Sink*>(user);
  if (s->pos + n > s->bytes.size()) s->bytes.resize(s->pos + n);
  std::memcpy(s->bytes.data() + s->pos, data, n);
  s->pos += n;
  return n;
}
OPJ_OFF_T skipFn(OPJ_OFF_T n, void* user) {
  auto* s = static_cast<Sink*>(user);
  s->pos += static_cast<std::size_t>(n);
  if (s->pos > s->bytes.size()) s->bytes.resize(s->pos);
  return n;
}
OPJ_BOOL seekFn(OPJ_OFF_T pos, void* user) {
  auto* s = static_cast<Sink*>(user);
  s->pos = static_cast<std::size_t>(pos);
  if (s->pos > s->bytes.size()) s->bytes.resize(s->pos);
  return OPJ_TRUE;
}

}  // namespace

std::vector<std::uint8_t> encodeJ2k(const std::vector<int>& values, int columns, int rows, int precision,
                                    bool isSigned, bool lossy) {
  opj_cparameters_t parameters;
  opj_set_default_encoder_parameters(&parameters);
  parameters.tcp_numlayers = 1;
  parameters.tcp_rates[0] = lossy ? 8.0f : 0.0f;  // compression ratio; 0 = lossless
  parameters.cp_disto_alloc = 1;
  parameters.irreversible = lossy ? 1 : 0;
  parameters.numresolution = 3;

  opj_image_cmptparm_t component;
  std::memset(&component, 0, sizeof component);
  component.dx = component.dy = 1;
  component.w = static_cast<OPJ_UINT32>(columns);
  component.h = static_cast<OPJ_UINT32>(rows);
  component.prec = static_cast<OPJ_UINT32>(precision);
  component.sgnd = isSigned ? 1 : 0;
  opj_image_t* image = opj_image_create(1, &component, OPJ_CLRSPC_GRAY);
  image->x0 = image->y0 = 0;
  image->x1 = static_cast<OPJ_UINT32>(columns);
  image->y1 = static_cast<OPJ_UINT32>(rows);
  for (std::size_t i = 0; i < values.size(); ++i) image->comps[0].data[i] = values[i];

  opj_codec_t* codec = opj_create_compress(OPJ_CODEC_J2K);
  Sink sink;
  opj_stream_t* stream = opj_stream_create(OPJ_J2K_STREAM_CHUNK_SIZE, OPJ_FALSE);
  opj_stream_set_user_data(stream, &sink, nullptr);
  opj_stream_set_write_function(stream, writeFn);
  opj_stream_set_skip_function(stream, skipFn);
  opj_stream_set_seek_function(stream, seekFn);
  const bool ok = opj_setup_encoder(codec, &parameters, image) && opj_start_compress(codec, image, stream) &&
                  opj_encode(codec, stream) && opj_end_compress(codec, stream);
  opj_stream_destroy(stream);
  opj_destroy_codec(codec);
  opj_image_destroy(image);
  if (!ok) throw std::runtime_error("OpenJPEG encoding failed");
  return sink.bytes;
}

std::vector<std::uint8_t> encodeJpegLs(const std::vector<int>& values, int columns, int rows, int bits, int near) {
  std::vector<std::uint8_t> source;
  const bool wide = bits > 8;
  const std::uint32_t mask = (1u << bits) - 1u;
  for (int v : values) {
    const auto u = static_cast<std::uint32_t>(v) & mask;  // two's complement bit pattern for signed
    if (wide) {
      const auto w = static_cast<std::uint16_t>(u);
      source.push_back(static_cast<std::uint8_t>(w & 0xFF));
      source.push_back(static_cast<std::uint8_t>(w >> 8));
    } else {
      source.push_back(static_cast<std::uint8_t>(u));
    }
  }
  charls_jpegls_encoder* encoder = charls_jpegls_encoder_create();
  charls_frame_info info{static_cast<std::uint32_t>(columns), static_cast<std::uint32_t>(rows), bits, 1};
  std::size_t capacity = 0;
  bool ok = charls_jpegls_encoder_set_frame_info(encoder, &info) == charls::jpegls_errc::success &&
            charls_jpegls_encoder_set_near_lossless(encoder, near) == charls::jpegls_errc::success &&
            charls_jpegls_encoder_get_estimated_destination_size(encoder, &capacity) == charls::jpegls_errc::success;
  std::vector<std::uint8_t> out(capacity);
  std::size_t written = 0;
  ok = ok && charls_jpegls_encoder_set_destination_buffer(encoder, out.data(), out.size()) == charls::jpegls_errc::success &&
       charls_jpegls_encoder_encode_from_buffer(encoder, source.data(), source.size(), 0) == charls::jpegls_errc::success &&
       charls_jpegls_encoder_get_bytes_written(encoder, &written) == charls::jpegls_errc::success;
  charls_jpegls_encoder_destroy(encoder);
  if (!ok) throw std::runtime_error("CharLS encoding failed");
  out.resize(written);
  return out;
}

}  // namespace hilum::test
