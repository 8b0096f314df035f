// Nodes as users type them, and the study date ranges of a query.
#include "hilum/pacs/find.h"
#include "hilum/pacs/node.h"

#include <catch2/catch.hpp>

using namespace hilum::pacs;
using Catch::Matchers::Contains;

TEST_CASE("a node parses from AET@host:port", "[pacs][node]") {
  const auto node = parseNode("ORTHANC@127.0.0.1:4242");
  REQUIRE(node.ok());
  CHECK(node.value().aeTitle == "ORTHANC");
  CHECK(node.value().host == "127.0.0.1");
  CHECK(node.value().port == 4242);
  CHECK(node.value().toString() == "ORTHANC@127.0.0.1:4242");

  const auto v6 = parseNode("PACS@[::1]:104");
  REQUIRE(v6.ok());
  CHECK(v6.value().host == "::1");
  CHECK(v6.value().toString() == "PACS@[::1]:104");
}

TEST_CASE("bad nodes are refused with the reason", "[pacs][node]") {
  struct Case {
    const char* text;
    const char* reason;
  };
  for (const Case& c : {Case{"127.0.0.1:4242", "AET@host:port"}, Case{"ORTHANC@127.0.0.1", "no port"},
                        Case{"ORTHANC@127.0.0.1:0", "outside 1-65535"}, Case{"ORTHANC@127.0.0.1:70000", "outside"},
                        Case{"ORTHANC@127.0.0.1:42x", "not a number"}, Case{"@127.0.0.1:104", "empty"},
                        Case{"AN_AE_TITLE_OF_17C@host:104", "longer than 16"}, Case{"BAD\\AE@host:104", "character"},
                        Case{"ORTHANC@:104", "no host"}, Case{"ORTHANC@::1:104", "[address]:port"}}) {
    INFO(c.text);
    const auto node = parseNode(c.text);
    REQUIRE_FALSE(node.ok());
    CHECK(node.error().code() == hilum::ErrorCode::InvalidArgument);
    CHECK_THAT(node.error().reason(), Contains(c.reason));
  }
}

TEST_CASE("study date ranges accept open ends and refuse nonsense", "[pacs][find]") {
  Query q;
  REQUIRE(parseDateRange("20240101-20240131", q).ok());
  CHECK(q.studyDateFrom == "20240101");
  CHECK(q.studyDateTo == "20240131");
  REQUIRE(parseDateRange("20240101-", q).ok());
  CHECK(q.studyDateTo.empty());
  REQUIRE(parseDateRange("-20240101", q).ok());
  CHECK(q.studyDateFrom.empty());
  REQUIRE(parseDateRange("20240105", q).ok());
  CHECK(q.studyDateFrom == "20240105");
  CHECK(q.studyDateTo == "20240105");
  for (const char* bad : {"2024-01-01", "20240131-20240101", "-", "yesterday", "20240101-20240102-20240103"}) {
    INFO(bad);
    CHECK_FALSE(parseDateRange(bad, q).ok());
  }
}
