#pragma once
/// Prospects (SPEC §4): the input of `outreach plan`, read as a stream into compact records.

#include <cstddef>
#include <cstdint>
#include <functional>
#include <iosfwd>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "outreach/calendar.hpp"
#include "outreach/limits.hpp"  // max_prospect_bytes, max_prospects, max_prospect_count_value

namespace outreach {

enum class Goal : std::uint8_t { sales, recruiting, nurture, marketing };

std::optional<Goal> parse_goal(std::string_view name);
std::string_view goal_name(Goal goal);

/// The SPEC §4 fields a prospect record holds, in a fixed order (any other key is an extra
/// field, kept for templates when it is a string).
std::span<const std::string_view> prospect_field_names();

/// One prospect as read and validated. `fields` holds its string fields (for templates) only
/// while the prospect is being read; the planner keeps what it needs and drops the rest.
struct Prospect {
  std::string id;
  std::size_t position = 0;   ///< 0-based array index, or 1-based NDJSON line
  std::optional<int> degree;  ///< 1, 2, 3 or nullopt (out of network)
  bool open_profile = false;
  bool accepts_inmail = true;
  std::int64_t pending_invitations = 0;
  bool rarely_accepts = false;
  std::optional<Date> deadline;
  Goal goal = Goal::sales;
  std::int64_t mutual_connections = 0;
  const date::time_zone* zone = nullptr;  ///< nullptr: the account's zone
  double priority = 0;
  std::string group;  ///< empty: no group
  bool do_not_contact = false;
  /// Every string field, id, group and timezone included, in input order.
  std::vector<std::pair<std::string, std::string>> fields;

  /// The string field with this name, if any (for templates).
  std::optional<std::string_view> field(std::string_view name) const;
};

/// Which string fields a Prospect keeps in `fields`: every one, or only those named — a plan
/// keeps the fields its templates use, and validates and drops the rest instead of copying
/// every note and headline of a CRM export.
struct FieldSelection {
  bool all = true;
  std::vector<std::string> names;  ///< when not `all`

  bool keeps(std::string_view name) const {
    if (all) return true;
    for (const std::string& kept : names)
      if (kept == name) return true;
    return false;
  }
};

/// How the input is laid out.
enum class ProspectFormat { json_array, ndjson };

/// Streams prospects out of a JSON array or NDJSON text (told apart by the first non-space
/// byte) read from `in` in chunks — never the whole file in memory, never a tree of the whole
/// document (300,000 prospects must fit in ~250 bytes each). Each valid prospect goes to `sink`
/// in input order, on the calling thread, while other threads parse ahead (on every core when
/// `in` can seek: a file); once a problem is found no further prospect goes to `sink` (some
/// before it may not either). If `sink` throws, reading stops and the exception propagates.
/// The prospects and problems are the same whichever way the input was read. Every problem is
/// collected —
/// "prospects.json: [12].degree: expected 1, 2, 3 or null, got 4", "leads.ndjson:7: goal: unknown
/// goal 'sale' (did you mean 'sales'?)", duplicate ids, NUL bytes, invalid UTF-8, nesting,
/// malformed JSON — and after the whole input (or `max_problems` of them) an InputError holding one
/// line per problem is thrown.
/// `kept` chooses the string fields each prospect keeps (every one by default).
void read_prospects(std::istream& in, const std::string& origin, std::size_t max_problems,
                    const std::function<void(Prospect&&)>& sink, const FieldSelection& kept = {});

/// read_prospects handing the prospects over a batch at a time (a few hundred, in input order),
/// for a consumer that works on several at once; the batch's prospects may be moved from.
void read_prospect_batches(std::istream& in, const std::string& origin, std::size_t max_problems,
                           const std::function<void(std::span<Prospect>)>& sink,
                           const FieldSelection& kept = {});

}  // namespace outreach
