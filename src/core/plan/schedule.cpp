// The send of every prospect, in rank order, on the account's send calendar (SPEC §10).
#include "plan/schedule.hpp"

#include <algorithm>
#include <optional>

#include "plan/send_calendar.hpp"

namespace outreach {
namespace {

using Minute = SendCalendar::Minute;

SendRules send_rules(const PlannerState& s) {
  const Account& account = s.config.account;
  SendRules rules;
  rules.gap_minutes = account.sequence.min_send_gap_minutes;
  rules.inmail_spacing_minutes = s.rules.plan.inmail_send_spacing_minutes;
  const BusinessHours& hours = account.business_hours;
  rules.hours[static_cast<std::size_t>(SendKind::connect)] =
      BusinessHours{s.rules.plan.invite_days, hours.start_minute, hours.end_minute};
  rules.hours[static_cast<std::size_t>(SendKind::message)] =
      BusinessHours{s.rules.plan.message_days, hours.start_minute, hours.end_minute};
  rules.hours[static_cast<std::size_t>(SendKind::inmail)] = hours;
  rules.invitations = InvitePolicy{account.weekly_invite_limit, s.rules.plan.invite_window_days,
                                   s.rules.plan.invite_days};
  rules.daily_message_limit = account.sequence.daily_message_limit;
  rules.blackout = account.blackout;
  rules.invitations_sent = [&threads = s.threads](Date day) { return threads.invitations_on(day); };
  rules.messages_sent = [&threads = s.threads](Date day) { return threads.messages_on(day); };
  return rules;
}

// Places sends on the calendar for the phases below.
class Placer {
 public:
  Placer(PlannerState& s, CreditTimeline& credits)
      : s_(s),
        credits_(credits),
        calendar_(s.config.start_at.value_or(start_of_day(s.config.start, s.zone)),
                  start_of_day(s.until + date::days{1}, s.zone), s.zone, send_rules(s)) {}

  SendCalendar& calendar() { return calendar_; }

  // The first minute a send may take: the start, or the record's own earliest day.
  Minute from(const PlanRecord& record) {
    const auto earliest = record.earliest_date();
    return earliest ? calendar_.minute_at_or_after(start_of_day(*earliest, s_.zone)) : 0;
  }

  std::optional<Minute> place(SendKind kind, const date::time_zone* zone, Minute first,
                              Minute before) {
    const auto minute = calendar_.earliest(kind, zone, first, before);
    if (minute) calendar_.take(kind, *minute);
    return minute;
  }

  // A paid InMail: the earliest minute before `before` at which the credit timeline can take
  // the cost. When the minute found falls in a period whose credits are gone, the search
  // resumes at the next period that still has room.
  std::optional<Minute> place_paid(const date::time_zone* zone, int cost, Minute first,
                                   Minute before) {
    if (!credits_.next_spendable(0, cost)) return std::nullopt;
    for (;;) {
      const auto minute = calendar_.earliest(SendKind::inmail, zone, first, before);
      if (!minute) return std::nullopt;
      const std::size_t period = credits_.period_of(calendar_.day_of(*minute));
      if (credits_.can_spend(period, cost)) {
        credits_.spend(period, cost);
        calendar_.take(SendKind::inmail, *minute);
        return minute;
      }
      const auto next = credits_.next_spendable(period + 1, cost);
      if (!next) return std::nullopt;
      first = std::max(
          first, calendar_.minute_at_or_after(start_of_day(credits_.period_begin(*next), s_.zone)));
    }
  }

 private:
  PlannerState& s_;
  CreditTimeline& credits_;
  SendCalendar calendar_;
};

void beyond_horizon(PlannedProspect& row) {
  row.channel = PlanChannel::skip;
  row.reason = PlanReason::beyond_horizon;
  row.cost = 0;
  row.send_at.reset();
  row.followups.clear();
  row.findings.clear();  // nothing of this plan is sent to them
  row.extras.reset();
}

}  // namespace

ScheduleOutcome schedule_sends(PlannerState& s, const std::vector<std::uint32_t>& order,
                               CreditTimeline& credits) {
  Placer placer(s, credits);
  SendCalendar& calendar = placer.calendar();
  const Minute horizon = calendar.end();
  const ChannelRules& inmail = s.rules.channel("inmail");
  // A group conversation is one send, placed for its best-ranked member.
  std::vector<std::optional<std::optional<Minute>>> group_sends(s.groups.size());

  ScheduleOutcome outcome;
  for (const std::uint32_t i : order) {
    PlannedProspect& row = s.rows[i];
    const PlanRecord& record = s.records[i];
    std::optional<Minute> sent;
    SendKind kind = SendKind::message;
    switch (row.channel) {
      case PlanChannel::skip:
      case PlanChannel::message_ad:
        continue;
      case PlanChannel::message:
        if (!row.group.empty()) {
          auto& group = group_sends[record.group - 1];
          if (!group) group = placer.place(SendKind::message, s.zone, 0, horizon);
          sent = *group;
          row.zone = s.zone;  // a conversation has no one recipient: the account's zone
        } else {
          sent = placer.place(SendKind::message, record.zone, placer.from(record), horizon);
        }
        break;
      case PlanChannel::inmail: {
        const int cost = record.needs_credit ? inmail.credit_cost : inmail.open_profile_credit_cost;
        Minute before = horizon;
        if (const auto deadline = record.deadline_date(); deadline && record.needs_credit)
          before = std::min(before, calendar.minute_at_or_after(
                                        start_of_day(*deadline + date::days{1}, record.zone)));
        kind = SendKind::inmail;
        sent = cost > 0 ? placer.place_paid(record.zone, cost, 0, before)
                        : placer.place(SendKind::inmail, record.zone, 0, before);
        if (sent) {
          row.cost = cost;
          break;
        }
        if (!record.needs_credit) break;  // a free InMail beyond the horizon
        // No credit for this candidate: a connection request instead.
        row.channel = PlanChannel::connect;
        row.reason = PlanReason::no_credits;
        row.cost = 0;
        [[fallthrough]];
      }
      case PlanChannel::connect:
        kind = SendKind::connect;
        sent = placer.place(SendKind::connect, record.zone, placer.from(record), horizon);
        if (sent)
          row.followups.push_back(PlannedStep{PlanChannel::message, std::nullopt, "once accepted"});
        break;
    }
    if (sent) {
      row.send_at = calendar.instant(*sent);
    } else {
      beyond_horizon(row);
      ++outcome.beyond_horizon[static_cast<std::size_t>(kind)];
    }
  }
  outcome.invitation_days = calendar.invitation_days();
  return outcome;
}

}  // namespace outreach
