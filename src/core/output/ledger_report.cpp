// `outreach ledger show`: the events in file order as a table, one JSON object, or NDJSON.
#include <algorithm>
#include <ostream>

#include <fmt/format.h>

#include "ledger/event.hpp"
#include "output/json_writer.hpp"
#include "outreach/output.hpp"

namespace outreach {
namespace {

std::string text_report(const std::vector<LedgerEvent>& events, const std::string& path) {
  if (events.empty()) return fmt::format("No events in {}\n", printable(path));
  std::vector<std::string> prospects;
  prospects.reserve(events.size());
  std::size_t width = 8;
  for (const LedgerEvent& event : events) {
    prospects.push_back(printable(event.prospect));
    width = std::max(width, prospects.back().size());
  }
  std::string out = fmt::format("{:>5}  {:<10}  {:<16}  {}\n", "LINE", "DATE", "TYPE", "PROSPECT");
  Date first = events.front().date, last = events.front().date;
  for (std::size_t i = 0; i < events.size(); ++i) {
    const LedgerEvent& event = events[i];
    first = std::min(first, event.date);
    last = std::max(last, event.date);
    std::string note = event.type == EventType::invite_sent ? (event.note ? "" : "  without a note")
                       : event.type != EventType::inmail_sent ? ""
                       : event.free                           ? "  free (Open Profile)"
                                                              : "  paid";
    if (!event.template_name.empty()) note += "  template " + printable(event.template_name);
    if (!event.reason.empty()) note += "  reason " + event.reason;
    std::string line =
        fmt::format("{:>5}  {}  {:<16}  {:<{}}{}", event.line, format_date(event.date),
                    event_type_name(event.type), prospects[i], width, note);
    while (!line.empty() && line.back() == ' ') line.pop_back();
    out += line;
    out += '\n';
  }
  out +=
      fmt::format("{} event{} from {} to {} in {}\n", events.size(), events.size() == 1 ? "" : "s",
                  format_date(first), format_date(last), printable(path));
  return out;
}

void json_events(detail::JsonWriter& json, const std::vector<LedgerEvent>& events) {
  json.key("events").begin_array();
  for (const LedgerEvent& event : events) {
    json.begin_object();
    json.key("line").number(static_cast<std::int64_t>(event.line));
    json.key("date").string(format_date(event.date));
    json.key("type").string(event_type_name(event.type));
    json.key("prospect").string(event.prospect);
    if (event.type == EventType::inmail_sent) json.key("free").boolean(event.free);
    if (event.type == EventType::invite_sent && !event.note) json.key("note").boolean(false);
    if (!event.template_name.empty()) json.key("template").string(event.template_name);
    if (!event.reason.empty()) json.key("reason").string(event.reason);
    json.end_object();
  }
  json.end_array();
}

std::string json_report(const std::vector<LedgerEvent>& events, const std::string& path) {
  std::string out;
  detail::JsonWriter json(out, 2);
  json.begin_object().key("ledger").string(path);
  json_events(json, events);
  json.end_object();
  out += '\n';
  return out;
}

std::string_view action_name(ThreadState::Kind kind) {
  switch (kind) {
    case ThreadState::Kind::open:
      return "open";
    case ThreadState::Kind::skip:
      return "skip";
    case ThreadState::Kind::message:
      return "message";
  }
  return "?";
}

// "first" or "follow-up-N", as the plan's `step` column says it.
std::string step_name(const ThreadState& thread) {
  return thread.followup == 0 ? "first" : fmt::format("follow-up-{}", thread.followup);
}

// One line that says what the thread makes of the prospect on the day, in the plan's words.
std::string state_line(const ThreadState& thread) {
  std::string line = fmt::format("{} on {}: ", printable(thread.prospect), format_date(thread.day));
  switch (thread.kind) {
    case ThreadState::Kind::skip:
      line += fmt::format("skip, {}", plan_reason_name(thread.reason));
      break;
    case ThreadState::Kind::message:
      line += fmt::format("message, {}: the {} message", plan_reason_name(thread.reason),
                          thread.followup == 0 ? "first" : step_name(thread));
      if (thread.not_before)
        line += fmt::format(", on or after {}", format_date(*thread.not_before));
      break;
    case ThreadState::Kind::open:
      line += thread.events.empty() ? "open, no thread: the plan's table decides"
              : thread.starts_over  ? "open, the thread is older than recontact_after_days: a "
                                      "new campaign, the plan's table decides"
                                    : "open, the plan's table decides";
      if (thread.connect_not_before)
        line += fmt::format("; no new invitation before {} (withdrawn)",
                            format_date(*thread.connect_not_before));
      break;
  }
  if (thread.inmail_blocked) line += "; no second InMail without a reply";
  return line + '\n';
}

std::string json_thread(const ThreadState& thread, const std::string& path) {
  std::string out;
  detail::JsonWriter json(out, 2);
  json.begin_object().key("ledger").string(path).key("prospect").string(thread.prospect);
  json.key("date").string(format_date(thread.day));
  json_events(json, thread.events);
  json.key("state").begin_object().key("action").string(action_name(thread.kind));
  if (thread.kind != ThreadState::Kind::open)
    json.key("reason").string(plan_reason_name(thread.reason));
  if (thread.kind == ThreadState::Kind::message) json.key("step").string(step_name(thread));
  if (thread.not_before) json.key("not_before").string(format_date(*thread.not_before));
  if (thread.connect_not_before)
    json.key("connect_not_before").string(format_date(*thread.connect_not_before));
  json.key("connected").boolean(thread.connected);
  json.key("inmail_blocked").boolean(thread.inmail_blocked);
  json.key("starts_over").boolean(thread.starts_over);
  json.end_object().end_object();
  out += '\n';
  return out;
}

std::string ndjson_report(const std::vector<LedgerEvent>& events) {
  std::string out;
  for (const LedgerEvent& event : events) {
    out += format_ledger_event(event);
    out += '\n';
  }
  return out;
}

}  // namespace

void write_prospect_thread(const ThreadState& thread, const std::string& ledger_path,
                           ReportFormat format, std::ostream& out) {
  switch (format) {
    case ReportFormat::text:
      if (thread.events.empty())
        out << fmt::format("No events for {} in {}\n", printable(thread.prospect),
                           printable(ledger_path));
      else
        out << text_report(thread.events, ledger_path);
      out << state_line(thread);
      return;
    case ReportFormat::json:
      out << json_thread(thread, ledger_path);
      return;
    case ReportFormat::ndjson:
      out << ndjson_report(thread.events);
      return;
  }
}

void write_ledger_events(const std::vector<LedgerEvent>& events, const std::string& ledger_path,
                         ReportFormat format, std::ostream& out) {
  switch (format) {
    case ReportFormat::text:
      out << text_report(events, ledger_path);
      return;
    case ReportFormat::json:
      out << json_report(events, ledger_path);
      return;
    case ReportFormat::ndjson:
      out << ndjson_report(events);
      return;
  }
}

}  // namespace outreach
