// The account's send calendar: every rule of SPEC §10 "Send times" on its own.
#include "plan/send_calendar.hpp"

#include <map>
#include <set>

#include <catch2/catch.hpp>

using namespace outreach;

namespace {

Date day(const char* text) { return *parse_iso_date(text); }

const date::time_zone* zone(const char* name) { return date::locate_zone(name); }

const date::time_zone* new_york() { return zone("America/New_York"); }

// The builtin rules for an account in New York: connect and message Monday to Friday, InMail
// Tuesday to Thursday, 09:00–17:00 in the recipient's zone.
SendRules rules_for(int weekly_limit = 100, int daily_messages = 100, int gap = 2) {
  SendRules rules;
  rules.gap_minutes = gap;
  rules.inmail_spacing_minutes = 15;
  const std::vector<int> weekdays = {1, 2, 3, 4, 5};
  rules.hours[0] = BusinessHours{weekdays, 9 * 60, 17 * 60};
  rules.hours[1] = BusinessHours{weekdays, 9 * 60, 17 * 60};
  rules.hours[2] = BusinessHours{{2, 3, 4}, 9 * 60, 17 * 60};
  rules.invitations = InvitePolicy{weekly_limit, 7, weekdays};
  rules.daily_message_limit = daily_messages;
  return rules;
}

// A calendar from Monday 2026-03-02 00:00 New York for `days` days.
SendCalendar calendar(SendRules rules = rules_for(), int days = 91, Date first = day("2026-03-02"),
                      const date::time_zone* account = new_york()) {
  return SendCalendar(start_of_day(first, account), start_of_day(first + date::days{days}, account),
                      account, std::move(rules));
}

std::string local(SendCalendar& c, SendCalendar::Minute m, const date::time_zone* z) {
  return format_instant(c.instant(m), z);
}

// Places `count` sends of a kind to a zone, each at its earliest minute; returns them.
std::vector<SendCalendar::Minute> place(SendCalendar& c, SendKind kind, const date::time_zone* z,
                                        int count, SendCalendar::Minute from = 0) {
  std::vector<SendCalendar::Minute> out;
  for (int i = 0; i < count; ++i) {
    const auto m = c.earliest(kind, z, from, c.end());
    if (!m) break;
    c.take(kind, *m);
    out.push_back(*m);
  }
  return out;
}

// The local time in `z` of a minute, in minutes after midnight, and its weekday.
std::pair<int, int> clock_and_weekday(SendCalendar& c, SendCalendar::Minute m,
                                      const date::time_zone* z) {
  const auto local_time = z->to_local(c.instant(m));
  const auto midnight = date::floor<date::days>(local_time);
  const int minutes = static_cast<int>((local_time - midnight) / std::chrono::minutes(1));
  return {minutes, weekday_of(Date{midnight.time_since_epoch()})};
}

}  // namespace

TEST_CASE("sends go out in the recipient's business hours and days", "[plan][calendar]") {
  SendCalendar c = calendar(rules_for(), 91, day("2026-03-01"));  // from Sunday midnight
  // Monday 09:00 New York for a message; an InMail waits for Tuesday.
  CHECK(local(c, *c.earliest(SendKind::message, new_york(), 0, c.end()), new_york()) ==
        "2026-03-02T09:00:00-05:00");
  CHECK(local(c, *c.earliest(SendKind::inmail, new_york(), 0, c.end()), new_york()) ==
        "2026-03-03T09:00:00-05:00");
  // Every zone's own 09:00, far from the account's: Kolkata's is Sunday night in New York.
  for (const char* name :
       {"Asia/Kolkata", "Australia/Sydney", "Pacific/Honolulu", "Europe/Paris"}) {
    INFO(name);
    const auto m = *c.earliest(SendKind::connect, zone(name), 0, c.end());
    const auto [minutes, weekday] = clock_and_weekday(c, m, zone(name));
    CHECK(minutes == 9 * 60);
    CHECK(weekday >= 1);
    CHECK(weekday <= 5);
  }
  CHECK(local(c, *c.earliest(SendKind::connect, zone("Asia/Kolkata"), 0, c.end()),
              zone("Asia/Kolkata")) == "2026-03-02T09:00:00+05:30");
  CHECK(local(c, *c.earliest(SendKind::connect, zone("Pacific/Honolulu"), 0, c.end()),
              zone("Pacific/Honolulu")) == "2026-03-02T09:00:00-10:00");
}

