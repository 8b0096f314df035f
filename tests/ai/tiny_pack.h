#pragma once
// Model packs made inside the tests: a small CNN trained for a few steps on generated films, or any
// architecture with random weights. No file from outside the test is ever read.
#include "hilum/ai/model_manifest.h"
#include "hilum/film/film.h"

#include <string>
#include <vector>

namespace hilum::test {

// A 128 x 128 12-bit film, dark and lightly textured, with a bright disc centred at (cx, cy) in
// [0, 1] film coordinates (cx < 0: no disc) and, if barY >= 0, a bright horizontal bar at that height.
film::Film shapesFilm(double cx, double cy, double barY = -1.0, const std::string& name = "shapes");

// Writes `film` (12 bits stored, MONOCHROME2) as an explicit VR DICOM file, so tests can feed
// shape films through the whole decode path.
void writeFilmDicom(const film::Film& film, const std::string& path);

// The manifest tiny packs start from: smallcnn, 32 px, one channel, labels "Disc" and "Bar".
ai::ModelManifest tinyManifest();

// Trains a SmallCnn on shape films and writes the pack to `directory`. Multi-label: disc and bar
// appear independently; single-label: exactly one of them. Returns the manifest written.
ai::ModelManifest writeTinyPack(const std::string& directory, ai::Task task = ai::Task::MultiLabel);

// A pack of `architecture` with random (seeded) weights.
ai::ModelManifest writeRandomPack(const std::string& directory, const std::string& architecture,
                                  const std::vector<std::string>& labels, int inputSize, int channels = 3);

// A TorchScript pack (weights.pt saved by torch::jit::Module::save) with `outputs` outputs over a
// 1-channel 32 px input. splittable: it also exports `features` and `head`, so Grad-CAM applies.
ai::ModelManifest writeScriptPack(const std::string& directory, int outputs, bool splittable);

// Writes model.json for `manifest` into `directory` (sha256 taken from the weights file).
void writeManifest(const std::string& directory, ai::ModelManifest manifest);

}  // namespace hilum::test
