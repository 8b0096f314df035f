#include "hilum/ai/film_gate.h"

#include "hilum/display/renderer.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <sstream>

namespace hilum::ai {
namespace {

std::string upper(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
  text.erase(0, text.find_first_not_of(' '));
  text.erase(text.find_last_not_of(' ') + 1);
  return text;
}

std::string joined(const std::vector<std::string>& items) {
  std::ostringstream out;
  for (std::size_t i = 0; i < items.size(); ++i) out << (i ? ", " : "") << items[i];
  return out.str();
}

bool listed(const std::vector<std::string>& accepted, const std::string& value) {
  const std::string v = upper(value);
  return std::any_of(accepted.begin(), accepted.end(), [&](const std::string& a) { return upper(a) == v; });
}

std::string viewName(const std::string& view) {
  const std::string v = upper(view);
  if (v == "LL" || v == "RL" || v == "LAT" || v == "LATERAL") return v + " (lateral)";
  if (v == "LLD" || v == "RLD") return v + " (decubitus)";
  return v;
}

void metadataChecks(const Acceptance& a, const film::FilmMetadata& m, GateResult& gate) {
  auto refuse = [&gate](std::string reason) {
    gate.accepted = false;
    gate.reasons.push_back(std::move(reason));
  };
  // Only what the film states is judged: a PNG without metadata passes this half of the gate.
  if (!a.modalities.empty() && !m.modality.empty() && !listed(a.modalities, m.modality))
    refuse("modality " + upper(m.modality) + ": model trained on " + joined(a.modalities) + " films");
  if (!a.bodyParts.empty() && !m.bodyPartExamined.empty() && !listed(a.bodyParts, m.bodyPartExamined))
    refuse("body part " + upper(m.bodyPartExamined) + ": model trained on " + joined(a.bodyParts) + " films");
  if (!a.views.empty() && !m.viewPosition.empty() && !listed(a.views, m.viewPosition))
    refuse("view " + viewName(m.viewPosition) + ": model trained on " + joined(a.views) + " films");
  if (a.minAgeYears) {
    const auto age = ageInYears(m.patientAge);
    if (age && *age < *a.minAgeYears) {
      std::ostringstream reason;
      reason << "patient age " << std::round(*age * 10) / 10 << " years: model trained on patients aged " << *a.minAgeYears << " and over";
      refuse(reason.str());
    }
  }
}

// Checks on the film as displayed, on a small rendering (fast, and what a reader would judge).
void pixelChecks(const ModelManifest& manifest, const film::Film& film, GateResult& gate) {
  const int smallest = std::min(film.columns(), film.rows());
  if (smallest < 128 || smallest < manifest.inputSize / 2)
    gate.qualityWarnings.push_back("very low resolution (" + std::to_string(film.columns()) + " x " + std::to_string(film.rows()) +
                                   " px): detail the model relies on may be missing");
  display::RenderOptions options;
  options.maxSizePx = 256;
  const auto rendered = display::render(film, {}, options);
  if (!rendered.ok()) return;
  const auto& g = rendered.value();
  const std::size_t n = g.pixels.size();
  if (n == 0) return;
  double sum = 0, sumSquares = 0;
  std::size_t extremes = 0;
  for (const std::uint8_t p : g.pixels) {
    sum += p;
    sumSquares += static_cast<double>(p) * p;
    extremes += (p <= 2 || p >= 253) ? 1 : 0;
  }
  const double mean = sum / static_cast<double>(n);
  const double sd = std::sqrt(std::max(0.0, sumSquares / static_cast<double>(n) - mean * mean));
  if (sd < 4.0) {
    gate.qualityWarnings.push_back("nearly uniform picture: no anatomy to read");
    return;
  }
  const double saturated = static_cast<double>(extremes) / static_cast<double>(n);
  if (saturated > 0.5)
    gate.qualityWarnings.push_back("mostly saturated (" + std::to_string(static_cast<int>(std::lround(saturated * 100))) +
                                   " % of the picture at pure black or white)");
  // A frontal chest film shows the mediastinum and spine brighter than the lungs beside them. The
  // reverse on the film's own display suggests a MONOCHROME1 film read as MONOCHROME2 (or a
  // negative): the model would see an inverted film.
  auto meanOf = [&](double x0, double x1, double y0, double y1) {
    double s = 0;
    std::size_t count = 0;
    for (int y = static_cast<int>(y0 * g.height); y < static_cast<int>(y1 * g.height); ++y)
      for (int x = static_cast<int>(x0 * g.width); x < static_cast<int>(x1 * g.width); ++x) {
        s += g.at(x, y);
        ++count;
      }
    return count ? s / static_cast<double>(count) : 0.0;
  };
  const double centre = meanOf(0.45, 0.55, 0.3, 0.7);
  const double rightLung = meanOf(0.2, 0.35, 0.3, 0.6), leftLung = meanOf(0.65, 0.8, 0.3, 0.6);
  if (centre + 25 < rightLung && centre + 25 < leftLung)
    gate.qualityWarnings.push_back("looks inverted: the mediastinum is darker than both lungs");
}

}  // namespace

std::optional<double> ageInYears(const std::string& text) {
  if (text.size() != 4 || !std::isdigit(static_cast<unsigned char>(text[0])) || !std::isdigit(static_cast<unsigned char>(text[1])) ||
      !std::isdigit(static_cast<unsigned char>(text[2])))
    return std::nullopt;
  const double value = std::stoi(text.substr(0, 3));
  switch (std::toupper(static_cast<unsigned char>(text[3]))) {
    case 'Y': return value;
    case 'M': return value / 12.0;
    case 'W': return value * 7.0 / 365.25;
    case 'D': return value / 365.25;
    default: return std::nullopt;
  }
}

GateResult checkMetadata(const Acceptance& accepts, const film::FilmMetadata& metadata) {
  GateResult gate;
  metadataChecks(accepts, metadata, gate);
  return gate;
}

GateResult checkFilm(const ModelManifest& manifest, const film::Film& film) {
  GateResult gate = checkMetadata(manifest.accepts, film.metadata());
  pixelChecks(manifest, film, gate);
  return gate;
}

}  // namespace hilum::ai
