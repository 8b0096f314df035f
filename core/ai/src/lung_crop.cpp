#include "hilum/ai/lung_crop.h"

#include "hilum/ai/model_packs.h"

#include <algorithm>
#include <cmath>
#include <filesystem>

namespace hilum::ai {
namespace {

Error cropError(ErrorCode code, const std::string& reason, const std::string& path) {
  return Error(Module::Ai, code, reason, path);
}

std::string sizeText(int width, int height) { return std::to_string(width) + " x " + std::to_string(height); }

}  // namespace

FieldOfView lungFieldOfView(const Segmentation& segmentation, double margin) {
  const PixelBox& lungs = segmentation.boundingBox;
  const int columns = segmentation.columns, rows = segmentation.rows;
  auto whole = [](const char* why) { return FieldOfView{std::nullopt, std::string("whole film: ") + why}; };
  if (lungs.empty() || columns <= 0 || rows <= 0) return whole("no lung area found");
  // Two lungs span well over half a frontal film; a quarter is already a failed segmentation.
  if (lungs.width * 4 < columns || lungs.height * 4 < rows) return whole("the lung area found is implausibly small");
  // One region that narrow is one lung (two lungs touching in the mask make a wide one).
  if (segmentation.outlines.size() < 2 && lungs.width * 100 < columns * 45) return whole("only one lung found");
  const double dx = margin * lungs.width, dy = margin * lungs.height;
  const int x0 = std::max(0, static_cast<int>(std::floor(lungs.x - dx)));
  const int y0 = std::max(0, static_cast<int>(std::floor(lungs.y - dy)));
  const int x1 = std::min(columns, static_cast<int>(std::ceil(lungs.x + lungs.width + dx)));
  const int y1 = std::min(rows, static_cast<int>(std::ceil(lungs.y + lungs.height + dy)));
  const display::Region region{x0, y0, x1 - x0, y1 - y0};
  return FieldOfView{region, "lungs, " + sizeText(region.width, region.height) + " px of " + sizeText(columns, rows)};
}

LungCrop::LungCrop(std::unique_ptr<LungSegmenter> segmenter, LungCropSpec spec)
    : m_segmenter(std::move(segmenter)), m_spec(std::move(spec)) {}
LungCrop::~LungCrop() = default;

const LungCropSpec& LungCrop::spec() const { return m_spec; }
std::string LungCrop::segmenterName() const { return m_segmenter->manifest().name + " " + m_segmenter->manifest().version; }

Result<std::unique_ptr<LungCrop>> LungCrop::open(const std::string& segmenterDirectory, double margin, int threads) {
  if (!(margin >= 0.0 && margin <= 0.5))
    return cropError(ErrorCode::InvalidArgument, "lung crop margin must lie in 0-0.5", segmenterDirectory);
  auto segmenter = LungSegmenter::open(segmenterDirectory, threads);
  if (!segmenter.ok()) return segmenter.error();
  LungCropSpec spec;
  spec.segmenter = std::filesystem::path(segmenterDirectory).lexically_normal().filename().string();
  if (spec.segmenter.empty())  // "models/lungs-unet-128/" ends in a separator
    spec.segmenter = std::filesystem::path(segmenterDirectory).lexically_normal().parent_path().filename().string();
  spec.sha256 = segmenter.value()->manifest().weightsSha256;
  spec.margin = margin;
  return std::unique_ptr<LungCrop>(new LungCrop(std::move(segmenter).value(), spec));
}

Result<std::unique_ptr<LungCrop>> LungCrop::forPack(const ModelManifest& classifier, int threads) {
  if (!classifier.lungCrop)
    return cropError(ErrorCode::InvalidArgument, "the pack has no lung crop", classifier.directory);
  const LungCropSpec& want = *classifier.lungCrop;
  // Beside the classifier first (packs ship together), then wherever packs are looked for.
  std::vector<std::string> candidates;
  if (!classifier.directory.empty())
    candidates.push_back((std::filesystem::path(classifier.directory).parent_path() / want.segmenter).string());
  for (const auto& pack : findSegmentationPacks())
    if (std::filesystem::path(pack.directory).filename() == want.segmenter) candidates.push_back(pack.directory);
  std::string found;
  for (const auto& directory : candidates) {
    auto manifest = readSegmentationManifest(directory);
    if (!manifest.ok()) continue;
    if (manifest.value().weightsSha256 != want.sha256) {
      found = directory;  // the right name, other weights
      continue;
    }
    auto crop = open(directory, want.margin, threads);
    if (!crop.ok()) return crop.error();
    crop.value()->m_spec = want;
    return crop;
  }
  if (!found.empty())
    return cropError(ErrorCode::NotFound,
                     "the pack crops to the lungs with segmentation pack " + want.segmenter + " (weights sha256 " +
                         want.sha256.substr(0, 12) + "...), but " + found + " holds other weights",
                     classifier.directory);
  return cropError(ErrorCode::NotFound,
                   "the pack crops to the lungs with segmentation pack " + want.segmenter +
                       ", which is neither beside it nor in the model search path",
                   classifier.directory);
}

Result<FieldOfView> LungCrop::fieldOfView(const film::Film& film) {
  auto lungs = m_segmenter->segment(film);
  if (!lungs.ok()) return lungs.error();
  FieldOfView out = lungFieldOfView(lungs.value(), m_spec.margin);
  out.description += " (" + segmenterName() + ")";
  return out;
}

}  // namespace hilum::ai
