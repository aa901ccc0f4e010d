// What the campaign adds up to: the findings and drafts that apply, the counts, the credits,
// the campaign warnings (same-template, unknown-field, …) and the forecast.
#include "plan/summary.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "outreach/credits.hpp"
#include "outreach/suggest.hpp"
#include "plan/drafts.hpp"
#include "plan/forecast.hpp"
#include "plan/invitations.hpp"

namespace outreach {
namespace {

// A candidate's InMail findings come first, then those of its connect note and follow-up: the
// allocation decided which it is sent. Its kept draft follows the same choice.
void settle_candidates(PlannerState& s) {
  for (std::size_t i = 0; i < s.rows.size(); ++i) {
    const PlanRecord& record = s.records[i];
    if (!record.needs_credit) continue;
    PlannedProspect& row = s.rows[i];
    auto& findings = row.findings;
    if (row.channel == PlanChannel::skip) continue;  // beyond the horizon: nothing is sent
    const auto split = findings.begin() + static_cast<std::ptrdiff_t>(record.inmail_findings);
    if (row.channel == PlanChannel::inmail) {
      findings.erase(split, findings.end());
      continue;
    }
    findings.erase(findings.begin(), split);
    if (row.extras) {
      const auto note = s.candidate_notes.find(static_cast<std::uint32_t>(i));
      auto extras = std::make_shared<RowExtras>(*row.extras);
      extras->subject.reset();
      if (note != s.candidate_notes.end())
        extras->body = note->second;
      else
        extras->body.reset();
      row.extras = std::move(extras);
    }
  }
  s.candidate_notes.clear();
  cap_plan_findings(s.rows);
}

// SPEC §11: the first grant of the campaign would push the balance, after the plan's own
// spends, over the cap. The prospects planned for a free connection request who could take a
// paid InMail instead (free-path, no-credits) could use what is lost.
std::optional<std::string> forfeits_ahead_warning(const PlannerState& s,
                                                  const CreditTimeline& credits) {
  if (credits.period_count() < 2 || credits.forfeited_at(1) == 0) return std::nullopt;
  int could_use = 0;
  for (std::size_t i = 0; i < s.rows.size(); ++i) {
    const PlannedProspect& row = s.rows[i];
    if (row.channel == PlanChannel::connect &&
        (row.reason == PlanReason::free_path || row.reason == PlanReason::no_credits))
      ++could_use;
  }
  return fmt::format(
      "forfeits-ahead: {}; {} prospect{} planned for a connection request could "
      "take an InMail instead",
      forfeits_ahead_message(credits.forfeited_at(1), credits.period_begin(1)), could_use,
      could_use == 1 ? "" : "s");
}

// "first_name and company are": the masked fields a template uses, for the warning.
std::string masked_fields_of(const std::vector<NamedTemplate>& templates,
                             const std::vector<std::string>& masked) {
  std::vector<std::string> used;
  for (const NamedTemplate& named : templates)
    for (const Template::Piece& piece : named.tmpl.pieces())
      if (piece.is_field && std::find(masked.begin(), masked.end(), piece.text) != masked.end() &&
          std::find(used.begin(), used.end(), piece.text) == used.end())
        used.push_back(piece.text);
  if (used.empty()) return "the merge fields are";
  std::string text;
  for (std::size_t i = 0; i < used.size(); ++i)
    text += (i == 0 ? "" : i + 1 == used.size() ? " and " : ", ") + used[i];
  return text + (used.size() == 1 ? " is" : " are");
}

// Drafts of one channel by their masked body: (hash, row), sorted; each run of equal hashes is
// one body. Returns the runs shared by more than the threshold, the biggest first.
std::vector<std::pair<std::size_t, std::size_t>> shared_runs(
    const PlannerState& s, std::vector<std::pair<std::uint64_t, std::uint32_t>>& bodies) {
  std::sort(bodies.begin(), bodies.end());
  const auto threshold = static_cast<std::size_t>(s.rules.plan.same_template_threshold);
  std::vector<std::pair<std::size_t, std::size_t>> runs;  // [first, end) in `bodies`
  for (std::size_t first = 0, end = 0; first < bodies.size(); first = end) {
    for (end = first; end < bodies.size() && bodies[end].first == bodies[first].first; ++end) {
    }
    if (end - first > threshold) runs.emplace_back(first, end);
  }
  // The biggest body first; among equals, the one whose first prospect comes first.
  std::sort(runs.begin(), runs.end(), [&](const auto& a, const auto& b) {
    if (a.second - a.first != b.second - b.first) return a.second - a.first > b.second - b.first;
    return bodies[a.first].second < bodies[b.first].second;
  });
  return runs;
}

// One warning for all the bodies of a channel sent to more than the threshold.
std::string same_template_warning(
    const PlannerState& s, std::string_view what,
    const std::vector<std::pair<std::uint64_t, std::uint32_t>>& bodies,
    const std::vector<std::pair<std::size_t, std::size_t>>& runs, const std::string& masked) {
  std::size_t total = 0;
  for (const auto& [first, end] : runs) total += end - first;
  const auto& [first, end] = runs.front();
  std::string examples;
  for (std::size_t k = first; k < end && k < first + 3; ++k)
    examples += fmt::format("{}{}", k == first ? "" : ", ", s.rows[bodies[k].second].id);
  if (end - first > 3) examples += ", …";
  const std::string shared =
      runs.size() == 1
          ? fmt::format("{} {} share one body once {} masked ({})", total, what, masked, examples)
          : fmt::format(
                "{} {} share {} bodies once {} masked, each sent to more than {} (the "
                "largest, {} {}: {})",
                total, what, runs.size(), masked, s.rules.plan.same_template_threshold, end - first,
                what, examples);
  return fmt::format(
      "same-template: {}; sending one template to dozens gets an account flagged, so personalise "
      "them (threshold: {})",
      shared, s.rules.plan.same_template_threshold);
}

// A template field that no prospect of the list carries: a typo in the template, most likely.
void unknown_field_warnings(const PlannerState& s, std::vector<std::string>& warnings) {
  for (const auto& [name, carried] : s.template_fields) {
    if (carried) continue;
    std::vector<std::string> candidates;
    for (const std::string& field : s.list_fields)
      if (field != name) candidates.push_back(field);
    warnings.push_back(
        fmt::format("unknown-field: no prospect carries the field '{}' that a template uses{}",
                    name, did_you_mean(name, candidates)));
  }
}

}  // namespace

PlanSummary summarize(PlannerState& s, CreditTimeline& credits, const ScheduleOutcome& schedule,
                      std::size_t conversations) {
  settle_candidates(s);
  const Account& account = s.config.account;
  PlanSummary summary;
  summary.start = s.config.start;
  summary.start_at = s.config.start_at.value_or(start_of_day(s.config.start, s.zone));
  summary.starts_now = s.config.start_at.has_value();
  summary.zone = s.zone;
  summary.until = s.until;
  summary.plan = account.plan;
  summary.prospects = static_cast<int>(s.rows.size());
  summary.connections_matched = s.connections_matched;
  summary.group_messages = static_cast<int>(conversations);
  summary.count_connect_without_note = s.connect_without_note;
  if (const auto& notes =
          s.rules.plan_named(account.plan, account.origin).personalized_notes_per_month)
    summary.notes_per_month = *notes;
  summary.window_end = s.until;

  std::optional<Date> last_send;
  // (masked body, row) of the InMails and the connection notes sent.
  std::vector<std::pair<std::uint64_t, std::uint32_t>> inmails, notes;
  // SPEC §12: a channel with enough outcomes in the ledger forecasts with the account's own rate.
  const LearnedRates learned =
      learned_rates(s.config.ledger, s.config.start, s.rules, s.config.account.sequence);
  const ResponseRates& rates = learned.rates;
  for (std::size_t c = 0; c < 3; ++c) summary.rate_sources[c] = learned.sources[c];
  summary.learn_after_outcomes = s.rules.outcomes.learn_after_outcomes;
  ForecastSum forecast(rates);
  const auto threshold = static_cast<std::size_t>(s.rules.plan.same_template_threshold);
  for (std::size_t i = 0; i < s.rows.size(); ++i) {
    const PlannedProspect& row = s.rows[i];
    const PlanRecord& record = s.records[i];
    switch (row.channel) {
      case PlanChannel::message:
        ++summary.count_message;
        if (row.followup > 0) ++summary.count_followups;
        break;
      case PlanChannel::inmail:
        ++summary.count_inmail;
        break;
      case PlanChannel::connect:
        ++summary.count_connect;
        if (record.has_connect_body) notes.emplace_back(record.connect_hash, i);
        break;
      case PlanChannel::message_ad:
        ++summary.count_message_ad;
        break;
      case PlanChannel::skip:
        ++summary.count_skip;
        if (row.reason == PlanReason::beyond_horizon) ++summary.count_beyond_horizon;
        if (row.reason == PlanReason::excluded) ++summary.count_excluded;
        break;
    }
    if (row.has_errors()) ++summary.prospects_with_errors;
    if (row.send_at) {
      const Date day = local_date(*row.send_at, s.zone);
      if (!last_send || day > *last_send) last_send = day;
    }
    if (row.channel != PlanChannel::inmail) continue;
    if (record.has_inmail_body)
      inmails.emplace_back(record.inmail_hash, static_cast<std::uint32_t>(i));
    else
      forecast.add_inmail(inmail_reply_rate(rates, {}, threshold, false), row.cost > 0);
  }

  // The same masked InMail body sent to many: generic, for the forecast and the warning.
  const auto inmail_runs = shared_runs(s, inmails);
  for (std::size_t first = 0, end = 0; first < inmails.size(); first = end) {
    for (end = first; end < inmails.size() && inmails[end].first == inmails[first].first; ++end) {
    }
    for (std::size_t k = first; k < end; ++k) {
      const std::uint32_t i = inmails[k].second;
      forecast.add_inmail(
          inmail_reply_rate(rates, {true, end - first}, threshold, s.records[i].short_inmail),
          s.rows[i].cost > 0);
    }
  }
  const auto note_runs = shared_runs(s, notes);

  forecast.add_messages(summary.count_message);
  forecast.add_connection_requests(summary.count_connect);
  forecast.add_pending_refunds(s.pending_refunds);
  summary.expected_replies = forecast.replies();
  summary.expected_refunds = forecast.refunds();
  summary.expected_acceptances = forecast.acceptances();

  // Credits through the last send date (the start when nothing is sent).
  summary.last_send = last_send;
  const Date through = last_send ? std::max(*last_send, s.config.start) : s.config.start;
  const CreditTotals totals = credits.totals_through(through);
  summary.credits_at_start = totals.start_balance;
  summary.credits_granted_in_window = totals.granted;
  summary.credits_forfeited = totals.forfeited;
  summary.credits_used = totals.spent;
  summary.credits_left = totals.balance;
  summary.pending_refunds_at_start = s.pending_refunds;

  summary.invitations_per_week = invitations_per_week(schedule.invitation_days);
  summary.warnings = s.warnings;
  const std::vector<std::string>& masked = s.rules.plan.same_template_masked_fields;
  if (!inmail_runs.empty())
    summary.warnings.push_back(same_template_warning(
        s, "InMails", inmails, inmail_runs, masked_fields_of(s.config.inmail_templates, masked)));
  if (!note_runs.empty())
    summary.warnings.push_back(
        same_template_warning(s, "connection notes", notes, note_runs,
                              masked_fields_of(s.config.connect_templates, masked)));
  unknown_field_warnings(s, summary.warnings);
  if (auto warning = forfeits_ahead_warning(s, credits)) summary.warnings.push_back(*warning);
  const std::size_t invitations = schedule.beyond_horizon[0];
  if (account.weekly_invite_limit == 0 && invitations > 0)
    summary.warnings.push_back(
        fmt::format("invitations-not-scheduled: the weekly invitation limit is 0, so {} "
                    "connection request{} no send time",
                    invitations, invitations == 1 ? " has" : "s have"));
  if (account.sequence.daily_message_limit == 0 && schedule.beyond_horizon[1] > 0)
    summary.warnings.push_back(fmt::format(
        "messages-not-scheduled: the daily message limit is 0, so {} message{} no send time",
        schedule.beyond_horizon[1], schedule.beyond_horizon[1] == 1 ? " has" : "s have"));
  return summary;
}

}  // namespace outreach
