#pragma once
// The cells every plan format shares (send time, follow-ups, finding ids), and the escaping
// each text format needs for untrusted prospect data.

#include <string>
#include <string_view>

#include "outreach/plan.hpp"

namespace outreach::detail {

/// Throws format_date's InputError when a send time of the plan falls outside the years
/// 0000–9999 (rules that spread sends over millennia), so that it is refused before any row is
/// written.
void check_writable_times(const PlanResult& plan);

/// ISO 8601 with the offset of the row's zone ("2026-12-01T09:00:00-05:00"), or "" without one.
std::string send_at_iso(const PlannedProspect& row);

/// The step of a row's send ("first", "follow-up-2"), or "" for a skip, which sends nothing.
std::string step_of(const PlannedProspect& row);

/// The same instant in UTC ("2026-12-01T14:00:00Z"), or "" without one.
std::string send_at_utc(const PlannedProspect& row);

/// An instant in UTC: "2026-12-01T14:00:00Z".
std::string utc_instant(date::sys_seconds instant);

/// The follow-up steps as "message once accepted" ("; " between steps), or "".
std::string followups_text(const PlannedProspect& row);

/// The follow-up channels, comma-separated ("message"), or "".
std::string followup_channels(const PlannedProspect& row);

/// The rule ids of the findings, comma-separated, in order, or "".
std::string finding_rules(const PlannedProspect& row);

/// Appends a TSV field, for pipes: the value exactly, with every control character escaped
/// reversibly — tab, newline, carriage return and backslash become \t, \n, \r, \\, other
/// C0 controls and DEL \xHH, C1 controls, U+2028, U+2029 and the bidirectional controls of
/// is_control_or_bidi \uHHHH (lower-case hex); bytes that are not UTF-8 become U+FFFD.
void append_tsv_field(std::string& out, std::string_view text);

/// Appends a CSV field (RFC 4180: quoted when it holds a comma, quote, CR or LF, quotes
/// doubled). A cell a spreadsheet would run as a formula (leading =, +, -, @, tab or CR) gets
/// a leading ' first. Tabs and line breaks are cell content; every other character of
/// is_control_or_bidi is shown as printable() shows it (\x1B, \u202E), for a spreadsheet is
/// read by people. Bytes that are not UTF-8 become U+FFFD.
void append_csv_field(std::string& out, std::string_view text);

}  // namespace outreach::detail
