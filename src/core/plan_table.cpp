// The human formats of a plan: an aligned table for a terminal, and the campaign summary.
#include "plan_table.hpp"

#include <algorithm>
#include <array>
#include <ostream>
#include <string>
#include <vector>

#include <fmt/format.h>
#include <utf8proc.h>

#include "outreach/calendar.hpp"
#include "outreach/plan_output.hpp"
#include "outreach/text.hpp"
#include "plan_cells.hpp"

namespace outreach::detail {
namespace {

// Widest cell of the columns that hold prospect text; longer text is cut with "…".
constexpr std::size_t max_id_width = 32;
constexpr std::size_t max_group_width = 20;

const char* const bold = "\x1b[1m";
const char* const red = "\x1b[31m";
const char* const yellow = "\x1b[33m";
const char* const reset = "\x1b[0m";

// Terminal columns of printable text (wide East Asian characters take two).
std::size_t display_width(std::string_view text) {
  std::size_t width = 0;
  for (std::size_t i = 0; i < text.size();) {
    utf8proc_int32_t code = 0;
    const auto length = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(text.data() + i),
                                         static_cast<utf8proc_ssize_t>(text.size() - i), &code);
    if (length <= 0) return width + (text.size() - i);
    width += static_cast<std::size_t>(std::max(0, utf8proc_charwidth(code)));
    i += static_cast<std::size_t>(length);
  }
  return width;
}

// Printable text cut to `max` columns, ending in "…" when cut.
std::string fitted(std::string_view text, std::size_t max) {
  std::string safe = printable(text);
  if (display_width(safe) <= max) return safe;
  std::string out;
  std::size_t width = 0;
  for (std::size_t i = 0; i < safe.size();) {
    utf8proc_int32_t code = 0;
    const auto length = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(safe.data() + i),
                                         static_cast<utf8proc_ssize_t>(safe.size() - i), &code);
    if (length <= 0) break;
    const auto w = static_cast<std::size_t>(std::max(0, utf8proc_charwidth(code)));
    if (width + w + 1 > max) break;
    out.append(safe, i, static_cast<std::size_t>(length));
    width += w;
    i += static_cast<std::size_t>(length);
  }
  return out + "\xE2\x80\xA6";  // …
}

// "Tue 2026-12-01 09:00 EST" in the row's zone.
std::string local_send_time(const PlannedProspect& row) {
  if (!row.send_at) return "-";
  const date::time_zone* zone = row.zone != nullptr ? row.zone : date::locate_zone("UTC");
  const date::sys_info info = zone->get_info(*row.send_at);
  const auto local = *row.send_at + info.offset;
  const auto day = date::floor<date::days>(local);
  const date::hh_mm_ss<std::chrono::seconds> time{local - day};
  static constexpr std::array<const char*, 7> weekdays = {"Sun", "Mon", "Tue", "Wed",
                                                          "Thu", "Fri", "Sat"};
  return fmt::format(
      "{} {} {:02}:{:02} {}", weekdays[static_cast<std::size_t>(weekday_of(Date{day}))],
      format_date(Date{day}), time.hours().count(), time.minutes().count(), printable(info.abbrev));
}

enum Column { id, channel, reason, cost, send_at, group, then, findings, column_count };
using Row = std::array<std::string, column_count>;

Row cells_of(const PlannedProspect& row) {
  const std::string rules = finding_rules(row);
  const std::string then_text = followups_text(row);
  return {fitted(row.id, max_id_width),
          std::string(plan_channel_name(row.channel)),
          std::string(plan_reason_name(row.reason)),
          fmt::format("{}", row.cost),
          local_send_time(row),
          row.group.empty() ? "-" : fitted(row.group, max_group_width),
          then_text.empty() ? "-" : printable(then_text),
          rules.empty() ? "-" : printable(rules)};
}

// The findings column, with each rule id coloured by its severity.
std::string coloured_findings(const PlannedProspect& row) {
  std::string out;
  for (const PlanFinding& finding : row.findings) {
    if (!out.empty()) out += ',';
    out += finding.severity == "error" ? red : yellow;
    out += printable(finding.rule);
    out += reset;
  }
  return out;
}

}  // namespace

