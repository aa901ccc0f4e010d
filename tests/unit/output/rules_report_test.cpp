#include <sstream>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "outreach/output.hpp"

using namespace outreach;

TEST_CASE("plans are listed by their monthly credits", "[output]") {
  std::ostringstream out;
  write_plans(Rules::builtin(), ReportFormat::text, out);
  const std::string text = out.str();
  CHECK(text.rfind("PLAN                   NAME                    MONTHLY   CAP\n"
                   "free                   Free                          0     0\n"
                   "premium-career         Premium Career                5    15\n",
                   0) == 0);
  CHECK(text.find("recruiter              Recruiter                   150   450\n") !=
        std::string::npos);
  CHECK_THAT(text, Catch::EndsWith("Unused credits roll over up to the cap; a reply within 90 "
                                   "days returns the credit.\n"));
}

TEST_CASE("plans as JSON", "[output]") {
  std::ostringstream out;
  write_plans(Rules::builtin(), ReportFormat::json, out);
  const auto document = nlohmann::json::parse(out.str());
  CHECK(document["plans"].size() == Rules::builtin().plans.size());
  CHECK(document["plans"][0] ==
        nlohmann::json::parse(R"({"cap":0,"id":"free","monthly_credits":0,"name":"Free"})"));
}

TEST_CASE("an explanation: id, severity, then the rationale", "[output]") {
  std::ostringstream out;
  LintRuleInfo rule{"long-inmail", "warning", "Shorter InMails get more replies.\x1b]0;x\x07"};
  write_explanation(rule, out);
  CHECK(out.str() == "long-inmail (warning)\n\nShorter InMails get more replies.\\x1B]0;x\\x07\n");
}
