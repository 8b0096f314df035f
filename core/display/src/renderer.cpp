#include "hilum/display/renderer.h"

#include "hilum/display/voi_preset.h"

#include <opencv2/core.hpp>
#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>

namespace hilum::display {

bool filmInverts(const film::Film& film) {
  const auto& a = film.display();
  return a.monochrome1 || a.presentationShape == film::PresentationShape::Inverse;
}

Result<DisplayTable> displayTable(const film::Film& film, const DisplaySettings& settings) {
  const auto& attributes = film.display();
  const film::LookupTable* voiLut = nullptr;
  VoiWindow window;
  if (settings.customWindow) {
    window = *settings.customWindow;
  } else {
    // The histogram-derived presets come last: only compute them when one is asked for.
    const auto base = voiPresets(film, false);
    const int index = settings.presetIndex.value_or(defaultPresetIndex(film, base));
    const auto presets = index < static_cast<int>(base.size()) ? base : voiPresets(film);
    if (index < 0 || index >= static_cast<int>(presets.size()))
      return Error(Module::Display, ErrorCode::InvalidArgument,
                   "preset " + std::to_string(index) + " does not exist (the film offers " +
                       std::to_string(presets.size()) + ", numbered from 0)", film.path());
    const VoiPreset& preset = presets[static_cast<std::size_t>(index)];
    if (preset.kind == VoiPreset::Kind::Lut) voiLut = &attributes.voiLuts[static_cast<std::size_t>(preset.lutIndex)];
    else window = preset.window;
  }
  const bool invert = filmInverts(film) != settings.invert;
  const bool isSigned = film.pixels().isSigned;

  DisplayTable table{};
  for (int raw = 0; raw < 65536; ++raw) {
    const int stored = isSigned ? static_cast<int>(static_cast<std::int16_t>(raw)) : raw;
    const double m = modalityValue(attributes, stored);
    double y = voiLut ? applyVoiLut(*voiLut, m) : applyWindow(window, m);
    if (invert) y = 1.0 - y;
    table[static_cast<std::size_t>(raw)] = static_cast<std::uint8_t>(std::lround(std::clamp(y, 0.0, 1.0) * 255.0));
  }
  return table;
}

film::Film reducedFilm(const film::Film& film, const Region& region, int box) {
  box = std::max(1, box);
  const Region on = region.clippedTo(film.columns(), film.rows());
  const int x0 = on.x, y0 = on.y, x1 = on.x + on.width, y1 = on.y + on.height;
  const auto& source = film.pixels();
  film::PixelBuffer out;
  out.columns = std::max(1, (x1 - x0 + box - 1) / box);
  out.rows = std::max(1, (y1 - y0 + box - 1) / box);
  out.isSigned = source.isSigned;
  out.data.resize(static_cast<std::size_t>(out.columns) * out.rows);
  const auto padding = film.display().paddingValue;
  cv::parallel_for_(cv::Range(0, out.rows), [&](const cv::Range& rows) {
    for (int by = rows.start; by < rows.end; ++by) {
      const int ya = y0 + by * box, yb = std::min(y1, ya + box);
      for (int bx = 0; bx < out.columns; ++bx) {
        const int xa = x0 + bx * box, xb = std::min(x1, xa + box);
        std::int64_t sum = 0;
        int count = 0;
        for (int y = ya; y < yb; ++y)
          for (int x = xa; x < xb; ++x) {
            const int v = source.value(x, y);
            if (padding && v == *padding) continue;  // padding must not darken the exposed edge
            sum += v;
            ++count;
          }
        const int mean = count ? static_cast<int>(std::lround(static_cast<double>(sum) / count)) : padding.value_or(0);
        out.data[static_cast<std::size_t>(by) * out.columns + bx] = static_cast<std::uint16_t>(mean);
      }
    }
  });
  film::PixelSpacing spacing = film.spacing();
  spacing.rowMm *= box;
  spacing.columnMm *= box;
  return film::Film(film.path(), std::move(out), film.display(), spacing, film.metadata());
}

Result<GrayImage> render(const film::Film& film, const DisplaySettings& settings, const RenderOptions& options) {
  if (film.columns() <= 0 || film.rows() <= 0)
    return Error(Module::Display, ErrorCode::InvalidArgument, "film has no pixels", film.path());
  const Region on = options.region.value_or(Region{0, 0, film.columns(), film.rows()}).clippedTo(film.columns(), film.rows());
  const int x0 = on.x, y0 = on.y, x1 = on.x + on.width, y1 = on.y + on.height;
  if (on.empty())
    return Error(Module::Display, ErrorCode::InvalidArgument, "render region lies outside the film", film.path());

  auto table = displayTable(film, settings);
  if (!table.ok()) return table.error();
  const DisplayTable& lut = table.value();

  // The LUT is applied to every source pixel before any averaging, so the picture is the exact
  // PS3.14 output filtered, not a filtered film pushed through a non-linear LUT. For strong
  // reductions the LUT is fused with an integer box average (k x k pixels per output), leaving
  // only a small fractional INTER_AREA step: a 3000 x 3000 film to a 1024 px view costs one pass.
  const int width = x1 - x0, height = y1 - y0;
  const int longest = std::max(width, height);
  const int box = options.maxSizePx > 0 ? std::max(1, longest / options.maxSizePx) : 1;
  const auto* data = film.pixels().data.data();
  const std::size_t stride = static_cast<std::size_t>(film.columns());
  cv::Mat mapped((height + box - 1) / box, (width + box - 1) / box, CV_8U);
  // Output rows are independent: spread them over the cores (a window/level drag re-renders every frame).
  if (box == 1) {
    cv::parallel_for_(cv::Range(y0, y1), [&](const cv::Range& rows) {
      for (int y = rows.start; y < rows.end; ++y) {
        const std::uint16_t* src = data + static_cast<std::size_t>(y) * stride + x0;
        auto* dst = mapped.ptr<std::uint8_t>(y - y0);
        for (int x = 0; x < width; ++x) dst[x] = lut[src[x]];
      }
    });
  } else {
    cv::parallel_for_(cv::Range(0, mapped.rows), [&](const cv::Range& blockRows) {
      std::vector<std::uint32_t> sums(static_cast<std::size_t>(mapped.cols));
      for (int by = blockRows.start; by < blockRows.end; ++by) {
        std::fill(sums.begin(), sums.end(), 0u);
        const int rowsIn = std::min(box, height - by * box);
        if (box == 2 && rowsIn == 2) {
          // The common case (a 2-3k film in a 1-1.5k view): both rows in one pass, pairs unrolled.
          const std::uint16_t* a = data + static_cast<std::size_t>(y0 + by * 2) * stride + x0;
          const std::uint16_t* b = a + stride;
          auto* dst = mapped.ptr<std::uint8_t>(by);
          const int pairs = width / 2;
          for (int bx = 0; bx < pairs; ++bx) {
            const int x = 2 * bx;
            dst[bx] = static_cast<std::uint8_t>((lut[a[x]] + lut[a[x + 1]] + lut[b[x]] + lut[b[x + 1]] + 2u) / 4u);
          }
          if (width % 2) dst[pairs] = static_cast<std::uint8_t>((lut[a[width - 1]] + lut[b[width - 1]] + 1u) / 2u);
          continue;
        }
        for (int row = 0; row < rowsIn; ++row) {
          const std::uint16_t* src = data + static_cast<std::size_t>(y0 + by * box + row) * stride + x0;
          int x = 0;
          for (int bx = 0; bx < mapped.cols; ++bx) {
            const int end = std::min(width, x + box);
            std::uint32_t sum = 0;
            for (; x < end; ++x) sum += lut[src[x]];
            sums[static_cast<std::size_t>(bx)] += sum;
          }
        }
        auto* dst = mapped.ptr<std::uint8_t>(by);
        for (int bx = 0; bx < mapped.cols; ++bx) {
          const auto count = static_cast<std::uint32_t>(rowsIn * std::min(box, width - bx * box));
          dst[bx] = static_cast<std::uint8_t>((sums[static_cast<std::size_t>(bx)] + count / 2) / count);
        }
      }
    });
  }

  const double scale = options.maxSizePx > 0 ? std::min(1.0, static_cast<double>(options.maxSizePx) / longest) : 1.0;
  const cv::Size size(std::max(1, static_cast<int>(std::lround(width * scale))),
                      std::max(1, static_cast<int>(std::lround(height * scale))));
  if (size != mapped.size()) {
    cv::Mat scaled;
    cv::resize(mapped, scaled, size, 0, 0, cv::INTER_AREA);
    mapped = scaled;
  }

  GrayImage out;
  out.width = mapped.cols;
  out.height = mapped.rows;
  out.pixels.assign(mapped.datastart, mapped.dataend);
  return out;
}

}  // namespace hilum::display
