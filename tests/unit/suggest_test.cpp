#include "outreach/suggest.hpp"

#include <catch2/catch.hpp>

using outreach::closest_match;
using outreach::did_you_mean;

TEST_CASE("a typo gets the closest name", "[suggest]") {
  const std::vector<std::string> formats = {"table", "tsv", "csv", "json", "ndjson"};
  CHECK(did_you_mean("jsno", formats) == " (did you mean 'json'?)");
  CHECK(did_you_mean("JSON", formats) == " (did you mean 'json'?)");
  CHECK(did_you_mean("tabl", formats) == " (did you mean 'table'?)");
  CHECK(did_you_mean("xml", formats).empty());
}

TEST_CASE("two letters swapped are one typo", "[suggest]") {
  const std::vector<std::string> formats = {"table", "tsv", "csv", "json", "ndjson"};
  CHECK(closest_match("tabel", formats) == "table");
  CHECK(closest_match("jsno", formats) == "json");
  const std::vector<std::string> shells = {"bash", "zsh", "fish"};
  CHECK(closest_match("bahs", shells) == "bash");
  CHECK(closest_match("hsif", shells) == std::nullopt);  // two swaps: too far
}
