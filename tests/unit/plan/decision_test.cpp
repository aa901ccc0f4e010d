#include <algorithm>
#include <catch2/catch.hpp>
#include <set>

#include "plan/decision.hpp"
#include "plan/rank.hpp"
#include "plan/threads.hpp"

using namespace outreach;

namespace {

Date day(const char* text) { return *parse_iso_date(text); }

const Date start = day("2026-03-02");  // a Monday

Prospect prospect(std::string id) {
  Prospect p;
  p.id = std::move(id);
  p.degree = 2;
  return p;
}

LedgerEvent event(const char* date, EventType type, const char* who, bool free = false) {
  return LedgerEvent{day(date), type, who, free, 0};
}

// The decision as the planner takes it: the ledger read as of the start, the thread judged,
// then the table.
Decision decide_with(const Prospect& p, const std::vector<LedgerEvent>& ledger = {}) {
  const Rules& rules = Rules::builtin();
  const Threads threads(ledger, start, rules.sequence.recontact_after_days);
  const ThreadVerdict verdict = judge_thread(threads.of(p.id), p.degree == 1, start, rules.sequence,
                                             rules.refund_window_days);
  return decide(p, verdict, start, rules);
}

std::string reason_of(const Decision& d) { return std::string(plan_reason_name(d.reason)); }
std::string channel_of(const Decision& d) { return std::string(plan_channel_name(d.channel)); }

}  // namespace

TEST_CASE("do-not-contact comes before everything else", "[plan][decision]") {
  Prospect p = prospect("a");
  p.do_not_contact = true;
  p.degree = 1;
  const Decision d = decide_with(p, {event("2026-02-01", EventType::inmail_declined, "a")});
  CHECK(channel_of(d) == "skip");
  CHECK(reason_of(d) == "do-not-contact");
}

TEST_CASE("a declined InMail skips the prospect, before an open thread", "[plan][decision]") {
  const Prospect p = prospect("a");
  const Decision d = decide_with(p, {event("2026-02-20", EventType::inmail_sent, "a"),
                                     event("2026-02-21", EventType::inmail_declined, "a"),
                                     event("2026-02-22", EventType::invite_sent, "a")});
  CHECK(channel_of(d) == "skip");
  CHECK(reason_of(d) == "declined");
}

TEST_CASE("an invitation neither accepted nor withdrawn is in progress", "[plan][decision]") {
  const Prospect p = prospect("a");
  CHECK(reason_of(decide_with(p, {event("2026-02-20", EventType::invite_sent, "a")})) ==
        "in-progress");
  CHECK(reason_of(decide_with(p, {event("2026-02-20", EventType::invite_sent, "a"),
                                  event("2026-02-25", EventType::invite_withdrawn, "a")})) ==
        "free-path");
  // Accepted: connected, so a message.
  const Decision accepted = decide_with(p, {event("2026-02-20", EventType::invite_sent, "a"),
                                            event("2026-02-25", EventType::invite_accepted, "a")});
  CHECK(channel_of(accepted) == "message");
  CHECK(reason_of(accepted) == "connected");
  // A new invitation after a withdrawal is open again.
  CHECK(reason_of(decide_with(p, {event("2026-02-10", EventType::invite_sent, "a"),
                                  event("2026-02-12", EventType::invite_withdrawn, "a"),
                                  event("2026-02-20", EventType::invite_sent, "a")})) ==
        "in-progress");
}

TEST_CASE("an InMail inside its 90-day window without a reply is in progress", "[plan][decision]") {
  const Prospect p = prospect("a");
  // Sent 2025-12-02: start (2026-03-02) is day 90 after it, still inside.
  CHECK(reason_of(decide_with(p, {event("2025-12-02", EventType::inmail_sent, "a")})) ==
        "in-progress");
  // One day earlier: the window closed the day before the start, unanswered (SPEC §10).
  CHECK(reason_of(decide_with(p, {event("2025-12-01", EventType::inmail_sent, "a")})) ==
        "no-reply");
  // Free InMails (Open Profile) wait for their answer too.
  CHECK(reason_of(decide_with(p, {event("2026-02-01", EventType::inmail_sent, "a", true)})) ==
        "in-progress");
  // A reply: a person carries the conversation now.
  CHECK(reason_of(decide_with(p, {event("2026-02-01", EventType::inmail_sent, "a"),
                                  event("2026-02-03", EventType::reply, "a")})) == "replied");
}

