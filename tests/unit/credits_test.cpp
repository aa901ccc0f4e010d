// SPEC §2, rule by rule, at the edges.
#include "outreach/credits.hpp"

#include <catch2/catch.hpp>

#include "ledger_fixtures.hpp"
#include "outreach/error.hpp"

using namespace outreach;
using outreach::testing::account;
using outreach::testing::day;
using outreach::testing::events;

namespace {

CreditReport run(const Account& a, const std::vector<LedgerEvent>& ledger, const std::string& as_of,
                 const Rules& rules = Rules::builtin()) {
  return simulate_credits(a, ledger, day(as_of), rules, "ledger.ndjson");
}

std::vector<std::string> formatted(const std::vector<Date>& dates) {
  std::vector<std::string> out;
  for (const Date d : dates) out.push_back(format_date(d));
  return out;
}

void check_identity(const CreditReport& r) {
  CHECK(r.balance == r.opening + r.granted - r.forfeited - r.spent + r.refunded);
  int balance = r.opening;
  for (const CreditMonth& m : r.months) {
    balance += m.granted - m.forfeited - m.spent + m.refunded;
    CHECK(m.end_balance == balance);
  }
  if (!r.months.empty()) CHECK(r.months.back().end_balance == r.balance);
}

}  // namespace

// --- 1. Grants ---------------------------------------------------------------------------------

TEST_CASE("grant days are clamped to the month's end, always from the original day", "[credits]") {
  CHECK(formatted(grant_dates_between(day("2026-01-29"), day("2026-01-01"), day("2026-04-30"))) ==
        std::vector<std::string>{"2026-01-29", "2026-02-28", "2026-03-29", "2026-04-29"});
  CHECK(formatted(grant_dates_between(day("2026-01-30"), day("2026-01-01"), day("2026-04-30"))) ==
        std::vector<std::string>{"2026-01-30", "2026-02-28", "2026-03-30", "2026-04-30"});
  CHECK(formatted(grant_dates_between(day("2026-01-31"), day("2026-01-01"), day("2026-06-30"))) ==
        std::vector<std::string>{"2026-01-31", "2026-02-28", "2026-03-31", "2026-04-30",
                                 "2026-05-31", "2026-06-30"});
}

TEST_CASE("grant days in leap years", "[credits]") {
  CHECK(formatted(grant_dates_between(day("2028-01-31"), day("2028-01-31"), day("2028-03-31"))) ==
        std::vector<std::string>{"2028-02-29", "2028-03-31"});
  CHECK(formatted(grant_dates_between(day("2027-12-29"), day("2028-01-29"), day("2028-03-29"))) ==
        std::vector<std::string>{"2028-02-29", "2028-03-29"});
  // A plan started on Feb 29 renews on the 29th where there is one, Feb 28 otherwise.
  CHECK(formatted(grant_dates_between(day("2028-02-29"), day("2029-01-01"), day("2029-03-31"))) ==
        std::vector<std::string>{"2029-01-29", "2029-02-28", "2029-03-29"});
  CHECK(formatted(grant_dates_between(day("2028-02-29"), day("2032-02-01"), day("2032-02-29"))) ==
        std::vector<std::string>{"2032-02-29"});
}

TEST_CASE("grant_dates_between is strictly after the first date and up to the second",
          "[credits]") {
  CHECK(formatted(grant_dates_between(day("2026-01-15"), day("2026-02-15"), day("2026-03-15"))) ==
        std::vector<std::string>{"2026-03-15"});
  CHECK(formatted(grant_dates_between(day("2026-01-15"), day("2026-02-14"), day("2026-03-14"))) ==
        std::vector<std::string>{"2026-02-15"});
  CHECK(grant_dates_between(day("2026-01-15"), day("2025-01-01"), day("2026-01-14")).empty());
}

TEST_CASE("the first grant is on the plan's start date", "[credits]") {
  const Account a = account("sales-navigator-core", "2026-01-31");
  const CreditReport before = run(a, {}, "2026-01-30");
  CHECK(before.balance == 0);
  CHECK(before.granted == 0);
  REQUIRE(before.months.size() == 1);
  CHECK(before.months[0].month == "2026-01");
  CHECK(format_date(*before.next_grant_date) == "2026-01-31");
  CHECK(run(a, {}, "2026-01-31").balance == 50);
  CHECK(run(a, {}, "2026-02-27").balance == 50);
  CHECK(run(a, {}, "2026-02-28").balance == 100);
  CHECK(run(a, {}, "2026-03-30").balance == 100);
  CHECK(run(a, {}, "2026-03-31").balance == 150);
}

