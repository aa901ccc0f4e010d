#pragma once
// SPEC §11's personalised connection notes: a free account has only a few a month.

#include <cstdint>
#include <vector>

#include "plan/planner_state.hpp"

namespace outreach {

/// Spends each calendar month's note budget (the plan's personalized_notes_per_month, less the
/// ledger's invite_sent events with a note in that month of the account's zone, up to the
/// start) on that month's connection requests in rank order (`order`); the others go without a
/// note: `note` false, their note's findings and rendered draft dropped, nothing of it counted
/// for same-template. Returns how many go without. A plan without a budget changes nothing.
int spend_note_budget(PlannerState& s, const std::vector<std::uint32_t>& order);

}  // namespace outreach
