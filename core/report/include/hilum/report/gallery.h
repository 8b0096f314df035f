#pragma once
// A gallery of held-out films with the model's calls over them: the batch test an ML engineer looks
// at after a run ("what does it get wrong, and where does it look?"). Each case is one film run
// through the Analyzer exactly as the viewer runs it, drawn as a tile with the top finding's heatmap
// and the truth beside the prediction. The Training tab shows the tiles; `hilum-cli evaluate
// --gallery` prints them as one contact sheet.
#include "hilum/ai/analyzer.h"
#include "hilum/base/result.h"

#include <QImage>
#include <QString>

#include <atomic>
#include <string>
#include <vector>

namespace hilum::report {

struct GalleryCase {
  std::string image;
  std::vector<std::string> truth;      // the film's labels (empty: no finding)
  std::vector<std::string> predicted;  // positive at the pack's operating points; single-label: the top class
  // Multi-label: true findings the model did not call, and calls the film's labels do not carry.
  // Labels the pack does not know are not held against it.
  std::vector<std::string> missed, extra;
  // Single-label: the top class is not the truth. Multi-label: a true finding was missed (the
  // mistake that matters in a review; extra calls are shown but are the operating point's price).
  bool mistaken = false;
  // How sure the model was of its call: the top probability, or for a multi-label miss one minus
  // the lowest probability it gave a true finding (a confident miss ranks first).
  double confidence = 0;
  std::string heatmapLabel;            // whose heatmap the tile shows
  QImage tile;                         // square, RGB32
};

// Loads the film, analyses it and draws its tile (side `tilePx`). Errors name the file.
Result<GalleryCase> galleryCase(ai::Analyzer& analyzer, const std::string& image, const std::vector<std::string>& truth,
                                int tilePx = 256, const std::atomic<bool>* cancel = nullptr);

// The gallery's order: mistakes first, the most confident mistakes leading; then correct calls,
// least confident first (the ones nearest to being wrong).
bool shownBefore(const GalleryCase& a, const GalleryCase& b);
void orderGallery(std::vector<GalleryCase>& cases);

// The tiles in a grid under a title line (model, films, mistakes, the decision-support note).
QImage contactSheet(const std::vector<GalleryCase>& cases, int columns, const QString& title);

}  // namespace hilum::report