TEST_CASE("a plan started on the 29th renews on Feb 28 in a common year and Feb 29 in a leap year",
          "[credits]") {
  CHECK(run(account("premium-career", "2026-01-29"), {}, "2026-02-27").granted == 5);
  CHECK(run(account("premium-career", "2026-01-29"), {}, "2026-02-28").granted == 10);
  CHECK(run(account("premium-career", "2028-01-29"), {}, "2028-02-28").granted == 5);
  CHECK(run(account("premium-career", "2028-01-29"), {}, "2028-02-29").granted == 10);
  CHECK(format_date(
            *run(account("premium-career", "2028-01-30"), {}, "2028-02-01").next_grant_date) ==
        "2028-02-29");
}

// --- 1b. A fixed grant day (SPEC §11's grant_day) ---------------------------------------------

namespace {

// The built-in rules with `plan` granting on `grant_day` of every month.
Rules granting_on(const std::string& plan, int grant_day) {
  Rules rules = Rules::builtin();
  rules.plans.at(plan).grant_day = grant_day;
  return rules;
}

}  // namespace

TEST_CASE("a fixed grant day: that day of every month from the plan's start on", "[credits]") {
  // Started on the 1st: the start day is a grant day.
  CHECK(
      formatted(grant_dates_between(day("2026-01-01"), day("2025-12-31"), day("2026-03-31"), 1)) ==
      std::vector<std::string>{"2026-01-01", "2026-02-01", "2026-03-01"});
  // Started on the 15th: nothing until the next 1st.
  CHECK(formatted(grant_dates_between(day("2026-01-15"), day("2026-01-14"), day("2026-03-31"),
                                      1)) == std::vector<std::string>{"2026-02-01", "2026-03-01"});
  // Strictly after the first date, up to the second.
  CHECK(formatted(grant_dates_between(day("2026-01-15"), day("2026-02-01"), day("2026-03-01"),
                                      1)) == std::vector<std::string>{"2026-03-01"});
  CHECK(grant_dates_between(day("2026-01-15"), day("2026-01-14"), day("2026-01-31"), 1).empty());
}

TEST_CASE("a fixed grant day at month ends and in leap years, against the start day", "[credits]") {
  // A plan started on Jan 31: the start day clamps to Feb 28/29; the 1st never moves.
  CHECK(formatted(grant_dates_between(day("2028-01-31"), day("2028-01-30"), day("2028-03-31"))) ==
        std::vector<std::string>{"2028-01-31", "2028-02-29", "2028-03-31"});
  CHECK(formatted(grant_dates_between(day("2028-01-31"), day("2028-01-30"), day("2028-03-31"),
                                      1)) == std::vector<std::string>{"2028-02-01", "2028-03-01"});
  // Day 28 is in every month, February of a common year and of a leap year alike.
  CHECK(formatted(grant_dates_between(day("2027-01-31"), day("2027-01-30"), day("2027-03-31"),
                                      28)) == std::vector<std::string>{"2027-02-28", "2027-03-28"});
  CHECK(formatted(grant_dates_between(day("2028-02-28"), day("2028-02-27"), day("2028-03-31"),
                                      28)) == std::vector<std::string>{"2028-02-28", "2028-03-28"});
  // Across a year's end.
  CHECK(formatted(grant_dates_between(day("2026-12-31"), day("2026-12-30"), day("2027-02-28"),
                                      1)) == std::vector<std::string>{"2027-01-01", "2027-02-01"});
  CHECK(format_date(next_grant_after(day("2028-02-29"), day("2028-02-29"), 1)) == "2028-03-01");
  CHECK(format_date(next_grant_after(day("2028-02-29"), day("2028-02-28"), 0)) == "2028-02-29");
  CHECK(format_date(next_grant_after(day("2028-02-29"), day("2028-02-28"), 1)) == "2028-03-01");
  CHECK(format_date(next_grant_after(day("2026-01-15"), day("2026-12-01"), 1)) == "2027-01-01");
}

