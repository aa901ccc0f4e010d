#include <sstream>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "ledger_fixtures.hpp"
#include "outreach/output.hpp"

using namespace outreach;
using outreach::testing::day;

namespace {

struct Sample {
  Account account = default_account(Rules::builtin());
  CreditReport report;
  const PlanRules* plan = &Rules::builtin().plans.at("premium-career");
};

// Two months of Premium Career with one paid InMail waiting for a reply.
Sample sample() {
  Sample s;
  s.account.plan = "premium-career";
  s.account.zone = date::locate_zone("America/New_York");
  s.account.opening = OpeningBalance{3, day("2026-10-20")};
  CreditReport& r = s.report;
  r.plan = "premium-career";
  r.as_of = day("2026-11-26");
  r.opening = 3;
  r.balance = 7;
  r.cap = 15;
  r.monthly = 5;
  r.granted = 5;
  r.spent = 1;
  r.months = {{"2026-10", 0, 0, 0, 0, 3}, {"2026-11", 5, 1, 0, 0, 7}};
  r.pending = {{"p-\x1b[31m", day("2026-11-10"), day("2027-02-08"), 1}};
  r.next_grant_date = day("2026-12-15");
  r.next_grant_credits = 5;
  return s;
}

std::string written(const Sample& s, ReportFormat format, bool today) {
  std::ostringstream out;
  write_credits_report(s.report, CreditsView{s.plan, &s.account, today, 90}, format, out);
  return out.str();
}

}  // namespace

TEST_CASE("the credits report shows the months, the identity and what comes next", "[output]") {
  CHECK(written(sample(), ReportFormat::text, true) ==
        "Premium Career (premium-career): 5 credits a month, balance capped at 15\n"
        "As of 2026-11-26 (end of the day, today, America/New_York)\n"
        "Opening balance: 3 on 2026-10-20\n"
        "\n"
        "MONTH    GRANTED  SPENT  REFUNDED  FORFEITED  BALANCE\n"
        "2026-10        0      0         0          0        3  ████\n"
        "2026-11        5      1         0          0        7  █████████▎\n"
        "\n"
        "Balance: 7 credits (3 opening + 5 granted - 0 forfeited - 1 spent + 0 refunded)\n"
        "Pending refunds: 1 credit comes back if the recipient of 1 InMail replies; the first "
        "window closes on 2027-02-08 (p-\\x1B[31m)\n"
        "Next grant: 2026-12-15, +5 credits (the balance is capped at 15)\n");
  Sample none = sample();
  none.report.pending.clear();
  CHECK(written(none, ReportFormat::text, false)
            .find("As of 2026-11-26 (end of the day, America/New_York)\n"
                  "Opening balance") != std::string::npos);
  CHECK(written(none, ReportFormat::text, false)
            .find("Pending refunds: none (no paid InMail is waiting for a reply within 90 "
                  "days)\n") != std::string::npos);
}

TEST_CASE("the credits report as JSON holds the keys of SPEC §7", "[output]") {
  const std::string text = written(sample(), ReportFormat::json, true);
  const auto document = nlohmann::json::parse(text);
  for (const char* key : {"plan", "as_of", "balance", "cap", "monthly", "granted", "spent",
                          "refunded", "forfeited", "pending_refunds", "next_grant", "months"})
    CHECK(document.contains(key));
  CHECK(document["next_grant"] ==
        nlohmann::json::parse(R"({"date":"2026-12-15","credits":5,"forfeited":0})"));
  CHECK(document["opening"] == nlohmann::json::parse(R"({"balance":3,"as_of":"2026-10-20"})"));
  CHECK(document["pending_refunds"][0]["prospect"] == "p-\x1b[31m");
  CHECK(document["months"][1]["end_balance"] == 7);
  // Indented by two spaces, in the order SPEC §7 lists the keys.
  CHECK(text.rfind("{\n  \"plan\": \"premium-career\",\n  \"plan_name\": \"Premium Career\",", 0) ==
        0);
  Sample bare = sample();
  bare.account.opening.reset();
  bare.report.next_grant_date.reset();
  const auto without = nlohmann::json::parse(written(bare, ReportFormat::json, true));
  CHECK(without["opening"].is_null());
  CHECK(without["next_grant"].is_null());
}
