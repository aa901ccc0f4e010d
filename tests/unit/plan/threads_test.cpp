// SPEC §10's thread states, row by row, at and around each threshold of the rules' `sequence`.
#include "plan/threads.hpp"

#include <catch2/catch.hpp>

using namespace outreach;

namespace {

Date day(const char* text) { return *parse_iso_date(text); }

const Date start = day("2026-06-01");
const SequenceRules& sequence() { return Rules::builtin().sequence; }

LedgerEvent event(Date date, EventType type) { return LedgerEvent{date, type, "a", false, 0}; }

// The verdict on prospect "a" for a ledger given as (days before the start, type) pairs.
ThreadVerdict judged(std::initializer_list<std::pair<int, EventType>> ledger,
                     bool first_degree = false, Date at = start) {
  std::vector<LedgerEvent> events;
  for (const auto& [days_before, type] : ledger)
    events.push_back(event(at - date::days{days_before}, type));
  const Threads threads(events, at, sequence().recontact_after_days);
  return judge_thread(threads.of("a"), first_degree, at, sequence(),
                      Rules::builtin().refund_window_days);
}

std::string reason(const ThreadVerdict& v) {
  switch (v.kind) {
    case ThreadVerdict::Kind::none:
      return "table";
    case ThreadVerdict::Kind::skip:
      return "skip " + std::string(plan_reason_name(v.reason));
    case ThreadVerdict::Kind::message:
      return "message " + std::string(plan_reason_name(v.reason));
  }
  return "?";
}

using E = EventType;

}  // namespace

TEST_CASE("the sequence defaults live in the rules data", "[plan][threads]") {
  CHECK(sequence().message_after_accept_days == 1);
  CHECK(sequence().followup_after_days == 7);
  CHECK(sequence().max_followups == 2);
  CHECK(sequence().withdraw_after_days == 21);
  CHECK(sequence().reinvite_lock_days == 21);
  CHECK(sequence().recontact_after_days == 180);
  CHECK(sequence().horizon_days == 91);
  CHECK(sequence().min_send_gap_minutes == 2);
  CHECK(sequence().daily_message_limit == 100);
}

TEST_CASE("no ledger events: no thread, the table decides", "[plan][threads]") {
  CHECK(reason(judged({})) == "table");
  CHECK_FALSE(judged({}).inmail_blocked);
  CHECK_FALSE(judged({}).earliest);
}

TEST_CASE("any reply in the thread: replied", "[plan][threads]") {
  CHECK(reason(judged({{10, E::inmail_sent}, {3, E::reply}})) == "skip replied");
  CHECK(reason(judged({{10, E::message_sent}, {3, E::reply}})) == "skip replied");
  // A reply beats everything after it: a person carries the conversation now.
  CHECK(
      reason(judged(
          {{10, E::invite_sent}, {9, E::invite_accepted}, {8, E::reply}, {2, E::message_sent}})) ==
      "skip replied");
  // Events on the start date count.
  CHECK(reason(judged({{5, E::message_sent}, {0, E::reply}})) == "skip replied");
}

TEST_CASE("a declined InMail: declined", "[plan][threads]") {
  CHECK(reason(judged({{10, E::inmail_sent}, {9, E::inmail_declined}})) == "skip declined");
}

TEST_CASE("a pending invitation: in progress, then stale at withdraw_after_days",
          "[plan][threads]") {
  CHECK(reason(judged({{0, E::invite_sent}})) == "skip in-progress");
  CHECK(reason(judged({{20, E::invite_sent}})) == "skip in-progress");
  CHECK(reason(judged({{21, E::invite_sent}})) == "skip invite-stale");
  CHECK(reason(judged({{22, E::invite_sent}})) == "skip invite-stale");
  // However old, a pending invitation keeps its thread open: no new one while it is pending.
  CHECK(reason(judged({{400, E::invite_sent}})) == "skip invite-stale");
}

TEST_CASE("a withdrawn invitation: the table, no new invitation before the lock ends",
          "[plan][threads]") {
  const ThreadVerdict v = judged({{30, E::invite_sent}, {10, E::invite_withdrawn}});
  CHECK(reason(v) == "table");
  REQUIRE(v.earliest);
  CHECK(*v.earliest == start + date::days{11});  // withdrawn 10 days ago, locked for 21
  // A withdrawal 21 days ago: the lock ends today.
  CHECK(*judged({{30, E::invite_sent}, {21, E::invite_withdrawn}}).earliest == start);
  // A new invitation after it is pending again.
  CHECK(reason(judged({{30, E::invite_sent}, {25, E::invite_withdrawn}, {2, E::invite_sent}})) ==
        "skip in-progress");
}

TEST_CASE("connected, nothing sent since: the first message after message_after_accept_days",
          "[plan][threads]") {
  const ThreadVerdict v = judged({{5, E::invite_sent}, {0, E::invite_accepted}});
  CHECK(reason(v) == "message connected");
  CHECK(v.followup == 0);
  CHECK(v.earliest == start + date::days{1});
  CHECK(judged({{5, E::invite_sent}, {3, E::invite_accepted}}).earliest == start - date::days{2});
  // A first-degree prospect without an acceptance in the ledger: at once.
  const ThreadVerdict degree_one = judged({{5, E::inmail_sent}}, true);
  CHECK(reason(degree_one) == "message connected");
  CHECK_FALSE(degree_one.earliest);
}

