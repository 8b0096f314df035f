#include "hilum/ai/model_manifest.h"

#include "hilum/ai/covariates.h"

#include <nlohmann/json.hpp>
#include <openssl/evp.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <memory>
#include <set>
#include <sstream>

namespace hilum::ai {
namespace {

using nlohmann::json;

Error bad(const std::string& path, const std::string& reason) {
  return Error(Module::Ai, ErrorCode::Malformed, reason, path);
}

// The named normalisations are the ones public chest X-ray models were trained with.
std::optional<Normalization> namedNormalization(const std::string& name, int channels) {
  Normalization n;
  n.name = name;
  if (name == "imagenet") {
    // torchvision / CheXNet: ImageNet statistics; a gray model uses the mean of the three.
    n.mean = channels == 3 ? std::vector<double>{0.485, 0.456, 0.406} : std::vector<double>{0.449};
    n.std = channels == 3 ? std::vector<double>{0.229, 0.224, 0.225} : std::vector<double>{0.226};
  } else if (name == "xrv") {
    // torchxrayvision: 8-bit pixels mapped to [-1024, 1024].
    n.mean.assign(static_cast<std::size_t>(channels), 0.0);
    n.std.assign(static_cast<std::size_t>(channels), 1.0);
    n.scale = 2048.0;
    n.offset = -1024.0;
  } else if (name == "unit") {
    n.mean.assign(static_cast<std::size_t>(channels), 0.0);
    n.std.assign(static_cast<std::size_t>(channels), 1.0);
  } else {
    return std::nullopt;
  }
  return n;
}

}  // namespace

std::string defaultDisplayName(const std::string& name) {
  if (name.find('_') == std::string::npos) return name;
  std::string out;
  std::size_t start = 0;
  while (start <= name.size()) {
    const std::size_t end = std::min(name.find('_', start), name.size());
    std::string word = name.substr(start, end - start);
    const bool acronym = std::none_of(word.begin(), word.end(), [](unsigned char c) { return std::islower(c); });
    if (!out.empty() && !word.empty() && !acronym) word[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(word[0])));
    if (!word.empty()) out += (out.empty() ? "" : " ") + word;
    start = end + 1;
  }
  return out;
}

std::string displayName(const LabelSpec& label, const std::string& language) {
  for (const std::string& key : {language, std::string("en")}) {
    const auto it = label.display.find(key);
    if (!key.empty() && it != label.display.end()) return it->second;
  }
  return defaultDisplayName(label.name);
}

const char* toString(Task task) { return task == Task::MultiLabel ? "multi-label" : "single-label"; }

const char* toString(ResizePolicy policy) {
  switch (policy) {
    case ResizePolicy::Squash: return "squash";
    case ResizePolicy::Letterbox: return "letterbox";
    case ResizePolicy::CenterCrop: return "center-crop";
  }
  return "squash";
}

std::optional<ResizePolicy> resizePolicyNamed(const std::string& name) {
  if (name == "squash") return ResizePolicy::Squash;
  if (name == "letterbox") return ResizePolicy::Letterbox;
  if (name == "center-crop") return ResizePolicy::CenterCrop;
  return std::nullopt;
}

std::optional<FilmWindow> filmWindowNamed(const std::string& name) {
  if (name == "default") return FilmWindow::Default;
  if (name == "full-range") return FilmWindow::FullRange;
  return std::nullopt;
}

