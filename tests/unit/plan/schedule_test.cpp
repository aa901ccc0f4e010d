#include <map>

#include <catch2/catch.hpp>

#include "plan/invitations.hpp"
#include "plan/send_slots.hpp"

using namespace outreach;

namespace {

Date day(const char* text) { return *parse_iso_date(text); }

const date::time_zone* zone(const char* name) { return date::locate_zone(name); }

BusinessHours tue_to_thu() { return BusinessHours{{2, 3, 4}, 9 * 60, 17 * 60}; }

std::string at(const SendSlots& slots, std::int64_t slot, const char* zone_name) {
  return format_instant(slots.instant(slot), zone(zone_name));
}

InvitePolicy weekly(int limit) { return InvitePolicy{limit, 7, {1, 2, 3, 4, 5}}; }

std::map<Date, int> as_map(const std::vector<std::pair<Date, int>>& days) {
  return std::map<Date, int>(days.begin(), days.end());
}

// Every run of 7 consecutive days, history included, holds at most `limit` invitations.
void check_rolling_limit(const std::map<Date, int>& sent, int limit) {
  if (sent.empty()) return;
  for (Date first = sent.begin()->first - date::days{6}; first <= sent.rbegin()->first;
       first += date::days{1}) {
    int total = 0;
    for (int k = 0; k < 7; ++k) {
      const auto it = sent.find(first + date::days{k});
      if (it != sent.end()) total += it->second;
    }
    INFO("window from " << format_date(first));
    CHECK(total <= limit);
  }
}

}  // namespace

TEST_CASE("InMail slots: business days and hours of the recipient's zone", "[plan][schedule]") {
  const auto* ny = zone("America/New_York");
  SendSlots slots(zoned_instant(day("2026-03-02"), 0, ny), 15, tue_to_thu());  // Monday midnight
  const std::int64_t first = slots.first_free(ny, 0);
  CHECK(at(slots, first, "America/New_York") == "2026-03-03T09:00:00-05:00");
  // 32 slots a day from 09:00 to 16:45, 15 minutes apart.
  std::int64_t slot = first;
  for (int i = 0; i < 32; ++i) {
    slot = slots.first_free(ny, 0);
    slots.take(ny, slot);
  }
  CHECK(at(slots, slot, "America/New_York") == "2026-03-03T16:45:00-05:00");
  CHECK(at(slots, slots.first_free(ny, 0), "America/New_York") == "2026-03-04T09:00:00-05:00");
  // Usable ignores what is taken.
  CHECK(slots.first_usable(ny, 0) == first);
}

TEST_CASE("InMails keep 09:00 local across the daylight-saving change", "[plan][schedule]") {
  const auto* ny = zone("America/New_York");
  SendSlots slots(zoned_instant(day("2026-03-02"), 0, ny), 15, tue_to_thu());
  // Three business days of 32 slots fill the week of March 2; clocks go forward on March 8.
  std::vector<std::string> sends;
  for (int i = 0; i < 3 * 32 + 2; ++i) {
    const std::int64_t slot = slots.first_free(ny, 0);
    slots.take(ny, slot);
    sends.push_back(at(slots, slot, "America/New_York"));
  }
  CHECK(sends[0] == "2026-03-03T09:00:00-05:00");
  CHECK(sends[95] == "2026-03-05T16:45:00-05:00");
  CHECK(sends[96] == "2026-03-10T09:00:00-04:00");
  CHECK(sends[97] == "2026-03-10T09:15:00-04:00");
  // And back on November 1: 09:00 at -05:00 again.
  SendSlots autumn(zoned_instant(day("2026-10-26"), 0, ny), 15, tue_to_thu());
  CHECK(at(autumn, autumn.first_free(ny, 0), "America/New_York") == "2026-10-27T09:00:00-04:00");
  CHECK(at(autumn,
           autumn.first_free(ny, autumn.slot_at_or_after(zoned_instant(day("2026-11-02"), 0, ny))),
           "America/New_York") == "2026-11-03T09:00:00-05:00");
}

TEST_CASE("nothing is sent before the start's midnight in the account's zone", "[plan][schedule]") {
  // Account in Tokyo, start Wednesday 2026-03-04: its midnight is Tuesday 10:00 in New York,
  // inside business hours there, so the first New York slot is 10:00, not 09:00.
  const auto* tokyo = zone("Asia/Tokyo");
  const auto* ny = zone("America/New_York");
  SendSlots slots(zoned_instant(day("2026-03-04"), 0, tokyo), 15, tue_to_thu());
  CHECK(at(slots, slots.first_free(ny, 0), "America/New_York") == "2026-03-03T10:00:00-05:00");
  // In Tokyo itself the day starts at 09:00 on the start date.
  CHECK(at(slots, slots.first_free(tokyo, 0), "Asia/Tokyo") == "2026-03-04T09:00:00+09:00");
  // Account in Los Angeles, start Tuesday: Tokyo is at 17:00 by then, so Wednesday 09:00.
  const auto* la = zone("America/Los_Angeles");
  SendSlots west(zoned_instant(day("2026-03-03"), 0, la), 15, tue_to_thu());
  CHECK(at(west, west.first_free(tokyo, 0), "Asia/Tokyo") == "2026-03-04T09:00:00+09:00");
  CHECK(west.slot_at_or_after(zoned_instant(day("2026-03-01"), 0, la)) == 0);
}

