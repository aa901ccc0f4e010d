// The HTML report's model (SPEC §12): weeks of invitations, the credits ahead, the plan's days.
#include "outreach/report.hpp"

#include <catch2/catch.hpp>

#include "ledger_fixtures.hpp"

using namespace outreach;
using outreach::testing::account;
using outreach::testing::day;
using outreach::testing::events;

namespace {

ReportModel build(const Account& a, const std::vector<LedgerEvent>& ledger,
                  const std::string& as_of, const PlanResult* plan = nullptr) {
  ReportInput input;
  input.account = &a;
  input.rules = &Rules::builtin();
  input.events = &ledger;
  input.ledger = "ledger.ndjson";
  input.as_of = day(as_of);
  input.plan = plan;
  return build_report(input);
}

PlannedProspect planned(const std::string& id, PlanChannel channel, const std::string& at,
                        int cost = 0) {
  PlannedProspect row;
  row.id = id;
  row.channel = channel;
  row.cost = cost;
  row.send_at = zoned_instant(day(at), 10 * 60, utc_time_zone());
  return row;
}

}  // namespace

TEST_CASE("report: the invitations by ISO week, the weeks between them at 0", "[report]") {
  const Account a = account("premium-career", "2026-08-01");
  const auto ledger = events({"2026-08-31 invite_sent p-1", "2026-09-06 invite_sent p-2",
                              "2026-09-06 message_sent p-3", "2026-09-16 invite_sent p-4"});
  const ReportModel model = build(a, ledger, "2026-09-30");
  REQUIRE(model.invitations.size() == 3);
  CHECK(model.invitations[0].week == "2026-W36");
  CHECK(format_date(model.invitations[0].monday) == "2026-08-31");
  CHECK(model.invitations[0].sent == 2);
  CHECK(model.invitations[1].week == "2026-W37");
  CHECK(model.invitations[1].sent == 0);
  CHECK(model.invitations[2].sent == 1);
  CHECK(model.weekly_invite_limit == Rules::builtin().plan.weekly_invite_limit);
}

TEST_CASE("report: the credits ahead are the grants after the date, capped", "[report]") {
  // Premium Career: 5 a month, cap 15; started 2026-11-10, so 5 credits on 2026-11-20.
  const Account a = account("premium-career", "2026-11-10");
  const ReportModel model = build(a, {}, "2026-11-20");
  REQUIRE(model.credits);
  CHECK(model.credits->balance == 5);
  REQUIRE(model.forecast.size() == 4);  // November's rest, then three months
  CHECK(model.forecast[0].month == "2026-11");
  CHECK(model.forecast[0].granted == 0);
  CHECK(model.forecast[0].end_balance == 5);
  CHECK(model.forecast[1].month == "2026-12");
  CHECK(model.forecast[1].end_balance == 10);
  CHECK(model.forecast[2].end_balance == 15);
  CHECK(model.forecast[3].month == "2027-02");
  CHECK(model.forecast[3].granted == 5);
  CHECK(model.forecast[3].forfeited == 5);
  CHECK(model.forecast[3].end_balance == 15);
}

TEST_CASE("report: the plan's paid InMails are spent in the forecast, after that day's grant",
          "[report]") {
  const Account a = account("premium-career", "2026-11-10");
  PlanResult plan;
  plan.prospects.push_back(planned("p-1", PlanChannel::inmail, "2026-12-10", 1));
  plan.prospects.push_back(planned("p-2", PlanChannel::inmail, "2026-12-10", 0));  // Open Profile
  plan.prospects.push_back(planned("p-3", PlanChannel::connect, "2026-12-11"));
  plan.prospects.push_back(planned("p-4", PlanChannel::message, "2026-12-11"));
  plan.prospects.push_back(planned("p-5", PlanChannel::inmail, "2027-04-06", 1));
  PlannedProspect skip;
  skip.id = "p-6";
  plan.prospects.push_back(skip);
  plan.summary.invitations_per_week = {{day("2026-12-07"), 1}};
  const ReportModel model = build(a, {}, "2026-11-20", &plan);
  // Through the last paid InMail's month, April 2027.
  REQUIRE(model.forecast.size() == 6);
  CHECK(model.forecast[1].planned_spend == 1);
  CHECK(model.forecast[1].end_balance == 9);  // 5 + 5 on the 10th, then 1 spent
  CHECK(model.forecast[5].month == "2027-04");
  CHECK(model.forecast[5].planned_spend == 1);
  REQUIRE(model.plan_days.size() == 3);
  CHECK(format_date(model.plan_days[0].day) == "2026-12-10");
  CHECK(model.plan_days[0].inmail == 2);
  CHECK(model.plan_days[1].connect == 1);
  CHECK(model.plan_days[1].message == 1);
  CHECK(model.plan_days[1].total() == 2);
  REQUIRE(model.invitations.size() == 1);
  CHECK(model.invitations[0].planned == 1);
  CHECK(model.invitations[0].week == "2026-W50");
}

TEST_CASE("report: no plan_start, no credits, and the reason", "[report]") {
  Account a = account("premium-career", "2026-11-10");
  a.plan_start.reset();
  const ReportModel model = build(a, events({"2026-11-12 invite_sent p-1"}), "2026-11-20");
  CHECK_FALSE(model.credits);
  CHECK(model.credits_missing.find("plan_start") != std::string::npos);
  CHECK(model.forecast.empty());
  REQUIRE(model.by_channel.groups.size() == 1);
  CHECK(model.by_channel.groups[0].of(SendChannel::connect).sent == 1);
}
