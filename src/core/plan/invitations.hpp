#pragma once
// The rolling limit on connection requests, and how the requests add up week by week.

#include <cstdint>
#include <utility>
#include <vector>

#include "outreach/calendar.hpp"

namespace outreach {

/// The rolling limit on connection requests.
struct InvitePolicy {
  int limit = 0;              ///< at most this many …
  int window_days = 7;        ///< … in any this many consecutive days
  std::vector<int> weekdays;  ///< days requests go out on (0 = Sunday)
};

/// The most requests one day takes, so that the limit is spread evenly over the allowed days
/// of a window: ceil(limit / allowed weekdays in a window); 0 when nothing can be sent.
int daily_invitation_quota(const InvitePolicy& policy);

/// Requests per week (weeks starting on Monday), from (day, requests) in date order.
std::vector<std::pair<Date, int>> invitations_per_week(
    const std::vector<std::pair<Date, int>>& days);

}  // namespace outreach
