// The campaign's summary as people read it (on stderr beside the table, TSV and CSV).
#include <ostream>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "outreach/calendar.hpp"
#include "outreach/output.hpp"
#include "outreach/text.hpp"

namespace outreach {
namespace {

// "2026-11-30 80, 2026-12-07 to 2031-08-04 100 each (244 weeks), 2031-08-11 50": a long plan
// fills week after week to the weekly limit, and a line with one entry per week would run to
// thousands of entries. Three or more consecutive weeks with the same count make one run.
std::string weekly_runs(const std::vector<std::pair<Date, int>>& weeks) {
  constexpr std::size_t shortest_run = 3;
  std::string text;
  for (std::size_t first = 0; first < weeks.size();) {
    std::size_t last = first;
    while (last + 1 < weeks.size() && weeks[last + 1].second == weeks[first].second &&
           weeks[last + 1].first - weeks[last].first == date::days(7))
      ++last;
    if (!text.empty()) text += ", ";
    const std::size_t length = last - first + 1;
    if (length >= shortest_run) {
      text += fmt::format("{} to {} {} each ({} weeks)", format_date(weeks[first].first),
                          format_date(weeks[last].first), weeks[first].second, length);
      first = last + 1;
    } else {
      text += fmt::format("{} {}", format_date(weeks[first].first), weeks[first].second);
      ++first;
    }
  }
  return text;
}

std::string whole_percent(double share) { return fmt::format("{:.0f}", share * 100); }

// "rates: own for connect 28–40% (148 outcomes); priors for message, inmail (12, 3 of the 30
// outcomes that make an own rate)": which rate each expected range used (SPEC §12).
std::string rate_sources_text(const PlanSummary& s) {
  std::vector<std::string> own, priors, counts;
  for (const SendChannel channel :
       {SendChannel::connect, SendChannel::message, SendChannel::inmail}) {
    const RateSource& source = s.rate_sources[static_cast<std::size_t>(channel)];
    const std::string_view name = send_channel_name(channel);
    if (source.learned) {
      own.push_back(fmt::format("{} {}–{}% ({} outcomes)", name, whole_percent(source.rate.low),
                                whole_percent(source.rate.high), source.outcomes));
    } else {
      priors.emplace_back(name);
      counts.push_back(std::to_string(source.outcomes));
    }
  }
  std::string text = "rates: ";
  if (!own.empty()) text += fmt::format("own for {}", fmt::join(own, ", "));
  if (!priors.empty())
    text += fmt::format("{}priors for {} ({} of the {} outcomes that make an own rate)",
                        own.empty() ? "" : "; ", fmt::join(priors, ", "), fmt::join(counts, ", "),
                        s.learn_after_outcomes);
  return text;
}

}  // namespace

void write_plan_summary(const PlanSummary& s, std::ostream& out) {
  const auto range = [](const Range& r) { return fmt::format("{:.1f}-{:.1f}", r.low, r.high); };
  const std::string from =
      s.starts_now
          ? fmt::format("now ({})",
                        format_instant(s.start_at, s.zone ? s.zone : date::locate_zone("UTC")))
          : format_date(s.start);
  std::string text =
      fmt::format("Plan of {} prospect{} from {} to {} (plan {})\n", s.prospects,
                  s.prospects == 1 ? "" : "s", from, format_date(s.until), printable(s.plan));
  text += fmt::format(
      "  channels: {} message{}, {} inmail, {} connect, {} message-ad, {} skip\n", s.count_message,
      s.count_followups > 0
          ? fmt::format(" ({} follow-up{})", s.count_followups, s.count_followups == 1 ? "" : "s")
          : std::string(),
      s.count_inmail, s.count_connect, s.count_message_ad, s.count_skip);
  if (s.count_beyond_horizon > 0)
    text += fmt::format(
        "  beyond the horizon: {} (their sends would fall after {}; --until plans further)\n",
        s.count_beyond_horizon, format_date(s.until));
  if (s.count_excluded > 0)
    text += fmt::format("  excluded: {} (on a --exclude list)\n", s.count_excluded);
  if (s.connections_matched > 0)
    text +=
        fmt::format("  connections: {} prospect{} found in --connections, planned as 1st-degree\n",
                    s.connections_matched, s.connections_matched == 1 ? "" : "s");
  if (s.group_messages > 0) text += fmt::format("  group conversations: {}\n", s.group_messages);
  if (s.count_connect_without_note > 0)
    text += fmt::format(
        "  without a note: {} connection request{} (past the plan's {} personalised notes a "
        "month)\n",
        s.count_connect_without_note, s.count_connect_without_note == 1 ? "" : "s",
        s.notes_per_month.value_or(0));
  text += fmt::format("  credits: {} at the start, {} granted, {} forfeited, {} used, {} left{}\n",
                      s.credits_at_start, s.credits_granted_in_window, s.credits_forfeited,
                      s.credits_used, s.credits_left,
                      s.last_send ? " on " + format_date(*s.last_send) : std::string());
  if (s.pending_refunds_at_start > 0)
    text += fmt::format("  refunds pending at the start: {}\n", s.pending_refunds_at_start);
  text += fmt::format("  expected: {} replies, {} credits refunded, {} invitations accepted\n",
                      range(s.expected_replies), range(s.expected_refunds),
                      range(s.expected_acceptances));
  text += "  " + rate_sources_text(s) + '\n';
  if (!s.invitations_per_week.empty())
    text += "  invitations per week: " + weekly_runs(s.invitations_per_week) + '\n';
  text += fmt::format("  last send: {}\n",
                      s.last_send ? format_date(*s.last_send) : std::string("none"));
  if (s.prospects_with_errors > 0)
    text += fmt::format("  {} prospect{} with error-level findings\n", s.prospects_with_errors,
                        s.prospects_with_errors == 1 ? "" : "s");
  for (const std::string& warning : s.warnings)
    text += "outreach: warning: " + printable(warning) + '\n';
  out << text;
}

}  // namespace outreach
