#pragma once
// What the human formats share: colours, and widths as a terminal shows text.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace outreach::detail {

inline constexpr const char* bold = "\x1b[1m";
inline constexpr const char* red = "\x1b[31m";
inline constexpr const char* yellow = "\x1b[33m";
inline constexpr const char* bold_red = "\x1b[1;31m";
inline constexpr const char* bold_yellow = "\x1b[1;33m";
inline constexpr const char* reset = "\x1b[0m";

/// Terminal columns of printable text (wide East Asian characters take two).
std::size_t display_width(std::string_view text);

/// printable() text cut to `max` columns, ending in "…" when cut.
std::string fitted(std::string_view text, std::size_t max);

/// Printable text broken into lines of at most `width` columns at spaces (a word longer than
/// that gets a line of its own); one line when `width` is 0.
std::vector<std::string> wrapped(std::string_view text, std::size_t width);

}  // namespace outreach::detail
