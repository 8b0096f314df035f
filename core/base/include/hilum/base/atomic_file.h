#pragma once
// Crash-safe writes of user data: the bytes go to a temporary file beside the target, are flushed
// to disk, and only then renamed over the target. A crash or full disk leaves the old file intact.
// Safe to call from any thread (distinct targets).
#include "hilum/base/result.h"

#include <cstdint>
#include <string>
#include <vector>

namespace hilum {

Status writeFileAtomically(const std::string& path, const void* data, std::size_t size);

inline Status writeFileAtomically(const std::string& path, const std::vector<std::uint8_t>& bytes) {
  return writeFileAtomically(path, bytes.data(), bytes.size());
}
inline Status writeFileAtomically(const std::string& path, const std::string& text) {
  return writeFileAtomically(path, text.data(), text.size());
}

}  // namespace hilum
