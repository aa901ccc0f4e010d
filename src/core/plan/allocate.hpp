#pragma once
// The campaign window, and the allocation of InMail credits with the InMails' send slots.

#include <cstdint>
#include <vector>

#include "outreach/calendar.hpp"
#include "plan/credit_timeline.hpp"
#include "plan/planner_state.hpp"

namespace outreach {

/// The last day of the campaign window: the day the last connection request would go out if
/// all `might_invite` prospects that might be sent one were (every candidate failing), but at
/// least the start and the invite window's days after it (a week).
Date campaign_window_end(const PlannerState& state, std::int64_t might_invite);

/// Allocates credits to the paid InMails in rank order and gives every InMail its slot; those
/// that find no credit become connect / no-credits and are returned (positions, rank order).
std::vector<std::uint32_t> allocate_inmails(PlannerState& state, const RankedLists& lists,
                                            CreditTimeline& credits, Date window_end);

}  // namespace outreach
