// The agenda (SPEC §10): every action the ledger makes due, overdue items, and a plan's sends on
// the agenda's days, with fixed dates.
#include "outreach/agenda.hpp"

#include <catch2/catch.hpp>

#include "ledger_fixtures.hpp"
#include "outreach/rules.hpp"

using namespace outreach;
using outreach::testing::day;
using outreach::testing::events;

namespace {

AgendaConfig config(const char* first_day, int days = 1, const char* zone = "UTC") {
  AgendaConfig c;
  c.first_day = day(first_day);
  c.days = days;
  c.sequence = Rules::builtin().sequence;
  c.refund_window_days = Rules::builtin().refund_window_days;
  c.zone = find_time_zone(zone, "test");
  return c;
}

// "2026-12-02 follow-up a follow-up-1 due 2026-12-02": what a test compares, one line an item.
std::string line(const AgendaItem& item) {
  std::string text = format_date(item.date) + " " + std::string(agenda_action_name(item.action)) +
                     " " + item.prospect + " " + std::string(plan_reason_name(item.reason));
  if (!item.step.empty()) text += " " + item.step;
  text += " due " + format_date(item.due);
  if (item.overdue) text += " overdue";
  if (item.at) text += " at " + format_instant(*item.at, date::locate_zone("UTC"));
  return text;
}

std::vector<std::string> lines(const Agenda& agenda) {
  std::vector<std::string> out;
  for (const AgendaItem& item : agenda.items) out.push_back(line(item));
  return out;
}

date::sys_seconds instant(const char* day_text, int hour, int minute, const char* zone) {
  return start_of_day(day(day_text), find_time_zone(zone, "test")) + std::chrono::hours{hour} +
         std::chrono::minutes{minute};
}

PlannedProspect row(std::string id, PlanChannel channel, PlanReason reason,
                    std::optional<date::sys_seconds> at, const char* zone = "Europe/Paris") {
  PlannedProspect r;
  r.id = std::move(id);
  r.channel = channel;
  r.reason = reason;
  r.send_at = at;
  r.zone = find_time_zone(zone, "test");
  return r;
}

}  // namespace

TEST_CASE("agenda actions have their SPEC names", "[agenda]") {
  CHECK(agenda_action_name(AgendaAction::connect) == "connect");
  CHECK(agenda_action_name(AgendaAction::message) == "message");
  CHECK(agenda_action_name(AgendaAction::follow_up) == "follow-up");
  CHECK(agenda_action_name(AgendaAction::inmail) == "inmail");
  CHECK(agenda_action_name(AgendaAction::withdraw) == "withdraw");
}

TEST_CASE("an empty ledger and no plan: nothing to do", "[agenda]") {
  const Agenda agenda = build_agenda({}, config("2026-12-02", 7));
  CHECK(agenda.items.empty());
  CHECK(agenda.first_day == day("2026-12-02"));
  CHECK(agenda.last_day == day("2026-12-08"));
  CHECK_FALSE(agenda.plan_start);
}

TEST_CASE("the ledger alone: every action it makes due, on its day or overdue", "[agenda]") {
  const auto ledger = events({
      // accepted on 11-30: the first message is due a day later, so overdue on 12-02
      "2026-11-10 invite_sent accepted",
      "2026-11-30 invite_accepted accepted",
      // accepted on 12-01: due on 12-02 itself
      "2026-11-20 invite_sent accepted-yesterday",
      "2026-12-01 invite_accepted accepted-yesterday",
      // one message on 11-25: follow-up 1 due on 12-02
      "2026-11-25 message_sent once",
      // two messages: follow-up 2 due 7 days after the second, 11-27: overdue
      "2026-11-10 message_sent twice",
      "2026-11-20 message_sent twice",
      // three messages: the follow-ups are used up, nothing more
      "2026-10-01 message_sent done",
      "2026-10-10 message_sent done",
      "2026-10-20 message_sent done",
      // an invitation pending since 11-01 is stale since 11-22: withdraw, overdue
      "2026-11-01 invite_sent stale",
      // pending since 11-15: stale on 12-06, inside a week but not today
      "2026-11-15 invite_sent soon-stale",
      // a reply, a declined InMail, an InMail inside its window: a person or LinkedIn decides
      "2026-11-20 message_sent answered",
      "2026-11-21 reply answered",
      "2026-11-20 inmail_sent refused",
      "2026-11-22 inmail_declined refused",
      "2026-11-20 inmail_sent waiting",
      // a withdrawn invitation: the plan's table decides when to invite again, not the ledger
      "2026-11-01 invite_sent withdrawn",
      "2026-11-20 invite_withdrawn withdrawn",
      // an old thread is no thread
      "2026-01-05 message_sent forgotten",
      // events after the agenda's first day do not count yet
      "2026-12-05 message_sent later",
  });
  SECTION("one day") {
    CHECK(lines(build_agenda(ledger, config("2026-12-02"))) ==
          std::vector<std::string>{
              "2026-12-02 withdraw stale invite-stale due 2026-11-22 overdue",
              "2026-12-02 follow-up twice follow-up follow-up-2 due 2026-11-27 overdue",
              "2026-12-02 message accepted connected first due 2026-12-01 overdue",
              "2026-12-02 message accepted-yesterday connected first due 2026-12-02",
              "2026-12-02 follow-up once follow-up follow-up-1 due 2026-12-02",
          });
  }
  SECTION("a week: what falls due later is listed on its day, nothing twice") {
    CHECK(lines(build_agenda(ledger, config("2026-12-02", 7))) ==
          std::vector<std::string>{
              "2026-12-02 withdraw stale invite-stale due 2026-11-22 overdue",
              "2026-12-02 follow-up twice follow-up follow-up-2 due 2026-11-27 overdue",
              "2026-12-02 message accepted connected first due 2026-12-01 overdue",
              "2026-12-02 message accepted-yesterday connected first due 2026-12-02",
              "2026-12-02 follow-up once follow-up follow-up-1 due 2026-12-02",
              "2026-12-06 withdraw soon-stale invite-stale due 2026-12-06",
          });
  }
  SECTION("the thresholds are the account's sequence") {
    AgendaConfig c = config("2026-12-02");
    c.sequence.followup_after_days = 3;   // due 11-28 instead of 12-02
    c.sequence.withdraw_after_days = 17;  // soon-stale: due 12-02 instead of 12-06
    const auto found = lines(build_agenda(ledger, c));
    CHECK(std::find(found.begin(), found.end(),
                    "2026-12-02 follow-up once follow-up follow-up-1 due 2026-11-28 overdue") !=
          found.end());
    CHECK(std::find(found.begin(), found.end(),
                    "2026-12-02 withdraw soon-stale invite-stale due 2026-12-02") != found.end());
  }
}

