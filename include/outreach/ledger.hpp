#pragma once
/// The campaign ledger (SPEC §5): an append-only NDJSON file of what was sent and came back.

#include <chrono>
#include <cstddef>
#include <functional>
#include <istream>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "outreach/calendar.hpp"
#include "outreach/limits.hpp"

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
  bool note = true;      ///< invite_sent only: the request carried a note (SPEC §11)
  /// A send's template variant and the plan's reason code for it (SPEC §12), for `outreach
  /// stats`; both optional, empty when absent. Not part of the event's identity (same_event).
  std::string template_name{};
  std::string reason{};
};

/// Whether an event of this type is something sent (an invitation, a message, an InMail): only
/// those carry a template and a reason.
bool is_send(EventType type);
/// Whether `name` can name a template variant in the ledger: non-blank UTF-8 text of at most
/// max_template_name_bytes, no control characters.
bool is_valid_template_name(std::string_view name);
/// What is_valid_template_name asks, for messages: "a template name (non-blank UTF-8 text of at
/// most 256 B, no control characters)".
std::string describe_template_name_rule();
/// Whether `code` looks like a reason code: 1 to max_reason_code_bytes lower-case letters,
/// digits and hyphens (the ledger outlives the rules: a code they no longer know still reads).
bool is_valid_reason_code(std::string_view code);
/// What is_valid_reason_code asks, for messages.
std::string describe_reason_code_rule();

/// A correction (SPEC §12): the ledger stays append-only, so a mistaken event is voided by a
/// line of its own, {"date":"2026-03-06","type":"void","line":3,"why":"…"}, and every reader
/// leaves line 3 out. A void names an earlier line that holds an event not voided yet.
struct LedgerVoid {
  Date date;
  std::size_t target = 0;  ///< the 1-based line it voids
  std::string why;         ///< optional
  std::size_t line = 0;    ///< its own line in the ledger (0 before it is appended)
};

/// Whether `id` can name a prospect — one rule for the prospects file, the plan and the
/// ledger: not blank (white space only), valid UTF-8, at most max_prospect_id_bytes.
bool is_valid_prospect_id(std::string_view id);
/// What is_valid_prospect_id asks, for messages: "a prospect id (non-blank UTF-8 text of at
/// most 1 KiB)".
std::string describe_prospect_id_rule();

/// How the end of a text is read: a ledger's last line must be complete (SPEC §5); a file
/// given to `ledger import` may lack its final newline.
enum class LastLine { must_be_complete, may_lack_newline };

/// Parses a whole ledger. Blank lines are allowed; an empty text holds no events. A last line
/// without its newline, or one that is not JSON, is a torn line: InputError naming it. Voided
/// lines are left out (a void of a line that holds no event, of a void, or of a line already
/// voided is an InputError naming the void); the voids themselves are not events.
std::vector<LedgerEvent> parse_ledger(std::string_view text, const std::string& origin,
                                      const date::time_zone* zone,
                                      LastLine last_line = LastLine::must_be_complete);

/// Parses events from a stream read in chunks (a `ledger import` file or stdin), with
/// parse_ledger's rules and limits: a line over max_ledger_line_bytes is refused as soon as it
/// is seen, more than max_import_events events are refused, so that no input (/dev/zero, an
/// endless pipe) is ever held whole. A void in the stream voids a line of the stream itself.
std::vector<LedgerEvent> parse_ledger_stream(std::istream& in, const std::string& origin,
                                             const date::time_zone* zone, LastLine last_line);

/// How a command waits for a ledger that another process holds locked (SPEC §7): `on_wait` is
/// called once when the lock is busy (the CLI says so on stderr), then the lock is tried again
/// until it has stayed held for `timeout` with the ledger unchanged (appends queued before
/// this one change it, so a queue is waited through), then IoError "PATH: still locked by
/// another process …".
struct LedgerLockWait {
  std::chrono::milliseconds timeout = ledger_lock_timeout;
  std::function<void(const std::string& path)> on_wait;
};

/// Reads and parses the ledger at `path` under a shared lock on the file itself; a missing
/// file is an empty ledger only when `missing_ok`, otherwise an InputError. Anything but a
/// regular file (a FIFO, /dev/zero) is refused. When an interrupted append left a rollback
/// journal, only the bytes before that append are read (see append_ledger_events).
std::vector<LedgerEvent> read_ledger_file(const std::string& path, const date::time_zone* zone,
                                          bool missing_ok, const LedgerLockWait& wait = {});

