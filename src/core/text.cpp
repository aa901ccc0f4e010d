// UTF-8 decoding and counting. Grapheme clusters come from utf8proc (UAX #29); everything else
// is a small strict decoder that follows Unicode's table of well-formed byte sequences.
#include "outreach/text.hpp"

#include <simdjson.h>
#include <utf8proc.h>

#include <algorithm>

#include <fmt/format.h>

#include "support/name_table.hpp"

namespace outreach {
namespace {

constexpr char32_t replacement_character = 0xFFFD;

bool is_continuation(unsigned char byte) { return (byte & 0xC0) == 0x80; }

// Units one code point takes in UTF-16.
std::size_t utf16_units(char32_t code_point) { return code_point >= 0x10000 ? 2 : 1; }

// Walks the extended grapheme clusters of `text`, calling `on_cluster(offset)` at the start of
// each one; stops early when it returns false.
template <typename OnCluster>
void for_each_grapheme(std::string_view text, OnCluster on_cluster) {
  utf8proc_int32_t state = 0;
  char32_t previous = 0;
  for (std::size_t at = 0; at < text.size();) {
    const DecodedChar c = decode_utf8(text, at);
    const bool starts_cluster = at == 0 || utf8proc_grapheme_break_stateful(
                                               static_cast<utf8proc_int32_t>(previous),
                                               static_cast<utf8proc_int32_t>(c.code_point), &state);
    if (starts_cluster && !on_cluster(at)) return;
    previous = c.code_point;
    at += c.length;
  }
}

// Whether `text` is well-formed UTF-8 (Unicode's Table 3-7, as decode_utf8_sequence): simdjson
// checks it with SIMD instructions, and counting and checking decode only text that fails.
bool is_well_formed(std::string_view text) { return simdjson::validate_utf8(text); }

}  // namespace

// Whether a code point would move the cursor, change the terminal or reorder text when shown.
bool is_control_or_bidi(char32_t c) {
  return c < 0x20 || c == 0x7F || (c >= 0x80 && c <= 0x9F) || c == 0x061C || c == 0x200E ||
         c == 0x200F || c == 0x2028 || c == 0x2029 || (c >= 0x202A && c <= 0x202E) ||
         (c >= 0x2066 && c <= 0x2069);
}

std::optional<std::size_t> first_control_or_bidi(std::string_view text) {
  for (std::size_t at = 0; at < text.size();) {
    const DecodedChar c = decode_utf8(text, at);
    if (c.valid && is_control_or_bidi(c.code_point)) return at;
    at += c.length;
  }
  return std::nullopt;
}

namespace {

// Every counting unit by name, the default first.
constexpr detail::NameTable<CountUnit, 3> count_units{{{
    {"utf16", CountUnit::utf16},
    {"code-points", CountUnit::code_points},
    {"graphemes", CountUnit::graphemes},
}}};

}  // namespace

std::optional<CountUnit> parse_count_unit(std::string_view name) { return count_units.parse(name); }

std::string_view count_unit_name(CountUnit unit) { return count_units.name(unit); }

const std::vector<std::string>& count_unit_names() {
  static const std::vector<std::string> names = count_units.names();
  return names;
}

DecodedChar decode_utf8_sequence(std::string_view text, std::size_t offset) {
  const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[offset + i]); };
  const unsigned char lead = byte(0);
  if (lead < 0x80) return {lead, 1, true};

  // The allowed range of the second byte depends on the lead (Unicode Table 3-7): this is what
  // rules out overlongs, surrogates and values over U+10FFFF.
  std::size_t length = 0;
  unsigned char low = 0x80, high = 0xBF;
  char32_t value = 0;
  if (lead >= 0xC2 && lead <= 0xDF) {
    length = 2;
    value = lead & 0x1Fu;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    length = 3;
    value = lead & 0x0Fu;
    if (lead == 0xE0) low = 0xA0;
    if (lead == 0xED) high = 0x9F;
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    length = 4;
    value = lead & 0x07u;
    if (lead == 0xF0) low = 0x90;
    if (lead == 0xF4) high = 0x8F;
  } else {
    return {replacement_character, 1, false};
  }
  for (std::size_t i = 1; i < length; ++i) {
    if (offset + i >= text.size()) return {replacement_character, i, false};
    const unsigned char next = byte(i);
    const bool in_range = i == 1 ? (next >= low && next <= high) : is_continuation(next);
    if (!in_range) return {replacement_character, i, false};
    value = (value << 6) | (next & 0x3Fu);
  }
  return {value, length, true};
}

