#include "j2k_decoder_p.h"

#include <openjpeg.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <memory>
#include <string>
#include <thread>

namespace hilum::film::detail {
namespace {

struct MemoryStream {
  const std::uint8_t* data;
  std::size_t size;
  std::size_t pos;
};

OPJ_SIZE_T readFn(void* buffer, OPJ_SIZE_T n, void* user) {
  auto* s = static_cast<MemoryStream*>(user);
  if (s->pos >= s->size) return static_cast<OPJ_SIZE_T>(-1);
  const std::size_t count = std::min<std::size_t>(n, s->size - s->pos);
  std::memcpy(buffer, s->data + s->pos, count);
  s->pos += count;
  return count;
}

OPJ_OFF_T skipFn(OPJ_OFF_T n, void* user) {
  auto* s = static_cast<MemoryStream*>(user);
  if (n < 0) {
    const auto back = std::min<std::size_t>(static_cast<std::size_t>(-n), s->pos);
    s->pos -= back;
    return -static_cast<OPJ_OFF_T>(back);
  }
  const auto fwd = std::min<std::size_t>(static_cast<std::size_t>(n), s->size - s->pos);
  s->pos += fwd;
  return static_cast<OPJ_OFF_T>(fwd);
}

OPJ_BOOL seekFn(OPJ_OFF_T pos, void* user) {
  auto* s = static_cast<MemoryStream*>(user);
  if (pos < 0 || static_cast<std::size_t>(pos) > s->size) return OPJ_FALSE;
  s->pos = static_cast<std::size_t>(pos);
  return OPJ_TRUE;
}

void collectMessage(const char* msg, void* user) {
  auto* out = static_cast<std::string*>(user);
  if (out->empty() && msg != nullptr) {
    *out = msg;
    while (!out->empty() && (out->back() == '\n' || out->back() == '\r')) out->pop_back();
  }
}

struct CodecDeleter { void operator()(opj_codec_t* c) const { opj_destroy_codec(c); } };
struct StreamDeleter { void operator()(opj_stream_t* s) const { opj_stream_destroy(s); } };
struct ImageDeleter { void operator()(opj_image_t* i) const { opj_image_destroy(i); } };

Error j2kError(ErrorCode code, const std::string& what, const std::string& detail) {
  return Error(Module::Film, code, detail.empty() ? what : what + " (" + detail + ")");
}

}  // namespace

Result<J2kImage> decodeJ2k(const std::uint8_t* data, std::size_t size, std::int64_t maxPixels, int previewSizePx) {
  if (size < 12) return j2kError(ErrorCode::Truncated, "JPEG 2000 frame is empty or truncated", {});
  // A JP2 file starts with its signature box; a raw codestream with the SOC marker FF4F.
  static const std::uint8_t jp2Signature[] = {0, 0, 0, 0x0C, 'j', 'P', ' ', ' '};
  const bool isJp2 = std::memcmp(data, jp2Signature, sizeof jp2Signature) == 0;
  if (!isJp2 && !(data[0] == 0xFF && data[1] == 0x4F))
    return j2kError(ErrorCode::Malformed, "JPEG 2000 frame does not start with a codestream", {});

  MemoryStream memory{data, size, 0};
  std::unique_ptr<opj_stream_t, StreamDeleter> stream(opj_stream_create(OPJ_J2K_STREAM_CHUNK_SIZE, OPJ_TRUE));
  opj_stream_set_user_data(stream.get(), &memory, nullptr);
  opj_stream_set_user_data_length(stream.get(), size);
  opj_stream_set_read_function(stream.get(), readFn);
  opj_stream_set_skip_function(stream.get(), skipFn);
  opj_stream_set_seek_function(stream.get(), seekFn);

  std::unique_ptr<opj_codec_t, CodecDeleter> codec(opj_create_decompress(isJp2 ? OPJ_CODEC_JP2 : OPJ_CODEC_J2K));
  std::string message;
  opj_set_error_handler(codec.get(), collectMessage, &message);
  opj_dparameters_t parameters;
  opj_set_default_decoder_parameters(&parameters);
  if (!opj_setup_decoder(codec.get(), &parameters))
    return j2kError(ErrorCode::Internal, "OpenJPEG decoder set-up failed", message);
  // Strict mode turns a truncated codestream into an error; OpenJPEG would otherwise decode what it
  // has and fill the rest, which would show a partly blank film without a word.
  opj_decoder_set_strict_mode(codec.get(), OPJ_TRUE);
  // Tile-parallel decoding: a 2k x 2k lossless chest film has many code blocks to share out.
  opj_codec_set_threads(codec.get(), static_cast<int>(std::max(1u, std::thread::hardware_concurrency())));

  opj_image_t* rawImage = nullptr;
  if (!opj_read_header(stream.get(), codec.get(), &rawImage))
    return j2kError(ErrorCode::Malformed, "JPEG 2000 header is unreadable", message);
  std::unique_ptr<opj_image_t, ImageDeleter> image(rawImage);
  if (image->numcomps < 1 || image->comps == nullptr)
    return j2kError(ErrorCode::Malformed, "JPEG 2000 image has no components", {});
  const std::int64_t cols = static_cast<std::int64_t>(image->x1) - image->x0;
  const std::int64_t rows = static_cast<std::int64_t>(image->y1) - image->y0;
  if (cols <= 0 || rows <= 0) return j2kError(ErrorCode::Malformed, "JPEG 2000 image has no pixels", {});
  if (cols * rows > maxPixels)
    return j2kError(ErrorCode::TooLarge, "JPEG 2000 image of " + std::to_string(cols) + " x " +
                                             std::to_string(rows) + " pixels is larger than the frame allowed (" +
                                             std::to_string(maxPixels) + " pixels)", {});

  int reduction = 0;
  if (previewSizePx > 0) {
    opj_codestream_info_v2_t* info = opj_get_cstr_info(codec.get());
    const int levels = info != nullptr ? static_cast<int>(info->m_default_tile_info.tccp_info[0].numresolutions) : 1;
    opj_destroy_cstr_info(&info);
    const std::int64_t longest = std::max(cols, rows);
    while (reduction + 1 < levels && (longest >> (reduction + 1)) >= previewSizePx) ++reduction;
    if (reduction > 0 && !opj_set_decoded_resolution_factor(codec.get(), static_cast<OPJ_UINT32>(reduction)))
      reduction = 0;
  }

  if (!opj_decode(codec.get(), stream.get(), image.get()) || !opj_end_decompress(codec.get(), stream.get()))
    return j2kError(ErrorCode::Malformed, "JPEG 2000 data could not be decoded", message);

  const opj_image_comp_t& c0 = image->comps[0];
  // At reduction r a component spans ceil(size / 2^r) samples (ISO 15444-1 B.5).
  const std::int64_t step = std::int64_t(1) << reduction;
  const std::int64_t wantCols = (cols + step - 1) / step, wantRows = (rows + step - 1) / step;
  if (c0.data == nullptr || static_cast<std::int64_t>(c0.w) != wantCols || static_cast<std::int64_t>(c0.h) != wantRows)
    return j2kError(ErrorCode::Unsupported, "JPEG 2000 first component is subsampled or empty", {});

  J2kImage out;
  out.columns = static_cast<int>(wantCols);
  out.rows = static_cast<int>(wantRows);
  out.reduction = reduction;
  out.precision = static_cast<int>(c0.prec);
  out.isSigned = c0.sgnd != 0;
  out.components = static_cast<int>(image->numcomps);
  const std::size_t n = static_cast<std::size_t>(wantCols * wantRows);
  if (image->numcomps >= 3 && image->comps[1].w == c0.w && image->comps[2].w == c0.w &&
      image->comps[1].h == c0.h && image->comps[2].h == c0.h) {
    // Colour (after OpenJPEG's inverse RCT/ICT): Rec. 601 luma, as for every colour film we gray.
    out.gray.resize(n);
    const OPJ_INT32* r = c0.data;
    const OPJ_INT32* g = image->comps[1].data;
    const OPJ_INT32* b = image->comps[2].data;
    for (std::size_t i = 0; i < n; ++i)
      out.gray[i] = static_cast<std::int32_t>(std::lround(0.299 * r[i] + 0.587 * g[i] + 0.114 * b[i]));
  } else {
    out.gray.assign(c0.data, c0.data + n);
  }
  return out;
}

}  // namespace hilum::film::detail
