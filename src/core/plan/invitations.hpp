#pragma once
// Connection requests under the rolling weekly limit: which days, and when on each day.

#include <cstdint>
#include <functional>
#include <utility>
#include <vector>

#include "outreach/calendar.hpp"
#include "outreach/rules.hpp"

namespace outreach {

/// The rolling limit on connection requests.
struct InvitePolicy {
  int limit = 0;              ///< at most this many …
  int window_days = 7;        ///< … in any this many consecutive days
  std::vector<int> weekdays;  ///< days requests go out on (0 = Sunday)
};

/// The days `count` connection requests go out on from `start`, as (day, requests) in date
/// order: at most `limit` in any `window_days` consecutive days, counting `history(day)` (what
/// was already sent that day; asked for the window_days - 1 days before the start and the start
/// itself), spread evenly: at most ceil(limit / allowed weekdays in a window) a day, only on
/// the allowed weekdays. Empty when the limit is 0 or no weekday is allowed.
std::vector<std::pair<Date, int>> schedule_invitations(Date start, std::int64_t count,
                                                       const InvitePolicy& policy,
                                                       const std::function<int(Date)>& history);

/// The send times of one day's `count` requests, spread evenly over business hours in `zone`:
/// the i-th at start + i × (end − start) / count minutes (replaces what `times` held).
void invitation_times(Date day, int count, const BusinessHours& hours, const date::time_zone* zone,
                      std::vector<date::sys_seconds>& times);

/// Requests per week (weeks starting on Monday), from (day, requests) in date order.
std::vector<std::pair<Date, int>> invitations_per_week(
    const std::vector<std::pair<Date, int>>& days);

}  // namespace outreach
