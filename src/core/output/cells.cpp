#include "output/cells.hpp"

#include <fmt/compile.h>
#include <fmt/format.h>

#include "outreach/calendar.hpp"
#include "outreach/text.hpp"
#include "support/json_text.hpp"

namespace outreach::detail {
namespace {

const char* const replacement = "\xEF\xBF\xBD";  // U+FFFD, for bytes that are not UTF-8

}  // namespace

void check_writable_times(const PlanResult& plan) {
  // A day either side covers every zone's offset.
  const auto check = [](date::sys_seconds instant) {
    (void)format_date(date::floor<date::days>(instant) - date::days{1});
    (void)format_date(date::floor<date::days>(instant) + date::days{1});
  };
  for (const PlannedProspect& row : plan.prospects) {
    if (row.send_at) check(*row.send_at);
    for (const PlannedStep& step : row.followups)
      if (step.at) check(*step.at);
  }
}

std::string send_at_iso(const PlannedProspect& row) {
  if (!row.send_at) return {};
  return format_instant(*row.send_at, row.zone != nullptr ? row.zone : utc_time_zone());
}

std::string step_of(const PlannedProspect& row) {
  return row.channel == PlanChannel::skip ? std::string() : row.step();
}

std::string send_at_utc(const PlannedProspect& row) {
  return row.send_at ? utc_instant(*row.send_at) : std::string();
}

std::string utc_instant(date::sys_seconds instant) {
  const auto day = date::floor<date::days>(instant);
  const date::hh_mm_ss<std::chrono::seconds> time{instant - day};
  return fmt::format(FMT_COMPILE("{}T{:02}:{:02}:{:02}Z"), format_date(Date{day}),
                     time.hours().count(), time.minutes().count(), time.seconds().count());
}

std::string followups_text(const PlannedProspect& row) {
  std::string out;
  for (const PlannedStep& step : row.followups) {
    if (!out.empty()) out += "; ";
    out += plan_channel_name(step.channel);
    if (step.at)
      out += " at " + format_instant(*step.at, row.zone != nullptr ? row.zone : utc_time_zone());
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
  // Reversible: a backslash is doubled, so every escape below reads back as one character.
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
          const DecodedChar d = decode_utf8(text, i);
          if (!d.valid)
            out += replacement;  // prospect text is valid UTF-8: belt and braces
          else if (is_control_or_bidi(d.code_point))
            out += fmt::format("\\u{:04x}", static_cast<unsigned>(d.code_point));
          else
            out.append(text, i, d.length);
          i += d.length;
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
  // For people, in a spreadsheet: line breaks and tabs are cell content (RFC 4180), every
  // other control or bidirectional character is shown as printable() shows it.
  for (std::size_t i = 0; i < text.size();) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c < 0x7F)) {
      if (c == '"') out += '"';
      out += static_cast<char>(c);
      ++i;
    } else if (const DecodedChar d = decode_utf8(text, i);
               d.valid && !is_control_or_bidi(d.code_point)) {
      out.append(text, i, d.length);
      i += d.length;
    } else {
      out += printable(text.substr(i, d.length));
      i += d.length;
    }
  }
  if (quoted) out += '"';
}

}  // namespace outreach::detail
