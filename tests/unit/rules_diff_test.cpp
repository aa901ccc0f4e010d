#include "outreach/rules_diff.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

using namespace outreach;

namespace {

std::vector<std::string> keys_of(const RulesDiff& diff) {
  std::vector<std::string> keys;
  for (const RulesDifference& d : diff.differences) keys.push_back(d.key);
  return keys;
}

}  // namespace

TEST_CASE("the article and linkedin-help profiles differ where LinkedIn Help says otherwise",
          "[rules]") {
  const RulesDiff diff = diff_rules(Rules::builtin(), "article",
                                    *Rules::builtin_profile("linkedin-help"), "linkedin-help");
  CHECK(diff.a_name == "article");
  CHECK(diff.b_source == Rules::builtin_profile("linkedin-help")->source);
  CHECK(keys_of(diff) == std::vector<std::string>{
                             "channels.inmail.body_limit", "credits.declined_inmail_refunded",
                             "plan_reasons.declined.rationale", "plans.recruiter-lite.cap",
                             "plans.recruiter.cap", "plans.sales-navigator-advanced-plus.grant_day",
                             "plans.sales-navigator-advanced.grant_day",
                             "plans.sales-navigator-core.grant_day"});
  const RulesDifference& limit = diff.differences.front();
  CHECK(limit.a == "1900");
  CHECK(limit.b == "2000");
  CHECK(limit.note_a->find("1,900") != std::string::npos);
  CHECK(limit.note_b->find("LinkedIn Help") != std::string::npos);
  const RulesDifference& grant = diff.differences.back();
  CHECK(grant.a == "\"start\"");
  CHECK(grant.b == "1");
  CHECK_FALSE(grant.note_a.has_value());
}

TEST_CASE("a value only one side has, and a list, are differences of their own", "[rules]") {
  nlohmann::json doc = nlohmann::json::parse(Rules::builtin().source_text);
  doc["plans"]["team"] = {{"name", "Team"}, {"monthly_credits", 10}, {"cap", 30}};
  doc["lint"]["salutations"].push_back("yo");
  doc["notes"]["plans.team.cap"] = "our own plan";
  doc["source"] = "ours";
  const Rules mine = Rules::parse(doc.dump(), "mine.json");
  const RulesDiff diff = diff_rules(Rules::builtin(), "article", mine, "mine.json");
  CHECK(keys_of(diff) == std::vector<std::string>{"lint.salutations", "plans.team.cap",
                                                  "plans.team.monthly_credits", "plans.team.name"});
  CHECK_FALSE(diff.differences[1].a.has_value());
  CHECK(diff.differences[1].b == "30");
  CHECK(diff.differences[1].note_b == "our own plan");
  CHECK(diff.differences[0].b->find("\"yo\"]") != std::string::npos);
  CHECK(diff_rules(mine, "a", mine, "b").differences.empty());
}