TEST_CASE("no two sends of the account are closer than the gap, whatever their zones",
          "[plan][calendar]") {
  SendCalendar c = calendar();
  const auto a = place(c, SendKind::message, new_york(), 3);
  CHECK(a == std::vector<SendCalendar::Minute>{a[0], a[0] + 2, a[0] + 4});
  // Chicago's 09:00 is 10:00 in New York: free. A Toronto send at New York's 09:00 is not.
  const auto toronto = *c.earliest(SendKind::connect, zone("America/Toronto"), 0, c.end());
  CHECK(toronto == a[0] + 6);
  std::set<SendCalendar::Minute> all(a.begin(), a.end());
  for (const auto m : place(c, SendKind::connect, zone("America/Chicago"), 20)) all.insert(m);
  for (const auto m : place(c, SendKind::connect, new_york(), 15)) all.insert(m);
  SendCalendar::Minute previous = -100;
  for (const auto m : all) {
    CHECK(m - previous >= 2);
    previous = m;
  }
}

TEST_CASE("InMails keep their spacing; other sends fit between them", "[plan][calendar]") {
  SendCalendar c = calendar();
  const auto inmails = place(c, SendKind::inmail, new_york(), 33);
  CHECK(local(c, inmails[0], new_york()) == "2026-03-03T09:00:00-05:00");
  CHECK(inmails[1] - inmails[0] == 15);
  // 32 a day from 09:00 to 16:45; the 33rd the next day.
  CHECK(local(c, inmails[31], new_york()) == "2026-03-03T16:45:00-05:00");
  CHECK(local(c, inmails[32], new_york()) == "2026-03-04T09:00:00-05:00");
  // A message on Tuesday takes the first minute the gap leaves.
  const auto message = *c.earliest(SendKind::message, new_york(), inmails[0], c.end());
  CHECK(message == inmails[0] + 2);
}

TEST_CASE("local times hold across a daylight-saving change", "[plan][calendar]") {
  SendCalendar c = calendar();  // US clocks go forward on Sunday 2026-03-08
  const auto before = place(c, SendKind::inmail, new_york(), 32 * 3);
  const auto after = *c.earliest(SendKind::inmail, new_york(), before.back(), c.end());
  CHECK(local(c, after, new_york()) == "2026-03-10T09:00:00-04:00");
  // Europe changes three weeks later: Paris's 09:00 stays 09:00.
  const auto paris =
      *c.earliest(SendKind::message, zone("Europe/Paris"),
                  c.minute_at_or_after(start_of_day(day("2026-03-30"), new_york())), c.end());
  CHECK(local(c, paris, zone("Europe/Paris")) == "2026-03-30T09:00:00+02:00");
}

