#include <catch2/catch.hpp>

#include "plan/credit_timeline.hpp"

using namespace outreach;

namespace {

Date day(const char* text) { return *parse_iso_date(text); }

const Date start = day("2026-03-02");

// Spends one credit at a time in `period` as long as it fits; returns how many did.
int spend_all(CreditTimeline& timeline, std::size_t period) {
  int spent = 0;
  while (timeline.can_spend(period, 1)) {
    timeline.spend(period, 1);
    ++spent;
  }
  return spent;
}

}  // namespace

TEST_CASE("the balance at the start is all there is without a grant", "[plan][credits]") {
  CreditTimeline timeline(3, start, {}, 50, 150);
  REQUIRE(timeline.period_count() == 1);
  CHECK(timeline.period_of(start + date::days{40}) == 0);
  CHECK(spend_all(timeline, 0) == 3);
  CHECK_FALSE(timeline.next_spendable(0, 1));
  const CreditTotals totals = timeline.totals_through(start + date::days{40});
  CHECK(totals.start_balance == 3);
  CHECK(totals.spent == 3);
  CHECK(totals.balance == 0);
}

TEST_CASE("a grant inside the window adds credits from its day on", "[plan][credits]") {
  const Date grant = day("2026-03-15");
  CreditTimeline timeline(1, start, {grant}, 5, 15);
  REQUIRE(timeline.period_count() == 2);
  CHECK(timeline.period_of(day("2026-03-14")) == 0);
  CHECK(timeline.period_of(grant) == 1);  // the grant comes first on its own day
  CHECK(timeline.period_begin(1) == grant);
  CHECK(spend_all(timeline, 0) == 1);
  // Before the grant nothing is left; from the grant on there are 5 more.
  CHECK(timeline.next_spendable(0, 1) == std::optional<std::size_t>{1});
  CHECK(spend_all(timeline, 1) == 5);
  CHECK_FALSE(timeline.next_spendable(0, 1));
  const CreditTotals totals = timeline.totals_through(grant);
  CHECK(totals.granted == 5);
  CHECK(totals.forfeited == 0);
  CHECK(totals.balance == 0);
  // Through the day before the grant, the grant is not counted.
  CHECK(timeline.totals_through(grant - date::days{1}).granted == 0);
}

TEST_CASE("spending before a grant that would forfeit avoids the forfeit", "[plan][credits]") {
  // At the cap: a grant of 5 would forfeit all 5.
  CreditTimeline timeline(15, start, {day("2026-03-15")}, 5, 15);
  CHECK(timeline.totals_through(day("2026-03-31")).forfeited == 5);
  CHECK(timeline.balance_at_end(1) == 15);
  // Five spends before the grant cost nothing after it: the grant fills the room they made.
  for (int i = 0; i < 5; ++i) timeline.spend(0, 1);
  CHECK(timeline.balance_at_end(0) == 10);
  CHECK(timeline.balance_at_end(1) == 15);
  CHECK(timeline.totals_through(day("2026-03-31")).forfeited == 0);
  // The sixth lowers the balance after the grant too.
  timeline.spend(0, 1);
  CHECK(timeline.balance_at_end(1) == 14);
  // All in all 15 + 5 credits can be spent before and after.
  CHECK(spend_all(timeline, 0) == 9);
  CHECK(timeline.balance_at_end(1) == 5);
  CHECK(spend_all(timeline, 1) == 5);
  const CreditTotals totals = timeline.totals_through(day("2026-03-31"));
  CHECK(totals.granted == 5);
  CHECK(totals.forfeited == 0);
  CHECK(totals.spent == 20);
  CHECK(totals.balance == 0);
}

TEST_CASE("a spend never leaves a later balance below zero", "[plan][credits]") {
  // 2 at the start, 5 granted mid-campaign: 7 in all, and the 7 of the later period were taken
  // first (by higher-ranked prospects whose slots fell after the grant).
  CreditTimeline timeline(2, start, {day("2026-03-15")}, 5, 15);
  CHECK(spend_all(timeline, 1) == 7);
  // The start balance is still 2 until the grant, but spending it would leave -1 after.
  CHECK(timeline.balance_at_end(0) == 2);
  CHECK_FALSE(timeline.can_spend(0, 1));
  CHECK_FALSE(timeline.next_spendable(0, 1));
}

TEST_CASE("several grants: each period's room, with the cap", "[plan][credits]") {
  CreditTimeline timeline(0, start, {day("2026-04-02"), day("2026-03-02"), day("2026-05-02")}, 5,
                          8);
  // The grant on the start date is already in the start balance: two periods after it.
  REQUIRE(timeline.period_count() == 3);
  CHECK(timeline.balance_at_end(1) == 5);
  CHECK(timeline.balance_at_end(2) == 8);  // 10 capped at 8: 2 forfeited
  CHECK_FALSE(timeline.can_spend(0, 1));
  CHECK(timeline.next_spendable(0, 1) == std::optional<std::size_t>{1});
  CHECK(timeline.next_spendable(0, 6) == std::optional<std::size_t>{2});
  CHECK_FALSE(timeline.next_spendable(0, 9));
  timeline.spend(1, 2);  // two of them absorbed by the forfeit
  CHECK(timeline.balance_at_end(2) == 8);
  CHECK(timeline.totals_through(day("2026-05-02")).forfeited == 0);
}

TEST_CASE("a spend of 0 always fits, grants can be added later", "[plan][credits]") {
  CreditTimeline timeline(0, start, {}, 30, 90);
  CHECK(timeline.can_spend(0, 0));
  timeline.spend(0, 0);
  timeline.add_grants({day("2026-03-20"), day("2026-04-20")});
  REQUIRE(timeline.period_count() == 3);
  CHECK(timeline.next_spendable(0, 1) == std::optional<std::size_t>{1});
  const CreditTotals totals = timeline.totals_through(day("2026-04-20"));
  CHECK(totals.granted == 60);
  CHECK(totals.balance == 60);
}