/// What makes two events the same event for an import (SPEC §12): date, type, prospect, `free`
/// and `note` — not where they were read from, nor the template or the reason.
bool same_event(const LedgerEvent& a, const LedgerEvent& b);

/// Refuses events dated after `today` with an InputError naming the first one ("ORIGIN:LINE:
/// date: 2026-03-09 is after today, 2026-03-06: …"): the ledger records what happened, and an
/// import holding one future event is refused whole.
void refuse_events_after(const std::vector<LedgerEvent>& events, Date today,
                         const std::string& origin);

/// What append_ledger_events checks before it writes.
struct LedgerAppendOptions {
  LedgerLockWait wait;
  /// Leave out the events already in the ledger (same_event): an import run twice appends
  /// once (SPEC §12). Needs `zone`.
  bool skip_present = false;
  /// Called under the lock with the ledger's events as they are and the events about to be
  /// appended (those not present, with skip_present), before anything is written; throwing
  /// refuses the append (check_events_against_account, credits.hpp). Needs `zone`.
  std::function<void(const std::vector<LedgerEvent>& existing,
                     const std::vector<LedgerEvent>& appending)>
      check;
  const date::time_zone* zone = nullptr;  ///< to parse the existing events
};

/// What an append did.
struct LedgerAppendResult {
  std::size_t appended = 0;
  std::size_t skipped = 0;  ///< already in the ledger (skip_present)
};

/// The rollback journal of the ledger at `path`: ".outreach-ledger-INODE.journal" in the
/// folder of the file itself (symlinks resolved), so that a symlink and a hard link in the
/// same folder find it; "" when there is no such file.
std::string ledger_journal_path(const std::string& path);

/// Appends events to the ledger at `path` (created if absent), all or nothing, under an
/// exclusive flock on the ledger file itself (so a symlink or a hard link is the same ledger).
/// Existing bytes are never rewritten: a journal beside the ledger (ledger_journal_path) holds
/// its size before and after the batch while it is written, and is removed once the batch is
/// on disk (fsync); the next writer rolls back an append that a crash interrupted, and readers
/// honour the journal until then, as SQLite's rollback journal works. A journal the file has
/// grown past (appended to through a name that does not see it) is dropped, never cut past. A write
/// that fails (a full disk, EFBIG) truncates back to that size. Refuses (InputError naming the
/// line) to append onto a torn last line.
LedgerAppendResult append_ledger_events(const std::string& path,
                                        const std::vector<LedgerEvent>& events,
                                        const LedgerAppendOptions& options = {});

/// What `ledger void` did: its own line and the event it voided.
struct LedgerVoidResult {
  std::size_t line = 0;
  LedgerEvent voided;
};

/// Appends `correction` (its target and why; its date in the account's `zone`) to the ledger
/// at `path` under the same lock and all-or-nothing rules as append_ledger_events. Refuses
/// with an InputError, before anything is written, a target that holds no event: no such line,
/// a blank line, a void, a line already voided. A ledger that does not exist has no line.
LedgerVoidResult append_ledger_void(const std::string& path, const LedgerVoid& correction,
                                    const date::time_zone* zone, const LedgerLockWait& wait = {});

/// What `ledger import --from-plan` read (SPEC §12).
struct PlanSends {
  std::vector<LedgerEvent> events;  ///< the sends through the date, `line` their row's line
  std::size_t rows = 0;             ///< rows read
  std::size_t not_sent = 0;         ///< rows that send nothing: skips, Message Ads, no send time
  std::size_t later = 0;            ///< sends dated after the date
};

/// Reads the rows of `outreach plan --format ndjson` (or of `outreach agenda --format ndjson`)
/// from a stream and turns the sends dated on or before `through` in `zone` into events:
/// connect → invite_sent, message (and an agenda's follow-up) → message_sent, inmail →
/// inmail_sent (free when its cost is 0), an agenda's withdraw → invite_withdrawn; a plan row
/// is dated by its send_at, an agenda row by its date. Lines are limited as a ledger import's
/// are; a bad row is an InputError "ORIGIN:LINE: key: problem".
PlanSends read_plan_sends(std::istream& in, const std::string& origin, const date::time_zone* zone,
                          Date through);

}  // namespace outreach