TEST_CASE("a message unanswered: follow-ups after followup_after_days, up to max_followups",
          "[plan][threads]") {
  const ThreadVerdict first = judged({{9, E::invite_accepted}, {6, E::message_sent}});
  CHECK(reason(first) == "message follow-up");
  CHECK(first.followup == 1);
  CHECK(first.earliest == start + date::days{1});  // sent 6 days ago, 7 days' wait
  const ThreadVerdict seven = judged({{9, E::invite_accepted}, {7, E::message_sent}});
  CHECK(seven.earliest == start);
  const ThreadVerdict second =
      judged({{30, E::invite_accepted}, {20, E::message_sent}, {10, E::message_sent}});
  CHECK(reason(second) == "message follow-up");
  CHECK(second.followup == 2);
  CHECK(second.earliest == start - date::days{3});
  // The first message and two follow-ups: the thread is over.
  CHECK(reason(judged({{40, E::invite_accepted},
                       {30, E::message_sent},
                       {20, E::message_sent},
                       {10, E::message_sent}})) == "skip no-reply");
  // Messages to a first-degree prospect follow the same rows.
  CHECK(reason(judged({{3, E::message_sent}}, true)) == "message follow-up");
  // An acceptance after the messages (a new connection) starts the count again.
  CHECK(reason(judged({{30, E::message_sent},
                       {20, E::message_sent},
                       {10, E::message_sent},
                       {5, E::invite_sent},
                       {2, E::invite_accepted}})) == "message connected");
}

TEST_CASE("an InMail inside its window: in progress; once it closed unanswered: no reply",
          "[plan][threads]") {
  CHECK(reason(judged({{0, E::inmail_sent}})) == "skip in-progress");
  CHECK(reason(judged({{90, E::inmail_sent}})) == "skip in-progress");
  CHECK(reason(judged({{91, E::inmail_sent}})) == "skip no-reply");
  CHECK(judged({{91, E::inmail_sent}}).inmail_blocked);
  // A free InMail waits for its answer the same way.
  std::vector<LedgerEvent> free{LedgerEvent{start - date::days{10}, E::inmail_sent, "a", true, 0}};
  const Threads threads(free, start, 180);
  CHECK(reason(judge_thread(threads.of("a"), false, start, sequence(), 90)) == "skip in-progress");
}

TEST_CASE("a thread older than recontact_after_days is no thread", "[plan][threads]") {
  CHECK(reason(judged({{180, E::inmail_sent}, {180, E::reply}})) == "skip replied");
  CHECK(reason(judged({{181, E::inmail_sent}, {181, E::reply}})) == "table");
  CHECK(reason(judged({{181, E::inmail_sent}, {181, E::inmail_declined}})) == "table");
  CHECK(reason(judged({{200, E::invite_accepted}, {190, E::message_sent}})) == "table");
  // …whose connection still stands (a connection lasts), and whose unanswered InMail still
  // forbids a second one.
  CHECK(judged({{200, E::invite_accepted}, {190, E::message_sent}}).connected);
  CHECK(judged({{200, E::inmail_sent}}).inmail_blocked);
  // The age is the last event's: a recent event keeps an old thread going.
  CHECK(reason(judged({{300, E::inmail_sent}, {100, E::message_sent}})) == "message follow-up");
}

TEST_CASE("events after the start do not count", "[plan][threads]") {
  const std::vector<LedgerEvent> events = {event(start + date::days{1}, E::reply),
                                           event(start - date::days{2}, E::invite_sent)};
  const Threads threads(events, start, 180);
  CHECK(reason(judge_thread(threads.of("a"), false, start, sequence(), 90)) == "skip in-progress");
  CHECK(threads.of("b").last_event == std::nullopt);
}

TEST_CASE("a long silence inside the ledger starts a new campaign", "[plan][threads]") {
  // A reply in January, then nothing for 300 days, then an invitation: the January reply
  // belongs to the old campaign; the invitation is pending in the new one.
  CHECK(reason(judged({{320, E::inmail_sent}, {310, E::reply}, {5, E::invite_sent}})) ==
        "skip in-progress");
  // An acceptance in the new campaign: a first message, whatever the old one held.
  CHECK(reason(judged({{320, E::message_sent},
                       {310, E::message_sent},
                       {300, E::message_sent},
                       {8, E::invite_sent},
                       {2, E::invite_accepted}})) == "message connected");
  // A connection from the old campaign lasts: a new message after a silence is the first one.
  CHECK(reason(judged({{400, E::invite_accepted}, {390, E::message_sent}, {3, E::message_sent}})) ==
        "message follow-up");
  CHECK(
      judged({{400, E::invite_accepted}, {390, E::message_sent}, {3, E::message_sent}}).followup ==
      1);
  // An InMail of the old campaign that nobody answered still forbids a second one.
  CHECK(judged({{300, E::inmail_sent}, {5, E::invite_sent}, {1, E::invite_withdrawn}})
            .inmail_blocked);
  // A pending invitation outlasts the silence.
  CHECK(reason(judged({{300, E::invite_sent}, {5, E::message_sent}})) == "skip invite-stale");
  // The silence must be longer than recontact_after_days: 180 days is not.
  CHECK(reason(judged({{200, E::message_sent}, {20, E::reply}, {10, E::invite_sent}})) ==
        "skip replied");
}
