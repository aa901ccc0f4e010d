#pragma once
// The decision of SPEC §4 and §10: excluded (§9), do-not-contact, then the thread's state, then a
// deadline already past, then §4's table — one prospect's channel and reason before credits are
// allocated and sends placed.

#include <optional>

#include "outreach/calendar.hpp"
#include "outreach/plan.hpp"
#include "outreach/prospect.hpp"
#include "outreach/rules.hpp"
#include "plan/threads.hpp"

namespace outreach {

/// A prospect's row before credits are allocated. A step-6 candidate comes back as channel
/// `inmail` with reason time-sensitive, hard-to-connect or recruiting and `needs_credit`; the
/// allocation confirms it or turns it into `connect` / `no-credits`.
struct Decision {
  PlanChannel channel = PlanChannel::connect;
  PlanReason reason = PlanReason::free_path;
  bool needs_credit = false;
  int followup = 0;              ///< a message's step: 0 the first, N follow-up-N
  std::optional<Date> earliest;  ///< no send before this day (account zone)
};

/// The first row that applies, in SPEC §4's version 2 order.
/// `excluded`: the prospect is on a suppression list.
Decision decide(const Prospect& prospect, const ThreadVerdict& thread, Date start,
                const Rules& rules, bool excluded = false);

}  // namespace outreach