TEST_CASE("the simulation grants on the plan's grant day; the totals still add up", "[credits]") {
  const Rules on_the_1st = granting_on("sales-navigator-core", 1);
  const Account a = account("sales-navigator-core", "2026-01-31");
  // Started on Jan 31: the start-day plan has credits at once, the 1st-of-month plan on Feb 1.
  CHECK(run(a, {}, "2026-01-31").balance == 50);
  const CreditReport first = run(a, {}, "2026-01-31", on_the_1st);
  CHECK(first.balance == 0);
  CHECK(format_date(*first.next_grant_date) == "2026-02-01");
  CHECK(first.next_grant_credits == 50);
  CHECK(run(a, {}, "2026-02-01", on_the_1st).balance == 50);
  CHECK(run(a, {}, "2026-02-28", on_the_1st).balance == 50);
  CHECK(run(a, {}, "2026-03-01", on_the_1st).balance == 100);
  // A paid InMail before the first grant on the 1st overdraws.
  CHECK_THROWS_AS(run(a, events({"2026-01-31 inmail_sent p-1"}), "2026-02-01", on_the_1st),
                  InputError);
  const CreditReport later = run(a, events({"2026-02-01 inmail_sent p-1", "2026-02-10 reply p-1"}),
                                 "2026-06-30", on_the_1st);
  CHECK(later.granted == 250);
  CHECK(later.forfeited == 100);
  CHECK(later.balance == 150);
  check_identity(later);
  // With an opening balance, only grant days strictly after its date apply.
  const Account opened = account("sales-navigator-core", "2026-01-15", std::pair{10, "2026-03-01"});
  CHECK(run(opened, {}, "2026-03-31", on_the_1st).balance == 10);
  CHECK(run(opened, {}, "2026-04-01", on_the_1st).balance == 60);
}

TEST_CASE("what does not fit under the cap is forfeited", "[credits]") {
  const Account a = account("premium-career", "2026-01-15");  // 5 a month, cap 15
  const CreditReport full = run(a, {}, "2026-03-15");
  CHECK(full.balance == 15);
  CHECK(full.forfeited == 0);
  const CreditReport over = run(a, {}, "2026-04-15");
  CHECK(over.balance == 15);
  CHECK(over.granted == 20);
  CHECK(over.forfeited == 5);
  CHECK(over.months.back().forfeited == 5);
  check_identity(over);
  // Two credits spent below the cap: the next grant fits only three.
  const CreditReport partial =
      run(a, events({"2026-04-01 inmail_sent p-1", "2026-04-02 inmail_sent p-2"}), "2026-04-15");
  CHECK(partial.balance == 15);
  CHECK(partial.forfeited == 3);
  check_identity(partial);
}

TEST_CASE("the free plan grants nothing and any paid InMail overdraws", "[credits]") {
  const Account a = account("free", "2026-01-15");
  const CreditReport r = run(a, events({"2026-02-01 inmail_sent p-1 free"}), "2026-03-01");
  CHECK(r.balance == 0);
  CHECK(r.granted == 0);
  CHECK(r.forfeited == 0);
  CHECK(r.next_grant_credits == 0);
  CHECK_THROWS_AS(run(a, events({"2026-02-01 inmail_sent p-1"}), "2026-03-01"), InputError);
}

// --- 2. Opening balance ------------------------------------------------------------------------

TEST_CASE("an opening balance starts at the start of its date; only later grants apply",
          "[credits]") {
  const Account a = account("sales-navigator-core", "2026-01-15", std::pair{37, "2026-11-15"});
  const CreditReport same_day = run(a, {}, "2026-11-15");
  CHECK(same_day.balance == 37);  // the grant of Nov 15 is already in the 37
  CHECK(same_day.opening == 37);
  CHECK(same_day.granted == 0);
  REQUIRE(same_day.months.size() == 1);
  CHECK(same_day.months[0].month == "2026-11");
  CHECK(run(a, {}, "2026-12-14").balance == 37);
  const CreditReport next = run(a, {}, "2026-12-15");
  CHECK(next.balance == 87);
  CHECK(next.granted == 50);
  check_identity(next);
}

TEST_CASE("events on the opening balance's date count", "[credits]") {
  const Account a = account("sales-navigator-core", "2026-01-15", std::pair{1, "2026-11-01"});
  const CreditReport r = run(a, events({"2026-11-01 inmail_sent p-1"}), "2026-11-01");
  CHECK(r.balance == 0);
  CHECK(r.spent == 1);
  CHECK_THROWS_WITH(
      run(a, events({"2026-11-01 inmail_sent p-1", "2026-11-01 inmail_sent p-2"}), "2026-11-01"),
      Catch::Contains("ledger.ndjson:2: inmail_sent to 'p-2' on 2026-11-01"));
}

TEST_CASE("events before the opening balance only matter for refunds and pending state",
          "[credits]") {
  const Account a = account("premium-career", "2026-01-15", std::pair{0, "2026-03-01"});
  // Sent before the opening date at an (unknown) balance: neither spent nor an overdraft.
  const auto ledger = events({"2026-02-20 inmail_sent p-1", "2026-02-21 inmail_sent p-2",
                              "2026-02-22 inmail_sent p-3", "2026-02-25 reply p-3",
                              "2026-02-26 inmail_declined p-2", "2026-03-10 reply p-1",
                              "2026-03-11 reply p-2", "2026-03-12 reply p-3"});
  const CreditReport before_replies = run(a, ledger, "2026-03-05");
  CHECK(before_replies.balance == 0);
  CHECK(before_replies.spent == 0);
  CHECK(before_replies.refunded == 0);
  REQUIRE(before_replies.pending.size() == 1);  // p-2 declined, p-3 already refunded
  CHECK(before_replies.pending[0].prospect == "p-1");
  const CreditReport after = run(a, ledger, "2026-03-31");
  CHECK(after.refunded == 1);  // only p-1: p-2 was declined, p-3's credit came back before
  CHECK(after.balance == 1 + 5);
  CHECK(after.pending.empty());
  check_identity(after);
}

