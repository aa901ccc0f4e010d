// `ledger show --prospect`: one prospect's events and the state SPEC §10 gives them on a day,
// the same the plan reads.
#include "outreach/thread_state.hpp"

#include <catch2/catch.hpp>

#include "outreach/rules.hpp"

using namespace outreach;

namespace {

Date day(const char* text) { return *parse_iso_date(text); }

LedgerEvent event(const char* date, EventType type, const char* prospect, std::size_t line) {
  LedgerEvent e;
  e.date = day(date);
  e.type = type;
  e.prospect = prospect;
  e.line = line;
  return e;
}

ThreadState state_on(const std::vector<LedgerEvent>& ledger, const char* prospect, const char* on) {
  return thread_state(ledger, prospect, day(on), Rules::builtin().sequence,
                      Rules::builtin().refund_window_days);
}

using E = EventType;

}  // namespace

TEST_CASE("a prospect's events, in file order, and nobody else's", "[plan][thread_state]") {
  const std::vector<LedgerEvent> ledger = {
      event("2026-03-02", E::invite_sent, "p-1", 1),
      event("2026-03-02", E::invite_sent, "p-2", 2),
      event("2026-03-04", E::invite_accepted, "p-1", 3),
  };
  const ThreadState state = state_on(ledger, "p-1", "2026-03-06");
  REQUIRE(state.events.size() == 2);
  CHECK(state.events[0].line == 1);
  CHECK(state.events[1].line == 3);
  CHECK(state.prospect == "p-1");
  CHECK(state.day == day("2026-03-06"));
}

TEST_CASE("the states of SPEC §10 as the plan gives them", "[plan][thread_state]") {
  const std::vector<LedgerEvent> ledger = {
      event("2026-03-02", E::invite_sent, "pending", 1),
      event("2026-03-02", E::invite_sent, "accepted", 2),
      event("2026-03-04", E::invite_accepted, "accepted", 3),
      event("2026-03-02", E::message_sent, "messaged", 4),
      event("2026-03-02", E::inmail_sent, "replied", 5),
      event("2026-03-03", E::reply, "replied", 6),
      event("2026-03-01", E::invite_sent, "withdrawn", 7),
      event("2026-03-03", E::invite_withdrawn, "withdrawn", 8),
      event("2025-01-02", E::message_sent, "old", 9),
  };
  SECTION("a pending invitation: skip, in-progress") {
    const ThreadState s = state_on(ledger, "pending", "2026-03-06");
    CHECK(s.kind == ThreadState::Kind::skip);
    CHECK(s.reason == PlanReason::in_progress);
  }
  SECTION("an acceptance: the first message, a day after it") {
    const ThreadState s = state_on(ledger, "accepted", "2026-03-04");
    CHECK(s.kind == ThreadState::Kind::message);
    CHECK(s.reason == PlanReason::connected);
    CHECK(s.followup == 0);
    CHECK(s.not_before == day("2026-03-05"));
    CHECK(s.connected);
  }
  SECTION("a message without a reply: follow-up-1, seven days after it") {
    const ThreadState s = state_on(ledger, "messaged", "2026-03-06");
    CHECK(s.kind == ThreadState::Kind::message);
    CHECK(s.reason == PlanReason::follow_up);
    CHECK(s.followup == 1);
    CHECK(s.not_before == day("2026-03-09"));
  }
  SECTION("a reply: skip, replied; the InMail it answered blocks no second one") {
    const ThreadState s = state_on(ledger, "replied", "2026-03-06");
    CHECK(s.kind == ThreadState::Kind::skip);
    CHECK(s.reason == PlanReason::replied);
    CHECK_FALSE(s.inmail_blocked);
  }
  SECTION("a withdrawal: open, with no invitation before the lock ends") {
    const ThreadState s = state_on(ledger, "withdrawn", "2026-03-06");
    CHECK(s.kind == ThreadState::Kind::open);
    CHECK(s.connect_not_before == day("2026-03-24"));
    CHECK_FALSE(s.starts_over);
    // Once the lock is over it says nothing more.
    CHECK_FALSE(state_on(ledger, "withdrawn", "2026-03-24").connect_not_before);
  }
  SECTION("a thread older than recontact_after_days starts over") {
    const ThreadState s = state_on(ledger, "old", "2026-03-06");
    CHECK(s.kind == ThreadState::Kind::open);
    CHECK(s.starts_over);
  }
  SECTION("no events: open, no thread") {
    const ThreadState s = state_on(ledger, "nobody", "2026-03-06");
    CHECK(s.kind == ThreadState::Kind::open);
    CHECK(s.events.empty());
    CHECK_FALSE(s.starts_over);
  }
  SECTION("events after the day do not count yet") {
    const ThreadState s = state_on(ledger, "accepted", "2026-03-03");
    CHECK(s.kind == ThreadState::Kind::skip);
    CHECK(s.reason == PlanReason::in_progress);
    CHECK(s.events.size() == 2);  // shown all the same
  }
}
