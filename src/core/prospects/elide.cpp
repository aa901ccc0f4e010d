#include "prospects/elide.hpp"

#include <algorithm>
#include <cstring>
#include <string_view>

#include "prospects/json_scan.hpp"

namespace outreach::detail {
namespace {

constexpr std::size_t none = no_string_end;
// Shorter strings are left alone: moving the bytes before them would cost more than it saves.
constexpr std::size_t min_elided_bytes = 16;

std::size_t skip_space(const char* text, std::size_t at, std::size_t length) {
  while (at < length && json_space(text[at])) ++at;
  return at;
}

// Bytes that are valid in a JSON string as they are and mean themselves.
// Checked without an early exit or a bool, which lets the compiler vectorise the loop.
bool plain(std::string_view content) {
  unsigned char bad = 0;
  for (const char c : content) {
    const auto byte = static_cast<unsigned char>(c);
    bad |= static_cast<unsigned char>((byte < 0x20) | (byte >= 0x7f) | (byte == '\\'));
  }
  return bad == 0;
}

bool known_field(std::string_view name) {
  // profile_url is read whether kept or not: it is normalised, and may give the id.
  const auto names = prospect_field_names();
  return name == "profile_url" || std::find(names.begin(), names.end(), name) != names.end();
}

}  // namespace

std::size_t elide_unused_strings(char* text, std::size_t length, const FieldSelection& kept) {
  if (kept.all) return length;
  std::size_t depth = 0;
  std::size_t written = 0;  // text[0, written) is final
  std::size_t pending = 0;  // text[pending, at) is still to be moved down to `written`
  for (std::size_t at = 0; at < length;) {
    const char c = text[at];
    if (c != '"') {
      if (c == '{' || c == '[')
        ++depth;
      else if ((c == '}' || c == ']') && depth > 0)
        --depth;
      ++at;
      continue;
    }
    const std::size_t end = json_string_end(text, at, length);
    if (end == none) break;
    const std::size_t colon = depth == 1 ? skip_space(text, end, length) : length;
    if (colon == length || text[colon] != ':') {
      at = end;
      continue;
    }
    // A key: its value is dropped unless it names a field that is read.
    const std::string_view name(text + at + 1, end - at - 2);
    const std::size_t value = skip_space(text, colon + 1, length);
    at = value;
    if (value == length || text[value] != '"' || name.find('\\') != std::string_view::npos ||
        known_field(name) || kept.keeps(name))
      continue;
    const std::size_t value_end = json_string_end(text, value, length);
    if (value_end == none) break;
    at = value_end;
    const std::size_t content = value + 1;
    const std::size_t content_end = value_end - 1;
    if (content_end - content < min_elided_bytes ||
        !plain(std::string_view(text + content, content_end - content)))
      continue;
    std::memmove(text + written, text + pending, content - pending);
    written += content - pending;
    pending = content_end;
  }
  std::memmove(text + written, text + pending, length - pending);
  return written + (length - pending);
}

}  // namespace outreach::detail
