#include "findings_json.h"

#include "hilum/ai/findings.h"

#include <nlohmann/json.hpp>

namespace hilum::cli {

nlohmann::json findingsToJson(const std::string& file, const ai::Findings& f, double decodeMs,
                              const std::vector<std::string>& heatmapPaths) {
  using nlohmann::json;
  json findings = json::array();
  for (std::size_t i = 0; i < f.ranked.size(); ++i) {
    const auto& r = f.ranked[i];
    json item = {{"label", r.label}, {"probability", r.probability}, {"threshold", r.threshold}, {"positive", r.positive}};
    if (!r.parent.empty()) item["parent"] = r.parent;
    if (r.sensitivity) item["sensitivity"] = *r.sensitivity;
    if (r.specificity) item["specificity"] = *r.specificity;
    if (i < heatmapPaths.size()) item["heatmap"] = heatmapPaths[i];
    findings.push_back(std::move(item));
  }
  json groups = json::array();
  for (const auto& g : f.groups) groups.push_back({{"name", g.name}, {"probability", g.probability}, {"children", g.children}});
  json j = {
      {"file", file},
      {"model", {{"name", f.model.name}, {"version", f.model.version}, {"sha256", f.model.sha256}}},
      {"device", f.device},
      {"task", ai::toString(f.task)},
      {"disclaimer", ai::Findings::kDisclaimer},
      {"findings", findings},
      {"groups", groups},
      {"accepted", f.accepted},
      {"gate_reasons", f.gateReasons},
      {"warnings", f.qualityWarnings},
      {"timing_ms", {{"decode", decodeMs}, {"preprocess", f.timing.preprocessMs}, {"inference", f.timing.inferenceMs},
                     {"heatmaps", f.timing.heatmapsMs}, {"total", decodeMs + f.timing.totalMs}}},
  };
  if (f.topLabel) j["top_label"] = *f.topLabel;
  if (!f.covariates.empty()) {  // what the model read beside the film
    j["covariates"] = f.covariates;
    j["unknown_covariates"] = f.unknownCovariates;
  }
  if (!f.fieldOfView.empty()) j["field_of_view"] = f.fieldOfView;  // a pack that crops to the lungs
  j["ood_score"] = f.oodScore ? json(*f.oodScore) : json(nullptr);
  j["ood_threshold"] = f.oodThreshold ? json(*f.oodThreshold) : json(nullptr);
  return j;
}

}  // namespace hilum::cli
