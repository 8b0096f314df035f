#include "hilum/ai/segmentation_manifest.h"

#include <nlohmann/json.hpp>

#include <fstream>
#include <sstream>

namespace hilum::ai {
namespace {

using nlohmann::json;

Error bad(const std::string& path, const std::string& reason) { return Error(Module::Ai, ErrorCode::Malformed, reason, path); }

bool isLowerHex(const std::string& text) {
  for (char c : text)
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  return true;
}

}  // namespace

ModelManifest SegmentationManifest::asModelManifest() const {
  ModelManifest m;
  m.directory = directory;
  m.name = name;
  m.version = version;
  m.architecture = architecture;
  m.inputSize = inputSize;
  m.inputChannels = 1;
  m.resize = resize;
  m.window = window;
  m.normalization.name = "custom";
  m.normalization.mean = {mean};
  m.normalization.std = {std};
  m.weightsFile = weightsFile;
  m.weightsSha256 = weightsSha256;
  return m;
}

Result<SegmentationManifest> parseSegmentationManifest(const std::string& text, const std::string& path) {
  json j;
  try {
    j = json::parse(text);
  } catch (const json::exception& e) {
    return bad(path, std::string("segmentation manifest is not valid JSON (") + e.what() + ")");
  }
  if (!j.is_object()) return bad(path, "segmentation manifest is not a JSON object");
  SegmentationManifest m;
  try {
    const int formatVersion = j.value("format_version", 1);
    if (formatVersion != 1)
      return Error(Module::Ai, ErrorCode::Unsupported,
                   "segmentation manifest format_version " + std::to_string(formatVersion) + " is newer than this Hilum", path);
    for (const char* key : {"name", "version", "structure", "input", "weights"})
      if (!j.contains(key)) return bad(path, std::string("segmentation manifest lacks \"") + key + "\"");
    m.name = j.at("name").get<std::string>();
    m.version = j.at("version").get<std::string>();
    if (m.name.empty()) return bad(path, "segmentation manifest has an empty name");
    m.structure = j.at("structure").get<std::string>();
    if (m.structure.empty()) return bad(path, "segmentation manifest names no structure");

    const json network = j.value("network", json::object());
    m.architecture = network.value("architecture", "unet");
    if (m.architecture != "unet") return bad(path, "architecture \"" + m.architecture + "\" is unknown (known: unet)");
    m.baseChannels = network.value("base_channels", 16);
    m.levels = network.value("levels", 4);
    if (m.baseChannels < 1 || m.baseChannels > 256) return bad(path, "base_channels must lie in [1, 256]");
    if (m.levels < 2 || m.levels > 6) return bad(path, "levels must lie in [2, 6]");

    const json& input = j.at("input");
    m.inputSize = input.value("size", 128);
    if (input.value("channels", 1) != 1) return bad(path, "a segmentation pack takes one input channel");
    if (m.inputSize < 16 || m.inputSize > 2048) return bad(path, "input size " + std::to_string(m.inputSize) + " is out of range");
    const int multiple = 1 << (m.levels - 1);
    if (m.inputSize % multiple != 0)
      return bad(path, "input size " + std::to_string(m.inputSize) + " is not divisible by " + std::to_string(multiple) +
                           " (2^(levels-1))");

    const json pre = j.value("preprocessing", json::object());
    const std::string resize = pre.value("resize", "squash");
    const auto policy = resizePolicyNamed(resize);
    if (!policy) return bad(path, "resize policy \"" + resize + "\" is unknown");
    m.resize = *policy;
    const std::string window = pre.value("window", "default");
    const auto filmWindow = filmWindowNamed(window);
    if (!filmWindow) return bad(path, "film window \"" + window + "\" is unknown");
    m.window = *filmWindow;
    const json norm = pre.value("normalization", json::object());
    m.mean = norm.value("mean", 0.5);
    m.std = norm.value("std", 0.25);
    if (!(m.std > 0)) return bad(path, "normalization std must be positive");

    const json output = j.value("output", json::object());
    m.threshold = output.value("threshold", 0.5);
    if (!(m.threshold > 0.0 && m.threshold < 1.0)) return bad(path, "threshold must lie strictly between 0 and 1");
    m.keepComponents = output.value("keep_components", 2);
    if (m.keepComponents < 1 || m.keepComponents > 16) return bad(path, "keep_components must lie in [1, 16]");

    const json& weights = j.at("weights");
    m.weightsFile = weights.at("file").get<std::string>();
    if (m.weightsFile.empty() || m.weightsFile.find('/') != std::string::npos || m.weightsFile == ".." || m.weightsFile == ".")
      return bad(path, "weights file must be a plain file name inside the pack");
    if (weights.value("format", "state-dict") != "state-dict")
      return bad(path, "segmentation weights must be a state dict (TorchScript is not accepted here)");
    m.weightsSha256 = weights.value("sha256", "");
    if (m.weightsSha256.size() != 64 || !isLowerHex(m.weightsSha256))
      return bad(path, "weights sha256 is missing or not 64 lower-case hex digits");

    const json provenance = j.value("provenance", json::object());
    m.provenanceData = provenance.value("data", "");
    m.provenanceCommand = provenance.value("command", "");
    m.provenanceDate = provenance.value("date", "");
    m.provenanceSoftware = provenance.value("software", "");
    if (j.contains("metrics")) m.metricsJson = j.at("metrics").dump();
  } catch (const json::exception& e) {
    return bad(path, std::string("segmentation manifest has a field of the wrong type (") + e.what() + ")");
  }
  return m;
}

Result<SegmentationManifest> readSegmentationManifest(const std::string& directory) {
  const std::string path = directory + "/" + kSegmentationManifestFile;
  std::ifstream in(path);
  if (!in) return Error(Module::Ai, ErrorCode::NotFound, std::string("segmentation pack has no ") + kSegmentationManifestFile, directory);
  std::ostringstream text;
  text << in.rdbuf();
  auto manifest = parseSegmentationManifest(text.str(), path);
  if (manifest.ok()) manifest.value().directory = directory;
  return manifest;
}

std::string toJson(const SegmentationManifest& m) {
  json j = {
      {"format_version", 1},
      {"name", m.name},
      {"version", m.version},
      {"structure", m.structure},
      {"network", {{"architecture", m.architecture}, {"base_channels", m.baseChannels}, {"levels", m.levels}}},
      {"input", {{"size", m.inputSize}, {"channels", 1}}},
      {"preprocessing", {{"resize", toString(m.resize)},
                         {"window", m.window == FilmWindow::Default ? "default" : "full-range"},
                         {"normalization", {{"mean", m.mean}, {"std", m.std}}}}},
      {"output", {{"threshold", m.threshold}, {"keep_components", m.keepComponents}}},
      {"weights", {{"file", m.weightsFile}, {"format", "state-dict"}, {"sha256", m.weightsSha256}}},
      {"provenance", {{"data", m.provenanceData}, {"command", m.provenanceCommand}, {"date", m.provenanceDate},
                      {"software", m.provenanceSoftware}}},
  };
  if (!m.metricsJson.empty()) j["metrics"] = json::parse(m.metricsJson);
  return j.dump(2) + "\n";
}

}  // namespace hilum::ai
