#pragma once
// The current time as ISO 8601 text, for ledgers and provenance.
#include <string>

namespace hilum {

// "2026-11-26T04:10:45" in the machine's local time (what a reading room's clock shows).
std::string localIsoTime();
// "2026-11-26T04:10:45Z" (provenance that must read the same in every time zone).
std::string utcIsoTime();

}  // namespace hilum