TEST_CASE("asking for a date before the opening balance is an error", "[credits]") {
  const Account a = account("sales-navigator-core", "2026-01-15", std::pair{37, "2026-11-01"});
  CHECK_THROWS_WITH(run(a, {}, "2026-10-31"),
                    "as-of date 2026-10-31 is before the opening balance's date 2026-11-01 "
                    "(account.json: credits.as_of): nothing is known then");
  CHECK_NOTHROW(run(a, {}, "2026-11-01"));
}

TEST_CASE("an opening balance over the cap falls to the cap at the next grant", "[credits]") {
  const Account a = account("premium-career", "2026-01-15", std::pair{40, "2026-05-01"});
  const CreditReport r = run(a, {}, "2026-05-15");
  CHECK(r.balance == 15);
  CHECK(r.forfeited == 40 + 5 - 15);
  check_identity(r);
}

TEST_CASE("an opening balance dated before the plan's start still gets the first grant",
          "[credits]") {
  const Account a = account("premium-career", "2026-01-15", std::pair{3, "2026-01-01"});
  CHECK(run(a, {}, "2026-01-15").balance == 8);
}

// --- 3. Order ----------------------------------------------------------------------------------

TEST_CASE("a date's grant comes before that date's events", "[credits]") {
  const Account a = account("premium-career", "2026-01-15");
  const CreditReport r = run(a, events({"2026-01-15 inmail_sent p-1"}), "2026-01-15");
  CHECK(r.balance == 4);
  // At the cap, the grant forfeits first and the InMail then spends from the capped balance.
  const CreditReport capped = run(a, events({"2026-04-15 inmail_sent p-1"}), "2026-04-15");
  CHECK(capped.forfeited == 5);
  CHECK(capped.balance == 14);
}

TEST_CASE("events are taken by date; a line appended later with an earlier date counts at its date",
          "[credits]") {
  const Account a = account("premium-career", "2026-01-15");
  // Line 2 is dated before the first grant, even though line 1 comes first in the file.
  CHECK_THROWS_WITH(
      run(a, events({"2026-01-20 inmail_sent p-1", "2026-01-14 inmail_sent p-2"}), "2026-02-01"),
      Catch::StartsWith("ledger.ndjson:2: inmail_sent to 'p-2' on 2026-01-14 needs a credit but "
                        "the balance is 0"));
  // A reply recorded before its InMail in the file still refunds it.
  const CreditReport r =
      run(a, events({"2026-01-25 reply p-1", "2026-01-20 inmail_sent p-1"}), "2026-02-01");
  CHECK(r.refunded == 1);
  CHECK(r.balance == 5);
}

TEST_CASE("within one date, events are taken in file order", "[credits]") {
  const Account a = account("premium-career", "2026-01-15");
  // The reply comes before the InMail on the same date: it cannot refund it.
  const CreditReport reply_first =
      run(a, events({"2026-01-20 reply p-1", "2026-01-20 inmail_sent p-1"}), "2026-01-31");
  CHECK(reply_first.refunded == 0);
  CHECK(reply_first.pending.size() == 1);
  const CreditReport send_first =
      run(a, events({"2026-01-20 inmail_sent p-1", "2026-01-20 reply p-1"}), "2026-01-31");
  CHECK(send_first.refunded == 1);
  CHECK(send_first.pending.empty());
}

// --- 4. Sending --------------------------------------------------------------------------------

TEST_CASE("a paid InMail costs one credit; the last credit can be spent, the next one overdraws",
          "[credits]") {
  const Account a = account("premium-career", "2026-01-15");
  std::vector<std::string> lines;
  for (int i = 1; i <= 5; ++i) lines.push_back("2026-01-16 inmail_sent p-" + std::to_string(i));
  const CreditReport r = run(a, events(lines), "2026-01-31");
  CHECK(r.balance == 0);
  CHECK(r.spent == 5);
  lines.push_back("2026-01-17 inmail_sent p-6");
  CHECK_THROWS_WITH(
      run(a, events(lines), "2026-01-31"),
      "ledger.ndjson:6: inmail_sent to 'p-6' on 2026-01-17 needs a credit but the balance is 0 (an "
      "InMail to an Open Profile is free: mark it \"free\": true)");
  // An overdraft after the as-of date is not seen yet.
  CHECK_NOTHROW(run(a, events(lines), "2026-01-16"));
}

