#pragma once
// The obvious phrase search, one phrase at a time, that the phrase automaton
// (src/core/lint/phrases.hpp) must agree with: its unit test and the `phrases` fuzz target
// compare the two.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "lint/phrases.hpp"

namespace outreach::testing {

inline bool is_phrase_word_byte(char c) {
  const auto byte = static_cast<unsigned char>(c);
  return (byte >= 'a' && byte <= 'z') || (byte >= 'A' && byte <= 'Z') ||
         (byte >= '0' && byte <= '9') || byte >= 0x80;
}

/// The earliest whole-word occurrence of any phrase in [begin, end), the longest at its offset.
inline std::optional<lint_detail::Match> naive_first_phrase(
    std::string_view text, std::size_t begin, std::size_t end,
    const std::vector<std::string>& phrases) {
  const std::string_view range = text.substr(0, end);
  std::optional<lint_detail::Match> best;
  for (const std::string& phrase : phrases) {
    if (phrase.empty()) continue;
    for (std::size_t at = range.find(phrase, begin); at != std::string_view::npos;
         at = range.find(phrase, at + 1)) {
      const std::size_t stop = at + phrase.size();
      const bool starts =
          !is_phrase_word_byte(phrase.front()) || at == 0 || !is_phrase_word_byte(range[at - 1]);
      const bool ends = !is_phrase_word_byte(phrase.back()) || stop == range.size() ||
                        !is_phrase_word_byte(range[stop]);
      if (!starts || !ends) continue;
      if (!best || at < best->offset || (at == best->offset && phrase.size() > best->length))
        best = lint_detail::Match{at, phrase.size()};
      break;
    }
  }
  return best;
}

}  // namespace outreach::testing