TEST_CASE("a plan's sends on the agenda's days, in the account's calendar", "[agenda]") {
  const auto ledger = events({
      "2026-11-20 message_sent late",       // follow-up 1 due 11-27: overdue
      "2026-11-01 invite_sent stale",       // withdraw, the plan says skip invite-stale
      "2026-11-25 message_sent pushed",     // due 12-02, but the plan sends it on 12-04
      "2026-11-25 message_sent unplanned",  // not in the prospect list: the ledger's item stays
  });
  PlanResult plan;
  plan.summary.start_at = start_of_day(day("2026-12-02"), find_time_zone("Europe/Paris", "t"));
  plan.prospects.push_back(row("p-connect", PlanChannel::connect, PlanReason::hard_to_connect,
                               instant("2026-12-02", 9, 0, "Europe/Paris")));
  PlannedProspect inmail = row("p-inmail", PlanChannel::inmail, PlanReason::time_sensitive,
                               instant("2026-12-02", 9, 2, "America/New_York"), "America/New_York");
  inmail.cost = 1;
  auto draft = std::make_shared<RowExtras>();
  draft->subject = "Quick question";
  draft->body = "Hi Ana";
  inmail.extras = draft;
  plan.prospects.push_back(inmail);
  PlannedProspect late = row("late", PlanChannel::message, PlanReason::follow_up,
                             instant("2026-12-02", 10, 0, "Europe/Paris"));
  late.followup = 1;
  plan.prospects.push_back(late);
  PlannedProspect pushed = row("pushed", PlanChannel::message, PlanReason::follow_up,
                               instant("2026-12-04", 9, 0, "Europe/Paris"));
  pushed.followup = 1;
  plan.prospects.push_back(pushed);
  plan.prospects.push_back(row("stale", PlanChannel::skip, PlanReason::invite_stale, std::nullopt));
  // Thursday 09:00 in Sydney is Wednesday 23:00 in Paris: listed on Wednesday.
  plan.prospects.push_back(row("p-sydney", PlanChannel::connect, PlanReason::free_path,
                               instant("2026-12-03", 9, 0, "Australia/Sydney"),
                               "Australia/Sydney"));
  plan.prospects.push_back(row("p-tomorrow", PlanChannel::connect, PlanReason::free_path,
                               instant("2026-12-03", 9, 0, "Europe/Paris")));
  plan.prospects.push_back(
      row("p-ad", PlanChannel::message_ad, PlanReason::marketing, std::nullopt));

  SECTION("one day") {
    const Agenda agenda = build_agenda(ledger, config("2026-12-02", 1, "Europe/Paris"), &plan);
    CHECK(lines(agenda) ==
          std::vector<std::string>{
              "2026-12-02 connect p-connect hard-to-connect first due 2026-12-02 at "
              "2026-12-02T08:00:00+00:00",
              "2026-12-02 follow-up late follow-up follow-up-1 due 2026-11-27 overdue at "
              "2026-12-02T09:00:00+00:00",
              "2026-12-02 inmail p-inmail time-sensitive first due 2026-12-02 at "
              "2026-12-02T14:02:00+00:00",
              "2026-12-02 connect p-sydney free-path first due 2026-12-02 at "
              "2026-12-02T22:00:00+00:00",
              "2026-12-02 withdraw stale invite-stale due 2026-11-22 overdue",
              "2026-12-02 follow-up unplanned follow-up follow-up-1 due 2026-12-02",
          });
    REQUIRE(agenda.plan_start);
    const AgendaItem& sent = agenda.items[2];
    CHECK(sent.cost == 1);
    CHECK(sent.zone->name() == "America/New_York");
    REQUIRE(sent.draft);
    CHECK(*sent.draft->subject == "Quick question");
    CHECK_FALSE(agenda.items[0].draft);  // no template: nothing rendered
  }
  SECTION("three days: the plan's later sends, never the ledger's copy of them") {
    const auto found = lines(build_agenda(ledger, config("2026-12-02", 3, "Europe/Paris"), &plan));
    CHECK(found.size() == 8);
    CHECK(found[6] ==
          "2026-12-03 connect p-tomorrow free-path first due 2026-12-03 at "
          "2026-12-03T08:00:00+00:00");
    CHECK(found[7] ==
          "2026-12-04 follow-up pushed follow-up follow-up-1 due 2026-12-02 at "
          "2026-12-04T08:00:00+00:00");
  }
}
