#pragma once
// A segmentation result at film resolution (today: the lung fields), and the post-processing that
// turns a network's probability map into it. Plain values and OpenCV; no torch, so tests and the
// viewer's overlay code can use it without a network.
//
// Thread safety: pure functions; any thread.
#include "hilum/ai/preprocess.h"

#include <cstdint>
#include <string>
#include <vector>

namespace hilum::ai {

// Film pixel coordinates: pixel (i, j) covers [i, i + 1) x [j, j + 1), so a polygon vertex on the
// boundary of pixel (3, 4) may read (3.5, 4.5) for its centre.
struct FilmPoint {
  double x = 0, y = 0;
};

struct PixelBox {
  int x = 0, y = 0, width = 0, height = 0;  // film pixels
  bool empty() const { return width <= 0 || height <= 0; }
};

struct Segmentation {
  std::string model;     // "lungs-unet-128 1.0.0": the pack that produced it
  std::string structure; // "lungs"
  int columns = 0, rows = 0;          // the film's size
  std::vector<std::uint8_t> mask;     // rows x columns, row-major: 255 inside a kept region, else 0
  PixelBox boundingBox;               // of the kept regions together; empty when none was found
  // One closed polygon per kept region (outer boundary, through pixel centres), largest region first.
  std::vector<std::vector<FilmPoint>> outlines;
  double areaFraction = 0;  // mask pixels / film pixels
};

// Keeps the `keep` largest 8-connected regions of a binary mask (any non-zero pixel is inside) that
// reach a twentieth of the largest one's area (specks are noise, not a lung), and gives their
// bounding box and outlines. `mask` holds rows x columns bytes.
Segmentation regionsFromMask(const std::vector<std::uint8_t>& mask, int columns, int rows, int keep);

// A probability map of the network input (size x size, row-major) back onto the film: the part of
// the input that film content covers (geometry.content*) is resized to the film rectangle it came
// from (geometry.film*), thresholded (p >= threshold is inside) and passed to regionsFromMask.
Segmentation segmentationFromProbabilities(const std::vector<float>& probabilities, int size, const InputGeometry& geometry,
                                           double threshold, int keep);

// The other direction, for training: a film-size mask (rows x columns, 0..255) through the same
// geometry as the film's picture, giving size x size bytes whose values are the share of the input
// pixel inside (area-averaged, so edges stay soft targets).
std::vector<std::uint8_t> maskToInput(const std::vector<std::uint8_t>& mask, int columns, int rows, const InputGeometry& geometry,
                                      int size);

// Overlap of two binary masks of one size (non-zero is inside). Both empty: 1.
double diceCoefficient(const std::vector<std::uint8_t>& a, const std::vector<std::uint8_t>& b);
double intersectionOverUnion(const std::vector<std::uint8_t>& a, const std::vector<std::uint8_t>& b);

}  // namespace hilum::ai
