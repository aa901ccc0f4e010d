#pragma once
/// The account file (SPEC §4): plan, time zone, opening balance, ledger, templates, limits.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "outreach/calendar.hpp"
#include "outreach/rules.hpp"

namespace outreach {

/// `"credits": {"balance": N, "as_of": "DATE"}`.
struct OpeningBalance {
  int balance = 0;
  Date as_of;
};

/// One template file of a channel: its variant's name (SPEC §12) and its path, resolved
/// against the account file's folder.
struct TemplateFile {
  std::string name;  ///< empty for a channel given as one path: it has no variants
  std::string path;
};

/// Template files by channel: none, one path, or its variants sorted by name (SPEC §12).
struct TemplatePaths {
  std::vector<TemplateFile> connect;
  std::vector<TemplateFile> message;
  std::vector<TemplateFile> inmail;
  std::vector<TemplateFile> follow_up;  ///< follow-up messages; the message templates without it
};

/// The variant a prospect gets among `count` (SPEC §12): FNV-1a 64 of `id + "\n" + key`,
/// modulo `count`, an index into the names in sorted order; the same on every re-plan. `key`
/// is the template's key in the account (connect, message, inmail, follow_up).
std::size_t variant_index(std::string_view id, std::string_view key, std::size_t count);

/// Days with no sends (holidays, time off), in the account's zone: each a range, inclusive.
struct BlackoutDays {
  std::vector<std::pair<Date, Date>> ranges;  ///< sorted by their first day

  bool contains(Date day) const;
};

struct Account {
  std::string origin = "(no account)";  ///< the file it came from, for error messages
  std::string plan = "free";
  std::optional<Date> plan_start;
  const date::time_zone* zone = nullptr;  ///< never null once loaded
  std::optional<OpeningBalance> opening;
  std::optional<std::string> ledger_path;  ///< resolved against the account file's folder
  TemplatePaths templates;
  int weekly_invite_limit = 0;   ///< the rules' default unless the account sets it
  BusinessHours business_hours;  ///< the rules' default unless the account sets it
  SequenceRules sequence;        ///< the rules' defaults, each overridable by the account
  BlackoutDays blackout;         ///< `blackout_dates`
};

/// No account file: plan free, the machine's time zone, no ledger, no templates.
Account default_account(const Rules& rules);

/// Parses and validates an account file. Relative paths are resolved against `base_dir`.
/// Every key is optional; unknown keys, wrong types, unknown plans and time zones, bad dates
/// are InputErrors naming the file and key, with "did you mean …?" where it helps.
Account parse_account(std::string_view text, const std::string& origin, const std::string& base_dir,
                      const Rules& rules);

}  // namespace outreach
