// The machine formats of a plan — tsv, csv, json, ndjson — written row by row (SPEC §7).
//
// TSV and CSV columns, in order (a header line first):
//   id        the prospect's id
//   channel   message, inmail, connect, message-ad or skip
//   reason    the reason code of SPEC §4 (connected, open-profile, no-credits, …)
//   cost      InMail credits the first send costs (0 or 1)
//   send_at   ISO 8601 with the offset of the prospect's (or the account's) zone; empty when
//             there is no send time (skips, Message Ads, invitations beyond the weekly limit)
//   group     the group conversation the message goes to; empty for one-to-one sends
//   then      the follow-up channels after the first send, comma-separated ("message")
//   findings  the rule ids of the findings on the prospect's drafts, comma-separated
// JSON rows carry the same keys, with `send_at` and `group` null when empty, `timezone` (the
// zone `send_at` is shown in), `then` as [{"channel", "send_at", "note"}] and `findings` as
// [{"rule", "severity", "message"}].
#include <algorithm>
#include <cmath>
#include <ostream>
#include <vector>

#include <fmt/format.h>

#include "output/calendar_ics.hpp"
#include "output/cells.hpp"
#include "output/plan_table.hpp"
#include "outreach/calendar.hpp"
#include "outreach/output.hpp"
#include "support/json_text.hpp"
#include "support/name_table.hpp"

