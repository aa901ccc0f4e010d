#pragma once
// The linter's rules by number, and the collector of one draft's findings.

#include <array>
#include <cstddef>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "outreach/draft.hpp"
#include "outreach/lint.hpp"

namespace outreach::lint_detail {

/// The rules in the order of Rules::lint_rule_ids(); the value is the index there.
enum class Rule : std::size_t {
  body_too_long,
  subject_missing,
  subject_too_long,
  subject_not_supported,
  empty_body,
  unfilled_placeholder,
  invalid_utf8,
  long_inmail,
  generic_subject,
  clickbait_subject,
  formal_subject,
  no_call_to_action,
  generic_opener,
  template_syntax,
};
inline constexpr std::size_t rule_count = 14;

/// Collects findings for one draft: skips disabled rules, positions offsets, keeps rule order.
class Findings {
 public:
  Findings(const Draft& draft, const std::vector<std::string>& severities,
           const std::set<std::string>& disabled);

  bool enabled(Rule rule) const { return enabled_[static_cast<std::size_t>(rule)]; }
  /// Adds a finding at a byte offset of draft.text.
  void add(Rule rule, std::size_t offset, std::string message);
  void add_at(Rule rule, TextPosition position, std::string message);
  /// The findings sorted by line, column and rule order.
  std::vector<Diagnostic> take_sorted();

 private:
  const Draft& draft_;
  const std::vector<std::string>& severities_;
  std::array<bool, rule_count> enabled_{};
  std::vector<std::pair<std::size_t, Diagnostic>> found_;
  // The last offset positioned: findings mostly come in text order, so each position is
  // counted on from the previous one (a draft with a million placeholders stays linear).
  std::size_t last_offset_ = 0;
  TextPosition last_position_;
};

}  // namespace outreach::lint_detail
