#pragma once
// UIDs without a registered root (PS3.5 B.2: "2.25." followed by a UUID as one decimal integer).
#include <string>

namespace hilum::derived::detail {

// A stable UID for a model pack (name, version, weights), so every report the same pack writes
// names the same Device Observer UID.
std::string algorithmUid(const std::string& name, const std::string& version, const std::string& weightsSha256);

}  // namespace hilum::derived::detail
