// What the campaign adds up to: the findings that apply, the counts, the credits, the
// same-template warning and the forecast.
#include "plan/summary.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "outreach/credits.hpp"
#include "plan/drafts.hpp"
#include "plan/forecast.hpp"
#include "plan/invitations.hpp"

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
  cap_plan_findings(s.rows);
}

// One warning for all the bodies sent to more than the threshold: (first row, size) of each,
// the biggest first.
std::string same_template_warning(
    const PlannerState& s, const std::vector<std::pair<std::uint64_t, std::uint32_t>>& bodies,
    const std::vector<std::pair<std::size_t, std::size_t>>& runs) {
  std::size_t total = 0;
  for (const auto& [first, end] : runs) total += end - first;
  const auto& [first, end] = runs.front();
  std::string examples;
  for (std::size_t k = first; k < end && k < first + 3; ++k)
    examples += fmt::format("{}{}", k == first ? "" : ", ", s.rows[bodies[k].second].id);
  if (end - first > 3) examples += ", …";
  const std::string shared =
      runs.size() == 1
          ? fmt::format("{} InMails share one body once names are masked ({})", total, examples)
          : fmt::format(
                "{} InMails share {} bodies once names are masked, each sent to more than "
                "{} (the largest, {} InMails: {})",
                total, runs.size(), s.rules.plan.same_template_threshold, end - first, examples);
  return fmt::format(
      "same-template: {}; sending one template to dozens gets an account flagged, so personalise "
      "them (threshold: {})",
      shared, s.rules.plan.same_template_threshold);
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

  // Same masked body: sorted by hash (then row), each run of equal hashes is one body.
  std::sort(bodies.begin(), bodies.end());
  std::vector<std::pair<std::size_t, std::size_t>> shared_runs;  // [first, end) in `bodies`
  for (std::size_t first = 0, end = 0; first < bodies.size(); first = end) {
    for (end = first; end < bodies.size() && bodies[end].first == bodies[first].first; ++end) {
    }
    const std::size_t shared_by = end - first;
    for (std::size_t k = first; k < end; ++k) {
      const std::uint32_t i = bodies[k].second;
      forecast.add_inmail(
          inmail_reply_rate(s.rules.rates, {true, shared_by}, threshold, s.records[i].short_inmail),
          s.rows[i].cost > 0);
    }
    if (shared_by > threshold) shared_runs.emplace_back(first, end);
  }
  // The biggest body first; among equals, the one whose first prospect comes first.
  std::sort(shared_runs.begin(), shared_runs.end(), [&](const auto& a, const auto& b) {
    if (a.second - a.first != b.second - b.first) return a.second - a.first > b.second - b.first;
    return bodies[a.first].second < bodies[b.first].second;
  });

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
  if (!shared_runs.empty())
    summary.warnings.push_back(same_template_warning(s, bodies, shared_runs));
  if (schedule.unscheduled_invitations > 0)
    summary.warnings.push_back(
        fmt::format("invitations-not-scheduled: the weekly invitation limit is {}, so {} "
                    "connection request{} no send time",
                    account.weekly_invite_limit, schedule.unscheduled_invitations,
                    schedule.unscheduled_invitations == 1 ? " has" : "s have"));
  return summary;
}

}  // namespace outreach
