#pragma once
// The decision table of SPEC §4: one prospect's channel and reason before credits are allocated.

#include "outreach/calendar.hpp"
#include "outreach/plan.hpp"
#include "outreach/prospect.hpp"
#include "outreach/rules.hpp"
#include "plan/history.hpp"

namespace outreach {

/// A prospect's row of SPEC §4's table before credits are allocated. A step-6 candidate comes
/// back as channel `inmail` with reason time-sensitive, hard-to-connect or recruiting and
/// `needs_credit`; the allocation confirms it or turns it into `connect` / `no-credits`.
struct Decision {
  PlanChannel channel = PlanChannel::connect;
  PlanReason reason = PlanReason::free_path;
  bool needs_credit = false;
};

/// The first row of the table that applies, in the table's order.
Decision decide(const Prospect& prospect, const ProspectHistory& history, Date start,
                const Rules& rules);

}  // namespace outreach