TEST_CASE("ledger events count by date, then file order, and only up to the start",
          "[plan][decision]") {
  const Prospect p = prospect("a");
  // A reply appended later with an earlier date happened before the InMail: it is unanswered.
  const Threads earlier({event("2026-02-05", EventType::inmail_sent, "a"),
                         event("2026-02-01", EventType::reply, "a")},
                        start, 180);
  CHECK(earlier.of("a").inmail_unanswered);
  CHECK(*earlier.of("a").last_event == day("2026-02-05"));
  // Same date: file order (any reply in the thread is a reply, but only one after the InMail
  // answers it).
  const Threads answered({event("2026-02-05", EventType::inmail_sent, "a"),
                          event("2026-02-05", EventType::reply, "a")},
                         start, 180);
  CHECK_FALSE(answered.of("a").inmail_unanswered);
  const Threads unanswered({event("2026-02-05", EventType::reply, "a"),
                            event("2026-02-05", EventType::inmail_sent, "a")},
                           start, 180);
  CHECK(unanswered.of("a").inmail_unanswered);
  // Events on the start date count; later ones are ignored.
  CHECK(reason_of(decide_with(p, {event("2026-03-02", EventType::invite_sent, "a")})) ==
        "in-progress");
  CHECK(reason_of(decide_with(p, {event("2026-03-03", EventType::invite_sent, "a")})) ==
        "free-path");
  CHECK(reason_of(decide_with(p, {event("2026-03-03", EventType::inmail_declined, "a")})) ==
        "free-path");
  // Other prospects' events do not matter.
  CHECK(reason_of(decide_with(p, {event("2026-02-20", EventType::invite_sent, "b")})) ==
        "free-path");
}

TEST_CASE("the ledger's invitations and messages are counted per day", "[plan][decision]") {
  const Threads history({event("2026-02-27", EventType::invite_sent, "a"),
                         event("2026-02-27", EventType::invite_sent, "b"),
                         event("2026-03-01", EventType::invite_sent, "c"),
                         event("2026-03-01", EventType::message_sent, "d"),
                         event("2026-03-05", EventType::invite_sent, "e")},
                        start, 180);
  CHECK(history.invitations_on(day("2026-02-27")) == 2);
  CHECK(history.invitations_on(day("2026-02-28")) == 0);
  CHECK(history.invitations_on(day("2026-03-01")) == 1);
  CHECK(history.invitations_on(day("2026-03-05")) == 0);  // after the start
  CHECK(history.messages_on(day("2026-03-01")) == 1);
  CHECK(history.messages_on(day("2026-02-27")) == 0);
}

TEST_CASE("degree 1 or an accepted invitation is connected: a message", "[plan][decision]") {
  Prospect p = prospect("a");
  p.degree = 1;
  p.goal = Goal::marketing;  // connected comes first
  p.accepts_inmail = false;
  const Decision d = decide_with(p);
  CHECK(channel_of(d) == "message");
  CHECK(reason_of(d) == "connected");
  CHECK_FALSE(d.needs_credit);
}

TEST_CASE("the marketing goal gets a Message Ad", "[plan][decision]") {
  Prospect p = prospect("a");
  p.goal = Goal::marketing;
  p.open_profile = true;
  p.degree = std::nullopt;
  const Decision d = decide_with(p);
  CHECK(channel_of(d) == "message-ad");
  CHECK(reason_of(d) == "marketing");
}

TEST_CASE("InMail turned off: a connection request, Open Profile or not", "[plan][decision]") {
  Prospect p = prospect("a");
  p.accepts_inmail = false;
  p.open_profile = true;
  p.goal = Goal::recruiting;
  const Decision d = decide_with(p);
  CHECK(channel_of(d) == "connect");
  CHECK(reason_of(d) == "inmail-disabled");
}

TEST_CASE("an Open Profile gets a free InMail", "[plan][decision]") {
  Prospect p = prospect("a");
  p.open_profile = true;
  p.rarely_accepts = true;
  const Decision d = decide_with(p);
  CHECK(channel_of(d) == "inmail");
  CHECK(reason_of(d) == "open-profile");
  CHECK_FALSE(d.needs_credit);
}

TEST_CASE("time-sensitive: a deadline sooner than the acceptance delay", "[plan][decision]") {
  Prospect p = prospect("a");
  p.deadline = start + date::days{13};
  Decision d = decide_with(p);
  CHECK(channel_of(d) == "inmail");
  CHECK(reason_of(d) == "time-sensitive");
  CHECK(d.needs_credit);
  p.deadline = start + date::days{14};  // exactly the delay: an acceptance can still come in time
  CHECK(reason_of(decide_with(p)) == "free-path");
  p.deadline = start;  // today: still reachable, the most urgent kind
  CHECK(reason_of(decide_with(p)) == "time-sensitive");
  p.deadline = start - date::days{1};  // already passed (SPEC §10): nothing to send
  CHECK(channel_of(decide_with(p)) == "skip");
  CHECK(reason_of(decide_with(p)) == "deadline-passed");
}

