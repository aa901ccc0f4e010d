#pragma once
/// UTF-8 text: validation, decoding and counting characters the way LinkedIn's limits count them.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

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

/// Byte offset of the first byte that is not part of valid UTF-8 (overlongs, surrogates and
/// values over U+10FFFF are invalid), or nullopt when the whole text is valid.
std::optional<std::size_t> first_invalid_utf8(std::string_view text);

/// Number of characters of valid UTF-8 text in the unit.
std::size_t count_characters(std::string_view text, CountUnit unit);

/// Byte offset in valid UTF-8 `text` where the character numbered `limit` + 1 (counted in
/// `unit`) starts, i.e. the first character over a limit; nullopt when the text fits.
std::optional<std::size_t> offset_past_limit(std::string_view text, std::size_t limit,
                                             CountUnit unit);

/// Number of code points in valid UTF-8 `text` before byte `offset` (for 1-based columns).
std::size_t code_points_before(std::string_view text, std::size_t offset);

/// Text safe to show on a terminal: control characters and escape sequences are replaced by
/// U+FFFD or a visible escape; invalid UTF-8 bytes are replaced too.
std::string printable(std::string_view text);

}  // namespace outreach
