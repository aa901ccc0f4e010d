#pragma once
// When the connection requests and messages go out.

#include <cstddef>
#include <cstdint>
#include <utility>
#include <vector>

#include "outreach/calendar.hpp"
#include "plan/planner_state.hpp"

namespace outreach {

/// What the scheduling phases hand to the summary.
struct ScheduleOutcome {
  std::vector<std::pair<Date, int>> invitation_days;
  std::size_t unscheduled_invitations = 0;
};

/// Connection requests in rank order under the rolling limit, then messages.
ScheduleOutcome schedule_invitations_and_messages(PlannerState& state, const RankedLists& lists,
                                                  const std::vector<std::uint32_t>& no_credits);

}  // namespace outreach
