#include "support/json_text.hpp"

#include <fmt/format.h>

namespace outreach::detail {
namespace {

unsigned byte(std::string_view text, std::size_t i) { return static_cast<unsigned char>(text[i]); }

bool continuation(std::string_view text, std::size_t i) {
  return i < text.size() && (byte(text, i) & 0xC0U) == 0x80U;
}

void append_escape(std::string& out, unsigned code) { out += fmt::format("\\u{:04x}", code); }

}  // namespace

std::size_t utf8_sequence_length(std::string_view text, std::size_t i) {
  const unsigned b0 = byte(text, i);
  if (b0 < 0x80) return 1;
  if (b0 >= 0xC2 && b0 <= 0xDF) return continuation(text, i + 1) ? 2 : 0;
  if (b0 >= 0xE0 && b0 <= 0xEF) {
    if (!continuation(text, i + 1) || !continuation(text, i + 2)) return 0;
    const unsigned b1 = byte(text, i + 1);
    if (b0 == 0xE0 && b1 < 0xA0) return 0;   // overlong
    if (b0 == 0xED && b1 >= 0xA0) return 0;  // surrogate
    return 3;
  }
  if (b0 >= 0xF0 && b0 <= 0xF4) {
    if (!continuation(text, i + 1) || !continuation(text, i + 2) || !continuation(text, i + 3))
      return 0;
    const unsigned b1 = byte(text, i + 1);
    if (b0 == 0xF0 && b1 < 0x90) return 0;   // overlong
    if (b0 == 0xF4 && b1 >= 0x90) return 0;  // over U+10FFFF
    return 4;
  }
  return 0;
}

void append_json_string(std::string& out, std::string_view text) {
  out += '"';
  std::size_t i = 0;
  while (i < text.size()) {
    // Copy the longest run that needs no escaping in one go.
    std::size_t run = i;
    while (run < text.size()) {
      const unsigned b = byte(text, run);
      if (b < 0x20 || b == '"' || b == '\\' || b >= 0x7F) break;
      ++run;
    }
    out.append(text, i, run - i);
    i = run;
    if (i == text.size()) break;
    const unsigned b = byte(text, i);
    if (b == '"' || b == '\\') {
      out += '\\';
      out += static_cast<char>(b);
      ++i;
    } else if (b < 0x20 || b == 0x7F) {
      switch (b) {
        case '\n':
          out += "\\n";
          break;
        case '\t':
          out += "\\t";
          break;
        case '\r':
          out += "\\r";
          break;
        default:
          append_escape(out, b);
      }
      ++i;
    } else {
      const std::size_t length = utf8_sequence_length(text, i);
      if (length == 0) {
        out += "\xEF\xBF\xBD";  // U+FFFD for a byte that is not UTF-8
        ++i;
        continue;
      }
      unsigned code = 0;
      if (length == 2) code = ((b & 0x1FU) << 6) | (byte(text, i + 1) & 0x3FU);
      if (length == 3)
        code =
            ((b & 0x0FU) << 12) | ((byte(text, i + 1) & 0x3FU) << 6) | (byte(text, i + 2) & 0x3FU);
      const bool control = (code >= 0x80 && code <= 0x9F) || code == 0x2028 || code == 0x2029 ||
                           (code >= 0x202A && code <= 0x202E) || (code >= 0x2066 && code <= 0x2069);
      if (control)
        append_escape(out, code);
      else
        out.append(text, i, length);
      i += length;
    }
  }
  out += '"';
}

std::string quote_for_message(std::string_view text, std::size_t max_bytes) {
  std::string out;
  if (text.size() <= max_bytes) {
    append_json_string(out, text);
    return out;
  }
  // Cut on a character boundary, never inside a UTF-8 sequence.
  std::size_t cut = max_bytes > 3 ? max_bytes - 3 : 0;
  while (cut > 0 && (byte(text, cut) & 0xC0U) == 0x80U) --cut;
  append_json_string(out, text.substr(0, cut));
  out.insert(out.size() - 1, "...");
  return out;
}

}  // namespace outreach::detail
