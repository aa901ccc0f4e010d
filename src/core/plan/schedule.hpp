#pragma once
// When every planned send goes out: the prospects in rank order, each send at the earliest
// minute the account's send calendar allows, paid InMails only where a credit is there to spend.

#include <cstddef>
#include <cstdint>
#include <utility>
#include <vector>

#include "outreach/calendar.hpp"
#include "plan/credit_timeline.hpp"
#include "plan/planner_state.hpp"

namespace outreach {

/// What the scheduling hands to the summary.
struct ScheduleOutcome {
  std::vector<std::pair<Date, int>> invitation_days;  ///< (account-zone day, requests)
  /// Sends that found no minute before the horizon: connection requests, messages, InMails.
  std::size_t beyond_horizon[3] = {0, 0, 0};
};

/// Places the first send of every prospect in `order` (rank order, best first): credits are
/// spent on the paid InMails in that order (one that finds none becomes connect / no-credits),
/// and a send that finds no minute before the horizon makes its row skip / beyond-horizon.
ScheduleOutcome schedule_sends(PlannerState& state, const std::vector<std::uint32_t>& order,
                               CreditTimeline& credits);

}  // namespace outreach
