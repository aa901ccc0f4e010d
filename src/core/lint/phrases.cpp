// Phrase matching over lowered text, as whole words.
#include "lint/phrases.hpp"

#include <utf8proc.h>

#include <algorithm>
#include <cstring>

#include "outreach/text.hpp"

namespace outreach::lint_detail {
namespace {

bool is_ascii_alnum(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

// A byte that belongs to a word, for phrase boundaries: ASCII letters and digits, and any byte
// of a non-ASCII character (most of which are letters in a message).
bool is_word_byte(char c) {
  const auto byte = static_cast<unsigned char>(c);
  return is_ascii_alnum(byte) || byte >= 0x80;
}

// Whether `phrase` occurs at `at` of `text` as whole words: a phrase that starts (ends) with a
// word character must not be preceded (followed) by one.
bool whole_word_at(std::string_view text, std::size_t at, std::string_view phrase) {
  // Phrases are never empty (the rules loader refuses them). The first byte rules out most
  // phrases without a call: dozens are tried at the start of every draft.
  if (at >= text.size() || text[at] != phrase.front()) return false;
  if (text.compare(at, phrase.size(), phrase) != 0) return false;
  if (is_word_byte(phrase.front()) && at > 0 && is_word_byte(text[at - 1])) return false;
  const std::size_t end = at + phrase.size();
  return !(is_word_byte(phrase.back()) && end < text.size() && is_word_byte(text[end]));
}

bool is_word_character(char32_t c) {
  switch (utf8proc_category(static_cast<utf8proc_int32_t>(c))) {
    case UTF8PROC_CATEGORY_LU:
    case UTF8PROC_CATEGORY_LL:
    case UTF8PROC_CATEGORY_LT:
    case UTF8PROC_CATEGORY_LM:
    case UTF8PROC_CATEGORY_LO:
    case UTF8PROC_CATEGORY_MN:
    case UTF8PROC_CATEGORY_MC:
    case UTF8PROC_CATEGORY_ME:
    case UTF8PROC_CATEGORY_ND:
    case UTF8PROC_CATEGORY_NL:
    case UTF8PROC_CATEGORY_NO:
      return true;
    default:
      return false;
  }
}

}  // namespace

void append_lowered(std::string_view text, std::string& out) {
  // Every character keeps its length (offsets into the lowered text are offsets into the
  // text), so the result is as long as the text. Drafts are mostly ASCII, lowered in one pass
  // the compiler vectorises.
  const std::size_t start = out.size();
  out.resize(start + text.size());
  char* lowered = out.data() + start;
  const auto lower_ascii = [&](std::size_t from, std::size_t to) {
    for (std::size_t i = from; i < to; ++i) {
      const auto byte = static_cast<unsigned char>(text[i]);
      lowered[i] = static_cast<char>(byte >= 'A' && byte <= 'Z' ? byte + ('a' - 'A') : byte);
    }
  };
  if (is_ascii(text)) return lower_ascii(0, text.size());
  for (std::size_t at = 0; at < text.size();) {
    std::size_t run = at;
    while (run < text.size() && static_cast<unsigned char>(text[run]) < 0x80) ++run;
    lower_ascii(at, run);
    if (run == text.size()) break;
    at = run;
    const DecodedChar c = decode_utf8(text, at);
    std::memcpy(lowered + at, text.data() + at, c.length);
    if (c.valid) {
      std::string lower;  // at most 4 bytes: no allocation
      append_utf8(lower, static_cast<char32_t>(
                             utf8proc_tolower(static_cast<utf8proc_int32_t>(c.code_point))));
      if (lower.size() == c.length) std::memcpy(lowered + at, lower.data(), lower.size());
    }
    at += c.length;
  }
}

std::optional<Match> find_first_phrase(std::string_view lowered, std::size_t begin, std::size_t end,
                                       const std::vector<std::string>& phrases) {
  const std::string_view range = lowered.substr(0, end);
  std::optional<Match> best;
  for (const std::string& phrase : phrases) {
    std::size_t from = begin;
    const std::size_t limit = best ? best->offset + 1 : range.size();
    while (from < limit) {
      const std::size_t at = range.find(phrase, from);
      if (at == std::string_view::npos || at >= limit) break;
      if (whole_word_at(range, at, phrase)) {
        if (!best || at < best->offset || (at == best->offset && phrase.size() > best->length))
          best = Match{at, phrase.size()};
        break;
      }
      from = at + 1;
    }
  }
  return best;
}

bool contains_any_phrase(std::string_view lowered, std::size_t begin, std::size_t end,
                         const std::vector<std::string>& phrases) {
  const std::string_view range = lowered.substr(0, end);
  for (const std::string& phrase : phrases) {
    for (std::size_t at = range.find(phrase, begin); at != std::string_view::npos;
         at = range.find(phrase, at + 1))
      if (whole_word_at(range, at, phrase)) return true;
  }
  return false;
}

std::optional<std::size_t> phrase_at(std::string_view lowered, std::size_t at,
                                     const std::vector<std::string>& phrases) {
  std::optional<std::size_t> longest;
  for (const std::string& phrase : phrases)
    if (whole_word_at(lowered, at, phrase) && (!longest || phrase.size() > *longest))
      longest = phrase.size();
  return longest;
}

std::string words_only(std::string_view text) {
  std::string lowered;
  append_lowered(text, lowered);
  std::string words;
  bool pending_space = false;
  for (std::size_t at = 0; at < lowered.size();) {
    const DecodedChar c = decode_utf8(lowered, at);
    const bool apostrophe = c.code_point == '\'' || c.code_point == 0x2019;
    if (c.valid && (apostrophe || is_word_character(c.code_point))) {
      if (pending_space && !words.empty()) words.push_back(' ');
      pending_space = false;
      if (apostrophe)
        words.push_back('\'');
      else
        words.append(lowered.substr(at, c.length));
    } else {
      pending_space = true;
    }
    at += c.length;
  }
  return words;
}

}  // namespace outreach::lint_detail
