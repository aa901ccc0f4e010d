// What the campaign adds up to: the findings that apply, the counts, the credits, the
// same-template warning and the forecast.
#include <algorithm>

#include <fmt/format.h>

#include "outreach/credits.hpp"
#include "planner_state.hpp"

namespace outreach {
namespace {

// A candidate's InMail findings come first, then those of its connect note and follow-up.
void settle_findings(PlannerState& s) {
  for (std::size_t i = 0; i < s.rows.size(); ++i) {
    const PlanRecord& record = s.records[i];
    if (!record.needs_credit) continue;
    auto& findings = s.rows[i].findings;
    const auto split = findings.begin() + static_cast<std::ptrdiff_t>(record.inmail_findings);
    if (s.rows[i].channel == PlanChannel::inmail)
      findings.erase(split, findings.end());
    else
      findings.erase(findings.begin(), split);
  }
}

std::string same_template_warning(
    const PlannerState& s, const std::vector<std::pair<std::uint64_t, std::uint32_t>>& bodies,
    std::size_t first, std::size_t end) {
  std::string examples;
  for (std::size_t k = first; k < end && k < first + 3; ++k)
    examples += fmt::format("{}{}", k == first ? "" : ", ", s.rows[bodies[k].second].id);
  if (end - first > 3) examples += ", …";
  return fmt::format(
      "same-template: {} InMails share one body once names are masked ({}); sending one template "
      "to dozens gets an account flagged, so personalise them (threshold: {})",
      end - first, examples, s.rules.plan.same_template_threshold);
}

}  // namespace

PlanSummary summarize(PlannerState& s, CreditTimeline& credits, const ScheduleOutcome& schedule,
                      Date window_end, std::size_t conversations) {
  settle_findings(s);
  const Account& account = s.config.account;
  PlanSummary summary;
  summary.start = s.config.start;
  summary.plan = account.plan;
  summary.prospects = static_cast<int>(s.rows.size());
  summary.group_messages = static_cast<int>(conversations);
  summary.window_end = window_end;

  std::optional<Date> last_send;
  std::vector<std::pair<std::uint64_t, std::uint32_t>> bodies;  // (masked body, row) of InMails
  ForecastSum forecast(s.rules.rates);
  const auto threshold = static_cast<std::size_t>(s.rules.plan.same_template_threshold);
  for (std::size_t i = 0; i < s.rows.size(); ++i) {
    const PlannedProspect& row = s.rows[i];
    switch (row.channel) {
      case PlanChannel::message:
        ++summary.count_message;
        break;
      case PlanChannel::inmail:
        ++summary.count_inmail;
        break;
      case PlanChannel::connect:
        ++summary.count_connect;
        break;
      case PlanChannel::message_ad:
        ++summary.count_message_ad;
        break;
      case PlanChannel::skip:
        ++summary.count_skip;
        break;
    }
    if (row.has_errors()) ++summary.prospects_with_errors;
    if (row.send_at) {
      const Date day = local_date(*row.send_at, s.zone);
      if (!last_send || day > *last_send) last_send = day;
    }
    if (row.channel != PlanChannel::inmail) continue;
    if (s.records[i].has_inmail_body)
      bodies.emplace_back(s.records[i].inmail_hash, static_cast<std::uint32_t>(i));
    else
      forecast.add_inmail(inmail_reply_rate(s.rules.rates, {}, threshold, false), row.cost > 0);
  }

  // Same masked body: sorted by hash, each run of equal hashes is one body; runs are reported in
  // the order of their first prospect.
  std::sort(bodies.begin(), bodies.end());
  std::vector<std::pair<std::uint32_t, std::string>> same_template;
  for (std::size_t first = 0, end = 0; first < bodies.size(); first = end) {
    std::uint32_t earliest = bodies[first].second;
    for (end = first; end < bodies.size() && bodies[end].first == bodies[first].first; ++end)
      earliest = std::min(earliest, bodies[end].second);
    const std::size_t shared_by = end - first;
    for (std::size_t k = first; k < end; ++k) {
      const std::uint32_t i = bodies[k].second;
      forecast.add_inmail(
          inmail_reply_rate(s.rules.rates, {true, shared_by}, threshold, s.records[i].short_inmail),
          s.rows[i].cost > 0);
    }
    if (shared_by > threshold)
      same_template.emplace_back(earliest, same_template_warning(s, bodies, first, end));
  }
  std::sort(same_template.begin(), same_template.end());

  forecast.add_messages(summary.count_message);
  forecast.add_connection_requests(summary.count_connect);
  forecast.add_pending_refunds(s.pending_refunds);
  summary.expected_replies = forecast.replies();
  summary.expected_refunds = forecast.refunds();
  summary.expected_acceptances = forecast.acceptances();

  // Credits through the last send date; grants after the window could not be spent by the plan
  // but still count towards what is left then.
  summary.last_send = last_send;
  const Date through = last_send ? std::max(*last_send, s.config.start) : s.config.start;
  if (s.credits_known && through > window_end)
    credits.add_grants(grant_dates_between(*account.plan_start, window_end, through));
  const CreditTotals totals = credits.totals_through(through);
  summary.credits_at_start = totals.start_balance;
  summary.credits_granted_in_window = totals.granted;
  summary.credits_forfeited = totals.forfeited;
  summary.credits_used = totals.spent;
  summary.credits_left = totals.balance;
  summary.pending_refunds_at_start = s.pending_refunds;

  summary.invitations_per_week = invitations_per_week(schedule.invitation_days);
  summary.warnings = s.warnings;
  for (auto& [_, warning] : same_template) summary.warnings.push_back(std::move(warning));
  if (schedule.unscheduled_invitations > 0)
    summary.warnings.push_back(
        fmt::format("invitations-not-scheduled: the weekly invitation limit is {}, so {} "
                    "connection request{} no send time",
                    account.weekly_invite_limit, schedule.unscheduled_invitations,
                    schedule.unscheduled_invitations == 1 ? " has" : "s have"));
  return summary;
}

}  // namespace outreach