TEST_CASE("nothing before the start, nothing at or after the horizon", "[plan][calendar]") {
  // Starting at 20:01 on a Wednesday: today's hours are over.
  const auto start = zoned_instant(day("2026-03-04"), 20 * 60 + 1, new_york());
  SendCalendar c(start, start_of_day(day("2026-03-06"), new_york()), new_york(), rules_for());
  CHECK(local(c, *c.earliest(SendKind::message, new_york(), 0, c.end()), new_york()) ==
        "2026-03-05T09:00:00-05:00");
  // Starting at 10:30: 10:30 is the first minute.
  const auto mid = zoned_instant(day("2026-03-04"), 10 * 60 + 30, new_york());
  SendCalendar d(mid, start_of_day(day("2026-03-06"), new_york()), new_york(), rules_for());
  CHECK(local(d, *d.earliest(SendKind::message, new_york(), 0, d.end()), new_york()) ==
        "2026-03-04T10:30:00-05:00");
  // The horizon ends Thursday night: an InMail from Thursday's last slot has nowhere to go.
  const auto inmails = place(c, SendKind::inmail, new_york(), 40);
  CHECK(inmails.size() == 32);
  CHECK_FALSE(c.earliest(SendKind::inmail, new_york(), 0, c.end()));
  // A bound before the horizon (a deadline) is kept too.
  SendCalendar e = calendar();
  CHECK_FALSE(e.earliest(SendKind::inmail, new_york(), 0,
                         e.minute_at_or_after(start_of_day(day("2026-03-03"), new_york()))));
}

TEST_CASE("connection requests: an even share a day under the rolling weekly limit",
          "[plan][calendar]") {
  SendCalendar c = calendar(rules_for(100));
  const auto sent = place(c, SendKind::connect, new_york(), 150);
  std::map<Date, int> per_day;
  for (const auto m : sent) ++per_day[c.day_of(m)];
  // ceil(100 / 5) = 20 a working day, Monday to Friday, 100 a week.
  CHECK(per_day[day("2026-03-02")] == 20);
  CHECK(per_day[day("2026-03-06")] == 20);
  CHECK(per_day.count(day("2026-03-07")) == 0);
  CHECK(per_day[day("2026-03-09")] == 20);
  CHECK(c.invitation_days().front() == std::pair{day("2026-03-02"), 20});
}

TEST_CASE("the rolling window counts the ledger's recent invitations", "[plan][calendar]") {
  SendRules rules = rules_for(100);
  // 90 sent over the last six days before the start.
  rules.invitations_sent = [](Date d) {
    return d >= day("2026-02-24") && d <= day("2026-02-27") ? 22 : d == day("2026-03-01") ? 2 : 0;
  };
  SendCalendar c = calendar(std::move(rules));
  const auto sent = place(c, SendKind::connect, new_york(), 30);
  std::map<Date, int> per_day;
  for (const auto m : sent) ++per_day[c.day_of(m)];
  // 90 in the 7 days that end on Monday leave room for 10 (the 24th drops out on Tuesday).
  CHECK(per_day[day("2026-03-02")] == 10);
  CHECK(per_day[day("2026-03-03")] == 20);
  // Any 7 consecutive days hold at most 100.
  for (Date first = day("2026-02-24"); first <= day("2026-03-10"); first += date::days{1}) {
    int total = 0;
    for (int k = 0; k < 7; ++k) {
      const Date d = first + date::days{k};
      total += per_day.count(d) ? per_day[d] : 0;
      total += d >= day("2026-02-24") && d <= day("2026-02-27") ? 22
               : d == day("2026-03-01")                         ? 2
                                                                : 0;
    }
    CHECK(total <= 100);
  }
}

TEST_CASE("the daily message limit counts the ledger's messages of the day", "[plan][calendar]") {
  SendRules rules = rules_for(100, 5);
  rules.messages_sent = [](Date d) { return d == day("2026-03-02") ? 3 : 0; };
  SendCalendar c = calendar(std::move(rules));
  const auto sent = place(c, SendKind::message, new_york(), 8);
  std::map<Date, int> per_day;
  for (const auto m : sent) ++per_day[c.day_of(m)];
  CHECK(per_day[day("2026-03-02")] == 2);
  CHECK(per_day[day("2026-03-03")] == 5);
  CHECK(per_day[day("2026-03-04")] == 1);
  // InMails and invitations are not messages.
  CHECK(c.earliest(SendKind::inmail, new_york(), 0, c.end()));
  SendCalendar none = calendar(rules_for(100, 0));
  CHECK_FALSE(none.earliest(SendKind::message, new_york(), 0, none.end()));
}

