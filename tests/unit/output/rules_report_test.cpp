#include <sstream>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "outreach/output.hpp"

using namespace outreach;

TEST_CASE("plans are listed by their monthly credits", "[output]") {
  std::ostringstream out;
  write_plans(Rules::builtin(), ReportFormat::text, out);
  const std::string text = out.str();
  CHECK(text.rfind("PLAN                           NAME                           MONTHLY    CAP  "
                   "GRANTS ON\n"
                   "free                           Free                                 0      0  "
                   "the start day\n"
                   "premium-career                 Premium Career                       5     15  "
                   "the start day\n",
                   0) == 0);
  CHECK(text.find("recruiter                      Recruiter                          150    450  "
                  "the start day\n") != std::string::npos);
  CHECK_THAT(text, Catch::EndsWith("Unused credits roll over up to the cap; a reply within 90 "
                                   "days returns the credit.\n"));
}

TEST_CASE("plan columns are as wide as the longest id and name of the rules", "[output]") {
  Rules rules = Rules::builtin();
  rules.plans = {
      {"team-plan-with-a-very-long-identifier",
       {"team-plan-with-a-very-long-identifier", "Team", 10, 30, 1, std::nullopt, std::nullopt}},
      {"x", {"x", "A plan with a rather long display name", 1, 3, 0, std::nullopt, std::nullopt}}};
  std::ostringstream out;
  write_plans(rules, ReportFormat::text, out);
  CHECK(out.str() ==
        "PLAN                                   NAME                                    MONTHLY  "
        "  CAP  GRANTS ON\n"
        "x                                      A plan with a rather long display name        1  "
        "    3  the start day\n"
        "team-plan-with-a-very-long-identifier  Team                                         10  "
        "   30  day 1\n"
        "Unused credits roll over up to the cap; a reply within 90 days returns the credit.\n");
}

TEST_CASE("plans as JSON", "[output]") {
  std::ostringstream out;
  write_plans(Rules::builtin(), ReportFormat::json, out);
  const auto document = nlohmann::json::parse(out.str());
  CHECK(document["plans"].size() == Rules::builtin().plans.size());
  CHECK(document["plans"][0] ==
        nlohmann::json::parse(
            R"({"cap":0,"grant_day":"start","id":"free","monthly_credits":0,"name":"Free"})"));
}

TEST_CASE("an explanation: id, severity, then the rationale", "[output]") {
  std::ostringstream out;
  LintRuleInfo rule{"long-inmail", "warning", "Shorter InMails get more replies.\x1b]0;x\x07"};
  write_explanation(rule, out);
  CHECK(out.str() == "long-inmail (warning)\n\nShorter InMails get more replies.\\x1B]0;x\\x07\n");
}

TEST_CASE("a plan reason's explanation", "[output]") {
  std::ostringstream out;
  write_explanation(PlanReasonInfo{"free-path", "Nothing makes an InMail worth a credit."}, out);
  CHECK(out.str() == "free-path (plan reason)\n\nNothing makes an InMail worth a credit.\n");
}

TEST_CASE("explain without an id lists every rule and code by kind", "[output]") {
  std::ostringstream out;
  write_explainable(Rules::builtin(), out);
  const std::string text = out.str();
  // Ids padded to the longest, invitations-not-scheduled.
  CHECK(text.rfind("Lint rules (outreach check, and every draft a plan renders):\n"
                   "  body-too-long              error\n",
                   0) == 0);
  CHECK(text.find("  template-syntax            error\n\nPlan findings (outreach plan):\n"
                  "  findings-left-out          warning\n"
                  "  forfeits-ahead             warning\n") != std::string::npos);
  CHECK(text.find("  missing-field              error\n"
                  "  same-template              warning\n"
                  "  unknown-field              warning\n\n"
                  "Plan reasons (the REASON of each row of outreach plan):\n") !=
        std::string::npos);
  CHECK(text.find("\n  free-path\n") != std::string::npos);
  for (const std::string& id : Rules::builtin().explainable_ids())
    CHECK(text.find("  " + id) != std::string::npos);
  CHECK_THAT(text, Catch::EndsWith("\n'outreach explain ID' says why one exists and how it "
                                   "decides.\n"));
}