void append_utf8(std::string& out, char32_t c) {
  const auto put = [&out](char32_t bits) { out.push_back(static_cast<char>(bits)); };
  if (c < 0x80) {
    put(c);
    return;
  }
  if (c < 0x800) {
    put(0xC0 | (c >> 6));
  } else if (c < 0x10000) {
    put(0xE0 | (c >> 12));
    put(0x80 | ((c >> 6) & 0x3F));
  } else {
    put(0xF0 | (c >> 18));
    put(0x80 | ((c >> 12) & 0x3F));
    put(0x80 | ((c >> 6) & 0x3F));
  }
  put(0x80 | (c & 0x3F));
}

std::optional<std::size_t> first_invalid_utf8(std::string_view text) {
  if (is_ascii(text) || is_well_formed(text)) return std::nullopt;
  for (std::size_t at = 0; at < text.size();) {
    if (static_cast<unsigned char>(text[at]) < 0x80) {
      ++at;
      continue;
    }
    const DecodedChar c = decode_utf8(text, at);
    if (!c.valid) return at;
    at += c.length;
  }
  return std::nullopt;
}

bool is_ascii(std::string_view text) {
  unsigned char bits = 0;
  for (const char c : text) bits |= static_cast<unsigned char>(c);
  return bits < 0x80;
}

std::size_t count_characters(std::string_view text, CountUnit unit) {
  std::size_t count = 0;
  if (unit == CountUnit::graphemes) {
    for_each_grapheme(text, [&count](std::size_t) { return ++count, true; });
    return count;
  }
  if (is_ascii(text)) return text.size();
  if (is_well_formed(text)) {
    // Each character has one byte that is not a continuation byte; four-byte ones (beyond the
    // BMP) take two UTF-16 units. Loops without branches the compiler vectorises.
    for (const char c : text) count += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    if (unit == CountUnit::utf16)
      for (const char c : text) count += static_cast<unsigned char>(c) >= 0xF0;
    return count;
  }
  for (std::size_t at = 0; at < text.size();) {
    if (static_cast<unsigned char>(text[at]) < 0x80) {
      ++count, ++at;
      continue;
    }
    const DecodedChar c = decode_utf8(text, at);
    count += unit == CountUnit::utf16 ? utf16_units(c.code_point) : 1;
    at += c.length;
  }
  return count;
}

std::optional<std::size_t> offset_past_limit(std::string_view text, std::size_t limit,
                                             CountUnit unit) {
  // Every unit counts at most one character per byte, so text no longer than the limit in
  // bytes always fits.
  if (text.size() <= limit) return std::nullopt;
  std::optional<std::size_t> past;
  if (unit == CountUnit::graphemes) {
    std::size_t count = 0;
    for_each_grapheme(text, [&](std::size_t at) {
      if (++count <= limit) return true;
      past = at;
      return false;
    });
    return past;
  }
  std::size_t used = 0;
  for (std::size_t at = 0; at < text.size();) {
    const DecodedChar c = decode_utf8(text, at);
    const std::size_t units = unit == CountUnit::utf16 ? utf16_units(c.code_point) : 1;
    if (used + units > limit) return at;
    used += units;
    at += c.length;
  }
  return std::nullopt;
}

std::size_t code_points_before(std::string_view text, std::size_t offset) {
  std::size_t count = 0;
  const std::size_t end = offset < text.size() ? offset : text.size();
  for (std::size_t at = 0; at < end; ++count) at += decode_utf8(text, at).length;
  return count;
}

std::string printable(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t at = 0; at < text.size();) {
    const DecodedChar c = decode_utf8(text, at);
    if (!c.valid) {
      append_utf8(out, replacement_character);
    } else if (c.code_point == '\t') {
      out += "\\t";
    } else if (c.code_point == '\n') {
      out += "\\n";
    } else if (c.code_point == '\r') {
      out += "\\r";
    } else if (is_control_or_bidi(c.code_point)) {
      out += c.code_point < 0x80 ? fmt::format("\\x{:02X}", static_cast<unsigned>(c.code_point))
                                 : fmt::format("\\u{:04X}", static_cast<unsigned>(c.code_point));
    } else {
      out.append(text.substr(at, c.length));
    }
    at += c.length;
  }
  return out;
}

std::string quoted_printable(std::string_view text, std::size_t max_bytes) {
  std::size_t cut = std::min(text.size(), max_bytes);
  while (cut > 0 && cut < text.size() && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80)
    --cut;  // not inside a UTF-8 sequence
  std::string out = "'";
  out += printable(text.substr(0, cut));
  out += cut < text.size() ? "...'" : "'";
  return out;
}

}  // namespace outreach
