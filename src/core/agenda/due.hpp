#pragma once
// The next step each conversation of the ledger makes due: SPEC §10's thread states, read for
// the agenda rather than for a plan.

#include <string>
#include <vector>

#include "outreach/agenda.hpp"
#include "plan/threads.hpp"

namespace outreach {

/// A step a thread makes due on a day, whatever a plan would add.
struct DueStep {
  std::string prospect;
  AgendaAction action = AgendaAction::message;  ///< message, follow_up or withdraw
  PlanReason reason = PlanReason::connected;    ///< connected, follow_up or invite_stale
  int followup = 0;                             ///< follow_up: N of follow-up-N
  Date due;
};

/// Every prospect's next step as of `day` (the threads read up to it), by prospect id: the
/// first message once an acceptance is message_after_accept_days old, a follow-up once the last
/// message is followup_after_days old, a withdrawal once an invitation has been pending
/// withdraw_after_days. Due days may be before, on or after `day`.
std::vector<DueStep> due_steps(const Threads& threads, Date day, const SequenceRules& sequence,
                               int refund_window_days);

}  // namespace outreach
