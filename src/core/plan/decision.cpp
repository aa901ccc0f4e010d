// The decision table of SPEC §4.
#include "plan/decision.hpp"

namespace outreach {

Decision decide(const Prospect& prospect, const ProspectHistory& history, Date start,
                const Rules& rules) {
  if (prospect.do_not_contact) return {PlanChannel::skip, PlanReason::do_not_contact, false};
  if (history.declined) return {PlanChannel::skip, PlanReason::declined, false};
  if (history.in_progress()) return {PlanChannel::skip, PlanReason::in_progress, false};
  if (prospect.degree == 1 || history.connected)
    return {PlanChannel::message, PlanReason::connected, false};
  if (prospect.goal == Goal::marketing)
    return {PlanChannel::message_ad, PlanReason::marketing, false};
  if (!prospect.accepts_inmail) return {PlanChannel::connect, PlanReason::inmail_disabled, false};
  if (prospect.open_profile) return {PlanChannel::inmail, PlanReason::open_profile, false};
  // "Sooner than the usual acceptance delay": a deadline fewer than acceptance_delay_days after
  // the start (one exactly that far away can still wait for an acceptance).
  if (prospect.deadline &&
      *prospect.deadline < start + date::days{rules.plan.acceptance_delay_days})
    return {PlanChannel::inmail, PlanReason::time_sensitive, true};
  if (prospect.rarely_accepts ||
      prospect.pending_invitations >= rules.plan.hard_to_connect_pending_invitations)
    return {PlanChannel::inmail, PlanReason::hard_to_connect, true};
  if (prospect.goal == Goal::recruiting) return {PlanChannel::inmail, PlanReason::recruiting, true};
  return {PlanChannel::connect, PlanReason::free_path, false};
}

}  // namespace outreach
