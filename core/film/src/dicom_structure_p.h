#pragma once
// A guard in front of DCMTK, for two hazards of DCMTK 3.6.7 that no load option avoids:
// - it reads nested sequences by recursion, one set of stack frames per level, and a file of 20000
//   nested empty sequences (720 kB) overflows an 8 MiB stack (SIGSEGV, found by the hostile corpus);
// - in a deflated data set it cannot compare an element's declared length with what is left, and
//   allocates whatever is declared (1.4 GB from a 630-byte file, found by fuzz_film).
// This walks the element structure (inflated first, up to 256 MB) without recursion and without
// building anything, and refuses files nested deeper than any real object needs, deflate bombs and
// deflated data sets whose elements overrun the data or whose structure it cannot follow.
#include <optional>
#include <string>

namespace hilum::film::detail {

// Structured reports nest ~10 levels; presentation states and dose reports fewer. 64 leaves room.
constexpr int kMaxSequenceDepth = 64;

// The reason when `path` must not reach DCMTK (above); nothing when it may, or when the walk cannot
// tell for an uncompressed data set (damaged structure, unreadable file): DCMTK then gives its own
// error. Safe to call from any thread.
std::optional<std::string> structureProblem(const std::string& path, int maxDepth = kMaxSequenceDepth);

}  // namespace hilum::film::detail