TEST_CASE("an InMail to an Open Profile costs nothing, even at balance 0", "[credits]") {
  const Account a = account("premium-career", "2026-01-15");
  const CreditReport r =
      run(a, events({"2026-01-10 inmail_sent p-1 free", "2026-01-20 inmail_sent p-2 free"}),
          "2026-01-31");
  CHECK(r.spent == 0);
  CHECK(r.balance == 5);
  CHECK(r.pending.empty());  // nothing to refund
}

// --- 5. Refunds --------------------------------------------------------------------------------

TEST_CASE("a reply on day 90 refunds, on day 91 it does not", "[credits]") {
  const Account a = account("premium-career", "2026-01-15");
  // 2026-01-20 + 90 days = 2026-04-20.
  const CreditReport day90 =
      run(a, events({"2026-01-20 inmail_sent p-1", "2026-04-20 reply p-1"}), "2026-04-30");
  CHECK(day90.refunded == 1);
  const CreditReport day91 =
      run(a, events({"2026-01-20 inmail_sent p-1", "2026-04-21 reply p-1"}), "2026-04-30");
  CHECK(day91.refunded == 0);
  const CreditReport day0 =
      run(a, events({"2026-01-20 inmail_sent p-1", "2026-01-20 reply p-1"}), "2026-04-30");
  CHECK(day0.refunded == 1);
}

TEST_CASE("the refund window counts calendar days across leap years", "[credits]") {
  // 2028-01-01 + 90 days = 2028-03-31 (Feb 29 exists); 2027-01-01 + 90 days = 2027-04-01.
  const Account leap = account("premium-career", "2027-12-01");
  CHECK(run(leap, events({"2028-01-01 inmail_sent p-1", "2028-03-31 reply p-1"}), "2028-04-30")
            .refunded == 1);
  CHECK(run(leap, events({"2028-01-01 inmail_sent p-1", "2028-04-01 reply p-1"}), "2028-04-30")
            .refunded == 0);
  const Account common = account("premium-career", "2026-12-01");
  CHECK(run(common, events({"2027-01-01 inmail_sent p-1", "2027-04-01 reply p-1"}), "2027-04-30")
            .refunded == 1);
  CHECK(run(common, events({"2027-01-01 inmail_sent p-1", "2027-04-02 reply p-1"}), "2027-04-30")
            .refunded == 0);
}

TEST_CASE("a reply refunds the earliest eligible InMail to that recipient, one at most",
          "[credits]") {
  const Account a = account("premium-career", "2026-01-15");
  const auto two =
      events({"2026-01-20 inmail_sent p-1", "2026-01-25 inmail_sent p-1", "2026-02-01 reply p-1"});
  const CreditReport one_reply = run(a, two, "2026-02-10");
  CHECK(one_reply.refunded == 1);
  REQUIRE(one_reply.pending.size() == 1);
  CHECK(format_date(one_reply.pending[0].sent) == "2026-01-25");  // the earliest was refunded

  auto more = two;
  more.push_back(events({"2026-02-02 reply p-1"})[0]);
  more.push_back(events({"2026-02-03 reply p-1"})[0]);
  const CreditReport three_replies = run(a, more, "2026-02-10");
  CHECK(three_replies.refunded == 2);  // a third reply finds nothing left
  CHECK(three_replies.pending.empty());
}

TEST_CASE("an InMail outside its window is skipped for a later one inside it", "[credits]") {
  const Account a = account("premium-career", "2026-01-15");
  const CreditReport r = run(
      a,
      events({"2026-01-20 inmail_sent p-1", "2026-04-01 inmail_sent p-1", "2026-05-01 reply p-1"}),
      "2026-05-01");
  CHECK(r.refunded == 1);
  CHECK(r.pending.empty());  // the first one expired on 2026-04-20, the second was refunded
}

TEST_CASE("replies from someone else, or to a free InMail, refund nothing", "[credits]") {
  const Account a = account("premium-career", "2026-01-15");
  const CreditReport r =
      run(a,
          events({"2026-01-20 inmail_sent p-1", "2026-01-21 inmail_sent p-2 free",
                  "2026-01-22 reply p-2", "2026-01-23 reply p-3"}),
          "2026-01-31");
  CHECK(r.refunded == 0);
  CHECK(r.pending.size() == 1);
}

