// Connection requests under the rolling weekly limit, spread over the allowed days and hours.
#include "plan/invitations.hpp"

#include <algorithm>
#include <deque>

namespace outreach {

std::vector<std::pair<Date, int>> schedule_invitations(Date start, std::int64_t count,
                                                       const InvitePolicy& policy,
                                                       const std::function<int(Date)>& history) {
  std::vector<std::pair<Date, int>> days;
  if (count <= 0 || policy.limit <= 0 || policy.weekdays.empty()) return days;
  const int window = std::max(policy.window_days, 1);
  const auto allowed = [&](Date day) {
    return std::find(policy.weekdays.begin(), policy.weekdays.end(), weekday_of(day)) !=
           policy.weekdays.end();
  };
  // An even share: the limit spread over the allowed days of one window.
  const std::int64_t allowed_per_window = std::max<std::int64_t>(
      1, std::int64_t{window} * static_cast<std::int64_t>(policy.weekdays.size()) / 7);
  const std::int64_t quota = (policy.limit + allowed_per_window - 1) / allowed_per_window;

  // Totals of the window - 1 days before the day being filled, the ledger's history included.
  std::deque<std::int64_t> previous;
  std::int64_t previous_sum = 0;
  for (int back = window - 1; back >= 1; --back) {
    const std::int64_t sent = history(start - date::days{back});
    previous.push_back(sent);
    previous_sum += sent;
  }
  std::int64_t remaining = count;
  for (Date day = start; remaining > 0; day += date::days{1}) {
    const std::int64_t already = day == start ? history(day) : 0;
    std::int64_t sent = 0;
    if (allowed(day))
      sent = std::max<std::int64_t>(
          0, std::min({quota - already, policy.limit - previous_sum - already, remaining}));
    if (sent > 0) {
      days.emplace_back(day, static_cast<int>(sent));
      remaining -= sent;
    }
    if (window > 1) {
      previous.push_back(already + sent);
      previous_sum += already + sent;
      if (static_cast<int>(previous.size()) > window - 1) {
        previous_sum -= previous.front();
        previous.pop_front();
      }
    }
  }
  return days;
}

void invitation_times(Date day, int count, const BusinessHours& hours, const date::time_zone* zone,
                      std::vector<date::sys_seconds>& times) {
  times.clear();
  const int span = hours.end_minute - hours.start_minute;
  const auto offset = [&](int index) {
    return static_cast<int>(std::int64_t{index} * span / std::max(count, 1));
  };
  // One zone lookup a day unless the clocks change during business hours that day.
  const date::sys_seconds open = zoned_instant(day, hours.start_minute, zone);
  const bool steady =
      zoned_instant(day, hours.end_minute, zone) - open == std::chrono::minutes(span);
  for (int i = 0; i < count; ++i)
    times.push_back(steady ? open + std::chrono::minutes(offset(i))
                           : zoned_instant(day, hours.start_minute + offset(i), zone));
}

std::vector<std::pair<Date, int>> invitations_per_week(
    const std::vector<std::pair<Date, int>>& days) {
  std::vector<std::pair<Date, int>> weeks;
  for (const auto& [day, count] : days) {
    const Date monday = day - date::days{(weekday_of(day) + 6) % 7};
    if (weeks.empty() || weeks.back().first != monday)
      weeks.emplace_back(monday, count);
    else
      weeks.back().second += count;
  }
  return weeks;
}

}  // namespace outreach