Result<ModelManifest> parseManifest(const std::string& text, const std::string& path) {
  json j;
  try {
    j = json::parse(text);
  } catch (const json::exception& e) {  // parse_error, and out_of_range for numbers like 1e23572204 (fuzz_manifest)
    return bad(path, std::string("manifest is not valid JSON (") + e.what() + ")");
  }
  if (!j.is_object()) return bad(path, "manifest is not a JSON object");
  ModelManifest m;
  try {
    const int formatVersion = j.value("format_version", 1);
    if (formatVersion != 1)
      return Error(Module::Ai, ErrorCode::Unsupported,
                   "manifest format_version " + std::to_string(formatVersion) + " is newer than this Hilum", path);
    for (const char* key : {"name", "version", "task", "labels", "input", "weights"})
      if (!j.contains(key)) return bad(path, std::string("manifest lacks \"") + key + "\"");
    m.name = j.at("name").get<std::string>();
    m.version = j.at("version").get<std::string>();
    m.architecture = j.value("architecture", "");
    const std::string task = j.at("task").get<std::string>();
    if (task == "multi-label") m.task = Task::MultiLabel;
    else if (task == "single-label") m.task = Task::SingleLabel;
    else return bad(path, "task \"" + task + "\" is neither multi-label nor single-label");

    std::set<std::string> seen;
    for (const auto& label : j.at("labels")) {
      LabelSpec spec;
      if (label.is_string()) {
        spec.name = label.get<std::string>();
      } else {
        spec.name = label.at("name").get<std::string>();
        spec.parent = label.value("parent", "");
        if (label.contains("display")) {
          const auto& display = label.at("display");
          if (!display.is_object()) return bad(path, "display names of \"" + spec.name + "\" are not an object");
          for (const auto& [language, shown] : display.items()) {
            if (language.empty() || !shown.is_string() || shown.get<std::string>().empty())
              return bad(path, "label \"" + spec.name + "\" has an empty display name or language");
            spec.display[language] = shown.get<std::string>();
          }
        }
      }
      if (spec.name.empty()) return bad(path, "a label has an empty name");
      if (!seen.insert(spec.name).second) return bad(path, "label \"" + spec.name + "\" appears twice");
      m.labels.push_back(std::move(spec));
    }
    if (m.labels.empty()) return bad(path, "manifest lists no labels");
    if (m.task == Task::SingleLabel && m.labels.size() < 2) return bad(path, "a single-label model needs two labels or more");

    const auto& input = j.at("input");
    m.inputSize = input.value("size", 224);
    m.inputChannels = input.value("channels", 3);
    if (m.inputSize < 16 || m.inputSize > 2048) return bad(path, "input size " + std::to_string(m.inputSize) + " is out of range");
    if (m.inputChannels != 1 && m.inputChannels != 3) return bad(path, "input channels must be 1 or 3");

    const json pre = j.value("preprocessing", json::object());
    const std::string resize = pre.value("resize", "squash");
    const auto policy = resizePolicyNamed(resize);
    if (!policy) return bad(path, "resize policy \"" + resize + "\" is unknown");
    m.resize = *policy;
    const std::string window = pre.value("window", "default");
    const auto filmWindow = filmWindowNamed(window);
    if (!filmWindow) return bad(path, "film window \"" + window + "\" is unknown");
    m.window = *filmWindow;
    const json norm = pre.value("normalization", json("imagenet"));
    if (norm.is_string()) {
      auto named = namedNormalization(norm.get<std::string>(), m.inputChannels);
      if (!named) return bad(path, "normalization \"" + norm.get<std::string>() + "\" is unknown");
      m.normalization = *named;
    } else {
      m.normalization.name = "custom";
      m.normalization.mean = norm.at("mean").get<std::vector<double>>();
      m.normalization.std = norm.at("std").get<std::vector<double>>();
      if (m.normalization.mean.size() != static_cast<std::size_t>(m.inputChannels) ||
          m.normalization.std.size() != m.normalization.mean.size())
        return bad(path, "normalization mean/std need one value per input channel");
      for (double s : m.normalization.std)
        if (!(s > 0)) return bad(path, "normalization std must be positive");
    }

    const json points = j.value("operating_points", json::object());
    for (const auto& label : m.labels) {
      OperatingPoint op;
      if (points.contains(label.name)) {
        const auto& p = points.at(label.name);
        op.threshold = p.value("threshold", 0.5);
        if (p.contains("sensitivity")) op.sensitivity = p.at("sensitivity").get<double>();
        if (p.contains("specificity")) op.specificity = p.at("specificity").get<double>();
      }
      if (!(op.threshold >= 0.0 && op.threshold <= 1.0))
        return bad(path, "threshold of \"" + label.name + "\" is outside [0, 1]");
      m.operatingPoints.push_back(op);
    }
    for (const auto& [name, value] : points.items())
      if (!seen.count(name)) return bad(path, "operating point for unknown label \"" + name + "\"");

    m.gradcamTargetLayer = j.value("gradcam", json::object()).value("target_layer", "features");
    const auto& weights = j.at("weights");
    m.weightsFile = weights.at("file").get<std::string>();
    if (m.weightsFile.empty() || m.weightsFile.find('/') != std::string::npos || m.weightsFile == "..")
      return bad(path, "weights file must be a plain file name inside the pack");
    const std::string format = weights.value("format", "state-dict");
    if (format == "state-dict") m.weightsFormat = WeightsFormat::StateDict;
    else if (format == "torchscript") m.weightsFormat = WeightsFormat::TorchScript;
    else return bad(path, "weights format \"" + format + "\" is unknown");
    m.weightsSha256 = weights.value("sha256", "");
    if (m.weightsSha256.size() != 64) return bad(path, "weights sha256 is missing or not 64 hex digits");
    if (m.weightsFormat == WeightsFormat::StateDict && m.architecture.empty())
      return bad(path, "a state-dict pack must name its architecture");

    const json provenance = j.value("provenance", json::object());
    m.provenanceData = provenance.value("data", "");
    m.provenanceCommand = provenance.value("command", "");
    m.provenanceDate = provenance.value("date", "");
    m.provenanceSoftware = provenance.value("software", "");
    if (j.contains("metrics")) m.metricsJson = j.at("metrics").dump();
    const json accepts = j.value("accepts", json::object());
    m.accepts.modalities = accepts.value("modalities", std::vector<std::string>{});
    m.accepts.bodyParts = accepts.value("body_parts", std::vector<std::string>{});
    m.accepts.views = accepts.value("views", std::vector<std::string>{});
    if (accepts.contains("min_age_years")) m.accepts.minAgeYears = accepts.at("min_age_years").get<double>();
    if (j.contains("calibration")) {
      const json& c = j.at("calibration");
      m.calibration.method = c.value("method", "platt");
      m.calibration.scales = c.at("scales").get<std::vector<double>>();
      m.calibration.offsets = c.value("offsets", std::vector<double>(m.calibration.scales.size(), 0.0));
      m.calibration.eceBefore = c.value("ece_before", 0.0);
      m.calibration.eceAfter = c.value("ece_after", 0.0);
      m.calibration.films = c.value("films", 0);
      const std::size_t expected = m.task == Task::MultiLabel ? m.labels.size() : 1;
      if (m.calibration.scales.size() != expected || m.calibration.offsets.size() != expected)
        return bad(path, "calibration lists " + std::to_string(m.calibration.scales.size()) + " scales, expected " +
                             std::to_string(expected));
      for (double a : m.calibration.scales)
        if (!(a > 0.0)) return bad(path, "calibration scales must be positive (a calibration must not reverse the ranking)");
    }
    m.covariates = j.value("covariates", std::vector<std::string>{});
    for (std::size_t i = 0; i < m.covariates.size(); ++i) {
      const auto& known = knownCovariates();
      if (std::find(known.begin(), known.end(), m.covariates[i]) == known.end())
        return bad(path, "covariate \"" + m.covariates[i] + "\" is unknown (known: age, sex, view)");
      if (std::find(m.covariates.begin(), m.covariates.begin() + static_cast<std::ptrdiff_t>(i), m.covariates[i]) !=
          m.covariates.begin() + static_cast<std::ptrdiff_t>(i))
        return bad(path, "covariate \"" + m.covariates[i] + "\" is listed twice");
    }
    for (const auto& v : j.value("test_time_augmentation", json::array())) {
      TtaView view{v.value("scale", 1.0), v.value("dx", 0.0), v.value("dy", 0.0)};
      if (!(view.scale >= 0.5 && view.scale <= 2.0) || !(std::abs(view.dx) <= 0.25) || !(std::abs(view.dy) <= 0.25))
        return bad(path, "a test-time augmentation view needs scale 0.5-2 and shifts of at most 0.25");
      m.testTimeAugmentation.push_back(view);
    }
    if (j.contains("lung_crop")) {
      const json& c = j.at("lung_crop");
      LungCropSpec crop{c.at("segmenter").get<std::string>(), c.at("sha256").get<std::string>(), c.value("margin", 0.1)};
      if (crop.segmenter.empty() || crop.segmenter.find('/') != std::string::npos || crop.segmenter.front() == '.')
        return bad(path, "lung_crop names its segmentation pack by folder name (no path)");
      if (crop.sha256.size() != 64) return bad(path, "lung_crop needs the segmenter's 64-digit weights sha256");
      if (!(crop.margin >= 0.0 && crop.margin <= 0.5)) return bad(path, "lung_crop margin must lie in 0-0.5");
      m.lungCrop = crop;
    }
    if (m.testTimeAugmentation.size() > 16) return bad(path, "at most 16 test-time augmentation views");
    if (!m.covariates.empty() && m.weightsFormat != WeightsFormat::StateDict)
      return bad(path, "covariates need a state-dict pack (a TorchScript module takes the film alone)");
    if (j.contains("ood")) {
      const json& o = j.at("ood");
      OodSpec ood;
      ood.file = o.at("file").get<std::string>();
      ood.sha256 = o.value("sha256", "");
      ood.dim = o.at("dim").get<int>();
      ood.threshold = o.at("threshold").get<double>();
      ood.fitFilms = o.value("fit_films", 0);
      ood.heldOutFilms = o.value("held_out_films", 0);
      ood.heldOutQuantile = o.value("held_out_quantile", 0.99);
      if (ood.dim <= 0 || ood.file.empty()) return bad(path, "ood needs a file and a positive dim");
      m.ood = ood;
    }
  } catch (const json::exception& e) {
    return bad(path, std::string("manifest has a field of the wrong type (") + e.what() + ")");
  }
  return m;
}

