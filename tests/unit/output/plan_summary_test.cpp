#include "outreach/output.hpp"

#include <sstream>

#include <catch2/catch.hpp>

#include "plan_sample.hpp"

using namespace outreach;
using namespace outreach::testing;

TEST_CASE("the summary says the start, the counts, the credits, the ranges and the warnings",
          "[output]") {
  PlanSummary summary = sample().summary;
  summary.learn_after_outcomes = 30;
  summary.rate_sources[0] = {true, 48, {0.25, 0.5}};
  summary.rate_sources[1].outcomes = 12;
  summary.rate_sources[2].outcomes = 3;
  std::ostringstream out;
  write_plan_summary(summary, out);
  CHECK(out.str() ==
        "Plan of 3 prospects from 2026-12-01 to 2027-03-02 (plan premium-business)\n"
        "  channels: 0 message, 1 inmail, 1 connect, 0 message-ad, 1 skip\n"
        "  credits: 10 at the start, 15 granted, 0 forfeited, 1 used, 24 left on 2026-12-02\n"
        "  expected: 0.1-0.5 replies, 0.1-0.2 credits refunded, 0.2-0.4 invitations accepted\n"
        "  rates: own for connect 25–50% (48 outcomes); priors for message, inmail (12, 3 of "
        "the 30 outcomes that make an own rate)\n"
        "  invitations per week: 2026-11-30 1\n"
        "  last send: 2026-12-02\n"
        "  1 prospect with error-level findings\n"
        "outreach: warning: same-template: 25 prospects would get the same InMail\n");
}

TEST_CASE("the summary folds three or more weeks with the same count into one run", "[output]") {
  PlanSummary s = sample().summary;
  s.invitations_per_week = {{date_of("2026-11-30"), 80},  {date_of("2026-12-07"), 100},
                            {date_of("2026-12-14"), 100}, {date_of("2026-12-21"), 100},
                            {date_of("2026-12-28"), 100}, {date_of("2027-01-04"), 50},
                            {date_of("2027-01-11"), 50},  {date_of("2027-01-25"), 50},
                            {date_of("2027-02-01"), 50},  {date_of("2027-02-08"), 50}};
  std::ostringstream out;
  write_plan_summary(s, out);
  // Two weeks are not a run; a gap of a week (2027-01-18) ends one.
  CHECK_THAT(out.str(), Catch::Contains("  invitations per week: 2026-11-30 80, 2026-12-07 to "
                                        "2026-12-28 100 each (4 weeks), 2027-01-04 50, "
                                        "2027-01-11 50, 2027-01-25 to 2027-02-08 50 each "
                                        "(3 weeks)\n"));
}

TEST_CASE("a plan of one prospect says so in the singular", "[output]") {
  PlanSummary s = sample().summary;
  s.prospects = 1;
  std::ostringstream out;
  write_plan_summary(s, out);
  CHECK(out.str().rfind(
            "Plan of 1 prospect from 2026-12-01 to 2027-03-02 (plan premium-business)\n", 0) == 0);
}

TEST_CASE("the summary says how many invitations go without a note", "[output]") {
  PlanSummary s = sample().summary;
  s.count_connect_without_note = 7;
  s.notes_per_month = 5;
  std::ostringstream out;
  write_plan_summary(s, out);
  CHECK_THAT(out.str(), Catch::Contains("  channels: 0 message, 1 inmail, 1 connect, 0 message-ad, "
                                        "1 skip\n  without a note: 7 connection requests (past "
                                        "the plan's 5 personalised notes a month)\n"));
  s.count_connect_without_note = 0;
  std::ostringstream none;
  write_plan_summary(s, none);
  CHECK_THAT(none.str(), !Catch::Contains("without a note"));
}