TEST_CASE("blackout days of the account's zone get no sends", "[plan][calendar]") {
  SendRules rules = rules_for();
  rules.blackout.ranges = {{day("2026-03-02"), day("2026-03-02")},
                           {day("2026-03-04"), day("2026-03-05")}};
  SendCalendar c = calendar(std::move(rules));
  const auto sent = place(c, SendKind::inmail, new_york(), 33);
  CHECK(local(c, sent.front(), new_york()) == "2026-03-03T09:00:00-05:00");
  // Tuesday holds 32; Wednesday and Thursday are blacked out; the next is Tuesday the 10th.
  CHECK(local(c, sent.back(), new_york()) == "2026-03-10T09:00:00-04:00");
  // A recipient far away: a blackout day is the account's day, whatever the recipient's clock
  // says. Kolkata's Monday 09:00-10:30 is still Sunday in New York; from 10:30 it is Monday.
  SendRules far = rules_for();
  far.blackout.ranges = {{day("2026-03-02"), day("2026-03-02")}};
  SendCalendar k = calendar(std::move(far), 91, day("2026-03-01"));
  const auto kolkata = place(k, SendKind::message, zone("Asia/Kolkata"), 46);
  CHECK(local(k, kolkata[0], zone("Asia/Kolkata")) == "2026-03-02T09:00:00+05:30");
  CHECK(local(k, kolkata[44], zone("Asia/Kolkata")) == "2026-03-02T10:28:00+05:30");
  CHECK(local(k, kolkata[45], zone("Asia/Kolkata")) == "2026-03-03T10:30:00+05:30");
  for (const auto m : kolkata) CHECK(k.day_of(m) != day("2026-03-02"));
}

TEST_CASE("Pacific/Apia's skipped day holds no business hours", "[plan][calendar]") {
  // Samoa went from 2011-12-29 23:59:59 to 2011-12-31 00:00: Friday the 30th never happened.
  const auto* apia = zone("Pacific/Apia");
  SendCalendar c(start_of_day(day("2011-12-29"), apia), start_of_day(day("2012-01-10"), apia), apia,
                 rules_for());
  const auto sent = place(c, SendKind::connect, apia, 400);
  for (const auto m : sent) {
    const auto [minutes, weekday] = clock_and_weekday(c, m, apia);
    INFO(local(c, m, apia));
    CHECK(minutes >= 9 * 60);
    CHECK(minutes < 17 * 60);
    CHECK(weekday >= 1);
    CHECK(weekday <= 5);
  }
  // Thursday the 29th, then Monday 2 January 2012.
  CHECK(local(c, sent.front(), apia) == "2011-12-29T09:00:00-10:00");
  CHECK(local(c, sent[20], apia) == "2012-01-02T09:00:00+14:00");
}

TEST_CASE("the daily quota of invitations", "[plan][calendar]") {
  CHECK(daily_invitation_quota(InvitePolicy{100, 7, {1, 2, 3, 4, 5}}) == 20);
  CHECK(daily_invitation_quota(InvitePolicy{101, 7, {1, 2, 3, 4, 5}}) == 21);
  CHECK(daily_invitation_quota(InvitePolicy{7, 7, {0, 1, 2, 3, 4, 5, 6}}) == 1);
  CHECK(daily_invitation_quota(InvitePolicy{0, 7, {1}}) == 0);
  CHECK(daily_invitation_quota(InvitePolicy{10, 7, {}}) == 0);
}

TEST_CASE("invitations add up per week, weeks starting on Monday", "[plan][calendar]") {
  const auto weeks = invitations_per_week({{day("2026-03-02"), 20},
                                           {day("2026-03-06"), 20},
                                           {day("2026-03-09"), 5},
                                           {day("2026-03-15"), 1}});
  REQUIRE(weeks.size() == 2);
  CHECK(weeks[0] == std::pair{day("2026-03-02"), 40});
  CHECK(weeks[1] == std::pair{day("2026-03-09"), 6});
}
