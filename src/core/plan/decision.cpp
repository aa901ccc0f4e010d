// The decision of SPEC §4 (version 2 order, SPEC §4 and §10).
#include "plan/decision.hpp"

namespace outreach {

Decision decide(const Prospect& prospect, const ThreadVerdict& thread, Date start,
                const Rules& rules, bool excluded) {
  const auto row = [](PlanChannel channel, PlanReason reason, bool needs_credit = false) {
    return Decision{channel, reason, needs_credit, 0, std::nullopt};
  };
  if (excluded) return row(PlanChannel::skip, PlanReason::excluded);
  if (prospect.do_not_contact) return row(PlanChannel::skip, PlanReason::do_not_contact);
  switch (thread.kind) {
    case ThreadVerdict::Kind::skip:
      return row(PlanChannel::skip, thread.reason);
    case ThreadVerdict::Kind::message:
      return {PlanChannel::message, thread.reason, false, thread.followup, thread.earliest};
    case ThreadVerdict::Kind::none:
      break;
  }
  if (prospect.deadline && *prospect.deadline < start)
    return row(PlanChannel::skip, PlanReason::deadline_passed);
  if (prospect.degree == 1 || thread.connected)
    return row(PlanChannel::message, PlanReason::connected);
  if (prospect.goal == Goal::marketing) return row(PlanChannel::message_ad, PlanReason::marketing);
  // From here on every row may end in a connection request: not before a re-invite lock ends.
  const auto connect = [&](PlanReason reason) {
    return Decision{PlanChannel::connect, reason, false, 0, thread.earliest};
  };
  if (!prospect.accepts_inmail) return connect(PlanReason::inmail_disabled);
  if (prospect.open_profile)
    return thread.inmail_blocked ? connect(PlanReason::no_second_inmail)
                                 : row(PlanChannel::inmail, PlanReason::open_profile);
  // "Sooner than the usual acceptance delay": a deadline fewer than acceptance_delay_days after
  // the start (one exactly that far away can still wait for an acceptance).
  std::optional<PlanReason> worth_a_credit;
  if (prospect.deadline &&
      *prospect.deadline < start + date::days{rules.plan.acceptance_delay_days})
    worth_a_credit = PlanReason::time_sensitive;
  else if (prospect.rarely_accepts ||
           prospect.pending_invitations >= rules.plan.hard_to_connect_pending_invitations)
    worth_a_credit = PlanReason::hard_to_connect;
  else if (prospect.goal == Goal::recruiting)
    worth_a_credit = PlanReason::recruiting;
  if (worth_a_credit) {
    if (thread.inmail_blocked) return connect(PlanReason::no_second_inmail);
    Decision candidate = row(PlanChannel::inmail, *worth_a_credit, true);
    candidate.earliest = thread.earliest;  // for the connection request it may become
    return candidate;
  }
  return connect(PlanReason::free_path);
}

}  // namespace outreach
