#pragma once
// What the campaign adds up to.

#include <cstddef>

#include "outreach/calendar.hpp"
#include "outreach/plan.hpp"
#include "plan/credit_timeline.hpp"
#include "plan/planner_state.hpp"
#include "plan/schedule.hpp"

namespace outreach {

/// Keeps the findings and drafts of what each prospect will really be sent, then counts, warns
/// (same-template, unknown-field, …) and forecasts.
PlanSummary summarize(PlannerState& state, CreditTimeline& credits, const ScheduleOutcome& schedule,
                      std::size_t conversations);

}  // namespace outreach
