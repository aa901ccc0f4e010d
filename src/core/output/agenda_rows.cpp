// The machine formats of an agenda — tsv, json, ndjson — one row per action (SPEC §10).
//
// TSV columns, in order (a header line first):
//   date      the day it is listed on (YYYY-MM-DD, the account's zone)
//   at        when to send, ISO 8601 with the offset of the prospect's zone; empty when untimed
//   action    connect, message, follow-up, inmail or withdraw
//   prospect  the prospect's id
//   reason    the plan's reason code (connected, follow-up, invite-stale, hard-to-connect, …)
//   step      first or follow-up-N; empty for a withdrawal
//   overdue   true when it fell due before the agenda's first day
//   due       the day it fell due
//   timezone  the zone `at` is shown in; empty when untimed
//   cost      InMail credits
//   note      connect: whether the request carries a note ("true"/"false"); empty otherwise
//   at_utc    the same instant in UTC ("…Z")
//   findings  the rule ids of what the plan's check found in the draft, comma-separated
//   subject   the draft's subject (an InMail's)
//   body      the draft's body
// JSON rows carry the same keys (null for what is empty, overdue and note booleans, cost a
// number), findings as [{"rule", "severity", "message"}] and the draft as {"subject", "body"}
// or null.
#include <algorithm>
#include <ostream>

#include <fmt/compile.h>
#include <fmt/format.h>

#include "output/agenda_table.hpp"
#include "output/calendar_ics.hpp"
#include "output/cells.hpp"
#include "outreach/output.hpp"
#include "support/json_text.hpp"
#include "support/name_table.hpp"

