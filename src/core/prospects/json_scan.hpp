#pragma once
// Cheap structural scanning of JSON text, shared by the parallel reader's splitter, the string
// elision and the exact reader: white space, blank lines and where a string literal ends.

#include <cstddef>
#include <cstring>
#include <string_view>

namespace outreach::detail {

/// JSON's white space: space, tab, line feed, carriage return.
inline bool json_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

/// An NDJSON line that holds only spaces, tabs and carriage returns (skipped by both readers).
inline bool blank_line(std::string_view line) {
  return line.find_first_not_of(" \t\r") == std::string_view::npos;
}

inline constexpr std::size_t no_string_end = static_cast<std::size_t>(-1);

/// One past the quote that closes the JSON string whose opening quote is text[open], or
/// no_string_end when [open, length) does not close it. A quote is escaped when an odd run of
/// backslashes comes before it; nothing else about the string is checked.
/// (Inline: the elision and the splitter call it for every string of every record.)
inline std::size_t json_string_end(const char* text, std::size_t open, std::size_t length) {
  for (std::size_t from = open + 1;;) {
    const void* quote = std::memchr(text + from, '"', length - from);
    if (quote == nullptr) return no_string_end;
    const auto at = static_cast<std::size_t>(static_cast<const char*>(quote) - text);
    std::size_t backslashes = 0;
    while (at - backslashes > open + 1 && text[at - backslashes - 1] == '\\') ++backslashes;
    if (backslashes % 2 == 0) return at + 1;
    from = at + 1;
  }
}

}  // namespace outreach::detail
