// The names of the plan's channels and reason codes, and what makes a row an error.
#include <algorithm>
#include <string>

#include "outreach/plan.hpp"

namespace outreach {

std::string_view plan_channel_name(PlanChannel channel) {
  switch (channel) {
    case PlanChannel::message:
      return "message";
    case PlanChannel::inmail:
      return "inmail";
    case PlanChannel::connect:
      return "connect";
    case PlanChannel::message_ad:
      return "message-ad";
    case PlanChannel::skip:
      return "skip";
  }
  return "skip";
}

std::string_view plan_reason_name(PlanReason reason) {
  switch (reason) {
    case PlanReason::do_not_contact:
      return "do-not-contact";
    case PlanReason::declined:
      return "declined";
    case PlanReason::in_progress:
      return "in-progress";
    case PlanReason::connected:
      return "connected";
    case PlanReason::marketing:
      return "marketing";
    case PlanReason::inmail_disabled:
      return "inmail-disabled";
    case PlanReason::open_profile:
      return "open-profile";
    case PlanReason::time_sensitive:
      return "time-sensitive";
    case PlanReason::hard_to_connect:
      return "hard-to-connect";
    case PlanReason::recruiting:
      return "recruiting";
    case PlanReason::no_credits:
      return "no-credits";
    case PlanReason::free_path:
      return "free-path";
    case PlanReason::replied:
      return "replied";
    case PlanReason::invite_stale:
      return "invite-stale";
    case PlanReason::follow_up:
      return "follow-up";
    case PlanReason::no_reply:
      return "no-reply";
    case PlanReason::deadline_passed:
      return "deadline-passed";
    case PlanReason::beyond_horizon:
      return "beyond-horizon";
    case PlanReason::no_second_inmail:
      return "no-second-inmail";
    case PlanReason::excluded:
      return "excluded";
  }
  return "free-path";
}

const std::vector<PlanReason>& plan_reasons() {
  static const std::vector<PlanReason> reasons = [] {
    std::vector<PlanReason> all;
    for (int r = 0; r <= static_cast<int>(PlanReason::excluded); ++r)
      all.push_back(static_cast<PlanReason>(r));
    return all;
  }();
  return reasons;
}

std::string PlannedProspect::step() const {
  return followup == 0 ? std::string("first") : "follow-up-" + std::to_string(followup);
}

bool PlannedProspect::has_errors() const {
  return std::any_of(findings.begin(), findings.end(),
                     [](const PlanFinding& finding) { return finding.severity == "error"; });
}

}  // namespace outreach