Result<ModelManifest> readManifest(const std::string& directory) {
  const std::string path = directory + "/model.json";
  std::ifstream in(path);
  if (!in) return Error(Module::Ai, ErrorCode::NotFound, "model pack has no model.json", directory);
  std::ostringstream text;
  text << in.rdbuf();
  auto manifest = parseManifest(text.str(), path);
  if (manifest.ok()) manifest.value().directory = directory;
  return manifest;
}

std::string toJson(const ModelManifest& m) {
  json labels = json::array();
  json points = json::object();
  for (std::size_t i = 0; i < m.labels.size(); ++i) {
    json label = {{"name", m.labels[i].name}};
    if (!m.labels[i].parent.empty()) label["parent"] = m.labels[i].parent;
    if (!m.labels[i].display.empty()) label["display"] = m.labels[i].display;
    labels.push_back(label);
    if (i < m.operatingPoints.size()) {
      const auto& op = m.operatingPoints[i];
      json p = {{"threshold", op.threshold}};
      if (op.sensitivity) p["sensitivity"] = *op.sensitivity;
      if (op.specificity) p["specificity"] = *op.specificity;
      points[m.labels[i].name] = p;
    }
  }
  json normalization = m.normalization.name == "custom"
                           ? json{{"mean", m.normalization.mean}, {"std", m.normalization.std}}
                           : json(m.normalization.name);
  json j = {
      {"format_version", 1},
      {"name", m.name},
      {"version", m.version},
      {"architecture", m.architecture},
      {"task", toString(m.task)},
      {"labels", labels},
      {"input", {{"size", m.inputSize}, {"channels", m.inputChannels}}},
      {"preprocessing", {{"resize", toString(m.resize)},
                         {"normalization", normalization},
                         {"window", m.window == FilmWindow::Default ? "default" : "full-range"}}},
      {"operating_points", points},
      {"gradcam", {{"target_layer", m.gradcamTargetLayer}}},
      {"weights", {{"file", m.weightsFile},
                   {"format", m.weightsFormat == WeightsFormat::StateDict ? "state-dict" : "torchscript"},
                   {"sha256", m.weightsSha256}}},
      {"provenance", {{"data", m.provenanceData}, {"command", m.provenanceCommand}, {"date", m.provenanceDate},
                      {"software", m.provenanceSoftware}}},
  };
  if (!m.metricsJson.empty()) j["metrics"] = json::parse(m.metricsJson);
  if (!m.covariates.empty()) j["covariates"] = m.covariates;
  if (!m.testTimeAugmentation.empty()) {
    json views = json::array();
    for (const auto& v : m.testTimeAugmentation) views.push_back({{"scale", v.scale}, {"dx", v.dx}, {"dy", v.dy}});
    j["test_time_augmentation"] = views;
  }
  if (m.lungCrop)
    j["lung_crop"] = {{"segmenter", m.lungCrop->segmenter}, {"sha256", m.lungCrop->sha256}, {"margin", m.lungCrop->margin}};
  if (!m.calibration.scales.empty())
    j["calibration"] = {{"method", m.calibration.method}, {"scales", m.calibration.scales}, {"offsets", m.calibration.offsets},
                        {"ece_before", m.calibration.eceBefore}, {"ece_after", m.calibration.eceAfter},
                        {"films", m.calibration.films}};
  if (m.ood)
    j["ood"] = {{"method", "mahalanobis-pooled-features"}, {"file", m.ood->file}, {"sha256", m.ood->sha256},
                {"dim", m.ood->dim}, {"threshold", m.ood->threshold}, {"fit_films", m.ood->fitFilms},
                {"held_out_films", m.ood->heldOutFilms}, {"held_out_quantile", m.ood->heldOutQuantile}};
  const Acceptance& a = m.accepts;
  if (!a.modalities.empty() || !a.bodyParts.empty() || !a.views.empty() || a.minAgeYears) {
    json accepts = {{"modalities", a.modalities}, {"body_parts", a.bodyParts}, {"views", a.views}};
    if (a.minAgeYears) accepts["min_age_years"] = *a.minAgeYears;
    j["accepts"] = accepts;
  }
  return j.dump(2) + "\n";
}

Result<std::string> sha256File(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Error(Module::Ai, ErrorCode::NotFound, "file is missing", path);
  std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> ctx(EVP_MD_CTX_new(), EVP_MD_CTX_free);
  if (!ctx || EVP_DigestInit_ex(ctx.get(), EVP_sha256(), nullptr) != 1)
    return Error(Module::Ai, ErrorCode::Internal, "SHA-256 is unavailable", path);
  std::array<char, 1 << 16> buffer{};
  while (in) {
    in.read(buffer.data(), buffer.size());
    if (in.gcount() > 0) EVP_DigestUpdate(ctx.get(), buffer.data(), static_cast<std::size_t>(in.gcount()));
  }
  if (in.bad()) return Error(Module::Ai, ErrorCode::Unreadable, "read error while hashing", path);
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  EVP_DigestFinal_ex(ctx.get(), digest, &length);
  std::string hex;
  char byte[3];
  for (unsigned int i = 0; i < length; ++i) {
    std::snprintf(byte, sizeof byte, "%02x", digest[i]);
    hex += byte;
  }
  return hex;
}

}  // namespace hilum::ai