void write_plan_table(const PlanResult& plan, std::ostream& out, bool color) {
  const Row header = {"ID", "CHANNEL", "REASON", "COST", "SEND AT", "GROUP", "THEN", "FINDINGS"};
  const bool any_group = std::any_of(plan.prospects.begin(), plan.prospects.end(),
                                     [](const PlannedProspect& row) { return !row.group.empty(); });
  // Two passes over the rows (widths, then text) rather than a second copy of the plan.
  std::array<std::size_t, column_count> widths{};
  for (std::size_t c = 0; c < column_count; ++c) widths[c] = display_width(header[c]);
  for (const PlannedProspect& row : plan.prospects) {
    const Row cells = cells_of(row);
    for (std::size_t c = 0; c < column_count; ++c)
      widths[c] = std::max(widths[c], display_width(cells[c]));
  }
  const auto write_row = [&](const Row& cells, const PlannedProspect* row) {
    std::string line;
    for (std::size_t c = 0; c < column_count; ++c) {
      if (c == group && !any_group) continue;
      if (!line.empty()) line += "  ";
      const bool last = c + 1 == column_count;
      const std::string padding(last ? 0 : widths[c] - display_width(cells[c]), ' ');
      if (c == cost)
        line += padding + cells[c];  // numbers align right
      else if (c == findings && color && row != nullptr && !row->findings.empty())
        line += coloured_findings(*row);
      else
        line += cells[c] + padding;
    }
    if (color && row == nullptr) line = bold + line + reset;
    out << line << '\n';
  };
  write_row(header, nullptr);
  for (const PlannedProspect& row : plan.prospects) write_row(cells_of(row), &row);

  bool titled = false;
  for (const PlannedProspect& row : plan.prospects) {
    for (const PlanFinding& finding : row.findings) {
      if (!titled) out << "\nFindings:\n";
      titled = true;
      const std::string severity =
          color ? (finding.severity == "error" ? red : yellow) + printable(finding.severity) + reset
                : printable(finding.severity);
      out << "  " << fitted(row.id, max_id_width) << "  " << severity << "  "
          << printable(finding.rule) << ": " << printable(finding.message) << '\n';
    }
  }
}

// "2026-11-30 80, 2026-12-07 to 2031-08-04 100 each (244 weeks), 2031-08-11 50": a long plan
// fills week after week to the weekly limit, and a line with one entry per week would run to
// thousands of entries. Three or more consecutive weeks with the same count make one run.
static std::string weekly_runs(const std::vector<std::pair<Date, int>>& weeks) {
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

}  // namespace outreach::detail

namespace outreach {

void write_plan_summary(const PlanSummary& s, std::ostream& out) {
  const auto range = [](const Range& r) { return fmt::format("{:.1f}-{:.1f}", r.low, r.high); };
  std::string text = fmt::format("Plan of {} prospects from {} (plan {})\n", s.prospects,
                                 format_date(s.start), printable(s.plan));
  text += fmt::format("  channels: {} message, {} inmail, {} connect, {} message-ad, {} skip\n",
                      s.count_message, s.count_inmail, s.count_connect, s.count_message_ad,
                      s.count_skip);
  if (s.group_messages > 0) text += fmt::format("  group conversations: {}\n", s.group_messages);
  text += fmt::format("  credits: {} at the start, {} granted, {} forfeited, {} used, {} left{}\n",
                      s.credits_at_start, s.credits_granted_in_window, s.credits_forfeited,
                      s.credits_used, s.credits_left,
                      s.last_send ? " on " + format_date(*s.last_send) : std::string());
  if (s.pending_refunds_at_start > 0)
    text += fmt::format("  refunds pending at the start: {}\n", s.pending_refunds_at_start);
  text += fmt::format("  expected: {} replies, {} credits refunded, {} invitations accepted\n",
                      range(s.expected_replies), range(s.expected_refunds),
                      range(s.expected_acceptances));
  if (!s.invitations_per_week.empty())
    text += "  invitations per week: " + detail::weekly_runs(s.invitations_per_week) + '\n';
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
