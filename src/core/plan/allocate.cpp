// The campaign-wide phases of the planner: the campaign window, then the credit allocation
// with the InMail send slots.
#include "plan/allocate.hpp"

#include <algorithm>

#include "plan/invitations.hpp"
#include "plan/send_slots.hpp"

namespace outreach {
namespace {

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
    from = slots.slot_at_or_after(start_of_day(credits.period_begin(*next), account_zone));
  }
}

}  // namespace

Date campaign_window_end(const PlannerState& state, std::int64_t might_invite) {
  const Date start = state.config.start;
  Date end = start + date::days{std::max(state.rules.plan.invite_window_days, 1) - 1};
  const auto days =
      schedule_invitations(start, might_invite, state.invite_policy(), state.invitation_history());
  if (!days.empty()) end = std::max(end, days.back().first);
  return end;
}

std::vector<std::uint32_t> allocate_inmails(PlannerState& state, const RankedLists& lists,
                                            CreditTimeline& credits, Date window_end) {
  const Date start = state.config.start;
  SendSlots slots(start_of_day(start, state.zone), state.rules.plan.inmail_send_spacing_minutes,
                  state.config.account.business_hours);
  const std::int64_t window_bound =
      slots.slot_at_or_after(start_of_day(window_end + date::days{1}, state.zone));
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
      bound = std::min(
          bound, slots.slot_at_or_after(start_of_day(*deadline + date::days{1}, record.zone)));
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

}  // namespace outreach
