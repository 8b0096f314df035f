#pragma once
// A guard in front of DCMTK: DCMTK 3.6.7 reads nested sequences by recursion, one set of stack
// frames per level, and a file of 20000 nested empty sequences (720 kB) overflows an 8 MiB stack
// (SIGSEGV, found by the hostile corpus). This walks the element structure without recursion and
// without building anything, and refuses files nested deeper than any real object needs.
#include <optional>
#include <string>

namespace hilum::film::detail {

// Structured reports nest ~10 levels; presentation states and dose reports fewer. 64 leaves room.
constexpr int kMaxSequenceDepth = 64;

// The reason when `path` nests sequences deeper than maxDepth; nothing when it does not, or when the
// walk cannot tell (damaged structure, unreadable file): DCMTK then gives its own error. Safe to call
// from any thread.
std::optional<std::string> excessiveNesting(const std::string& path, int maxDepth = kMaxSequenceDepth);

}  // namespace hilum::film::detail
