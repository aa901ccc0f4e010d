#pragma once
/// The prospect record (SPEC §4): what the readers build and the planner reads.

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "outreach/calendar.hpp"

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
  /// The normal form of its `profile_url` (SPEC §9), "linkedin.com/in/<slug>"; empty: none.
  std::string profile_url;
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

}  // namespace outreach
