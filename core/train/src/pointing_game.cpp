#include "hilum/train/pointing_game.h"

#include "hilum/ai/analyzer.h"
#include "hilum/film/loader.h"
#include "hilum/train/dataset.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <optional>
#include <filesystem>

namespace hilum::train {
namespace fs = std::filesystem;
namespace {

Error boxError(ErrorCode code, const std::string& reason, const std::string& path) {
  return Error(Module::Train, code, reason, path);
}

}  // namespace

Result<std::vector<ExpertBox>> readBoxCsv(const std::string& path, const std::string& root) {
  auto table = readCsv(path);
  if (!table.ok()) return table.error();
  const auto& rows = table.value();
  if (rows.empty()) return boxError(ErrorCode::Malformed, "the box file is empty", path);
  const auto& header = rows.front();
  const int image = findColumn(header, "", {"image", "Image Index"});
  const int label = findColumn(header, "", {"finding_label", "label", "Finding Label"});
  const int x = findColumn(header, "", {"x", "Bbox [x"}), y = findColumn(header, "", {"y"});
  const int w = findColumn(header, "", {"w"}), h = findColumn(header, "", {"h", "h]"});
  if (image < 0 || label < 0 || x < 0 || y < 0 || w < 0 || h < 0)
    return boxError(ErrorCode::Malformed, "the box file needs columns image, finding_label, x, y, w, h", path);
  const fs::path base = root.empty() ? fs::path(path).parent_path() : fs::path(root);
  std::vector<ExpertBox> boxes;
  for (std::size_t r = 1; r < rows.size(); ++r) {
    const auto& row = rows[r];
    const std::string line = "line " + std::to_string(r + 1) + ": ";
    if (row.size() == 1 && row[0].empty()) continue;  // a blank line
    if (row.size() != header.size()) return boxError(ErrorCode::Malformed, line + "has " + std::to_string(row.size()) + " fields, the header " + std::to_string(header.size()), path);
    ExpertBox box;
    box.image = (base / row[static_cast<std::size_t>(image)]).lexically_normal().string();
    box.label = row[static_cast<std::size_t>(label)];
    try {
      std::size_t used = 0;
      auto number = [&](int column) {
        const std::string& text = row[static_cast<std::size_t>(column)];
        const double v = std::stod(text, &used);
        if (used != text.size() || !std::isfinite(v)) throw std::invalid_argument(text);
        return v;
      };
      box.x = number(x);
      box.y = number(y);
      box.width = number(w);
      box.height = number(h);
    } catch (const std::exception&) {
      return boxError(ErrorCode::Malformed, line + "x, y, w and h must be numbers", path);
    }
    if (box.label.empty() || box.width <= 0 || box.height <= 0 || box.x < 0 || box.y < 0)
      return boxError(ErrorCode::Malformed, line + "needs a label and a box of positive size at non-negative x, y", path);
    boxes.push_back(std::move(box));
  }
  return boxes;
}

Result<PointingResult> pointingGame(const std::string& packDirectory, const std::vector<ExpertBox>& boxes, const PointingOptions& options) {
  auto analyzer = ai::Analyzer::open(packDirectory);
  if (!analyzer.ok()) return analyzer.error();
  const auto& manifest = analyzer.value()->manifest();
  PointingResult result;
  result.model = manifest.name + " " + manifest.version;
  std::map<std::string, int> unknown;
  std::map<std::string, std::vector<std::size_t>> byImage;  // one analysis per film, boxes in file order
  std::vector<std::string> packLabels(boxes.size());
  for (std::size_t b = 0; b < boxes.size(); ++b) {
    const auto mapped = options.labelMap.find(boxes[b].label);
    const std::string name = mapped == options.labelMap.end() ? boxes[b].label : mapped->second;
    const bool known = std::any_of(manifest.labels.begin(), manifest.labels.end(), [&](const auto& l) { return l.name == name; });
    if (!known) {
      ++unknown[boxes[b].label];
      continue;
    }
    packLabels[b] = name;
    byImage[boxes[b].image].push_back(b);
  }
  for (const auto& [label, count] : unknown) result.skipped.push_back(label + " (" + std::to_string(count) + ")");

  std::vector<std::optional<PointingBox>> scored(boxes.size());
  int done = 0;
  for (const auto& [image, indices] : byImage) {
    if (options.cancel && options.cancel->load()) return boxError(ErrorCode::Cancelled, "pointing game cancelled", packDirectory);
    const auto film = film::loadFilm(image);
    if (!film.ok()) return film.error();
    const auto findings = analyzer.value()->analyze(film.value());
    if (!findings.ok()) return findings.error();
    const int columns = film.value().columns(), rows = film.value().rows();
    for (const std::size_t b : indices) {
      const auto& box = boxes[b];
      const auto map = std::find_if(findings.value().heatmaps.begin(), findings.value().heatmaps.end(),
                                    [&](const ai::Heatmap& h) { return h.label == packLabels[b]; });
      if (map == findings.value().heatmaps.end())
        return boxError(ErrorCode::Unsupported, "the pack gives no heatmap for " + packLabels[b], packDirectory);
      const auto values = map->atFilmResolution();
      const auto peak = static_cast<std::size_t>(std::max_element(values.begin(), values.end()) - values.begin());
      PointingBox p;
      p.box = box;
      p.packLabel = packLabels[b];
      p.peakX = static_cast<double>(peak % static_cast<std::size_t>(columns)) + 0.5;
      p.peakY = static_cast<double>(peak / static_cast<std::size_t>(columns)) + 0.5;
      const double t = options.tolerancePx;
      const double left = box.x - t, top = box.y - t, right = box.x + box.width + t, bottom = box.y + box.height + t;
      p.hit = p.peakX >= left && p.peakX <= right && p.peakY >= top && p.peakY <= bottom;
      const double inside = std::max(0.0, std::min(right, double(columns)) - std::max(left, 0.0)) *
                            std::max(0.0, std::min(bottom, double(rows)) - std::max(top, 0.0));
      p.chance = inside / (static_cast<double>(columns) * rows);
      for (const auto& f : findings.value().ranked)
        if (f.label == p.packLabel) p.probability = f.probability;
      scored[b] = p;
    }
    done += static_cast<int>(indices.size());
    if (options.progress) options.progress(done, static_cast<int>(boxes.size()));
  }
  for (auto& p : scored)
    if (p) result.boxes.push_back(std::move(*p));
  double chanceSum = 0;
  for (const auto& label : manifest.labels) {
    PointingLabel l;
    l.label = label.name;
    for (const auto& p : result.boxes)
      if (p.packLabel == label.name) {
        ++l.boxes;
        l.hits += p.hit ? 1 : 0;
        l.chance += p.chance;
      }
    if (l.boxes == 0) continue;
    chanceSum += l.chance;
    result.hits += l.hits;
    l.chance /= l.boxes;
    result.labels.push_back(l);
  }
  result.chance = result.boxes.empty() ? 0.0 : chanceSum / static_cast<double>(result.boxes.size());
  return result;
}

}  // namespace hilum::train
