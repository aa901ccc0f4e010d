// The rolling limit on connection requests, and the weekly sums the summary shows.
#include "plan/invitations.hpp"

#include <algorithm>

namespace outreach {

int daily_invitation_quota(const InvitePolicy& policy) {
  if (policy.limit <= 0 || policy.weekdays.empty()) return 0;
  const int window = std::max(policy.window_days, 1);
  // The allowed days of one window: 5 weekdays of 7, at least one.
  const std::int64_t allowed = std::max<std::int64_t>(
      1, std::int64_t{window} * static_cast<std::int64_t>(policy.weekdays.size()) / 7);
  return static_cast<int>((policy.limit + allowed - 1) / allowed);
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