TEST_CASE("refunds are added without the cap; the cap applies at the next grant", "[credits]") {
  const Account a = account("premium-career", "2026-01-15");
  // At the cap (15) on Mar 15; one InMail leaves 14; the Apr 15 grant brings it back to 15 and
  // forfeits 4; the reply then takes the balance to 16, over the cap.
  const auto ledger = events({"2026-03-20 inmail_sent p-1", "2026-04-20 reply p-1"});
  const CreditReport over = run(a, ledger, "2026-04-20");
  CHECK(over.balance == 16);
  CHECK(over.forfeited == 4);
  CHECK(over.next_grant_credits == 0);
  check_identity(over);
  const CreditReport next = run(a, ledger, "2026-05-15");
  CHECK(next.balance == 15);
  CHECK(next.forfeited == 4 + 6);  // 16 + 5 - 15
  check_identity(next);
}

// --- 6. Declines -------------------------------------------------------------------------------

TEST_CASE("a decline closes the earliest open InMail and never returns its credit", "[credits]") {
  const Account a = account("premium-career", "2026-01-15");
  const CreditReport declined =
      run(a,
          events({"2026-01-20 inmail_sent p-1", "2026-01-26 inmail_declined p-1",
                  "2026-01-27 reply p-1"}),
          "2026-01-31");
  CHECK(declined.refunded == 0);  // decline then reply: nothing comes back
  CHECK(declined.pending.empty());
  CHECK(declined.balance == 4);

  const CreditReport two = run(a,
                               events({"2026-01-20 inmail_sent p-1", "2026-01-25 inmail_sent p-1",
                                       "2026-01-26 inmail_declined p-1", "2026-01-27 reply p-1"}),
                               "2026-01-31");
  CHECK(two.refunded == 1);  // the decline closed the first, the reply refunded the second
  CHECK(two.balance == 4);
}

TEST_CASE("a decline after a reply finds nothing open", "[credits]") {
  const Account a = account("premium-career", "2026-01-15");
  const CreditReport r = run(a,
                             events({"2026-01-20 inmail_sent p-1", "2026-01-21 reply p-1",
                                     "2026-01-22 inmail_declined p-1"}),
                             "2026-01-31");
  CHECK(r.refunded == 1);
  CHECK(r.balance == 5);
}

TEST_CASE("a decline closes an InMail sent on or before its date, even one past its window",
          "[credits]") {
  const Account a = account("premium-career", "2026-01-15");
  const auto ledger = events({"2026-01-20 inmail_sent p-1", "2026-05-01 inmail_sent p-1",
                              "2026-06-01 inmail_declined p-1", "2026-06-02 reply p-1"});
  const CreditReport r = run(a, ledger, "2026-06-02");
  CHECK(r.refunded == 1);  // the decline took the January InMail, the reply refunds May's
  // A decline dated before every InMail closes nothing.
  CHECK(
      run(a, events({"2026-01-19 inmail_declined p-1", "2026-01-20 inmail_sent p-1"}), "2026-01-31")
          .pending.size() == 1);
}

TEST_CASE("the rules data can make a decline refund the credit", "[credits]") {
  Rules rules = Rules::builtin();
  rules.declined_inmail_refunded = true;
  const Account a = account("premium-career", "2026-01-15");
  const CreditReport r =
      run(a, events({"2026-01-20 inmail_sent p-1", "2026-01-26 inmail_declined p-1"}), "2026-01-31",
          rules);
  CHECK(r.refunded == 1);
  CHECK(r.balance == 5);
  CHECK(r.pending.empty());
  const CreditReport late =
      run(a, events({"2026-01-20 inmail_sent p-1", "2026-04-21 inmail_declined p-1"}), "2026-04-30",
          rules);
  CHECK(late.refunded == 0);  // outside the refund window
}

TEST_CASE("the refund window comes from the rules data", "[credits]") {
  Rules rules = Rules::builtin();
  rules.refund_window_days = 30;
  const Account a = account("premium-career", "2026-01-15");
  CHECK(run(a, events({"2026-01-20 inmail_sent p-1", "2026-02-19 reply p-1"}), "2026-02-28", rules)
            .refunded == 1);
  CHECK(run(a, events({"2026-01-20 inmail_sent p-1", "2026-02-20 reply p-1"}), "2026-02-28", rules)
            .refunded == 0);
}

// --- 7. Pending refunds ------------------------------------------------------------------------

