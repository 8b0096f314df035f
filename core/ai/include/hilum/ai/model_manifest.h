#pragma once
// A model pack's manifest (models/<name>/model.json): everything needed to run the weights the way
// they were trained and to say what their outputs mean. Thresholds belong to weights, so both are
// versioned together in one pack. Plain values; no torch.
#include "hilum/base/result.h"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace hilum::ai {

enum class Task { MultiLabel, SingleLabel };  // sigmoid per label / softmax over labels
enum class ResizePolicy { Squash, Letterbox, CenterCrop };
enum class WeightsFormat { StateDict, TorchScript };
enum class FilmWindow { Default, FullRange };  // which VOI the film is shown with before the model

const char* toString(Task task);            // "multi-label", "single-label"
const char* toString(ResizePolicy policy);  // "squash", "letterbox", "center-crop"
// The names packs use in "preprocessing" (model.json, segmenter.json); nothing for an unknown one.
std::optional<ResizePolicy> resizePolicyNamed(const std::string& name);
std::optional<FilmWindow> filmWindowNamed(const std::string& name);  // "default", "full-range"

struct LabelSpec {
  std::string name;    // the code: what SR, JSON and CSV outputs carry, never translated
  std::string parent;  // hierarchical label sets: "COVID-19" under "Pneumonia"; empty at top level
  // The name shown to a reader, per UI language (ISO 639-1 code, "de" -> "Pleuraerguss"); model.json
  // "labels": [{"name": "Effusion", "display": {"de": "Pleuraerguss"}}]. Optional.
  std::map<std::string, std::string> display;
};

// The name a reader sees for `label` in `language` ("de", "fr"; "en" or "" for English): its display
// name for that language, else its "en" display name, else defaultDisplayName(label.name).
std::string displayName(const LabelSpec& label, const std::string& language);
// A label code as English text: underscores become spaces and the words after the first lose their
// capital unless they are all capitals ("Pleural_Thickening" -> "Pleural thickening", "COVID-19" stays).
std::string defaultDisplayName(const std::string& name);

// The probability at or above which a finding is called positive, and what that choice gave on the
// validation data it was chosen on.
struct OperatingPoint {
  double threshold = 0.5;
  std::optional<double> sensitivity;
  std::optional<double> specificity;
};

struct Normalization {
  std::string name;           // "imagenet", "xrv", "unit" or "custom"
  std::vector<double> mean;   // per channel, applied to [0, 1] pixels: (x - mean) / std
  std::vector<double> std;
  double scale = 1.0;         // xrv: pixels to [-1024, 1024] before mean/std (mean 0, std 1)
  double offset = 0.0;
};

// The films a pack was trained on, as DICOM says them; a film outside is analysed only when the
// user insists, and its findings carry the reason. Empty lists accept anything.
struct Acceptance {
  std::vector<std::string> modalities;  // "CR", "DX"
  std::vector<std::string> bodyParts;   // "CHEST"
  std::vector<std::string> views;       // "PA", "AP"
  std::optional<double> minAgeYears;    // adults only: 18
};

// The pack's out-of-distribution detector: the Mahalanobis distance of a film's pooled features
// (global average of the feature map the classifier head reads) to the training films' features,
// with a threshold chosen on held-out in-distribution films. The statistics live in `file`
// (float32 little-endian: mean[dim], then the precision matrix[dim x dim]).
struct OodSpec {
  std::string file;
  std::string sha256;
  int dim = 0;
  double threshold = 0.0;     // distances above it: "unlike the training films"
  int fitFilms = 0, heldOutFilms = 0;
  double heldOutQuantile = 0.99;
};

// Calibration fitted on validation films (core/train calibration.h): probabilities are
// sigmoid(scale_k * logit + offset_k) per label (Platt scaling; a temperature T is scale 1/T,
// offset 0), or softmax(scale * logits) for single-label packs (one scale). Empty: uncalibrated.
struct Calibration {
  std::string method;  // "platt" or "temperature"
  std::vector<double> scales, offsets;
  double eceBefore = 0, eceAfter = 0;  // mean expected calibration error on the fitting films
  int films = 0;
};

// One extra view of the input for test-time augmentation: the picture zoomed by `scale` (1.05: the
// film 5 % larger) and shifted by dx, dy (fractions of its width and height; positive: right, down),
// edges repeated. The pack's outputs are the mean logits over the plain view and these.
struct TtaView {
  double scale = 1.0, dx = 0.0, dy = 0.0;
  bool operator==(const TtaView& o) const { return scale == o.scale && dx == o.dx && dy == o.dy; }
};

// Lung-area crop ("lung_crop": {"segmenter": "lungs-unet-128", "sha256": "...", "margin": 0.1}): the
// classifier sees the lungs' bounding box grown by `margin` of its size on every side (clamped to the
// film) rather than the whole film, as it did in training. The segmentation pack is named by its
// folder and pinned by its weights' SHA-256: another segmenter would give other crops than the ones
// the classifier learned from, so it is refused. Films where no lungs are found are analysed whole.
struct LungCropSpec {
  std::string segmenter;  // the segmentation pack's folder name
  std::string sha256;     // its weights' SHA-256, lower-case hex
  double margin = 0.1;    // 0..0.5 of the box's width (height) on each side
  bool operator==(const LungCropSpec& o) const {
    return segmenter == o.segmenter && sha256 == o.sha256 && margin == o.margin;
  }
};

struct ModelManifest {
  std::string directory;  // where the pack was read from
  std::string name;
  std::string version;
  std::string architecture;  // densenet121, resnet18, resnet50, smallcnn; ignored for TorchScript
  Task task = Task::MultiLabel;
  std::vector<LabelSpec> labels;
  int inputSize = 224;
  int inputChannels = 3;
  ResizePolicy resize = ResizePolicy::Squash;
  Normalization normalization;
  FilmWindow window = FilmWindow::Default;
  std::vector<OperatingPoint> operatingPoints;  // one per label, same order
  std::string gradcamTargetLayer = "features";
  std::string weightsFile;
  WeightsFormat weightsFormat = WeightsFormat::StateDict;
  std::string weightsSha256;  // lower-case hex
  std::string provenanceData, provenanceCommand, provenanceDate;
  std::string provenanceSoftware;  // "hilum 0.1.0 (git 1a2b3c4)" for packs Hilum trained
  std::string metricsJson;  // held-out metrics, kept verbatim for reports and `models`
  Acceptance accepts;
  std::optional<OodSpec> ood;
  Calibration calibration;
  // Patient covariates the head reads beside the film, in order (covariates.h: "age", "sex",
  // "view"); empty for image-only packs. State-dict packs only.
  std::vector<std::string> covariates;
  // Test-time augmentation ("test_time_augmentation": [{"scale": 1.05}, {"dx": 0.03}, ...]): views
  // besides the plain one; empty: the plain view alone. Heatmaps and the out-of-distribution score
  // always come from the plain view.
  std::vector<TtaView> testTimeAugmentation;
  std::optional<LungCropSpec> lungCrop;

  std::string weightsPath() const { return directory + "/" + weightsFile; }
};

// Parses and validates model.json text. `path` names the file in errors.
Result<ModelManifest> parseManifest(const std::string& text, const std::string& path);
// Reads <directory>/model.json.
Result<ModelManifest> readManifest(const std::string& directory);
// The manifest as JSON text (for writing packs); parseManifest(toJson(m)) gives m back.
std::string toJson(const ModelManifest& manifest);

// Lower-case hex SHA-256 of a file's bytes, or an error naming the file.
Result<std::string> sha256File(const std::string& path);

}  // namespace hilum::ai
