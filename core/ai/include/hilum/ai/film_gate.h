#pragma once
// Knowing when not to answer. Before a pack speaks about a film: does the film match what the pack
// was trained on (its manifest's `accepts`: modality, body part, view, age), and do the pixels look
// like a readable chest film (not nearly uniform, not mostly saturated, not inverted-looking, not
// tiny)? A film that fails the gate is analysed only on explicit request and its findings carry the
// reasons; quality warnings travel with every result (viewer, CLI JSON, reports).
#include "hilum/ai/model_manifest.h"
#include "hilum/film/film.h"

#include <optional>
#include <string>
#include <vector>

namespace hilum::ai {

struct GateResult {
  bool accepted = true;                      // the metadata matches the pack's acceptance
  std::vector<std::string> reasons;          // why not: "view LL: model trained on PA, AP films"
  std::vector<std::string> qualityWarnings;  // pixel checks: "mostly saturated (62 % at the extremes)"
};

GateResult checkFilm(const ModelManifest& manifest, const film::Film& film);

// The metadata half only: no pixels read, cheap enough to decide on the GUI thread whether to
// analyse on open (the analysis itself runs the full check).
GateResult checkMetadata(const Acceptance& accepts, const film::FilmMetadata& metadata);

// DICOM Age String "045Y", "018M", "003W", "010D" in years; empty when absent or malformed.
std::optional<double> ageInYears(const std::string& ageString);

}  // namespace hilum::ai
