// The body's content: placeholders left in the text, template syntax, a call to action and
// the opening line (SPEC §3).
#include "lint/body.hpp"

#include <algorithm>
#include <optional>

#include <fmt/format.h>

#include "lint/phrases.hpp"
#include "outreach/template.hpp"
#include "outreach/text.hpp"

namespace outreach::lint_detail {
namespace {

// Longest bracketed text still taken for a placeholder name ("[Similar Company]").
constexpr std::size_t max_placeholder_bytes = 40;

bool is_ascii_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// Whether the text between brackets reads like a placeholder's name: words, not a sentence,
// an address or a number ("[Company]", "{first name}", "<Name>"; not "<anna@example.com>",
// "[1]" or "<https://…>").
bool is_placeholder_name(std::string_view name) {
  if (name.size() < 2 || name.size() > max_placeholder_bytes) return false;
  const auto first = static_cast<unsigned char>(name.front());
  if (!(is_ascii_letter(name.front()) || name.front() == '_' || first >= 0x80)) return false;
  for (const char c : name) {
    const auto byte = static_cast<unsigned char>(c);
    const bool allowed = is_ascii_letter(c) || (c >= '0' && c <= '9') || byte >= 0x80 || c == ' ' ||
                         c == '_' || c == '-' || c == '.' || c == '\'' || c == '|' || c == '&' ||
                         c == '/';
    if (!allowed) return false;
  }
  return true;
}

// The next occurrence of a needle at or after a position that only moves forward; remembered,
// so that a text full of "{{" without a "}}" is still scanned in linear time.
class NextOccurrence {
 public:
  NextOccurrence(std::string_view text, std::string_view needle) : text_(text), needle_(needle) {}
  std::size_t from(std::size_t position) {
    if (!known_ || (found_ != std::string_view::npos && found_ < position)) {
      found_ = text_.find(needle_, position);
      known_ = true;
    }
    return found_;
  }

 private:
  std::string_view text_, needle_;
  std::size_t found_ = 0;
  bool known_ = false;
};

// Where the bracketed text opened at `open` ends (the offset of its closer), if it is closed
// on the same line within [open, end).
std::optional<std::size_t> closer_of(std::string_view text, std::size_t open, std::size_t end,
                                     char closer) {
  for (std::size_t at = open + 1; at < end && at - open <= max_placeholder_bytes + 1; ++at) {
    if (text[at] == closer) return at;
    if (text[at] == '\n') break;
  }
  return std::nullopt;
}

void scan_placeholders(const DraftText& text, std::size_t begin, std::size_t end,
                       Findings& findings) {
  const std::string_view source = text.source;
  NextOccurrence next_close(source, "}}"), next_newline(source, "\n");
  // Each kind of opener is found with memchr and remembered until passed (find_first_of would
  // call memchr once per byte of the text).
  NextOccurrence next_brace(source, "{"), next_bracket(source, "["), next_angle(source, "<");
  for (std::size_t at = begin; at < end;) {
    const std::size_t open =
        std::min({next_brace.from(at), next_bracket.from(at), next_angle.from(at)});
    if (open >= end) return;
    std::optional<std::size_t> close_end;  // one past the placeholder's last byte
    if (source.compare(open, 2, "{{") == 0) {
      const std::size_t close = next_close.from(open + 2);
      const std::size_t newline = next_newline.from(open + 2);
      if (close != std::string_view::npos && close + 2 <= end && close < newline) {
        close_end = close + 2;
      } else if (text.template_mode) {  // not also "{company}" inside a broken "{{company}"
        at = open + 2;
        continue;
      }
    } else {
      const char closer = source[open] == '{' ? '}' : source[open] == '[' ? ']' : '>';
      const auto close = closer_of(source, open, end, closer);
      if (close && is_placeholder_name(source.substr(open + 1, *close - open - 1)))
        close_end = *close + 1;
    }
    if (!close_end) {
      at = open + 1;
      continue;
    }
    findings.add(Rule::unfilled_placeholder, open,
                 fmt::format("unfilled placeholder '{}'",
                             printable(source.substr(open, *close_end - open))));
    at = *close_end;
  }
}

}  // namespace

void check_placeholders(const DraftText& text, Findings& findings) {
  if (text.subject_end > text.subject_begin)
    scan_placeholders(text, text.subject_begin, text.subject_end, findings);
  scan_placeholders(text, text.body_begin, text.source.size(), findings);
}

void check_template_syntax(const Draft& draft, Findings& findings) {
  const auto check = [&findings](std::string_view part, std::size_t offset) {
    const auto parsed = Template::parse(part);
    if (const auto* error = std::get_if<Template::SyntaxError>(&parsed))
      findings.add(Rule::template_syntax, offset + error->offset, error->message);
  };
  if (draft.subject) check(draft.subject->value, draft.subject->offset);
  check(draft.body(), draft.body_offset);
}

void blank_template_fields(std::string& text) {
  NextOccurrence next_close(text, "}}"), next_newline(text, "\n");
  for (std::size_t open = text.find("{{"); open != std::string::npos;
       open = text.find("{{", open)) {
    const std::size_t close = next_close.from(open + 2);
    const std::size_t newline = next_newline.from(open + 2);
    if (close == std::string::npos) return;
    if (newline < close) {
      open = newline;
      continue;
    }
    text.replace(open, close + 2 - open, close + 2 - open, ' ');
    open = close + 2;
  }
}

void check_body_style(const DraftText& text, const LintEngine::Phrases& phrases,
                      Findings& findings) {
  const std::string_view lowered = text.lowered;
  std::size_t start = text.body_begin;
  while (start < lowered.size() && is_space(lowered[start])) ++start;
  if (start == lowered.size()) start = text.body_begin;  // a template body of fields only

  if (findings.enabled(Rule::no_call_to_action) &&
      !phrases.call_to_action.contains_any(lowered, text.body_begin, lowered.size()))
    findings.add(Rule::no_call_to_action, start,
                 "body asks nothing: end with a soft question to say yes to");

  if (!findings.enabled(Rule::generic_opener)) return;
  std::size_t opening = start;
  if (phrases.salutations.longest_at(lowered, start)) {
    // "Hi Anna," — the greeting runs to its first ',', '!', '.' or ':', else to the line's end.
    const std::size_t line_end = std::min(lowered.find('\n', start), lowered.size());
    const std::size_t stop = lowered.find_first_of(",!.:", start);
    opening = stop < line_end ? stop + 1 : line_end;
    while (opening < lowered.size() && is_space(lowered[opening])) ++opening;
  }
  if (const auto length = phrases.generic_openers.longest_at(lowered, opening))
    findings.add(Rule::generic_opener, opening,
                 fmt::format("body opens with a stock line: '{}'",
                             printable(text.source.substr(opening, *length))));
}

}  // namespace outreach::lint_detail
