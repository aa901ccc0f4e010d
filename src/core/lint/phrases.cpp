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

// Whether all eight bytes at `bytes` are non-ASCII.
bool all_non_ascii(const char* bytes) {
  std::uint64_t word = 0;
  std::memcpy(&word, bytes, sizeof word);
  constexpr std::uint64_t high_bits = 0x8080808080808080u;
  return (word & high_bits) == high_bits;
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

void append_lowered_ascii(std::string_view text, std::string& out) {
  const std::size_t start = out.size();
  out.resize(start + text.size());
  char* lowered = out.data() + start;
  for (std::size_t i = 0; i < text.size(); ++i) {  // one pass the compiler vectorises
    const auto byte = static_cast<unsigned char>(text[i]);
    lowered[i] = static_cast<char>(byte >= 'A' && byte <= 'Z' ? byte + ('a' - 'A') : byte);
  }
}

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

PhraseSet::PhraseSet(const std::vector<std::string>& phrases) : nodes_(1) {
  // The trie of the phrases.
  for (const std::string& phrase : phrases) {
    if (phrase.empty()) continue;
    std::uint32_t node = 0;
    for (const char c : phrase) {
      const auto byte = static_cast<unsigned char>(c);
      std::uint32_t next = child(node, byte);
      if (next == 0) {
        next = static_cast<std::uint32_t>(nodes_.size());
        auto& edges = nodes_[node].next;
        edges.insert(std::lower_bound(edges.begin(), edges.end(), std::make_pair(byte, 0u)),
                     {byte, next});
        Node created;
        created.depth = nodes_[node].depth + 1;
        nodes_.push_back(std::move(created));
      }
      node = next;
    }
    nodes_[node].ends_phrase = true;
    longest_ = std::max(longest_, phrase.size());
    ascii_only_ = ascii_only_ && is_ascii(phrase);
    if (phrase.size() == 1 && !is_word_byte(phrase.front()) &&
        std::find(lone_bytes_.begin(), lone_bytes_.end(), phrase.front()) == lone_bytes_.end())
      lone_bytes_.push_back(phrase.front());
  }
  // Failure and output links, breadth first: a node's links only use shallower nodes'.
  std::vector<std::uint32_t> queue;
  for (const auto& [byte, next] : nodes_[0].next) queue.push_back(next);
  for (std::size_t head = 0; head < queue.size(); ++head) {
    const std::uint32_t node = queue[head];
    for (const auto& [byte, next] : nodes_[node].next) {
      std::uint32_t fail = nodes_[node].fail;
      while (fail != 0 && child(fail, byte) == 0) fail = nodes_[fail].fail;
      const std::uint32_t target = child(fail, byte);
      nodes_[next].fail = target != next ? target : 0;
      const Node& suffix = nodes_[nodes_[next].fail];
      nodes_[next].output = suffix.ends_phrase ? nodes_[next].fail : suffix.output;
      queue.push_back(next);
    }
  }
  // Byte classes: one for each byte on some edge, class 0 for the rest.
  std::array<unsigned char, 256> representative{};
  for (const Node& node : nodes_)
    for (const auto& [byte, next] : node.next)
      if (class_of_[byte] == 0) {
        representative[classes_] = byte;
        class_of_[byte] = static_cast<std::uint16_t>(classes_++);
      }
  // The table, breadth first again: a node's missing edges are its fail node's, already filled.
  delta_.assign(nodes_.size() * classes_, 0);
  for (std::size_t c = 1; c < classes_; ++c) delta_[c] = child(0, representative[c]);
  for (const std::uint32_t node : queue)
    for (std::size_t c = 1; c < classes_; ++c) {
      const std::uint32_t next = child(node, representative[c]);
      delta_[node * classes_ + c] = next != 0 ? next : delta_[nodes_[node].fail * classes_ + c];
    }
  first_output_.resize(nodes_.size());
  for (std::size_t node = 0; node < nodes_.size(); ++node)
    first_output_[node] =
        nodes_[node].ends_phrase ? static_cast<std::uint32_t>(node) : nodes_[node].output;
}

std::uint32_t PhraseSet::child(std::uint32_t node, unsigned char byte) const {
  const auto& edges = nodes_[node].next;
  const auto it = std::lower_bound(edges.begin(), edges.end(), std::make_pair(byte, 0u));
  return it != edges.end() && it->first == byte ? it->second : 0;
}

std::uint32_t PhraseSet::step(std::uint32_t node, unsigned char byte) const {
  return delta_[node * classes_ + class_of_[byte]];
}

template <typename Found>
void PhraseSet::scan(std::string_view range, std::size_t begin, Found&& found) const {
  if (nodes_.size() <= 1) return;
  std::uint32_t node = 0;
  for (std::size_t i = begin; i < range.size(); ++i) {
    if (class_of_[static_cast<unsigned char>(range[i])] == 0) {
      // No phrase holds this byte: every node goes back to the root, which ends no phrase. When
      // no phrase holds a non-ASCII byte, a run of them (most of a Cyrillic or CJK note) is
      // skipped eight at a time.
      node = 0;
      if (ascii_only_)
        while (i + 9 <= range.size() && all_non_ascii(range.data() + i + 1)) i += 8;
      continue;
    }
    node = step(node, static_cast<unsigned char>(range[i]));
    // Every phrase that ends at i: the node itself, then its output chain.
    for (std::uint32_t at = first_output_[node]; at != 0; at = nodes_[at].output) {
      const std::size_t length = nodes_[at].depth;
      const std::size_t start = i + 1 - length;
      if (whole_word_at(range, start, range.substr(start, length)) && found(start, length)) return;
    }
  }
}

std::optional<Match> PhraseSet::find_first(std::string_view lowered, std::size_t begin,
                                           std::size_t end) const {
  const std::string_view range = lowered.substr(0, end);
  std::optional<Match> best;
  scan(range, begin, [&](std::size_t start, std::size_t length) {
    if (!best || start < best->offset || (start == best->offset && length > best->length))
      best = Match{start, length};
    // Matches are found by their end: none that ends later can start earlier than this one
    // once the scan is a whole phrase length past it.
    return start + length >= best->offset + longest_;
  });
  return best;
}

bool PhraseSet::contains_any(std::string_view lowered, std::size_t begin, std::size_t end) const {
  // A phrase of one punctuation byte ("?" among the calls to action) matches wherever the byte
  // is, with no word boundary to check: memchr finds it without walking the automaton over a
  // long note first.
  end = std::min(end, lowered.size());
  for (const char lone : lone_bytes_)
    if (begin < end && std::memchr(lowered.data() + begin, lone, end - begin) != nullptr)
      return true;
  bool found = false;
  scan(lowered.substr(0, end), begin, [&](std::size_t, std::size_t) { return found = true; });
  return found;
}

std::optional<std::size_t> PhraseSet::longest_at(std::string_view lowered, std::size_t at) const {
  // A walk down the trie from `at`: every phrase that starts there is on the path.
  std::optional<std::size_t> longest;
  std::uint32_t node = 0;
  for (std::size_t i = at; i < lowered.size(); ++i) {
    node = child(node, static_cast<unsigned char>(lowered[i]));
    if (node == 0) break;
    if (nodes_[node].ends_phrase && whole_word_at(lowered, at, lowered.substr(at, i + 1 - at)))
      longest = i + 1 - at;
  }
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
