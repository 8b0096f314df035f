// The sharding contract of `hilum-cli batch`: SHA-256's first 8 bytes, big-endian, mod N. The
// expected values were computed with Python's hashlib (docs/scale-out.md), so a change of hash,
// byte order or padding rule fails here.
#include "hilum/triage/shard.h"

#include <catch2/catch.hpp>

#include <string>
#include <vector>

using namespace hilum;
using Catch::Matchers::Contains;

TEST_CASE("a study's shard is the first 8 bytes of SHA-256 of its UID, big-endian, mod N", "[triage][batch][shard]") {
  // int.from_bytes(hashlib.sha256(uid.encode()).digest()[:8], "big")
  CHECK(triage::shardHash("1.2.840.113619.2.55.3.604688119.969.1268071029.320") == 15106822544396284560ull);
  CHECK(triage::shardHash("1.2.3") == 14159135915211239654ull);
  CHECK(triage::shardHash("2.25.1") == 5310219180594657959ull);
  CHECK(triage::shardOf("1.2.840.113619.2.55.3.604688119.969.1268071029.320", 1000) == 560);
  CHECK(triage::shardOf("1.2.3", 3) == 2);
  CHECK(triage::shardOf("1.2.3", 10) == 4);
  CHECK(triage::shardOf("2.25.1", 2) == 1);
  CHECK(triage::shardOf("2.25.1", 1) == 0);

  // DICOM pads a UID of odd length with a NUL; some peers send a space. Neither moves the study.
  CHECK(triage::shardHash(std::string("1.2.3\0", 6)) == triage::shardHash("1.2.3"));
  CHECK(triage::shardHash("1.2.3 ") == triage::shardHash("1.2.3"));

  // Every UID lands in exactly one of N shards, and the shards share the work about evenly.
  std::vector<int> perShard(4, 0);
  for (int i = 0; i < 4000; ++i) ++perShard[static_cast<std::size_t>(triage::shardOf("1.2.826.0.1.3680043.10." + std::to_string(i), 4))];
  for (int n : perShard) CHECK((n > 850 && n < 1150));
}

TEST_CASE("shard specs other than R/N with 0 <= R < N are refused, saying why", "[triage][batch][shard]") {
  const auto ok = triage::parseShard("3/8");
  REQUIRE(ok.ok());
  CHECK(ok.value().index == 3);
  CHECK(ok.value().count == 8);
  CHECK(ok.value().toString() == "3/8");
  CHECK(triage::parseShard("0/1").ok());
  CHECK(triage::parseShard("999999/1000000").ok());

  for (const char* text : {"3/2", "2/2"}) {
    const auto r = triage::parseShard(text);
    REQUIRE_FALSE(r.ok());
    CHECK_THAT(r.error().reason(), Contains(text) && Contains("must be below N"));
  }
  for (const char* text : {"0/0", "0/1000001"}) {
    const auto r = triage::parseShard(text);
    REQUIRE_FALSE(r.ok());
    CHECK_THAT(r.error().reason(), Contains(text) && Contains("N outside 1-1000000"));
  }
  for (const char* text : {"junk", "", "1", "1/", "/2", "-1/2", "1/-2", "1/2/3", " 1/2", "1.5/2", "0x1/2", "1/2 "}) {
    const auto r = triage::parseShard(text);
    REQUIRE_FALSE(r.ok());
    CHECK_THAT(r.error().reason(), Contains("'" + std::string(text) + "'") && Contains("is not R/N"));
  }
}
