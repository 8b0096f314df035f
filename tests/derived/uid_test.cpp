// UIDs without a registered root: "2.25." and a UUID as one decimal number (PS3.5 B.2).
#include "hilum/derived/derived_objects.h"

#include <catch2/catch.hpp>

#include <array>
#include <cstdint>
#include <regex>
#include <set>

using hilum::derived::mappedUid;
using hilum::derived::newUid;

namespace {

// The 128-bit number after "2.25.", back to its 16 bytes (big-endian).
std::array<std::uint8_t, 16> uuidBytes(const std::string& uid) {
  std::array<std::uint8_t, 16> bytes{};
  for (const char c : uid.substr(5)) {
    unsigned carry = static_cast<unsigned>(c - '0');
    for (auto it = bytes.rbegin(); it != bytes.rend(); ++it) {
      const unsigned v = *it * 10u + carry;
      *it = static_cast<std::uint8_t>(v & 0xFF);
      carry = v >> 8;
    }
    REQUIRE(carry == 0);  // fits in 128 bits
  }
  return bytes;
}

void requireUuidUid(const std::string& uid, int version) {
  INFO(uid);
  REQUIRE(std::regex_match(uid, std::regex(R"(2\.25\.(0|[1-9][0-9]*))")));
  REQUIRE(uid.size() <= 64);
  const auto bytes = uuidBytes(uid);
  CHECK((bytes[6] >> 4) == version);  // RFC 9562 version
  CHECK((bytes[8] >> 6) == 2);        // RFC 9562 variant
}

}  // namespace

TEST_CASE("new UIDs are version 4 UUIDs under 2.25, unique and within 64 characters", "[derived][uid]") {
  std::set<std::string> seen;
  for (int i = 0; i < 2000; ++i) {
    const std::string uid = newUid();
    requireUuidUid(uid, 4);
    REQUIRE(seen.insert(uid).second);
  }
}

TEST_CASE("mapped UIDs depend on the UID and the salt and on nothing else", "[derived][uid]") {
  const std::string a = "1.2.826.0.1.3680043.10.1.1", b = "1.2.826.0.1.3680043.10.1.2";
  requireUuidUid(mappedUid(a, "salt-1"), 8);
  CHECK(mappedUid(a, "salt-1") == mappedUid(a, "salt-1"));
  CHECK(mappedUid(a, "salt-1") != mappedUid(b, "salt-1"));
  CHECK(mappedUid(a, "salt-1") != mappedUid(a, "salt-2"));
  CHECK(mappedUid(a, "salt-1") != a);
  // No salt: a random one per process, still consistent within it.
  CHECK(mappedUid(a, "") == mappedUid(a, ""));
  CHECK(mappedUid(a, "") != mappedUid(a, "salt-1"));
}
