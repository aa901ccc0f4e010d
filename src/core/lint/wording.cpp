// Wording of the linter's messages, and what counts as a blank text.
#include "lint/wording.hpp"

#include <utf8proc.h>

namespace outreach::lint_detail {

bool is_blank(std::string_view text) {
  for (std::size_t at = 0; at < text.size();) {
    const DecodedChar c = decode_utf8(text, at);
    if (!c.valid) return false;
    switch (utf8proc_category(static_cast<utf8proc_int32_t>(c.code_point))) {
      case UTF8PROC_CATEGORY_ZS:
      case UTF8PROC_CATEGORY_ZL:
      case UTF8PROC_CATEGORY_ZP:
      case UTF8PROC_CATEGORY_CC:
      case UTF8PROC_CATEGORY_CF:
        break;
      default:
        return false;
    }
    at += c.length;
  }
  return true;
}

std::string with_thousands(std::size_t number) {
  std::string digits = std::to_string(number);
  for (std::size_t at = digits.size(); at > 3; at -= 3) digits.insert(at - 3, 1, ',');
  return digits;
}

std::string_view unit_noun(CountUnit unit) {
  switch (unit) {
    case CountUnit::utf16:
      return "characters";
    case CountUnit::code_points:
      return "code points";
    case CountUnit::graphemes:
      return "graphemes";
  }
  return "characters";
}

std::string_view channel_title(std::string_view channel) {
  if (channel == "inmail") return "InMail";
  if (channel == "connect") return "connection note";
  return channel;
}

}  // namespace outreach::lint_detail
