#include "hilum/train/train_config.h"

#include <nlohmann/json.hpp>

#include <filesystem>
#include <cstdlib>
#include <fstream>
#include <map>
#include <sstream>

namespace hilum::train {
namespace fs = std::filesystem;

Result<TrainConfig> readTrainConfig(const std::string& path) {
  std::ifstream in(path);
  if (!in) return Error(Module::Train, ErrorCode::NotFound, "training config is missing", path);
  std::ostringstream text;
  text << in.rdbuf();
  return parseTrainConfig(text.str(), path);
}

Result<TrainConfig> parseTrainConfig(const std::string& text, const std::string& path) {
  TrainConfig c;
  c.configPath = path;
  const fs::path base = fs::path(path).parent_path();
  auto resolve = [&base](const std::string& p) { return p.empty() || fs::path(p).is_absolute() ? p : (base / p).lexically_normal().string(); };
  try {
    const auto j = nlohmann::json::parse(text);
    const auto data = j.at("data");
    const std::string task = j.value("task", data.is_object() && data.contains("folder") ? "single-label" : "multi-label");
    if (task != "single-label" && task != "multi-label")
      return Error(Module::Train, ErrorCode::Malformed, "task \"" + task + "\" is neither multi-label nor single-label", path);
    const auto taskKind = task == "single-label" ? ai::Task::SingleLabel : ai::Task::MultiLabel;
    if (data.is_object() && data.contains("folder")) {
      c.folder = resolve(data.at("folder").get<std::string>());
      if (data.contains("csv")) return Error(Module::Train, ErrorCode::Malformed, "data needs exactly one of \"csv\" and \"folder\"", path);
    } else {
      for (const auto& source : data.is_array() ? data : nlohmann::json::array({data})) {
        CsvSpec spec;
        spec.csv = resolve(source.value("csv", ""));
        if (spec.csv.empty()) return Error(Module::Train, ErrorCode::Malformed, "each data source needs \"csv\" (or one \"folder\")", path);
        spec.imageRoot = resolve(source.value("root", ""));
        spec.imageColumn = source.value("image_column", "");
        spec.labelsColumn = source.value("labels_column", "");
        spec.patientColumn = source.value("patient_column", "");
        spec.separator = source.value("separator", "|");
        spec.labels = source.value("labels", std::vector<std::string>{});
        spec.exclude = source.value("exclude", std::vector<std::string>{"No Finding"});
        spec.views = source.value("views", std::vector<std::string>{});
        spec.labelMap = source.value("label_map", std::map<std::string, std::string>{});
        spec.where = source.value("where", std::map<std::string, std::vector<std::string>>{});
        spec.task = taskKind;
        c.sources.push_back(std::move(spec));
      }
      if (c.sources.empty()) return Error(Module::Train, ErrorCode::Malformed, "data lists no source", path);
    }

    const auto split = j.value("split", nlohmann::json::object());
    c.validationFraction = split.value("validation", 0.15);
    c.testFraction = split.value("test", 0.15);
    c.splitSeed = split.value("seed", 42);
    if (c.validationFraction <= 0 || c.testFraction < 0 || c.validationFraction + c.testFraction >= 1)
      return Error(Module::Train, ErrorCode::Malformed, "split fractions must leave room for training", path);

    const auto model = j.at("model");
    // The manifest parser validates the model block the same way it validates a pack.
    nlohmann::json manifest = {
        {"name", model.value("name", "hilum-model")}, {"version", model.value("version", "0.1")},
        {"architecture", model.value("architecture", "resnet18")}, {"task", task},
        {"labels", {"placeholder-a", "placeholder-b"}},
        {"input", {{"size", model.value("input_size", 224)}, {"channels", model.value("channels", 3)}}},
        {"preprocessing", {{"resize", model.value("resize", "squash")},
                           {"normalization", model.value("normalization", nlohmann::json("imagenet"))},
                           {"window", model.value("window", "default")}}},
        {"weights", {{"file", "weights.pt"}, {"sha256", std::string(64, '0')}}},
    };
    // "covariates": ["age", "sex", "view"]: patient covariates into the head (hilum/ai/covariates.h).
    if (model.contains("covariates")) manifest["covariates"] = model.at("covariates");
    auto parsed = ai::parseManifest(manifest.dump(), path);
    if (!parsed.ok()) return parsed.error();
    c.model = parsed.value();
    if (model.contains("lung_crop")) {
      const auto crop = model.at("lung_crop");
      c.lungCropSegmenter = resolve(crop.value("segmenter", ""));
      c.lungCropMargin = crop.value("margin", 0.1);
      if (c.lungCropSegmenter.empty())
        return Error(Module::Train, ErrorCode::Malformed, "lung_crop needs \"segmenter\": a segmentation pack folder", path);
      if (!(c.lungCropMargin >= 0.0 && c.lungCropMargin <= 0.5))
        return Error(Module::Train, ErrorCode::Malformed, "lung_crop margin must lie in 0-0.5", path);
    }
    c.initFrom = resolve(model.value("init_from", ""));
    c.freezeBackbone = model.value("freeze_backbone", false);

    const auto t = j.value("train", nlohmann::json::object());
    c.epochs = t.value("epochs", 10);
    c.batchSize = t.value("batch_size", 16);
    c.optimizer = t.value("optimizer", "adamw");
    c.learningRate = t.value("lr", 1e-3);
    c.weightDecay = t.value("weight_decay", 1e-4);
    c.scheduler = t.value("scheduler", "plateau");
    c.plateauPatience = t.value("plateau_patience", 2);
    c.earlyStopping = t.value("early_stopping", 5);
    c.gradClip = t.value("grad_clip", 5.0);
    c.balance = t.value("balance", true);
    c.seed = t.value("seed", 1);
    c.threads = t.value("threads", 0);
    c.freezeBatchNorm = t.value("freeze_batch_norm", false);
    c.loaderThreads = t.value("loader_threads", 1);
    if (c.loaderThreads < 1 || c.loaderThreads > 256)
      return Error(Module::Train, ErrorCode::Malformed, "loader_threads must be 1-256", path);
    const auto d = j.value("distributed", nlohmann::json::object());
    c.distributed.worldSize = d.value("world_size", 1);
    c.distributed.rank = d.value("rank", 0);
    c.distributed.timeoutSeconds = d.value("timeout_s", 300);
    c.distributed.localWorldSize = d.value("local_world_size", 0);
    if (d.contains("rendezvous"))
      if (Status s = parseRendezvous(d.at("rendezvous").get<std::string>(), c.distributed); !s.ok()) return s.error().withPath(path);
    if (Status s = validateDistributed(c.distributed); !s.ok()) return s.error().withPath(path);
    if (c.epochs < 1 || c.batchSize < 1 || !(c.learningRate > 0))
      return Error(Module::Train, ErrorCode::Malformed, "epochs, batch_size and lr must be positive", path);
    if (c.optimizer != "adam" && c.optimizer != "adamw" && c.optimizer != "sgd")
      return Error(Module::Train, ErrorCode::Malformed, "optimizer \"" + c.optimizer + "\" is not adam, adamw or sgd", path);
    if (c.scheduler != "plateau" && c.scheduler != "cosine" && c.scheduler != "none")
      return Error(Module::Train, ErrorCode::Malformed, "scheduler \"" + c.scheduler + "\" is not plateau, cosine or none", path);

    const auto a = j.value("augment", nlohmann::json::object());
    c.augment.enabled = a.value("enabled", true);
    c.augment.rotationDeg = a.value("rotation_deg", 10.0);
    c.augment.scaleMin = a.value("scale_min", 0.9);
    c.augment.scaleMax = a.value("scale_max", 1.1);
    c.augment.translate = a.value("translate", 0.05);
    c.augment.brightness = a.value("brightness", 0.1);
    c.augment.contrast = a.value("contrast", 0.1);
    c.augment.gamma = a.value("gamma", 0.1);
    c.augment.noise = a.value("noise", 0.01);
    c.augment.horizontalFlip = a.value("hflip", false);

    const auto exportOptions = j.value("export", nlohmann::json::object());
    c.exportHalf = exportOptions.value("half", false);
    c.exportCalibration = exportOptions.value("calibrate", true);
    c.exportOod = exportOptions.value("ood", true);
    c.output = resolve(j.at("output").get<std::string>());
  } catch (const nlohmann::json::exception& e) {
    return Error(Module::Train, ErrorCode::Malformed, std::string("training config: ") + e.what(), path);
  }
  return c;
}

Status parseRendezvous(const std::string& text, DistributedOptions& options) {
  const auto colon = text.rfind(':');
  const auto bad = [&text] {
    return Error(Module::Train, ErrorCode::InvalidArgument, "rendezvous \"" + text + "\" is not HOST:PORT");
  };
  if (colon == std::string::npos || colon == 0 || colon + 1 == text.size()) return bad();
  const std::string port = text.substr(colon + 1);
  if (port.size() > 5 || port.find_first_not_of("0123456789") != std::string::npos) return bad();
  options.host = text.substr(0, colon);
  options.port = std::stoi(port);
  if (options.port < 1 || options.port > 65535) return bad();
  return {};
}

namespace {
// The variable as a whole non-negative number, or an error naming it.
Status numberFromEnvironment(const char* name, int& into) {
  const char* value = std::getenv(name);
  if (!value || !*value) return {};
  const std::string text(value);
  if (text.size() > 9 || text.find_first_not_of("0123456789") != std::string::npos)
    return Error(Module::Train, ErrorCode::InvalidArgument, std::string(name) + "=\"" + text + "\" is not a whole number");
  into = std::stoi(text);
  return {};
}
}  // namespace

Status distributedFromEnvironment(DistributedOptions& options) {
  for (const auto& [name, field] : {std::pair<const char*, int*>{"WORLD_SIZE", &options.worldSize}, {"RANK", &options.rank},
                                    {"LOCAL_WORLD_SIZE", &options.localWorldSize}, {"MASTER_PORT", &options.port}})
    if (Status s = numberFromEnvironment(name, *field); !s.ok()) return s;
  if (const char* host = std::getenv("MASTER_ADDR"); host && *host) options.host = host;
  return {};
}

Status validateDistributed(const DistributedOptions& o) {
  auto bad = [](const std::string& why) { return Error(Module::Train, ErrorCode::InvalidArgument, why); };
  if (o.worldSize < 1) return bad("world size must be at least 1");
  if (o.rank < 0 || o.rank >= o.worldSize)
    return bad("rank " + std::to_string(o.rank) + " is outside 0.." + std::to_string(o.worldSize - 1));
  if (o.port < 1 || o.port > 65535) return bad("rendezvous port " + std::to_string(o.port) + " is outside 1-65535");
  if (o.timeoutSeconds < 1) return bad("distributed timeout must be at least 1 s");
  if (o.host.empty()) return bad("rendezvous host is empty");
  return {};
}

}  // namespace hilum::train
