#pragma once
/// UTF-8 text: validation, decoding and counting characters the way LinkedIn's limits count them.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace outreach {

/// How characters are counted against a limit (SPEC §1).
enum class CountUnit {
  utf16,        ///< UTF-16 code units, what a browser text box counts (the default)
  code_points,  ///< Unicode scalar values
  graphemes,    ///< extended grapheme clusters (UAX #29), what a reader sees as one character
};

/// "utf16", "code-points" or "graphemes" → the unit; nullopt otherwise.
std::optional<CountUnit> parse_count_unit(std::string_view name);
std::string_view count_unit_name(CountUnit unit);
/// Every unit's name, the default first: "utf16", "code-points", "graphemes".
const std::vector<std::string>& count_unit_names();

/// One character decoded from UTF-8.
struct DecodedChar {
  char32_t code_point = 0;  ///< U+FFFD for an ill-formed sequence
  std::size_t length = 1;   ///< bytes taken; an ill-formed sequence takes its maximal subpart
  bool valid = true;        ///< false for an ill-formed sequence
};

/// Decodes the character that starts at byte `offset` (which must be < text.size()). An
/// ill-formed sequence decodes as U+FFFD spanning its maximal subpart (at least one byte), the
/// way Unicode recommends substituting it, so every function below accepts any bytes.
/// Inline for its ASCII case: the linter decodes every character of every draft of a plan.
DecodedChar decode_utf8_sequence(std::string_view text, std::size_t offset);
inline DecodedChar decode_utf8(std::string_view text, std::size_t offset) {
  const auto lead = static_cast<unsigned char>(text[offset]);
  if (lead < 0x80) return {lead, 1, true};
  return decode_utf8_sequence(text, offset);
}

/// Whether every byte is ASCII (checked in one pass without branches: drafts mostly are).
bool is_ascii(std::string_view text);

/// Appends the UTF-8 encoding of a Unicode scalar value.
void append_utf8(std::string& out, char32_t code_point);

/// Byte offset of the first byte that is not part of valid UTF-8 (overlongs, surrogates and
/// values over U+10FFFF are invalid), or nullopt when the whole text is valid.
std::optional<std::size_t> first_invalid_utf8(std::string_view text);

/// Number of characters of the text in the unit (an ill-formed sequence counts as U+FFFD).
std::size_t count_characters(std::string_view text, CountUnit unit);

/// Byte offset in `text` where the character numbered `limit` + 1 (counted in `unit`) starts,
/// i.e. the first character over a limit; nullopt when the text fits. In UTF-16 units, a
/// character that needs two units and straddles the limit is the first one over it.
std::optional<std::size_t> offset_past_limit(std::string_view text, std::size_t limit,
                                             CountUnit unit);

/// Number of code points in `text` before byte `offset` (for 1-based columns).
std::size_t code_points_before(std::string_view text, std::size_t offset);

/// Whether a character must never reach a terminal or a spreadsheet raw: C0 and C1 control
/// characters, DEL, the line and paragraph separators (U+2028, U+2029) and the bidirectional
/// marks, embeddings, overrides and isolates (U+061C, U+200E, U+200F, U+202A–U+202E,
/// U+2066–U+2069), which can rewrite a line or hide part of it.
bool is_control_or_bidi(char32_t c);

/// Byte offset of the first such character in valid UTF-8 text, if any.
std::optional<std::size_t> first_control_or_bidi(std::string_view text);

/// Text safe to show on a terminal — the one sanitiser of everything human-facing output
/// echoes from an input: the characters of is_control_or_bidi become visible escapes (\t, \n,
/// \r, \x1B, \u009B, \u202E), bytes that are not UTF-8 become U+FFFD, everything else is
/// kept.
std::string printable(std::string_view text);

/// A word from the input for a one-line message: printable(), cut after `max_bytes` bytes (on a
/// character boundary) with "...", in single quotes: 'p-017', 'a-very-long-prosp...'.
std::string quoted_printable(std::string_view text, std::size_t max_bytes = 40);

}  // namespace outreach
