// The campaign-wide phases of the planner: the campaign window, the credit allocation with the
// InMail send slots, then connection requests and messages.
#include <algorithm>
#include <iterator>

#include "planner_state.hpp"

namespace outreach {
namespace {

date::sys_seconds midnight(Date day, const date::time_zone* zone) {
  return zoned_instant(day, 0, zone);
}

InvitePolicy invite_policy(const PlannerState& state) {
  return InvitePolicy{state.config.account.weekly_invite_limit, state.rules.plan.invite_window_days,
                      state.rules.plan.invite_days};
}

std::function<int(Date)> invitation_history(const PlannerState& state) {
  return [&history = state.history](Date day) { return history.invitations_on(day); };
}

// One InMail that needs credits: the earliest free slot in its zone, inside the campaign window
// and by its deadline, at which the credit timeline can take the cost. Slots are tried from the
// start; when the slot found falls in a period whose credits are gone, the search resumes at the
// next period that still has room.
std::optional<std::int64_t> paid_slot(SendSlots& slots, CreditTimeline& credits, int cost,
                                      const date::time_zone* zone,
                                      const date::time_zone* account_zone, std::int64_t bound) {
  std::int64_t from = 0;
  for (;;) {
    const std::int64_t slot = slots.first_free(zone, from);
    if (slot >= bound) return std::nullopt;
    const std::size_t period = credits.period_of(local_date(slots.instant(slot), account_zone));
    if (credits.can_spend(period, cost)) {
      credits.spend(period, cost);
      return slot;
    }
    const auto next = credits.next_spendable(period + 1, cost);
    if (!next) return std::nullopt;
    from = slots.slot_at_or_after(midnight(credits.period_begin(*next), account_zone));
  }
}

}  // namespace

Date campaign_window_end(const PlannerState& state, std::int64_t might_invite) {
  const Date start = state.config.start;
  Date end = start + date::days{std::max(state.rules.plan.invite_window_days, 1) - 1};
  const auto days =
      schedule_invitations(start, might_invite, invite_policy(state), invitation_history(state));
  if (!days.empty()) end = std::max(end, days.back().first);
  return end;
}

std::vector<std::uint32_t> allocate_inmails(PlannerState& state, const RankedLists& lists,
                                            CreditTimeline& credits, Date window_end) {
  const Date start = state.config.start;
  SendSlots slots(midnight(start, state.zone), state.rules.plan.inmail_send_spacing_minutes,
                  state.config.account.business_hours);
  const std::int64_t window_bound =
      slots.slot_at_or_after(midnight(window_end + date::days{1}, state.zone));
  const ChannelRules& inmail = state.rules.channel("inmail");

  // Candidates first, in rank order: they compete for credits and have deadlines to meet.
  // (Open Profile InMails are among them if the rules give them a cost.)
  std::vector<std::uint32_t> failed;
  for (const std::uint32_t position : lists.paid) {
    const std::uint32_t i = lists.order[position];
    PlannedProspect& row = state.rows[i];
    const PlanRecord& record = state.records[i];
    const int cost = record.needs_credit ? inmail.credit_cost : inmail.open_profile_credit_cost;
    std::int64_t bound = window_bound;
    if (const auto deadline = record.deadline_date())
      bound =
          std::min(bound, slots.slot_at_or_after(midnight(*deadline + date::days{1}, record.zone)));
    std::optional<std::int64_t> slot;
    if (credits.next_spendable(0, cost))
      slot = paid_slot(slots, credits, cost, record.zone, state.zone, bound);
    if (slot) {
      slots.take(record.zone, *slot);
      row.send_at = slots.instant(*slot);
      row.zone = record.zone;
      row.cost = cost;
    } else {
      row.channel = PlanChannel::connect;
      row.reason = PlanReason::no_credits;
      row.cost = 0;
      failed.push_back(position);
    }
  }
  // Then the free Open Profile InMails, in rank order, on the slots left.
  for (const std::uint32_t position : lists.free_inmail) {
    const std::uint32_t i = lists.order[position];
    PlannedProspect& row = state.rows[i];
    const PlanRecord& record = state.records[i];
    const std::int64_t slot = slots.first_free(record.zone, 0);
    slots.take(record.zone, slot);
    row.send_at = slots.instant(slot);
    row.zone = record.zone;
    row.cost = inmail.open_profile_credit_cost;
  }
  return failed;
}

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
                           invite_policy(state), invitation_history(state));
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
      midnight(state.config.start, state.zone), state.rules.plan.inmail_send_spacing_minutes,
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
