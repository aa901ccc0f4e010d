// When connection requests go out under the rolling weekly limit, and when messages do.
#include "plan/schedule.hpp"

#include <algorithm>
#include <iterator>

#include "plan/invitations.hpp"
#include "plan/send_slots.hpp"

namespace outreach {

ScheduleOutcome schedule_invitations_and_messages(PlannerState& state, const RankedLists& lists,
                                                  const std::vector<std::uint32_t>& no_credits) {
  ScheduleOutcome outcome;
  const BusinessHours& hours = state.config.account.business_hours;

  // Connection requests in rank order (candidates without a credit among them), a day's share
  // spread over the account's business hours.
  std::vector<std::uint32_t> inviting;
  inviting.reserve(lists.connect.size() + no_credits.size());
  std::merge(lists.connect.begin(), lists.connect.end(), no_credits.begin(), no_credits.end(),
             std::back_inserter(inviting));
  for (std::uint32_t& position : inviting) position = lists.order[position];
  outcome.invitation_days =
      schedule_invitations(state.config.start, static_cast<std::int64_t>(inviting.size()),
                           state.invite_policy(), state.invitation_history());
  std::size_t next = 0;
  std::vector<date::sys_seconds> times;
  for (const auto& [day, count] : outcome.invitation_days) {
    invitation_times(day, count, hours, state.zone, times);
    for (const date::sys_seconds at : times) state.rows[inviting[next++]].send_at = at;
  }
  outcome.unscheduled_invitations = inviting.size() - next;
  for (const std::uint32_t i : inviting) {
    PlannedProspect& row = state.rows[i];
    row.zone = state.zone;
    row.followups.push_back(PlannedStep{PlanChannel::message, std::nullopt, "once accepted"});
  }

  // Messages: the first slot of business hours on a message day in the recipient's zone (the
  // account's for a group conversation, which has no one recipient). Messages are free and
  // unlimited, so they do not take slots from one another.
  SendSlots message_slots(
      start_of_day(state.config.start, state.zone), state.rules.plan.inmail_send_spacing_minutes,
      BusinessHours{state.rules.plan.message_days, hours.start_minute, hours.end_minute});
  for (std::size_t i = 0; i < state.rows.size(); ++i) {
    PlannedProspect& row = state.rows[i];
    if (row.channel != PlanChannel::message) continue;
    const date::time_zone* zone = row.group.empty() ? state.records[i].zone : state.zone;
    row.send_at = message_slots.instant(message_slots.first_usable(zone, 0));
    row.zone = zone;
  }
  return outcome;
}

}  // namespace outreach
