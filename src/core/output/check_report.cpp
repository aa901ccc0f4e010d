// `outreach check`'s report: one line per finding in the form editors and CI annotate, then
// the counts against the limits, per file; or the same as one JSON object.
#include <ostream>

#include <fmt/format.h>

#include "output/json_writer.hpp"
#include "output/terminal.hpp"
#include "outreach/error.hpp"
#include "outreach/output.hpp"

namespace outreach {
namespace {

std::string severity_label(const std::string& severity, bool color) {
  if (!color) return severity;
  return fmt::format("{}{}{}", severity == "error" ? detail::bold_red : detail::bold_yellow,
                     severity, detail::reset);
}

// "draft.txt: inmail, subject 18/200, body 312/1900"
std::string counts_line(const CheckedDraft& draft, CountUnit unit) {
  const DraftCounts& c = draft.result.counts;
  std::string line = fmt::format("{}: {}", printable(draft.name), draft.result.channel);
  if (c.limit_subject > 0)
    line += fmt::format(", subject {}/{}", c.subject, c.limit_subject);
  else if (c.subject > 0)
    line += fmt::format(", subject {} (none allowed)", c.subject);
  line += fmt::format(", body {}/{}", c.body, c.limit_body);
  if (unit != CountUnit::utf16) line += fmt::format(" ({})", count_unit_name(unit));
  return line;
}

void write_text(const std::vector<CheckedDraft>& drafts, CountUnit unit, bool color,
                std::ostream& out) {
  std::string text;
  for (const CheckedDraft& draft : drafts) {
    const std::string name = printable(draft.name);
    for (const Diagnostic& d : draft.result.diagnostics)
      text += fmt::format("{}:{}:{}: {}: {} [{}]\n", name, d.line, d.column,
                          severity_label(d.severity, color), d.message, d.rule);
    text += counts_line(draft, unit);
    text += '\n';
  }
  out << text;
}

void write_json(const std::vector<CheckedDraft>& drafts, std::ostream& out) {
  std::string text;
  detail::JsonWriter json(text);
  json.begin_object().key("files").begin_array();
  for (const CheckedDraft& draft : drafts) {
    const DraftCounts& c = draft.result.counts;
    json.begin_object();
    json.key("file").string(draft.name);
    json.key("channel").string(draft.result.channel);
    json.key("counts").begin_object();
    json.key("subject").number(static_cast<std::int64_t>(c.subject));
    json.key("body").number(static_cast<std::int64_t>(c.body));
    json.key("limit_subject").number(static_cast<std::int64_t>(c.limit_subject));
    json.key("limit_body").number(static_cast<std::int64_t>(c.limit_body));
    json.end_object();
    json.key("diagnostics").begin_array();
    for (const Diagnostic& d : draft.result.diagnostics) {
      json.begin_object();
      json.key("rule").string(d.rule);
      json.key("severity").string(d.severity);
      json.key("line").number(static_cast<std::int64_t>(d.line));
      json.key("column").number(static_cast<std::int64_t>(d.column));
      json.key("message").string(d.message);
      json.end_object();
    }
    json.end_array().end_object();
  }
  json.end_array().end_object();
  out << text << '\n';
}

}  // namespace

void write_check_report(const std::vector<CheckedDraft>& drafts, ReportFormat format,
                        CountUnit unit, bool color, std::ostream& out) {
  switch (format) {
    case ReportFormat::text:
      return write_text(drafts, unit, color, out);
    case ReportFormat::json:
      return write_json(drafts, out);
    case ReportFormat::ndjson:
      break;
  }
  throw InternalError("check: no ndjson report");
}

}  // namespace outreach
