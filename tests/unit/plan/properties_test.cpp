// The planner's promises over many prospects and a random ledger (SPEC §10): no send outside
// the prospect's hours, none before the start or after the horizon, none to a prospect whose
// thread says skip, the weekly and daily limits kept, the gap kept, no send on a blackout day.
#include <algorithm>
#include <map>
#include <random>
#include <set>

#include <fmt/format.h>
#include <catch2/catch.hpp>

#include "outreach/plan.hpp"
#include "outreach/thread_pool.hpp"
#include "plan/threads.hpp"

using namespace outreach;

namespace {

Date day(const char* text) { return *parse_iso_date(text); }

struct World {
  PlanConfig config;
  std::vector<Prospect> prospects;
};

World random_world(unsigned seed, std::size_t count) {
  std::mt19937 random(seed);
  const auto pick = [&](int n) { return std::uniform_int_distribution<int>(0, n - 1)(random); };
  const Rules& rules = Rules::builtin();
  World w;
  Account& a = w.config.account;
  a = default_account(rules);
  a.origin = "account.json";
  a.plan = "sales-navigator-core";
  a.plan_start = day("2026-01-15");
  a.zone = date::locate_zone("America/New_York");
  a.weekly_invite_limit = 30 + pick(40);
  a.sequence.daily_message_limit = 20 + pick(40);
  a.sequence.min_send_gap_minutes = 1 + pick(4);
  a.blackout.ranges = {{day("2026-12-24"), day("2026-12-26")},
                       {day("2027-01-01"), day("2027-01-01")}};
  w.config.rules = &rules;
  w.config.start = day("2026-12-02");
  w.config.start_at = zoned_instant(w.config.start, 14 * 60 + 17, a.zone);  // now: 14:17
  w.config.until = day("2027-01-10");  // five weeks and a half: not enough for every prospect

  static const char* const zones[] = {"America/New_York", "America/Los_Angeles", "Europe/London",
                                      "Asia/Kolkata",     "Australia/Sydney",    "Pacific/Honolulu",
                                      "Pacific/Apia",     "Asia/Tokyo"};
  for (std::size_t i = 0; i < count; ++i) {
    Prospect p;
    p.id = fmt::format("p-{:05}", i);
    p.position = i;
    const int degree = pick(4);
    p.degree = degree == 0 ? std::nullopt : std::optional<int>(degree);
    p.open_profile = pick(8) == 0;
    p.accepts_inmail = pick(10) != 0;
    p.rarely_accepts = pick(12) == 0;
    p.goal = static_cast<Goal>(pick(4));
    p.priority = pick(5);
    p.mutual_connections = pick(30);
    p.do_not_contact = pick(40) == 0;
    if (pick(6) == 0) p.deadline = w.config.start + date::days{pick(60) - 10};
    if (pick(3) != 0) p.zone = date::locate_zone(zones[pick(8)]);
    p.fields = {{"id", p.id}};
    w.prospects.push_back(std::move(p));
  }
  // A ledger over the last 200 days, in no particular order, some events on the start day.
  static const EventType types[] = {EventType::invite_sent,      EventType::invite_accepted,
                                    EventType::invite_withdrawn, EventType::message_sent,
                                    EventType::inmail_sent,      EventType::reply,
                                    EventType::inmail_declined};
  for (std::size_t i = 0; i < count; ++i) {
    const Date when = w.config.start - date::days{pick(200)};
    const EventType type = types[pick(7)];
    w.config.ledger.push_back(LedgerEvent{when, type,
                                          fmt::format("p-{:05}", pick(static_cast<int>(count))),
                                          type == EventType::inmail_sent && pick(3) == 0, 0});
  }
  return w;
}

// Local minutes after midnight and weekday of an instant in a zone.
std::pair<int, int> clock_and_weekday(date::sys_seconds at, const date::time_zone* zone) {
  const auto local = zone->to_local(at);
  const auto midnight = date::floor<date::days>(local);
  return {static_cast<int>((local - midnight) / std::chrono::minutes(1)),
          weekday_of(Date{midnight.time_since_epoch()})};
}

}  // namespace

