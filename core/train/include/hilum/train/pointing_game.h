#pragma once
// The pointing game (Zhang et al. 2016, as CheXNet-style papers report it on the NIH boxes): for
// each expert box, does the peak of the pack's heatmap for the box's finding fall inside the box?
// A heatmap-quality check that needs no pixel masks, only boxes. Each hit rate comes with the rate
// a point dropped uniformly on the film would reach (the boxes' mean share of the film area), since
// a big box (cardiomegaly, pneumonia) is easy to hit by chance.
#include "hilum/base/result.h"

#include <atomic>
#include <functional>
#include <map>
#include <string>
#include <vector>

namespace hilum::train {

struct ExpertBox {
  std::string image;  // resolved path
  std::string label;  // as the box file names it
  double x = 0, y = 0, width = 0, height = 0;  // film pixels, top-left corner
};

// A box CSV: image, label, x, y, w, h (NIH's own BBox_List_2017.csv spellings, "Image Index",
// "Finding Label", "Bbox [x", "y", "w", "h]", are read too). Images relative to `root` (default:
// beside the CSV). Errors name the file and line.
Result<std::vector<ExpertBox>> readBoxCsv(const std::string& path, const std::string& root = {});

struct PointingOptions {
  double tolerancePx = 0;  // a peak this close to the box still counts (the papers use 15 px at 224)
  std::map<std::string, std::string> labelMap;  // box label -> pack label ("Infiltrate" -> "Infiltration")
  std::function<void(int done, int total)> progress;
  const std::atomic<bool>* cancel = nullptr;
};

struct PointingBox {
  ExpertBox box;
  std::string packLabel;
  double peakX = 0, peakY = 0;  // film pixels
  double probability = 0;
  double chance = 0;  // share of the film inside the (tolerance-grown) box
  bool hit = false;
};

struct PointingLabel {
  std::string label;  // the pack's
  int boxes = 0, hits = 0;
  double chance = 0;  // mean over its boxes
};

struct PointingResult {
  std::string model;
  std::vector<PointingBox> boxes;      // scored boxes, in file order
  std::vector<PointingLabel> labels;   // by pack label order
  std::vector<std::string> skipped;    // box labels the pack does not know (with counts)
  int hits = 0;
  double chance = 0;                   // mean over scored boxes
  double hitRate() const { return boxes.empty() ? 0.0 : static_cast<double>(hits) / static_cast<double>(boxes.size()); }
};

Result<PointingResult> pointingGame(const std::string& packDirectory, const std::vector<ExpertBox>& boxes,
                                    const PointingOptions& options = {});

}  // namespace hilum::train
