#pragma once
// The sharding contract of `hilum-cli batch`: which of N workers analyses a study. It must give the
// same answer on every machine, compiler and language, so it is a cryptographic hash, not
// std::hash:
//
//   shard = (first 8 bytes of SHA-256(Study Instance UID), read as a big-endian unsigned 64-bit
//            integer) mod N
//
// over the UID's ASCII characters without DICOM's trailing padding (NUL or space). In Python:
//   int.from_bytes(hashlib.sha256(uid.encode()).digest()[:8], "big") % n
// Shards are numbered 0 to N-1 (Kubernetes' JOB_COMPLETION_INDEX, Slurm's --array=0-N-1).
// docs/scale-out.md gives test vectors. Pure functions, safe from any thread.
#include "hilum/base/result.h"

#include <cstdint>
#include <string>

namespace hilum::triage {

// At most this many shards: far more than any cluster, small enough to print and parse safely.
inline constexpr int kMaxShards = 1000000;

struct Shard {
  int index = 0;  // 0 .. count-1
  int count = 1;

  std::string toString() const;  // "3/8"
};

// "R/N" with 0 <= R < N <= kMaxShards, decimal digits only. The error names the text and the rule.
[[nodiscard]] Result<Shard> parseShard(const std::string& text);

// The first 8 bytes of SHA-256 over the unpadded UID, big-endian.
std::uint64_t shardHash(const std::string& studyInstanceUid);

// Which of `count` shards (>= 1) the study belongs to.
int shardOf(const std::string& studyInstanceUid, int count);

}  // namespace hilum::triage