namespace outreach {
namespace {

using detail::append_json_string;

constexpr std::string_view columns[] = {
    "date", "at",       "action", "prospect", "reason", "step",     "variant", "overdue",
    "due",  "timezone", "cost",   "note",     "at_utc", "findings", "subject", "body"};

// The text cells of an item, in the columns' order, empty for what it does not have.
struct Cells {
  std::string at, timezone, at_utc, note, subject, body;
  bool has_subject = false, has_body = false;
};

Cells cells_of(const AgendaItem& item) {
  Cells cells;
  if (item.at) {
    const date::time_zone* zone = item.zone != nullptr ? item.zone : date::locate_zone("UTC");
    cells.at = format_instant(*item.at, zone);
    cells.timezone = std::string(zone->name());
    cells.at_utc = detail::utc_instant(*item.at);
  }
  if (item.action == AgendaAction::connect) cells.note = item.note ? "true" : "false";
  if (item.draft) {
    if (item.draft->subject) {
      cells.subject = *item.draft->subject;
      cells.has_subject = true;
    }
    if (item.draft->body) {
      cells.body = *item.draft->body;
      cells.has_body = true;
    }
  }
  return cells;
}

void write_tsv(const Agenda& agenda, std::ostream& out) {
  std::string text;
  for (std::size_t i = 0; i < std::size(columns); ++i) {
    if (i > 0) text += '\t';
    text += columns[i];
  }
  text += '\n';
  for (const AgendaItem& item : agenda.items) {
    const Cells cells = cells_of(item);
    text += format_date(item.date);
    text += '\t';
    text += cells.at;
    text += '\t';
    text += agenda_action_name(item.action);
    text += '\t';
    detail::append_tsv_field(text, item.prospect);
    text += '\t';
    text += plan_reason_name(item.reason);
    text += '\t';
    text += item.step;
    text += '\t';
    detail::append_tsv_field(text, item.variant.str());
    text += item.overdue ? "\ttrue\t" : "\tfalse\t";
    text += format_date(item.due);
    text += '\t';
    text += cells.timezone;
    text += fmt::format(FMT_COMPILE("\t{}\t"), item.cost);
    text += cells.note;
    text += '\t';
    text += cells.at_utc;
    text += '\t';
    for (std::size_t i = 0; i < item.findings.size(); ++i) {
      if (i > 0) text += ',';
      detail::append_tsv_field(text, item.findings[i].rule);
    }
    text += '\t';
    detail::append_tsv_field(text, cells.subject);
    text += '\t';
    detail::append_tsv_field(text, cells.body);
    text += '\n';
  }
  out << text;
}

void append_string_or_null(std::string& out, const std::string& text) {
  if (text.empty())
    out += "null";
  else
    append_json_string(out, text);
}

void append_item_json(std::string& out, const AgendaItem& item) {
  const Cells cells = cells_of(item);
  out += fmt::format(FMT_COMPILE("{{\"date\":\"{}\",\"at\":"), format_date(item.date));
  append_string_or_null(out, cells.at);
  out += ",\"at_utc\":";
  append_string_or_null(out, cells.at_utc);
  out += ",\"timezone\":";
  append_string_or_null(out, cells.timezone);
  out +=
      fmt::format(FMT_COMPILE(",\"action\":\"{}\",\"prospect\":"), agenda_action_name(item.action));
  append_json_string(out, item.prospect);
  out += fmt::format(FMT_COMPILE(",\"reason\":\"{}\",\"step\":"), plan_reason_name(item.reason));
  append_string_or_null(out, item.step);
  out += ",\"variant\":";
  append_string_or_null(out, item.variant.str());
  out += fmt::format(FMT_COMPILE(",\"overdue\":{},\"due\":\"{}\",\"cost\":{},\"note\":{}"),
                     item.overdue, format_date(item.due), item.cost,
                     cells.note.empty() ? "null" : cells.note);
  out += ",\"findings\":[";
  for (std::size_t i = 0; i < item.findings.size(); ++i) {
    const PlanFinding& finding = item.findings[i];
    if (i) out += ',';
    out += "{\"rule\":";
    append_json_string(out, finding.rule);
    out += ",\"severity\":";
    append_json_string(out, finding.severity);
    out += ",\"message\":";
    append_json_string(out, finding.message);
    out += '}';
  }
  out += "],\"draft\":";
  if (cells.has_body) {
    out += "{\"subject\":";
    if (cells.has_subject)
      append_json_string(out, cells.subject);
    else
      out += "null";
    out += ",\"body\":";
    append_json_string(out, cells.body);
    out += '}';
  } else {
    out += "null";
  }
  out += '}';
}

// NDJSON: one object per action and line. JSON: the same rows, one a line, inside {"from",
// "to", "timezone", "plan_start", "actions": [...]}.
void write_json(const Agenda& agenda, std::ostream& out, bool wrapped) {
  std::string text;
  if (wrapped) {
    const date::time_zone* zone = agenda.zone != nullptr ? agenda.zone : date::locate_zone("UTC");
    text +=
        fmt::format("{{\"from\":\"{}\",\"to\":\"{}\",\"timezone\":", format_date(agenda.first_day),
                    format_date(agenda.last_day));
    append_json_string(text, zone->name());
    text += ",\"plan_start\":";
    append_string_or_null(
        text, agenda.plan_start ? format_instant(*agenda.plan_start, zone) : std::string());
    text += ",\"actions\":[";
  }
  for (std::size_t i = 0; i < agenda.items.size(); ++i) {
    if (wrapped) text += i ? ",\n" : "\n";
    append_item_json(text, agenda.items[i]);
    if (!wrapped) text += '\n';
  }
  if (wrapped) text += agenda.items.empty() ? "]}\n" : "\n]}\n";
  out << text;
}

constexpr detail::NameTable<AgendaFormat, 5> agenda_formats{{{
    {"table", AgendaFormat::table},
    {"tsv", AgendaFormat::tsv},
    {"json", AgendaFormat::json},
    {"ndjson", AgendaFormat::ndjson},
    {"ics", AgendaFormat::ics},
}}};

}  // namespace

std::optional<AgendaFormat> parse_agenda_format(std::string_view name) {
  return agenda_formats.parse(name);
}

const std::vector<std::string>& agenda_format_names() {
  static const std::vector<std::string> names = agenda_formats.names();
  return names;
}

void write_agenda_summary(const Agenda& agenda, std::ostream& out) {
  const date::time_zone* zone = agenda.zone != nullptr ? agenda.zone : date::locate_zone("UTC");
  const auto overdue = std::count_if(agenda.items.begin(), agenda.items.end(),
                                     [](const AgendaItem& item) { return item.overdue; });
  const auto timed = std::count_if(agenda.items.begin(), agenda.items.end(),
                                   [](const AgendaItem& item) { return item.at.has_value(); });
  std::string days = format_date(agenda.first_day);
  if (agenda.last_day != agenda.first_day) days += " to " + format_date(agenda.last_day);
  out << fmt::format("Agenda {}: {} to do ({} overdue, {} at a set time), from the ledger{}\n",
                     days, agenda.items.size(), overdue, timed,
                     agenda.plan_start
                         ? " and a plan from " + format_instant(*agenda.plan_start, zone)
                         : std::string());
}

void write_agenda(const Agenda& agenda, AgendaFormat format, std::ostream& out, bool color) {
  switch (format) {
    case AgendaFormat::table:
      return detail::write_agenda_table(agenda, out, color);
    case AgendaFormat::tsv:
      return write_tsv(agenda, out);
    case AgendaFormat::json:
      return write_json(agenda, out, true);
    case AgendaFormat::ndjson:
      return write_json(agenda, out, false);
    case AgendaFormat::ics:
      return detail::write_agenda_calendar(agenda, out);
  }
}

}  // namespace outreach
