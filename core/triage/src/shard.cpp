#include "hilum/triage/shard.h"

#include <openssl/evp.h>

#include <cctype>

namespace hilum::triage {
namespace {

// Decimal digits only, no sign, no blanks; nothing when it does not fit the limit.
bool parseCount(const std::string& text, int& value) {
  if (text.empty() || text.size() > 7) return false;
  value = 0;
  for (const char c : text) {
    if (!std::isdigit(static_cast<unsigned char>(c))) return false;
    value = value * 10 + (c - '0');
  }
  return true;
}

}  // namespace

std::string Shard::toString() const { return std::to_string(index) + "/" + std::to_string(count); }

Result<Shard> parseShard(const std::string& text) {
  const auto bad = [&text](const std::string& why) {
    return Error(Module::Pacs, ErrorCode::InvalidArgument, "shard '" + text + "' " + why);
  };
  const auto slash = text.find('/');
  Shard shard;
  if (slash == std::string::npos || !parseCount(text.substr(0, slash), shard.index) ||
      !parseCount(text.substr(slash + 1), shard.count))
    return bad("is not R/N (shard R of N, both whole numbers, R counted from 0)");
  if (shard.count < 1 || shard.count > kMaxShards)
    return bad("has N outside 1-" + std::to_string(kMaxShards));
  if (shard.index >= shard.count)
    return bad("is out of range: R counts from 0, so it must be below N (0 to " + std::to_string(shard.count - 1) + ")");
  return shard;
}

std::uint64_t shardHash(const std::string& studyInstanceUid) {
  std::size_t length = studyInstanceUid.size();
  while (length > 0 && (studyInstanceUid[length - 1] == '\0' || studyInstanceUid[length - 1] == ' ')) --length;
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int digestLength = 0;
  EVP_Digest(studyInstanceUid.data(), length, digest, &digestLength, EVP_sha256(), nullptr);
  std::uint64_t value = 0;
  for (int i = 0; i < 8; ++i) value = (value << 8) | digest[i];
  return value;
}

int shardOf(const std::string& studyInstanceUid, int count) {
  if (count <= 1) return 0;
  return static_cast<int>(shardHash(studyInstanceUid) % static_cast<std::uint64_t>(count));
}

}  // namespace hilum::triage
