#include "output/cells.hpp"

#include <fmt/compile.h>
#include <fmt/format.h>

#include "outreach/calendar.hpp"
#include "support/json_text.hpp"

namespace outreach::detail {
namespace {

const char* const replacement = "\xEF\xBF\xBD";  // U+FFFD

// Copies valid UTF-8 (escaping nothing); a byte that does not start a valid sequence becomes
// U+FFFD. Prospect text was validated by the JSON parser, so this is belt and braces.
void append_utf8_or_replacement(std::string& out, std::string_view text, std::size_t& i) {
  const std::size_t length = utf8_sequence_length(text, i);
  if (length == 0) {
    out += replacement;
    ++i;
  } else {
    out.append(text, i, length);
    i += length;
  }
}

}  // namespace

std::string send_at_iso(const PlannedProspect& row) {
  if (!row.send_at) return {};
  return format_instant(*row.send_at, row.zone != nullptr ? row.zone : date::locate_zone("UTC"));
}

std::string step_of(const PlannedProspect& row) {
  return row.channel == PlanChannel::skip ? std::string() : row.step();
}

std::string send_at_utc(const PlannedProspect& row) {
  if (!row.send_at) return {};
  const auto day = date::floor<date::days>(*row.send_at);
  const date::hh_mm_ss<std::chrono::seconds> time{*row.send_at - day};
  return fmt::format(FMT_COMPILE("{}T{:02}:{:02}:{:02}Z"), format_date(Date{day}),
                     time.hours().count(), time.minutes().count(), time.seconds().count());
}

std::string followups_text(const PlannedProspect& row) {
  std::string out;
  for (const PlannedStep& step : row.followups) {
    if (!out.empty()) out += "; ";
    out += plan_channel_name(step.channel);
    if (step.at)
      out += " at " +
             format_instant(*step.at, row.zone != nullptr ? row.zone : date::locate_zone("UTC"));
    if (!step.note.empty()) out += " " + step.note;
  }
  return out;
}

std::string followup_channels(const PlannedProspect& row) {
  std::string out;
  for (const PlannedStep& step : row.followups) {
    if (!out.empty()) out += ',';
    out += plan_channel_name(step.channel);
  }
  return out;
}

std::string finding_rules(const PlannedProspect& row) {
  std::string out;
  for (const PlanFinding& finding : row.findings) {
    if (!out.empty()) out += ',';
    out += finding.rule;
  }
  return out;
}

void append_tsv_field(std::string& out, std::string_view text) {
  for (std::size_t i = 0; i < text.size();) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c >= 0x20 && c < 0x7F && c != '\\') {
      out += static_cast<char>(c);
      ++i;
      continue;
    }
    switch (c) {
      case '\t':
        out += "\\t";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\\':
        out += "\\\\";
        break;
      default:
        if (c < 0x80) {
          out += fmt::format("\\x{:02x}", c);
        } else {
          append_utf8_or_replacement(out, text, i);
          continue;
        }
    }
    ++i;
  }
}

void append_csv_field(std::string& out, std::string_view text) {
  const bool formula = !text.empty() && (text[0] == '=' || text[0] == '+' || text[0] == '-' ||
                                         text[0] == '@' || text[0] == '\t' || text[0] == '\r');
  const bool quoted = text.find_first_of(",\"\r\n") != std::string_view::npos;
  if (quoted) out += '"';
  if (formula) out += '\'';
  for (std::size_t i = 0; i < text.size();) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c < 0x80) {
      if (c == '"') out += '"';
      out += static_cast<char>(c);
      ++i;
    } else {
      append_utf8_or_replacement(out, text, i);
    }
  }
  if (quoted) out += '"';
}

}  // namespace outreach::detail