namespace outreach {

namespace {

using detail::append_json_string;

// Version 1's columns, then version 2's (SPEC §10 "What to send"), then the --with fields.
constexpr std::string_view columns[] = {"id",      "channel", "reason", "cost",
                                        "send_at", "group",   "then",   "findings",
                                        "step",    "variant", "note",   "send_at_utc"};

// The columns of a plan: the fixed ones, then the fields asked for with --with.
std::string header(const PlanResult& plan, char separator) {
  std::string line;
  for (std::size_t i = 0; i < std::size(columns); ++i) {
    if (i > 0) line += separator;
    line += columns[i];
  }
  for (const std::string& field : plan.with_fields) {
    line += separator;
    line += field;
  }
  return line;
}

// A row's value of a --with field ("" when it has none).
std::string_view with_value(const PlannedProspect& row, std::string_view name) {
  if (row.extras)
    for (const auto& [field, value] : row.extras->fields)
      if (field == name) return value;
  return {};
}

// "true" or "false" for a connection request, "" for any other row.
std::string_view note_cell(const PlannedProspect& row) {
  if (row.channel != PlanChannel::connect) return {};
  return row.note ? "true" : "false";
}

// Rows are formatted a chunk at a time on every core and written in order: formatting 300,000
// rows is most of what a plan does after reading.
template <typename AppendRow>
void write_rows(const std::vector<PlannedProspect>& rows, std::ostream& out, ThreadPool* pool,
                AppendRow append_row) {
  constexpr std::size_t rows_per_chunk = 2048;
  const std::size_t chunks = (rows.size() + rows_per_chunk - 1) / rows_per_chunk;
  const unsigned threads = pool != nullptr ? pool->slots() : 1U;
  std::vector<std::string> text(4 * static_cast<std::size_t>(threads));
  const auto format_chunk = [&](std::size_t first, std::size_t k) {
    std::string& chunk = text[k];
    chunk.clear();
    const std::size_t begin = (first + k) * rows_per_chunk;
    const std::size_t end = std::min(rows.size(), begin + rows_per_chunk);
    for (std::size_t i = begin; i < end; ++i) append_row(chunk, rows[i], i);
  };
  for (std::size_t first = 0; first < chunks; first += text.size()) {
    const std::size_t count = std::min(text.size(), chunks - first);
    if (pool != nullptr && count > 1)
      pool->parallel_for(
          count, [&](unsigned, std::size_t k) { format_chunk(first, k); }, 1);
    else
      for (std::size_t k = 0; k < count; ++k) format_chunk(first, k);
    for (std::size_t k = 0; k < count; ++k)
      out.write(text[k].data(), static_cast<std::streamsize>(text[k].size()));
  }
}

void append_tsv_row(std::string& line, const PlannedProspect& row,
                    const std::vector<std::string>& with_fields) {
  detail::append_tsv_field(line, row.id);
  line += '\t';
  line += plan_channel_name(row.channel);
  line += '\t';
  line += plan_reason_name(row.reason);
  line += '\t';
  line += fmt::format("{}", row.cost);
  line += '\t';
  line += detail::send_at_iso(row);
  line += '\t';
  detail::append_tsv_field(line, row.group.str());
  line += '\t';
  line += detail::followup_channels(row);
  line += '\t';
  detail::append_tsv_field(line, detail::finding_rules(row));
  line += '\t';
  line += detail::step_of(row);
  line += '\t';
  detail::append_tsv_field(line, row.variant.str());  // empty: one template a channel
  line += '\t';
  line += note_cell(row);
  line += '\t';
  line += detail::send_at_utc(row);
  for (const std::string& field : with_fields) {
    line += '\t';
    detail::append_tsv_field(line, with_value(row, field));
  }
  line += '\n';
}

void write_tsv(const PlanResult& plan, std::ostream& out, ThreadPool* pool) {
  out << header(plan, '\t') << '\n';
  write_rows(plan.prospects, out, pool,
             [&plan](std::string& line, const PlannedProspect& row, std::size_t) {
               append_tsv_row(line, row, plan.with_fields);
             });
}

// RFC 4180: records end with CRLF.
void append_csv_row(std::string& line, const PlannedProspect& row,
                    const std::vector<std::string>& with_fields) {
  const std::string cells[] = {row.id,
                               std::string(plan_channel_name(row.channel)),
                               std::string(plan_reason_name(row.reason)),
                               fmt::format("{}", row.cost),
                               detail::send_at_iso(row),
                               row.group.str(),
                               detail::followup_channels(row),
                               detail::finding_rules(row),
                               detail::step_of(row),
                               row.variant.str(),
                               std::string(note_cell(row)),
                               detail::send_at_utc(row)};
  for (std::size_t i = 0; i < std::size(cells); ++i) {
    if (i > 0) line += ',';
    detail::append_csv_field(line, cells[i]);
  }
  for (const std::string& field : with_fields) {
    line += ',';
    detail::append_csv_field(line, with_value(row, field));
  }
  line += "\r\n";
}

void write_csv(const PlanResult& plan, std::ostream& out, ThreadPool* pool) {
  out << header(plan, ',') << "\r\n";
  write_rows(plan.prospects, out, pool,
             [&plan](std::string& line, const PlannedProspect& row, std::size_t) {
               append_csv_row(line, row, plan.with_fields);
             });
}

void append_optional(std::string& out, const std::string& text) {
  if (text.empty())
    out += "null";
  else
    append_json_string(out, text);
}

void append_optional(std::string& out, const std::optional<std::string>& text) {
  if (text)
    append_json_string(out, *text);
  else
    out += "null";
}

void append_row_json(std::string& out, const PlannedProspect& row,
                     const std::vector<std::string>& with_fields) {
  out += "{\"id\":";
  append_json_string(out, row.id);
  out += fmt::format(",\"channel\":\"{}\",\"reason\":\"{}\",\"cost\":{},\"send_at\":",
                     plan_channel_name(row.channel), plan_reason_name(row.reason), row.cost);
  append_optional(out, detail::send_at_iso(row));
  out += ",\"timezone\":";
  append_optional(
      out, row.send_at && row.zone != nullptr ? std::string(row.zone->name()) : std::string());
  out += ",\"group\":";
  append_optional(out, row.group.str());
  out += ",\"then\":[";
  for (std::size_t i = 0; i < row.followups.size(); ++i) {
    const PlannedStep& step = row.followups[i];
    out += fmt::format("{}{{\"channel\":\"{}\",\"send_at\":", i ? "," : "",
                       plan_channel_name(step.channel));
    append_optional(
        out, step.at ? format_instant(*step.at, row.zone != nullptr ? row.zone : utc_time_zone())
                     : std::string());
    out += ",\"note\":";
    append_json_string(out, step.note);
    out += '}';
  }
  out += "],\"findings\":[";
  for (std::size_t i = 0; i < row.findings.size(); ++i) {
    const PlanFinding& finding = row.findings[i];
    if (i) out += ',';
    out += "{\"rule\":";
    append_json_string(out, finding.rule);
    out += ",\"severity\":";
    append_json_string(out, finding.severity);
    out += ",\"message\":";
    append_json_string(out, finding.message);
    out += '}';
  }
  out += "],\"step\":";
  append_optional(out, detail::step_of(row));
  out += ",\"variant\":";
  append_optional(out, row.variant.str());
  out += ",\"note\":";
  out += row.channel != PlanChannel::connect ? "null" : row.note ? "true" : "false";
  out += ",\"send_at_utc\":";
  append_optional(out, detail::send_at_utc(row));
  out += ",\"draft\":";
  if (row.extras && row.extras->body) {
    out += "{\"subject\":";
    append_optional(out, row.extras->subject);
    out += ",\"body\":";
    append_json_string(out, *row.extras->body);
    out += '}';
  } else {
    out += "null";
  }
  if (!with_fields.empty()) {
    out += ",\"fields\":{";
    for (std::size_t i = 0; i < with_fields.size(); ++i) {
      if (i) out += ',';
      append_json_string(out, with_fields[i]);
      out += ':';
      bool found = false;
      if (row.extras)
        for (const auto& [field, value] : row.extras->fields)
          if (field == with_fields[i]) {
            append_json_string(out, value);
            found = true;
            break;
          }
      if (!found) out += "null";
    }
    out += '}';
  }
  out += '}';
}

// Expected counts with two decimals, written as the shortest number that reads back the same.
std::string rounded(double value) { return fmt::format("{}", std::round(value * 100) / 100); }

std::string range_json(const Range& range) {
  return fmt::format("{{\"low\":{},\"high\":{}}}", rounded(range.low), rounded(range.high));
}

std::string plan_id(const std::string& plan) {
  std::string quoted;
  append_json_string(quoted, plan);
  return quoted.substr(1, quoted.size() - 2);
}

std::string summary_json(const PlanSummary& s) {
  std::string out = fmt::format(
      "{{\"start\":\"{}\",\"start_at\":\"{}\",\"until\":\"{}\",\"plan\":\"{}\","
      "\"prospects\":{},"
      "\"channels\":{{\"message\":{},\"inmail\":{},\"connect\":{},\"message-ad\":{},\"skip\":{}}},"
      "\"follow_ups\":{},\"beyond_horizon\":{},\"excluded\":{},\"connections_matched\":{},"
      "\"group_conversations\":{},\"connect_without_note\":{},",
      format_date(s.start),
      format_instant(s.start_at, s.zone != nullptr ? s.zone : date::locate_zone("UTC")),
      format_date(s.until), plan_id(s.plan), s.prospects, s.count_message, s.count_inmail,
      s.count_connect, s.count_message_ad, s.count_skip, s.count_followups, s.count_beyond_horizon,
      s.count_excluded, s.connections_matched, s.group_messages, s.count_connect_without_note);
  out += fmt::format(
      "\"credits\":{{\"at_start\":{},\"granted\":{},\"forfeited\":{},\"used\":{},\"left\":{},"
      "\"pending_refunds_at_start\":{},\"window_end\":\"{}\"}},",
      s.credits_at_start, s.credits_granted_in_window, s.credits_forfeited, s.credits_used,
      s.credits_left, s.pending_refunds_at_start, format_date(s.window_end));
  out += fmt::format("\"expected\":{{\"replies\":{},\"refunds\":{},\"acceptances\":{},",
                     range_json(s.expected_replies), range_json(s.expected_refunds),
                     range_json(s.expected_acceptances));
  // Which rate each channel's forecast used (SPEC §12): the ledger's or the rules' prior.
  out += "\"rates\":{";
  for (const SendChannel channel :
       {SendChannel::connect, SendChannel::message, SendChannel::inmail}) {
    const RateSource& source = s.rate_sources[static_cast<std::size_t>(channel)];
    out +=
        fmt::format("{}\"{}\":{{\"source\":\"{}\",\"outcomes\":{},\"rate\":{}}}",
                    channel == SendChannel::connect ? "" : ",", send_channel_name(channel),
                    source.learned ? "ledger" : "priors", source.outcomes, range_json(source.rate));
  }
  out += "}},";
  out += "\"invitations_per_week\":[";
  for (std::size_t i = 0; i < s.invitations_per_week.size(); ++i)
    out +=
        fmt::format("{}{{\"week\":\"{}\",\"invitations\":{}}}", i ? "," : "",
                    format_date(s.invitations_per_week[i].first), s.invitations_per_week[i].second);
  out += "],\"last_send\":";
  append_optional(out, s.last_send ? format_date(*s.last_send) : std::string());
  out += fmt::format(",\"prospects_with_errors\":{},\"warnings\":[", s.prospects_with_errors);
  for (std::size_t i = 0; i < s.warnings.size(); ++i) {
    if (i) out += ',';
    append_json_string(out, s.warnings[i]);
  }
  out += "]}";
  return out;
}

// NDJSON: one object per prospect and line. JSON: the same rows, one a line, inside
// {"prospects": [...], "summary": {...}}.
void write_json_rows(const PlanResult& plan, std::ostream& out, bool wrapped, ThreadPool* pool) {
  if (wrapped) out << "{\"prospects\":[";
  write_rows(plan.prospects, out, pool,
             [wrapped, &plan](std::string& line, const PlannedProspect& row, std::size_t i) {
               if (wrapped) line += i ? ",\n" : "\n";
               append_row_json(line, row, plan.with_fields);
               if (!wrapped) line += '\n';
             });
  if (wrapped) out << "\n],\n\"summary\":" << summary_json(plan.summary) << "}\n";
}

// Every plan format by name, in the order --help and the completions list them.
constexpr detail::NameTable<PlanFormat, 6> plan_formats{{{
    {"table", PlanFormat::table},
    {"tsv", PlanFormat::tsv},
    {"csv", PlanFormat::csv},
    {"json", PlanFormat::json},
    {"ndjson", PlanFormat::ndjson},
    {"ics", PlanFormat::ics},
}}};

}  // namespace

std::optional<PlanFormat> parse_plan_format(std::string_view name) {
  return plan_formats.parse(name);
}

const std::vector<std::string>& plan_format_names() {
  static const std::vector<std::string> names = plan_formats.names();
  return names;
}

void write_plan(const PlanResult& plan, PlanFormat format, std::ostream& out, bool color,
                ThreadPool* pool, std::size_t table_width) {
  // Before the first byte: a send past the year 9999 is an error, not half a plan.
  detail::check_writable_times(plan);
  switch (format) {
    case PlanFormat::table:
      return detail::write_plan_table(plan, out, color, table_width);
    case PlanFormat::tsv:
      return write_tsv(plan, out, pool);
    case PlanFormat::csv:
      return write_csv(plan, out, pool);
    case PlanFormat::json:
      return write_json_rows(plan, out, true, pool);
    case PlanFormat::ndjson:
      return write_json_rows(plan, out, false, pool);
    case PlanFormat::ics:
      return detail::write_plan_calendar(plan, out);
  }
}

}  // namespace outreach
