#pragma once
// The JSON `hilum-cli analyze` prints per film. Keys are a contract: add, never rename or remove.
#include <nlohmann/json_fwd.hpp>

#include <string>
#include <vector>

namespace hilum::ai { struct Findings; }

namespace hilum::cli {

// heatmapPaths: one per ranked finding, or empty when heatmaps were not written.
nlohmann::json findingsToJson(const std::string& file, const ai::Findings& findings, double decodeMs,
                              const std::vector<std::string>& heatmapPaths);

}  // namespace hilum::cli
