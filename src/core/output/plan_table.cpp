// The plan as an aligned table for a terminal, then its findings one per line.
#include "output/plan_table.hpp"

#include <algorithm>
#include <array>
#include <ostream>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "output/cells.hpp"
#include "output/column_fit.hpp"
#include "output/terminal.hpp"
#include "outreach/calendar.hpp"
#include "outreach/text.hpp"

namespace outreach::detail {
namespace {

// Widest cell of the columns that hold prospect text; longer text is cut with "…".
constexpr std::size_t max_id_width = 32;
constexpr std::size_t max_group_width = 20;
// Narrower than this, a finding's text is not wrapped under its first line (the terminal wraps).
constexpr std::size_t min_wrap_width = 20;

// "Tue 2026-12-01 09:00 EST" in the row's zone; without the year ("Tue 12-01 09:00 EST") when
// the table must be narrower.
std::string local_send_time(const PlannedProspect& row, bool with_year = true) {
  if (!row.send_at) return "-";
  const date::time_zone* zone = row.zone != nullptr ? row.zone : utc_time_zone();
  const date::sys_info info = zone->get_info(*row.send_at);
  const auto local = *row.send_at + info.offset;
  const auto day = date::floor<date::days>(local);
  const date::hh_mm_ss<std::chrono::seconds> time{local - day};
  static constexpr std::array<const char*, 7> weekdays = {"Sun", "Mon", "Tue", "Wed",
                                                          "Thu", "Fri", "Sat"};
  const std::string full_date = format_date(Date{day});
  return fmt::format("{} {} {:02}:{:02} {}",
                     weekdays[static_cast<std::size_t>(weekday_of(Date{day}))],
                     with_year ? full_date : full_date.substr(5), time.hours().count(),
                     time.minutes().count(), printable(info.abbrev));
}

enum Column { id, channel, reason, step, cost, send_at, group, then, findings, column_count };
using Row = std::array<std::string, column_count>;

// How the columns give way on a narrow terminal (see column_fit.hpp): ids and groups may be
// cut, send times lose their year; then whole columns go: THEN first (a connection
// request is always followed by a message), then GROUP, then FINDINGS (listed again under the
// table), then STEP, then COST, then SEND AT. ID, CHANNEL and REASON stay. A new column is
// one entry.
constexpr std::array<ColumnGive, column_count> column_give = {{
    {12, 0},  // id
    {0, 0},   // channel
    {0, 0},   // reason
    {0, 3},   // step
    {0, 2},   // cost
    {0, 1},   // send_at: its narrowest is the width without the year, measured per table
    {10, 5},  // group
    {0, 6},   // then
    {14, 4},  // findings
}};

Row cells_of(const PlannedProspect& row) {
  const std::string rules = finding_rules(row);
  const std::string then_text = followups_text(row);
  return {fitted(row.id, max_id_width),
          std::string(plan_channel_name(row.channel)),
          std::string(plan_reason_name(row.reason)),
          row.channel == PlanChannel::skip ? "-" : row.step(),
          fmt::format("{}", row.cost),
          local_send_time(row),
          row.group.empty() ? "-" : fitted(row.group.str(), max_group_width),
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

void write_plan_table(const PlanResult& plan, std::ostream& out, bool color,
                      std::size_t max_width) {
  const Row header = {"ID",      "CHANNEL", "REASON", "STEP",    "COST",
                      "SEND AT", "GROUP",   "THEN",   "FINDINGS"};
  // Columns that are the same for every row of most plans show only when they say something.
  const bool any_group = std::any_of(plan.prospects.begin(), plan.prospects.end(),
                                     [](const PlannedProspect& row) { return !row.group.empty(); });
  const bool any_followup =
      std::any_of(plan.prospects.begin(), plan.prospects.end(),
                  [](const PlannedProspect& row) { return row.followup > 0; });
  // Two passes over the rows (widths, then text) rather than a second copy of the plan.
  std::array<std::size_t, column_count> natural{};
  for (std::size_t c = 0; c < column_count; ++c) natural[c] = display_width(header[c]);
  std::size_t short_send_at = natural[send_at];
  for (const PlannedProspect& row : plan.prospects) {
    const Row cells = cells_of(row);
    for (std::size_t c = 0; c < column_count; ++c)
      natural[c] = std::max(natural[c], display_width(cells[c]));
    if (max_width > 0)
      short_send_at = std::max(short_send_at, display_width(local_send_time(row, false)));
  }
  if (!any_group) natural[group] = 0;
  if (!any_followup) natural[step] = 0;
  std::array<ColumnGive, column_count> give = column_give;
  give[send_at].narrowest = short_send_at;
  std::vector<std::size_t> widths = fit_columns(natural, give, max_width);
  // A send time that had to give way is shown without its year, and takes only that room.
  const bool without_year = widths[send_at] > 0 && widths[send_at] < natural[send_at];
  if (without_year) widths[send_at] = short_send_at;
  std::size_t last_shown = 0;
  for (std::size_t c = 0; c < column_count; ++c)
    if (widths[c] > 0) last_shown = c;

  const auto write_row = [&](const Row& cells, const PlannedProspect* row) {
    std::string line;
    for (std::size_t c = 0; c < column_count; ++c) {
      if (widths[c] == 0) continue;
      if (!line.empty()) line += "  ";
      const bool cut = display_width(cells[c]) > widths[c];
      const std::string cell = cut ? fitted(cells[c], widths[c]) : cells[c];
      const std::string padding(c == last_shown ? 0 : widths[c] - display_width(cell), ' ');
      if (c == cost)
        line += padding + cell;  // numbers align right
      else if (c == findings && color && !cut && row != nullptr && !row->findings.empty())
        line += coloured_findings(*row) + padding;
      else
        line += cell + padding;
    }
    if (color && row == nullptr) line = bold + line + reset;
    out << line << '\n';
  };
  write_row(header, nullptr);
  for (const PlannedProspect& row : plan.prospects) {
    Row cells = cells_of(row);
    if (without_year) cells[send_at] = local_send_time(row, false);
    write_row(cells, &row);
  }

  bool titled = false;
  for (const PlannedProspect& row : plan.prospects) {
    for (const PlanFinding& finding : row.findings) {
      if (!titled) out << "\nFindings:\n";
      titled = true;
      const std::string id_cell = fitted(row.id, max_id_width);
      const std::string severity =
          color ? (finding.severity == "error" ? red : yellow) + printable(finding.severity) + reset
                : printable(finding.severity);
      // On a narrow terminal the text wraps between words, under its first line.
      const std::size_t indent =
          2 + display_width(id_cell) + 2 + display_width(printable(finding.severity)) + 2;
      const std::vector<std::string> lines =
          wrapped(printable(finding.rule) + ": " + printable(finding.message),
                  max_width > indent + min_wrap_width ? max_width - indent : 0);
      out << "  " << id_cell << "  " << severity << "  " << lines.front() << '\n';
      for (std::size_t i = 1; i < lines.size(); ++i)
        out << std::string(indent, ' ') << lines[i] << '\n';
    }
  }
}

}  // namespace outreach::detail
