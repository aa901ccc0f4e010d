#pragma once
// Inside the linter: the rule numbering, the finding collector and the checks that the files
// lint.cpp (limits, encoding), lint_subject.cpp and lint_body.cpp implement.

#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
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

/// The draft as the style checks read it. `source` has draft.text's bytes (in --template mode
/// with each `{{…}}` blanked out, so that field names are not taken for words); `lowered` is
/// `source` lowered for phrase matching. Both keep draft.text's byte offsets.
struct DraftText {
  const Draft& draft;
  std::string_view source;
  std::string_view lowered;
  std::size_t subject_begin = 0, subject_end = 0;  ///< the subject value (empty when none)
  std::size_t body_begin = 0;                      ///< the body runs to the end
  bool template_mode = false;  ///< an unclosed `{{` is then template-syntax's finding
};

/// A phrase found in a text: its byte offset and length.
struct Match {
  std::size_t offset = 0;
  std::size_t length = 0;
};

/// Lowers ASCII letters and, where the lower case takes as many bytes, other letters; keeps
/// every byte offset. Appends to `out`.
void append_lowered(std::string_view text, std::string& out);
/// The earliest whole-word occurrence of any phrase in [begin, end) of `lowered`.
std::optional<Match> find_first_phrase(std::string_view lowered, std::size_t begin, std::size_t end,
                                       const std::vector<std::string>& phrases);
/// Whether any phrase occurs as whole words in [begin, end) of `lowered` (cheaper than
/// finding the earliest: it stops at the first phrase found).
bool contains_any_phrase(std::string_view lowered, std::size_t begin, std::size_t end,
                         const std::vector<std::string>& phrases);
/// Whether a whole-word phrase starts exactly at `at`; its length if so.
std::optional<std::size_t> phrase_at(std::string_view lowered, std::size_t at,
                                     const std::vector<std::string>& phrases);
/// Text lowered, punctuation and symbols removed, white space collapsed: "Quick question?" →
/// "quick question" (apostrophes are kept: "let's connect").
std::string words_only(std::string_view text);
/// Whether the text holds only white space, controls and invisible format characters.
bool is_blank(std::string_view text);
/// 1954 → "1,954".
std::string with_thousands(std::size_t number);
/// "characters", "code points" or "graphemes".
std::string_view unit_noun(CountUnit unit);
/// "message", "InMail" or "connection note".
std::string_view channel_title(std::string_view channel);

void check_subject_style(const DraftText& text, const LintEngine::Phrases& phrases,
                         const LintRules& rules, Findings& findings);
void check_body_style(const DraftText& text, const LintEngine::Phrases& phrases,
                      Findings& findings);
void check_placeholders(const DraftText& text, Findings& findings);
void check_template_syntax(const Draft& draft, Findings& findings);
/// Blanks every `{{…}}` of a line with spaces (for --template), keeping offsets.
void blank_template_fields(std::string& text);

}  // namespace outreach::lint_detail
