#pragma once
// The JSON description of a film that `hilum-cli info --json` prints. Its keys are a contract
// (scripts and later checks read them): add keys, never rename or remove one.
#include <nlohmann/json_fwd.hpp>

namespace hilum::film { class Film; }

namespace hilum::cli {

nlohmann::json filmToJson(const film::Film& film);

}  // namespace hilum::cli