TEST_CASE("a slot carries one InMail whatever the recipient's zone", "[plan][schedule]") {
  const auto* london = zone("Europe/London");
  const auto* lisbon = zone("Europe/Lisbon");  // the same offset as London
  SendSlots slots(zoned_instant(day("2026-03-02"), 0, london), 15, tue_to_thu());
  const std::int64_t first = slots.first_free(london, 0);
  slots.take(london, first);
  const std::int64_t second = slots.first_free(lisbon, 0);
  CHECK(second == first + 1);
  CHECK(at(slots, second, "Europe/Lisbon") == "2026-03-03T09:15:00+00:00");
  slots.take(lisbon, second);
  CHECK(slots.first_free(london, 0) == first + 2);
  // Searching from a later slot finds the first free one from there.
  CHECK(slots.first_free(london, first + 10) == first + 10);
}

TEST_CASE("connection requests: an even share a day, Monday to Friday", "[plan][schedule]") {
  const auto none = [](Date) { return 0; };
  const auto days = schedule_invitations(day("2026-03-02"), 45, weekly(100), none);
  REQUIRE(days.size() == 3);
  CHECK(days[0] == std::pair{day("2026-03-02"), 20});
  CHECK(days[1] == std::pair{day("2026-03-03"), 20});
  CHECK(days[2] == std::pair{day("2026-03-04"), 5});
  // A start on Saturday waits for Monday.
  const auto weekend = schedule_invitations(day("2026-03-07"), 3, weekly(100), none);
  REQUIRE(weekend.size() == 1);
  CHECK(weekend[0] == std::pair{day("2026-03-09"), 3});
  // 250 requests take three weeks; no 7 days hold more than 100.
  const auto many = schedule_invitations(day("2026-03-02"), 250, weekly(100), none);
  CHECK(many.back() == std::pair{day("2026-03-18"), 10});
  check_rolling_limit(as_map(many), 100);
  CHECK(schedule_invitations(day("2026-03-02"), 10, weekly(0), none).empty());
  CHECK(schedule_invitations(day("2026-03-02"), 0, weekly(100), none).empty());
}

TEST_CASE("the rolling window counts the ledger's recent invitations", "[plan][schedule]") {
  // 60 invitations in the 3 days before a Monday start, limit 100.
  std::map<Date, int> history = {
      {day("2026-02-27"), 20}, {day("2026-02-28"), 20}, {day("2026-03-01"), 20}};
  const auto sent_on = [&](Date d) {
    const auto it = history.find(d);
    return it == history.end() ? 0 : it->second;
  };
  const auto days = schedule_invitations(day("2026-03-02"), 100, weekly(100), sent_on);
  const auto plan = as_map(days);
  CHECK(plan.at(day("2026-03-02")) == 20);  // 60 + 20
  CHECK(plan.at(day("2026-03-03")) == 20);  // 60 + 40 = 100
  CHECK(plan.count(day("2026-03-04")) == 0);
  CHECK(plan.count(day("2026-03-05")) == 0);
  CHECK(plan.at(day("2026-03-06")) == 20);  // Feb 27 has left the window
  CHECK(plan.at(day("2026-03-09")) == 20);
  std::map<Date, int> all = history;
  for (const auto& [d, n] : days) all[d] += n;
  check_rolling_limit(all, 100);
  // Invitations already sent on the start date use up that day's share.
  const auto today = schedule_invitations(day("2026-03-02"), 30, weekly(100),
                                          [](Date d) { return d == day("2026-03-02") ? 15 : 0; });
  CHECK(today.front() == std::pair{day("2026-03-02"), 5});
  // More than the limit already sent: nothing until the window has rolled past them.
  const auto full = schedule_invitations(day("2026-03-02"), 5, weekly(100),
                                         [](Date d) { return d == day("2026-02-26") ? 120 : 0; });
  CHECK(full.front() == std::pair{day("2026-03-05"), 5});
}

TEST_CASE("a day's requests are spread over business hours", "[plan][schedule]") {
  const auto* ny = zone("America/New_York");
  const BusinessHours hours = tue_to_thu();
  std::vector<date::sys_seconds> times;
  invitation_times(day("2026-03-02"), 20, hours, ny, times);
  REQUIRE(times.size() == 20);
  CHECK(format_instant(times[0], ny) == "2026-03-02T09:00:00-05:00");
  CHECK(format_instant(times[1], ny) == "2026-03-02T09:24:00-05:00");
  CHECK(format_instant(times[19], ny) == "2026-03-02T16:36:00-05:00");
  // Business hours across the change of the clocks (02:00 on March 8) keep local times.
  const BusinessHours night{{0}, 60, 4 * 60};
  invitation_times(day("2026-03-08"), 3, night, ny, times);
  REQUIRE(times.size() == 3);
  CHECK(format_instant(times[0], ny) == "2026-03-08T01:00:00-05:00");
  CHECK(format_instant(times[1], ny) == "2026-03-08T03:00:00-04:00");  // 02:00 does not exist
  CHECK(format_instant(times[2], ny) == "2026-03-08T03:00:00-04:00");
  const auto weeks = invitations_per_week(
      {{day("2026-03-02"), 20}, {day("2026-03-06"), 20}, {day("2026-03-09"), 7}});
  REQUIRE(weeks.size() == 2);
  CHECK(weeks[0] == std::pair{day("2026-03-02"), 40});
  CHECK(weeks[1] == std::pair{day("2026-03-09"), 7});
}