TEST_CASE("pending refunds as of D: sent on or before D, D within the window", "[credits]") {
  const Account a = account("premium-career", "2026-01-15");
  const auto ledger = events({"2026-01-20 inmail_sent p-1", "2026-01-22 inmail_sent p-2",
                              "2026-01-23 inmail_sent p-3", "2026-01-24 inmail_sent p-4 free",
                              "2026-01-25 reply p-2", "2026-01-26 inmail_declined p-3"});
  const CreditReport on_send_day = run(a, ledger, "2026-01-20");
  REQUIRE(on_send_day.pending.size() == 1);
  CHECK(on_send_day.pending[0].prospect == "p-1");
  CHECK(format_date(on_send_day.pending[0].expires) == "2026-04-20");
  CHECK(on_send_day.pending[0].credits == 1);
  CHECK(run(a, ledger, "2026-01-23").pending.size() == 3);
  CHECK(run(a, ledger, "2026-01-31").pending.size() == 1);  // p-2 refunded, p-3 declined, p-4 free
  CHECK(run(a, ledger, "2026-04-20").pending.size() == 1);  // the window's last day
  CHECK(run(a, ledger, "2026-04-21").pending.empty());
}

TEST_CASE("pending refunds are listed earliest first", "[credits]") {
  const Account a = account("premium-career", "2026-01-15");
  const CreditReport r = run(a,
                             events({"2026-01-25 inmail_sent p-2", "2026-01-20 inmail_sent p-1",
                                     "2026-01-25 inmail_sent p-3"}),
                             "2026-01-31");
  REQUIRE(r.pending.size() == 3);
  CHECK(r.pending[0].prospect == "p-1");
  CHECK(r.pending[1].prospect == "p-2");
  CHECK(r.pending[2].prospect == "p-3");
}

// --- 8. As of ----------------------------------------------------------------------------------

TEST_CASE("as of D means the end of D", "[credits]") {
  const Account a = account("premium-career", "2026-01-15");
  const auto ledger = events({"2026-02-01 inmail_sent p-1", "2026-02-02 reply p-1"});
  CHECK(run(a, ledger, "2026-02-01").balance == 4);
  CHECK(run(a, ledger, "2026-02-02").balance == 5);
}

TEST_CASE("credits need plan_start", "[credits]") {
  Account a = account("premium-career", "2026-01-15");
  a.plan_start.reset();
  CHECK_THROWS_WITH(
      run(a, {}, "2026-02-01"),
      "account.json: plan_start: missing key; credits need the date the plan started");
}

TEST_CASE("there is one month row per calendar month up to the as-of date", "[credits]") {
  const Account a = account("premium-career", "2026-11-20");
  const CreditReport r =
      run(a, events({"2026-12-01 inmail_sent p-1", "2027-02-03 reply p-1"}), "2027-02-10");
  REQUIRE(r.months.size() == 4);
  CHECK(r.months[0].month == "2026-11");
  CHECK(r.months[1].month == "2026-12");
  CHECK(r.months[1].spent == 1);
  CHECK(r.months[2].month == "2027-01");
  CHECK(r.months[3].month == "2027-02");
  CHECK(r.months[3].refunded == 1);
  check_identity(r);
}

TEST_CASE("the next grant is the first grant day after the as-of date, capped", "[credits]") {
  const Account a = account("premium-career", "2026-01-31");
  const CreditReport r = run(a, events({"2026-02-03 inmail_sent p-1"}), "2026-02-27");
  CHECK(format_date(*r.next_grant_date) == "2026-02-28");
  CHECK(r.next_grant_credits == 5);
  const CreditReport full = run(a, {}, "2026-03-31");
  CHECK(full.balance == 15);
  CHECK(format_date(*full.next_grant_date) == "2026-04-30");
  CHECK(full.next_grant_credits == 0);
  const CreditReport on_grant_day = run(a, {}, "2026-02-28");
  CHECK(format_date(*on_grant_day.next_grant_date) == "2026-03-31");
}

TEST_CASE("forfeits ahead: what the next grant loses at, under and over the cap", "[credits]") {
  const Account a = account("premium-career", "2026-01-15");  // 5 a month, cap 15
  // Under: 10 + 5 fits exactly.
  const CreditReport under = run(a, {}, "2026-02-20");
  CHECK(under.balance == 10);
  CHECK(under.next_grant_forfeits == 0);
  // At the cap: the whole grant is lost.
  const CreditReport at = run(a, {}, "2026-03-20");
  CHECK(at.balance == 15);
  CHECK(at.next_grant_forfeits == 5);
  CHECK(at.next_grant_credits == 0);
  CHECK(format_date(*at.next_grant_date) == "2026-04-15");
  // One below: four of the five are lost.
  const CreditReport one_below = run(a, events({"2026-03-16 inmail_sent p-1"}), "2026-03-20");
  CHECK(one_below.next_grant_forfeits == 4);
  // Over the cap (a refund is added without it): the grant and the excess are lost.
  const auto refunded = events({"2026-03-14 inmail_sent p-1", "2026-04-16 reply p-1"});
  const CreditReport over = run(a, refunded, "2026-04-20");
  CHECK(over.balance == 16);
  CHECK(over.next_grant_forfeits == 6);
  CHECK(format_date(*over.next_grant_date) == "2026-05-15");
  // What the simulation then does.
  CHECK(run(a, refunded, "2026-05-15").forfeited == over.forfeited + 6);
  CHECK(forfeits_ahead_message(12, day("2026-12-15")) ==
        "12 credits will be forfeited on 2026-12-15 unless spent");
  CHECK(forfeits_ahead_message(1, day("2026-12-15")) ==
        "1 credit will be forfeited on 2026-12-15 unless spent");
}

