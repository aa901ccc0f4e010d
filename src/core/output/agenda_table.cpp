// The agenda for a terminal, grouped by day (SPEC §10 "The agenda").
#include "output/agenda_table.hpp"

#include <algorithm>
#include <array>
#include <ostream>
#include <span>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "output/terminal.hpp"
#include "outreach/calendar.hpp"
#include "outreach/text.hpp"

namespace outreach::detail {
namespace {

constexpr std::size_t max_id_width = 32;
constexpr std::array<const char*, 7> weekdays = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};

std::string day_title(Date day) {
  return fmt::format("{} {}", weekdays[static_cast<std::size_t>(weekday_of(day))],
                     format_date(day));
}

// "09:00 CET" in the prospect's zone; the weekday too when that is another day than the one
// it is listed on (a Sydney morning is the evening before in Paris).
std::string local_time(const AgendaItem& item) {
  if (!item.at) return "-";
  const date::time_zone* zone = item.zone != nullptr ? item.zone : date::locate_zone("UTC");
  const date::sys_info info = zone->get_info(*item.at);
  const auto local = *item.at + info.offset;
  const Date day{date::floor<date::days>(local)};
  const date::hh_mm_ss<std::chrono::seconds> time{local - day};
  return fmt::format("{}{:02}:{:02} {}",
                     day == item.date
                         ? std::string()
                         : std::string(weekdays[static_cast<std::size_t>(weekday_of(day))]) + " ",
                     time.hours().count(), time.minutes().count(), printable(info.abbrev));
}

enum Column { time, zone, action, prospect, reason, step, due, column_count };
using Row = std::array<std::string, column_count>;

Row cells_of(const AgendaItem& item) {
  std::string due_text;
  if (item.overdue) due_text = "overdue since " + day_title(item.due);
  if (item.cost > 0)
    due_text += (due_text.empty() ? "" : ", ") + fmt::format("{} credit", item.cost);
  if (item.action == AgendaAction::connect && !item.note)
    due_text += (due_text.empty() ? "" : ", ") + std::string("no note");
  return {local_time(item),
          item.at && item.zone != nullptr ? printable(item.zone->name()) : "-",
          std::string(agenda_action_name(item.action)),
          fitted(item.prospect, max_id_width),
          std::string(plan_reason_name(item.reason)),
          item.step.empty() ? "-" : item.step,
          due_text};
}

// The draft under its action, indented, one line of text a line.
void write_draft(const RowExtras& draft, std::ostream& out) {
  const auto write_lines = [&out](std::string_view text) {
    while (!text.empty()) {
      const std::size_t end = text.find('\n');
      const std::string_view line = text.substr(0, end);
      out << (line.empty() ? "" : "      ") << printable(line) << '\n';
      if (end == std::string_view::npos) break;
      text.remove_prefix(end + 1);
    }
  };
  if (draft.subject) write_lines("Subject: " + *draft.subject);
  if (draft.body) write_lines(*draft.body);
}

}  // namespace

void write_agenda_table(const Agenda& agenda, std::ostream& out, bool color) {
  const auto items = std::span(agenda.items);
  std::size_t next = 0;
  for (Date day = agenda.first_day; day <= agenda.last_day; day += date::days{1}) {
    std::size_t end = next;
    while (end < items.size() && items[end].date == day) ++end;
    const auto today = items.subspan(next, end - next);
    next = end;
    if (day != agenda.first_day) out << '\n';
    const std::size_t overdue = static_cast<std::size_t>(std::count_if(
        today.begin(), today.end(), [](const AgendaItem& item) { return item.overdue; }));
    std::string title = day_title(day);
    if (today.empty())
      title += ": nothing to do";
    else
      title += fmt::format(": {} to do{}", today.size(),
                           overdue > 0 ? fmt::format(", {} overdue", overdue) : std::string());
    out << (color ? bold : "") << title << (color ? reset : "") << '\n';
    if (today.empty()) continue;

    std::vector<Row> rows;
    rows.reserve(today.size());
    std::array<std::size_t, column_count> widths{};
    for (const AgendaItem& item : today) {
      rows.push_back(cells_of(item));
      for (std::size_t c = 0; c < column_count; ++c)
        widths[c] = std::max(widths[c], display_width(rows.back()[c]));
    }
    for (std::size_t i = 0; i < today.size(); ++i) {
      const Row& cells = rows[i];
      std::string line = "  ";
      for (std::size_t c = 0; c < column_count; ++c) {
        if (c > 0) line += "  ";
        const bool last = c + 1 == column_count;
        line += cells[c];
        if (!last) line += std::string(widths[c] - display_width(cells[c]), ' ');
      }
      while (!line.empty() && line.back() == ' ') line.pop_back();
      if (color && today[i].overdue) line = std::string(red) + line + reset;
      out << line << '\n';
      for (const PlanFinding& finding : today[i].findings) {
        const bool error = finding.severity == "error";
        out << "      " << (color ? (error ? red : yellow) : "") << printable(finding.severity)
            << (color ? reset : "") << "  " << printable(finding.rule) << ": "
            << printable(finding.message) << '\n';
      }
      if (today[i].draft) {
        write_draft(*today[i].draft, out);
        if (i + 1 < today.size()) out << '\n';
      }
    }
  }
}

}  // namespace outreach::detail