TEST_CASE("over thousands of prospects and a random ledger, every rule of the plan holds",
          "[plan][properties]") {
  ThreadPool pool(2);
  for (const unsigned seed : {1U, 2U, 3U}) {
    INFO("seed " << seed);
    World w = random_world(seed, 3000);
    const PlanConfig config = w.config;
    const std::vector<Prospect> originals = w.prospects;  // the planner moves from what it adds
    Planner planner(w.config, &pool);
    planner.add(std::span<Prospect>(w.prospects));
    const PlanResult plan = planner.finish();
    REQUIRE(plan.prospects.size() == 3000);

    const Account& a = config.account;
    const Rules& rules = *config.rules;
    const Threads threads(config.ledger, config.start, a.sequence.recontact_after_days);
    const auto horizon = start_of_day(*config.until + date::days{1}, a.zone);
    std::map<Date, int> invitations, messages;
    std::vector<date::sys_seconds> sends;
    std::set<std::string> groups_seen;
    for (std::size_t i = 0; i < plan.prospects.size(); ++i) {
      const PlannedProspect& row = plan.prospects[i];
      const Prospect& p = originals[i];
      INFO(row.id << " " << plan_channel_name(row.channel) << " " << plan_reason_name(row.reason));
      CHECK(row.id == p.id);
      // What the thread says, the row does.
      const ThreadVerdict verdict = judge_thread(threads.of(p.id), p.degree == 1, config.start,
                                                 a.sequence, rules.refund_window_days);
      if (p.do_not_contact) CHECK(row.reason == PlanReason::do_not_contact);
      if (!p.do_not_contact && verdict.kind == ThreadVerdict::Kind::skip) {
        CHECK(row.channel == PlanChannel::skip);
        CHECK(row.reason == verdict.reason);
      }
      if (!p.do_not_contact && verdict.kind == ThreadVerdict::Kind::message &&
          row.channel == PlanChannel::message && verdict.earliest)
        CHECK(local_date(*row.send_at, a.zone) >= *verdict.earliest);
      if (verdict.inmail_blocked) CHECK(row.channel != PlanChannel::inmail);
      if (row.channel == PlanChannel::skip || row.channel == PlanChannel::message_ad) {
        CHECK_FALSE(row.send_at);
        continue;
      }
      REQUIRE(row.send_at);
      const date::sys_seconds at = *row.send_at;
      CHECK(at >= *config.start_at);
      CHECK(at < horizon);
      CHECK_FALSE(a.blackout.contains(local_date(at, a.zone)));
      // Inside the recipient's business hours and days (a group's are the account's).
      const date::time_zone* zone =
          !row.group.empty() ? a.zone : (p.zone != nullptr ? p.zone : a.zone);
      const auto [minutes, weekday] = clock_and_weekday(at, zone);
      CHECK(minutes >= a.business_hours.start_minute);
      CHECK(minutes < a.business_hours.end_minute);
      const std::vector<int>& days = row.channel == PlanChannel::inmail ? a.business_hours.days
                                     : row.channel == PlanChannel::connect
                                         ? rules.plan.invite_days
                                         : rules.plan.message_days;
      CHECK(std::find(days.begin(), days.end(), weekday) != days.end());
      if (row.channel == PlanChannel::connect) ++invitations[local_date(at, a.zone)];
      if (row.channel == PlanChannel::message &&
          (row.group.empty() || groups_seen.insert(row.group.str()).second)) {
        ++messages[local_date(at, a.zone)];
        sends.push_back(at);
      } else if (row.channel != PlanChannel::message) {
        sends.push_back(at);
      }
    }
    // The limits, the ledger's own sends included.
    for (const auto& [d, count] : messages)
      CHECK(count + threads.messages_on(d) <= a.sequence.daily_message_limit);
    for (Date first = config.start - date::days{6}; first <= *config.until;
         first += date::days{1}) {
      int total = 0;
      for (int k = 0; k < 7; ++k) {
        const Date d = first + date::days{k};
        total += threads.invitations_on(d) + (invitations.count(d) ? invitations[d] : 0);
      }
      INFO("7 days from " << format_date(first));
      CHECK(total <= a.weekly_invite_limit);
    }
    // No two sends of the account closer than the gap.
    std::sort(sends.begin(), sends.end());
    for (std::size_t k = 1; k < sends.size(); ++k)
      CHECK(sends[k] - sends[k - 1] >= std::chrono::minutes(a.sequence.min_send_gap_minutes));
    CHECK(plan.summary.count_beyond_horizon > 0);  // the list is longer than the horizon holds
  }
}
