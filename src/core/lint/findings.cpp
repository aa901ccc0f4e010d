// The collector of one draft's findings: positions counted on from the last one, rule order kept.
#include "lint/findings.hpp"

#include <algorithm>

#include "outreach/text.hpp"

namespace outreach::lint_detail {

Findings::Findings(const Draft& draft, const std::vector<std::string>& severities,
                   const std::set<std::string>& disabled)
    : draft_(draft), severities_(severities) {
  const auto& ids = Rules::lint_rule_ids();
  for (std::size_t i = 0; i < rule_count; ++i) enabled_[i] = disabled.count(ids[i]) == 0;
}

void Findings::add(Rule rule, std::size_t offset, std::string message) {
  if (!enabled(rule)) return;
  const std::string_view text = draft_.text;
  offset = std::min(offset, text.size());
  if (offset < last_offset_) {
    last_offset_ = 0;
    last_position_ = {};
  }
  for (std::size_t at = last_offset_; at < offset;) {
    if (text[at] == '\n') {
      ++last_position_.line;
      last_position_.column = 1;
      ++at;
    } else {
      ++last_position_.column;
      at += decode_utf8(text, at).length;
    }
  }
  last_offset_ = offset;
  add_at(rule, last_position_, std::move(message));
}

void Findings::add_at(Rule rule, TextPosition position, std::string message) {
  const auto index = static_cast<std::size_t>(rule);
  if (!enabled_[index]) return;
  found_.emplace_back(index, Diagnostic{Rules::lint_rule_ids()[index], severities_[index],
                                        position.line, position.column, std::move(message)});
}

std::vector<Diagnostic> Findings::take_sorted() {
  std::stable_sort(found_.begin(), found_.end(), [](const auto& a, const auto& b) {
    if (a.second.line != b.second.line) return a.second.line < b.second.line;
    if (a.second.column != b.second.column) return a.second.column < b.second.column;
    return a.first < b.first;
  });
  std::vector<Diagnostic> sorted;
  sorted.reserve(found_.size());
  for (auto& [index, diagnostic] : found_) sorted.push_back(std::move(diagnostic));
  return sorted;
}

}  // namespace outreach::lint_detail