// --- 9. Totals ---------------------------------------------------------------------------------

TEST_CASE("granted counts full monthly amounts so that the totals add up", "[credits]") {
  const Account a = account("premium-business", "2026-01-15", std::pair{44, "2026-02-01"});
  const auto ledger =
      events({"2026-01-20 inmail_sent p-0", "2026-02-03 inmail_sent p-1", "2026-02-04 reply p-0",
              "2026-02-10 inmail_sent p-2", "2026-03-01 reply p-1", "2026-05-20 inmail_sent p-3"});
  const CreditReport r = run(a, ledger, "2026-06-30");
  CHECK(r.opening == 44);
  CHECK(r.spent == 3);     // p-0 was sent before the opening date
  CHECK(r.refunded == 2);  // p-0's refund came after it
  CHECK(r.granted == 5 * 15);
  check_identity(r);
}

TEST_CASE("totals too large to count are an error, not an overflow", "[credits]") {
  Rules rules = Rules::builtin();
  rules.plans["recruiter"].monthly_credits = 1'000'000'000;
  rules.plans["recruiter"].cap = 1'000'000'000;
  const Account a = account("recruiter", "2026-01-15");
  CHECK(run(a, {}, "2026-02-14", rules).balance == 1'000'000'000);
  CHECK_THROWS_WITH(
      run(a, {}, "2026-03-15", rules),
      "account.json: plan: 1000000000 credits a month from 2026-01-15 to 2026-03-15 are more "
      "than can be counted");
}

// --- Writes checked against the account (SPEC §12) --------------------------------------------

TEST_CASE("events that would spend a credit the account does not have are refused", "[credits]") {
  const Account a = account("premium-career", "2026-01-15", std::make_pair(1, "2026-03-01"));
  const auto ledger = events({"2026-03-02 inmail_sent p-1"});
  // The only credit is spent: another paid InMail is refused, naming it, a free one is not.
  auto more = events({"2026-03-03 inmail_sent p-2 free", "2026-03-04 inmail_sent p-3"});
  CHECK_THROWS_WITH(
      check_events_against_account(a, Rules::builtin(), ledger, "ledger.ndjson", more,
                                   "events.ndjson"),
      "events.ndjson:2: inmail_sent to 'p-3' on 2026-03-04 needs a credit but the balance is 0 "
      "(an InMail to an Open Profile is free: mark it \"free\": true); nothing was appended");
  more.pop_back();
  CHECK_NOTHROW(check_events_against_account(a, Rules::builtin(), ledger, "ledger.ndjson", more,
                                             "events.ndjson"));
  // An addition without a line (ledger add) is named by its origin alone.
  auto one = events({"2026-03-04 inmail_sent p-3"});
  one[0].line = 0;
  CHECK_THROWS_WITH(
      check_events_against_account(a, Rules::builtin(), ledger, "ledger.ndjson", one, "ledger add"),
      Catch::StartsWith("ledger add: inmail_sent to 'p-3' on 2026-03-04 needs a credit"));
  // A grant or a refund in between makes room again.
  CHECK_NOTHROW(check_events_against_account(a, Rules::builtin(), ledger, "ledger.ndjson",
                                             events({"2026-03-15 inmail_sent p-3"}), "x"));
  CHECK_NOTHROW(check_events_against_account(
      a, Rules::builtin(), ledger, "ledger.ndjson",
      events({"2026-03-03 reply p-1", "2026-03-04 inmail_sent p-3"}), "x"));
  // An addition dated before the ledger's events is simulated in date order too.
  CHECK_THROWS_WITH(check_events_against_account(a, Rules::builtin(), ledger, "ledger.ndjson",
                                                 events({"2026-03-01 inmail_sent p-0"}), "x"),
                    Catch::StartsWith("ledger.ndjson:1: inmail_sent to 'p-1'"));
}

TEST_CASE("without a plan start there is nothing to check", "[credits]") {
  Account a = account("free", "2026-01-15");
  a.plan_start.reset();
  CHECK_NOTHROW(check_events_against_account(a, Rules::builtin(), {}, "ledger.ndjson",
                                             events({"2026-03-04 inmail_sent p-3"}), "x"));
}
