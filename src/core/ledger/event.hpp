#pragma once
// One ledger event as a line of NDJSON: reading it, writing it, and the limits on a line.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "outreach/calendar.hpp"
#include "outreach/ledger.hpp"

namespace outreach {

/// Parses one line of NDJSON as a JSON document; an error names the line
/// ("origin:LINE:COLUMN: problem").
nlohmann::json parse_json_line(std::string_view line, const std::string& origin,
                               std::size_t number);

/// Parses one NDJSON line; throws InputError "origin:LINE: field: problem".
LedgerEvent parse_ledger_event(std::string_view line, const std::string& origin,
                               std::size_t line_number, const date::time_zone* zone);

/// One line of a ledger: an event, or a void of an earlier line (exactly one of the two).
struct LedgerLine {
  std::optional<LedgerEvent> event;
  std::optional<LedgerVoid> correction;
};

/// Parses one NDJSON line, an event or a void; throws InputError "origin:LINE: field: problem".
LedgerLine parse_ledger_line(std::string_view line, const std::string& origin,
                             std::size_t line_number, const date::time_zone* zone);

/// The canonical one-line JSON form of a void, without the newline:
/// {"date":"2026-03-06","type":"void","line":3,"why":"wrong person"} (`why` only when given).
std::string format_ledger_void(const LedgerVoid& correction);

/// The canonical one-line JSON form of an event, without the newline:
/// {"date":"2026-03-05","type":"inmail_sent","prospect":"p-17","free":false}
/// (`free` only for inmail_sent; `"note":false` only for an invite_sent without a note;
/// `template` and `reason` only when known).
std::string format_ledger_event(const LedgerEvent& event);

/// For each of `additions`, whether an event the same as it (same_event) is in `existing`.
std::vector<bool> events_present_in(const std::vector<LedgerEvent>& existing,
                                    const std::vector<LedgerEvent>& additions);

/// Whether a line (or an id) holds only spaces, tabs and carriage returns.
bool is_blank_line(std::string_view line);

/// The error for a line over max_ledger_line_bytes.
[[noreturn]] void throw_line_too_long(const std::string& origin, std::size_t number);

}  // namespace outreach
