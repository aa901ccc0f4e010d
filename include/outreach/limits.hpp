#pragma once
/// Limits on the size and shape of the inputs that drive a run, all in one place (SPEC §8: huge
/// inputs and deep nesting are refused with a clear error, never by running out of memory or
/// stack). They protect the program rather than describe LinkedIn, so they are not rules data.

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <string>

namespace outreach {

/// Deepest JSON nesting accepted in any input document; deeper input is refused while parsing,
/// before a deep tree can overflow the stack when copied, dumped or destroyed.
inline constexpr int max_json_depth = 64;

/// Largest account, rules, draft or template file that is read whole: 4 MiB, some 200 times
/// the built-in rules file. The JSON tree of a document this size stays in the hundreds of MB
/// whatever its content (`[{},{},…]` is the worst case, about 100 bytes of tree per 3 bytes).
inline constexpr std::size_t max_document_bytes = std::size_t{4} << 20;

/// Longest ledger line: 64 KiB, where a real event takes about 100 bytes. A longer line is
/// refused before it is parsed, so a corrupt multi-megabyte line never becomes a JSON tree;
/// the ledger as a whole has no size limit (it grows for as long as a campaign runs).
inline constexpr std::size_t max_ledger_line_bytes = std::size_t{64} << 10;

/// The largest prospect: an NDJSON line, an array element, or one JSON token anywhere in the
/// prospects array (1 MiB). The prospects are streamed, so the file as a whole has no limit.
inline constexpr std::size_t max_prospect_bytes = std::size_t{1} << 20;

/// The longest prospect id, in the prospects and in the ledger alike: CRM keys are short, and
/// an event must fit a ledger line with room to spare.
inline constexpr std::size_t max_prospect_id_bytes = 1024;
/// A template variant's name on a ledger event: a file stem or a key of the account's templates.
inline constexpr std::size_t max_template_name_bytes = 256;
/// A reason code on a ledger event ("time-sensitive"): the longest the rules hold is 16.
inline constexpr std::size_t max_reason_code_bytes = 64;

/// The most prospects one plan reads (each keeps a compact record until the output).
inline constexpr std::size_t max_prospects = 5'000'000;

/// The most events one `ledger import` reads (each is kept until all are checked).
inline constexpr std::size_t max_import_events = 5'000'000;

/// Longest row of a plan read back by `ledger import --from-plan`: a row holds a prospect's
/// --with fields (a prospect is at most max_prospect_bytes) and its rendered draft.
inline constexpr std::size_t max_plan_row_bytes = std::size_t{4} << 20;

/// How long a command waits for a ledger another process holds locked (SPEC §7).
inline constexpr std::chrono::milliseconds ledger_lock_timeout{10'000};

/// The most findings one plan keeps for one rendered draft, and for the whole plan: a field
/// that renders into thousands of placeholders must not take gigabytes. Past either, one
/// `findings-left-out` finding says how many were left out (with the highest severity among
/// them, so that the exit status does not change).
inline constexpr std::size_t max_findings_per_draft = 100;
inline constexpr std::size_t max_findings_per_plan = 10'000;

/// An agenda covers a year and a day at most (`--days`): further out, a plan is the forecast.
inline constexpr int max_agenda_days = 366;

/// The largest `pending_invitations` or `mutual_connections` accepted.
inline constexpr std::int64_t max_prospect_count_value = 1'000'000'000;

/// No limit on a file read whole: for inputs whose lines are limited instead (ledger import).
inline constexpr std::size_t unlimited_bytes = static_cast<std::size_t>(-1);

/// "4 MiB", "64 KiB", "100 bytes": a limit for an error message.
std::string describe_byte_count(std::size_t bytes);

}  // namespace outreach
