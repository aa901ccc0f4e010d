// The plan as an aligned table for a terminal, then its findings one per line.
#include "output/plan_table.hpp"

#include <algorithm>
#include <array>
#include <ostream>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "output/cells.hpp"
#include "output/terminal.hpp"
#include "outreach/calendar.hpp"
#include "outreach/text.hpp"

namespace outreach::detail {
namespace {

// Widest cell of the columns that hold prospect text; longer text is cut with "…".
constexpr std::size_t max_id_width = 32;
constexpr std::size_t max_group_width = 20;

// "Tue 2026-12-01 09:00 EST" in the row's zone.
std::string local_send_time(const PlannedProspect& row) {
  if (!row.send_at) return "-";
  const date::time_zone* zone = row.zone != nullptr ? row.zone : utc_time_zone();
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

}  // namespace outreach::detail
