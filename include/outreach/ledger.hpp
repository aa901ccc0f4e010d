#pragma once
/// The campaign ledger (SPEC §5): an append-only NDJSON file of what was sent and came back.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "outreach/calendar.hpp"

namespace outreach {

enum class EventType {
  invite_sent,
  invite_accepted,
  invite_withdrawn,
  message_sent,
  inmail_sent,
  reply,
  inmail_declined,
};

std::optional<EventType> parse_event_type(std::string_view name);
/// The event type with this name; throws InputError "<where>: unknown event type 'x' (did you
/// mean 'y'?)" when there is none.
EventType event_type_named(std::string_view name, const std::string& where);
std::string_view event_type_name(EventType type);
const std::vector<std::string>& event_type_names();

struct LedgerEvent {
  Date date;
  EventType type = EventType::message_sent;
  std::string prospect;
  bool free = false;     ///< inmail_sent only: sent to an Open Profile, cost nothing
  std::size_t line = 0;  ///< 1-based line in the ledger file (0 for events not read from one)
};

/// Whether `id` can name a prospect in the ledger: non-empty, not blank, valid UTF-8.
bool is_valid_prospect_id(std::string_view id);

/// How the end of a text is read: a ledger's last line must be complete (SPEC §5); a file
/// given to `ledger import` may lack its final newline.
enum class LastLine { must_be_complete, may_lack_newline };

/// Parses a whole ledger. Blank lines are allowed; an empty text holds no events. A last line
/// without its newline, or one that is not JSON, is a torn line: InputError naming it.
std::vector<LedgerEvent> parse_ledger(std::string_view text, const std::string& origin,
                                      const date::time_zone* zone,
                                      LastLine last_line = LastLine::must_be_complete);

/// Reads and parses the ledger at `path`; a missing file is an empty ledger only when
/// `missing_ok`, otherwise an InputError.
std::vector<LedgerEvent> read_ledger_file(const std::string& path, const date::time_zone* zone,
                                          bool missing_ok);

/// Appends events to the ledger at `path` (created if absent) as complete lines, under an
/// exclusive flock on "<path>.lock", with one write per line and fsync before returning.
/// Refuses (InputError naming the line) to append onto a torn last line.
void append_ledger_events(const std::string& path, const std::vector<LedgerEvent>& events);

}  // namespace outreach
