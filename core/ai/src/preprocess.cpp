#include "hilum/ai/preprocess.h"

#include "hilum/display/renderer.h"
#include "hilum/display/voi_preset.h"

#include <opencv2/core.hpp>
#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>

namespace hilum::ai {

Result<InputPicture> filmToPicture(const film::Film& film, const ModelManifest& manifest,
                                   const std::optional<display::Region>& fieldOfView) {
  if (film.isPreview())
    return Error(Module::Ai, ErrorCode::InvalidArgument, "a reduced-resolution preview cannot be analysed", film.path());
  const int size = manifest.inputSize;

  InputPicture out;
  out.size = size;
  InputGeometry& g = out.geometry;
  g.filmColumns = film.columns();
  g.filmRows = film.rows();
  // The part of the film the model looks at: all of it, or the field of view clipped to it.
  const display::Region view =
      fieldOfView.value_or(display::Region{0, 0, film.columns(), film.rows()}).clippedTo(film.columns(), film.rows());
  if (fieldOfView && (view.width < 2 || view.height < 2))
    return Error(Module::Ai, ErrorCode::InvalidArgument, "the field of view holds no film pixels", film.path());
  const double cols = view.width, rows = view.height;

  // The window: the film's own (its header's, else its full range), or the full range of what the
  // model sees. A field of view of a film without a header window spans its own range, so that
  // burned-in labels and markers outside it cannot set its contrast (a shortcut a model learns).
  display::DisplaySettings settings;
  const bool ownRange = manifest.window == FilmWindow::FullRange ||
                        (film.display().windows.empty() && film.display().voiLuts.empty());
  if (ownRange) settings.customWindow = display::fullRangeWindow(film, view);

  // Which part of the view, and where in the input it goes.
  display::RenderOptions options;
  options.region = view;
  g.filmX = view.x;
  g.filmY = view.y;
  g.filmWidth = cols;
  g.filmHeight = rows;
  cv::Size target(size, size);
  cv::Point offset(0, 0);
  switch (manifest.resize) {
    case ResizePolicy::Squash: break;
    case ResizePolicy::Letterbox: {
      const double scale = size / std::max(cols, rows);
      target = cv::Size(std::max(1, static_cast<int>(std::lround(cols * scale))),
                        std::max(1, static_cast<int>(std::lround(rows * scale))));
      offset = cv::Point((size - target.width) / 2, (size - target.height) / 2);
      break;
    }
    case ResizePolicy::CenterCrop: {
      const double side = std::min(cols, rows);
      g.filmX = view.x + std::floor((cols - side) / 2);
      g.filmY = view.y + std::floor((rows - side) / 2);
      g.filmWidth = g.filmHeight = side;
      options.region = display::Region{static_cast<int>(g.filmX), static_cast<int>(g.filmY), static_cast<int>(side),
                                       static_cast<int>(side)};
      break;
    }
  }
  g.contentX = offset.x;
  g.contentY = offset.y;
  g.contentWidth = target.width;
  g.contentHeight = target.height;

  // The display pipeline averages whole pixel blocks on the way down; a final area resize brings the
  // picture to the exact input size.
  options.maxSizePx = 2 * std::max(target.width, target.height);
  auto rendered = display::render(film, settings, options);
  if (!rendered.ok()) return rendered.error();
  const auto& r = rendered.value();
  const cv::Mat picture(r.height, r.width, CV_8U, const_cast<std::uint8_t*>(r.pixels.data()));
  cv::Mat resized;
  cv::resize(picture, resized, target, 0, 0, r.width > target.width ? cv::INTER_AREA : cv::INTER_LINEAR);
  cv::Mat canvas = cv::Mat::zeros(size, size, CV_8U);
  resized.copyTo(canvas(cv::Rect(offset, target)));
  out.pixels.assign(canvas.datastart, canvas.dataend);
  return out;
}

ModelInput normalise(const InputPicture& picture, const ModelManifest& manifest) {
  ModelInput input;
  input.size = picture.size;
  input.channels = manifest.inputChannels;
  input.geometry = picture.geometry;
  const std::size_t plane = static_cast<std::size_t>(picture.size) * picture.size;
  input.values.resize(plane * static_cast<std::size_t>(input.channels));
  const Normalization& n = manifest.normalization;
  for (int c = 0; c < input.channels; ++c) {
    // value = ((p / 255) * scale + offset - mean) / std, folded into one multiply-add per pixel.
    const double mul = n.scale / 255.0 / n.std[static_cast<std::size_t>(c)];
    const double add = (n.offset - n.mean[static_cast<std::size_t>(c)]) / n.std[static_cast<std::size_t>(c)];
    float* dst = input.values.data() + plane * static_cast<std::size_t>(c);
    for (std::size_t i = 0; i < plane; ++i) dst[i] = static_cast<float>(picture.pixels[i] * mul + add);
  }
  return input;
}

void setCovariates(ModelInput& input, const ModelManifest& manifest, const PatientCovariates& patient) {
  input.patient = patient;
  input.covariates = manifest.covariates.empty() ? std::vector<float>() : encodeCovariates(manifest.covariates, patient);
}

Result<ModelInput> preprocess(const film::Film& film, const ModelManifest& manifest,
                              const std::optional<display::Region>& fieldOfView) {
  auto picture = filmToPicture(film, manifest, fieldOfView);
  if (!picture.ok()) return picture.error();
  ModelInput input = normalise(picture.value(), manifest);
  setCovariates(input, manifest, covariatesOf(film.metadata()));
  return input;
}

}  // namespace hilum::ai
