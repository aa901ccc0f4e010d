#pragma once
// Matching the rules' phrase lists in lowered text, as whole words.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace outreach::lint_detail {

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

}  // namespace outreach::lint_detail