TEST_CASE("hard-to-connect: rarely accepts or a long invitation queue", "[plan][decision]") {
  Prospect p = prospect("a");
  p.pending_invitations = 4999;
  CHECK(reason_of(decide_with(p)) == "free-path");
  p.pending_invitations = 5000;
  const Decision d = decide_with(p);
  CHECK(reason_of(d) == "hard-to-connect");
  CHECK(d.needs_credit);
  p.pending_invitations = 0;
  p.rarely_accepts = true;
  CHECK(reason_of(decide_with(p)) == "hard-to-connect");
}

TEST_CASE("recruiting is worth a credit; the first applicable reason wins", "[plan][decision]") {
  Prospect p = prospect("a");
  p.goal = Goal::recruiting;
  CHECK(reason_of(decide_with(p)) == "recruiting");
  p.rarely_accepts = true;
  CHECK(reason_of(decide_with(p)) == "hard-to-connect");
  p.deadline = start + date::days{3};
  CHECK(reason_of(decide_with(p)) == "time-sensitive");
}

TEST_CASE("otherwise a free connection request", "[plan][decision]") {
  Prospect p = prospect("a");
  p.goal = Goal::nurture;
  p.degree = std::nullopt;
  const Decision d = decide_with(p);
  CHECK(channel_of(d) == "connect");
  CHECK(reason_of(d) == "free-path");
}

TEST_CASE("every channel and reason has its SPEC name", "[plan][decision]") {
  CHECK(plan_channel_name(PlanChannel::message_ad) == "message-ad");
  CHECK(plan_reason_name(PlanReason::do_not_contact) == "do-not-contact");
  CHECK(plan_reason_name(PlanReason::in_progress) == "in-progress");
  CHECK(plan_reason_name(PlanReason::inmail_disabled) == "inmail-disabled");
  CHECK(plan_reason_name(PlanReason::open_profile) == "open-profile");
  CHECK(plan_reason_name(PlanReason::time_sensitive) == "time-sensitive");
  CHECK(plan_reason_name(PlanReason::hard_to_connect) == "hard-to-connect");
  CHECK(plan_reason_name(PlanReason::no_credits) == "no-credits");
  CHECK(plan_reason_name(PlanReason::free_path) == "free-path");
  CHECK(plan_reason_name(PlanReason::replied) == "replied");
  CHECK(plan_reason_name(PlanReason::invite_stale) == "invite-stale");
  CHECK(plan_reason_name(PlanReason::follow_up) == "follow-up");
  CHECK(plan_reason_name(PlanReason::no_reply) == "no-reply");
  CHECK(plan_reason_name(PlanReason::deadline_passed) == "deadline-passed");
  CHECK(plan_reason_name(PlanReason::beyond_horizon) == "beyond-horizon");
  CHECK(plan_reason_name(PlanReason::no_second_inmail) == "no-second-inmail");
  // Every reason, each with a name of its own.
  std::set<std::string_view> names;
  for (const PlanReason reason : plan_reasons()) names.insert(plan_reason_name(reason));
  CHECK(names.size() == plan_reasons().size());
  CHECK(plan_reason_name(PlanReason::excluded) == "excluded");
  CHECK(plan_reasons().size() == 20);
}

TEST_CASE("candidates rank by priority, deadline, mutual connections, id", "[plan][rank]") {
  const auto key = [](double priority, std::optional<Date> deadline, std::int32_t mutual) {
    return RankKey{priority, mutual, RankKey::deadline_days(deadline), 0};
  };
  std::vector<std::pair<RankKey, std::string>> keys = {
      {key(1, std::nullopt, 0), "z"},         // lowest priority
      {key(5, std::nullopt, 3), "e"},         // no deadline: after any deadline
      {key(5, day("2026-03-20"), 0), "d"},    // later deadline
      {key(5, day("2026-03-10"), 1), "c"},    // earliest deadline, fewer mutuals
      {key(5, day("2026-03-10"), 9), "b"},    // earliest deadline, more mutuals
      {key(5, day("2026-03-10"), 9), "a"},    // same again: the id decides
      {key(7.5, std::nullopt, 0), "y"},       // highest priority
      {key(-2, day("2026-03-03"), 99), "x"},  // negative priority: last
  };
  std::sort(keys.begin(), keys.end(), [](const auto& a, const auto& b) {
    const int rank = compare_ranks(a.first, b.first);
    return rank != 0 ? rank < 0 : a.second < b.second;
  });
  std::string ids;
  for (const auto& [_, id] : keys) ids += id;
  CHECK(ids == "yabcdezx");
  CHECK(compare_ranks(keys[1].first, keys[2].first) == 0);
  CHECK(compare_ranks(keys[0].first, keys[1].first) < 0);
  CHECK(compare_ranks(keys[1].first, keys[0].first) > 0);
}

