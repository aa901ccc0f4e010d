#include <sstream>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "outreach/output.hpp"

using namespace outreach;

namespace {

RulesDiff sample() {
  return {
      "article",
      "linkedin-help",
      "the article",
      "LinkedIn Help",
      {{"channels.inmail.body_limit", "1900", "2000", "The article says 1,900.", "LinkedIn Help"},
       {"plans.team.cap", std::nullopt, "30", std::nullopt, std::nullopt}}};
}

}  // namespace

TEST_CASE("rules --diff as text: each key, both sides and their notes", "[output]") {
  std::ostringstream out;
  write_rules_diff(sample(), ReportFormat::text, out);
  CHECK(out.str() ==
        "article: the article\n"
        "linkedin-help: LinkedIn Help\n"
        "2 values differ:\n"
        "\n"
        "channels.inmail.body_limit\n"
        "  article:       1900  (The article says 1,900.)\n"
        "  linkedin-help: 2000  (LinkedIn Help)\n"
        "\n"
        "plans.team.cap\n"
        "  article:       (none)\n"
        "  linkedin-help: 30\n");
  RulesDiff same = sample();
  same.differences.clear();
  std::ostringstream none;
  write_rules_diff(same, ReportFormat::text, none);
  CHECK_THAT(none.str(), Catch::EndsWith("\nThey hold the same values.\n"));
}

TEST_CASE("rules --diff as JSON: the values as JSON, null where a side has none", "[output]") {
  std::ostringstream out;
  write_rules_diff(sample(), ReportFormat::json, out);
  const nlohmann::json doc = nlohmann::json::parse(out.str());
  CHECK(doc["a"]["name"] == "article");
  CHECK(doc["b"]["source"] == "LinkedIn Help");
  REQUIRE(doc["differences"].size() == 2);
  CHECK(doc["differences"][0]["key"] == "channels.inmail.body_limit");
  CHECK(doc["differences"][0]["a"] == 1900);
  CHECK(doc["differences"][0]["notes"]["b"] == "LinkedIn Help");
  CHECK(doc["differences"][1]["a"].is_null());
  CHECK(doc["differences"][1]["notes"]["a"].is_null());
}
