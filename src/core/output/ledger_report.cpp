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
    const std::string note = event.type == EventType::invite_sent
                                 ? (event.note ? "" : "  without a note")
                             : event.type != EventType::inmail_sent ? ""
                             : event.free                           ? "  free (Open Profile)"
                                                                    : "  paid";
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

std::string json_report(const std::vector<LedgerEvent>& events, const std::string& path) {
  std::string out;
  detail::JsonWriter json(out, 2);
  json.begin_object().key("ledger").string(path).key("events").begin_array();
  for (const LedgerEvent& event : events) {
    json.begin_object();
    json.key("line").number(static_cast<std::int64_t>(event.line));
    json.key("date").string(format_date(event.date));
    json.key("type").string(event_type_name(event.type));
    json.key("prospect").string(event.prospect);
    if (event.type == EventType::inmail_sent) json.key("free").boolean(event.free);
    if (event.type == EventType::invite_sent && !event.note) json.key("note").boolean(false);
    json.end_object();
  }
  json.end_array().end_object();
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