TEST_CASE("id prefixes order ids as bytes do, as far as they go", "[plan][rank]") {
  const auto prefix = [](std::string_view id) {
    RankKey key;
    key.set_id_prefix(id);
    return std::pair{key.id_head, key.id_tail};
  };
  const std::vector<std::string> ids = {
      "",          "a",         "ab",       "abc",          "b",           "p-0000009",
      "p-0000010", "z\xc3\xa9", "\xc3\xa9", "0123456789ab", "0123456789ac"};
  for (const auto& a : ids)
    for (const auto& b : ids) {
      INFO(a << " vs " << b);
      CHECK((prefix(a) < prefix(b)) == (a < b));
    }
  // Beyond 12 bytes the prefixes tie and the ids themselves decide.
  CHECK(prefix("0123456789ab-x") == prefix("0123456789ab-y"));
}

TEST_CASE("the thread decides before the table: states of SPEC §10", "[plan][decision]") {
  const Prospect p = prospect("a");
  // A follow-up is a message, at its earliest day.
  const Decision follow_up = decide_with(p, {event("2026-02-01", EventType::invite_sent, "a"),
                                             event("2026-02-03", EventType::invite_accepted, "a"),
                                             event("2026-02-04", EventType::message_sent, "a")});
  CHECK(channel_of(follow_up) == "message");
  CHECK(reason_of(follow_up) == "follow-up");
  CHECK(follow_up.followup == 1);
  CHECK(follow_up.earliest == day("2026-02-11"));
  // A message after an acceptance waits a day.
  const Decision accepted = decide_with(p, {event("2026-03-01", EventType::invite_sent, "a"),
                                            event("2026-03-02", EventType::invite_accepted, "a")});
  CHECK(reason_of(accepted) == "connected");
  CHECK(accepted.earliest == day("2026-03-03"));
  // The thread's states come before a deadline already past.
  Prospect late = prospect("a");
  late.deadline = start - date::days{5};
  CHECK(reason_of(decide_with(late, {event("2026-02-20", EventType::invite_sent, "a")})) ==
        "in-progress");
  // A withdrawal: the table, with the invitation locked for three weeks.
  const Decision withdrawn =
      decide_with(p, {event("2026-02-20", EventType::invite_sent, "a"),
                      event("2026-02-25", EventType::invite_withdrawn, "a")});
  CHECK(channel_of(withdrawn) == "connect");
  CHECK(withdrawn.earliest == day("2026-03-18"));
}

TEST_CASE("no second InMail without a reply, even in a new campaign", "[plan][decision]") {
  // An InMail 200 days before the start, never answered: the thread is over, but the InMail
  // rule still holds, so an Open Profile or a candidate gets a connection request.
  const std::vector<LedgerEvent> ledger = {event("2025-08-14", EventType::inmail_sent, "a")};
  Prospect open = prospect("a");
  open.open_profile = true;
  CHECK(channel_of(decide_with(open, ledger)) == "connect");
  CHECK(reason_of(decide_with(open, ledger)) == "no-second-inmail");
  Prospect recruit = prospect("a");
  recruit.goal = Goal::recruiting;
  CHECK(reason_of(decide_with(recruit, ledger)) == "no-second-inmail");
  CHECK_FALSE(decide_with(recruit, ledger).needs_credit);
  // Answered then: a new InMail may go.
  const std::vector<LedgerEvent> answered = {event("2025-08-14", EventType::inmail_sent, "a"),
                                             event("2025-08-20", EventType::reply, "a")};
  CHECK(reason_of(decide_with(recruit, answered)) == "recruiting");
  // A free path is not changed by it.
  CHECK(reason_of(decide_with(prospect("a"), ledger)) == "free-path");
}

TEST_CASE("excluded comes first of all, before do-not-contact", "[plan][decision]") {
  Prospect p = prospect("a");
  p.do_not_contact = true;
  p.degree = 1;
  const Rules& rules = Rules::builtin();
  const Threads threads({}, start, rules.sequence.recontact_after_days);
  const ThreadVerdict verdict =
      judge_thread(threads.of(p.id), true, start, rules.sequence, rules.refund_window_days);
  const Decision d = decide(p, verdict, start, rules, true);
  CHECK(channel_of(d) == "skip");
  CHECK(reason_of(d) == "excluded");
  CHECK(reason_of(decide(p, verdict, start, rules, false)) == "do-not-contact");
  CHECK(plan_reason_name(PlanReason::excluded) == "excluded");
}
