#pragma once
// Matching the rules' phrase lists in lowered text, as whole words.

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_set>
#include <utility>
#include <vector>

#include "outreach/lint.hpp"

namespace outreach::lint_detail {

/// A phrase found in a text: its byte offset and length.
struct Match {
  std::size_t offset = 0;
  std::size_t length = 0;
};

/// Lowers ASCII letters and, where the lower case takes as many bytes, other letters; keeps
/// every byte offset. Appends to `out`.
void append_lowered(std::string_view text, std::string& out);
/// Lowers ASCII letters only, keeping every other byte; appends to `out`. Enough for matching
/// phrases that are all ASCII: a non-ASCII character stays non-ASCII when append_lowered lowers
/// it (it keeps its length), so it never matches an ASCII phrase byte either way, and every
/// non-ASCII byte is a word byte in either case.
void append_lowered_ascii(std::string_view text, std::string& out);

/// A phrase list compiled into one Aho–Corasick automaton over bytes, so that finding every
/// phrase of a list in a text costs one pass over the text whatever the list's length. Whole
/// words only: a phrase that starts (ends) with a word character must not be preceded
/// (followed) by one. Built once per LintEngine; its queries are const and thread-safe.
class PhraseSet {
 public:
  PhraseSet() = default;
  /// The phrases, already lowered; empty ones are ignored (the rules loader refuses them).
  explicit PhraseSet(const std::vector<std::string>& phrases);

  /// The earliest whole-word occurrence in [begin, end) of `lowered` (the longest at that
  /// offset).
  std::optional<Match> find_first(std::string_view lowered, std::size_t begin,
                                  std::size_t end) const;
  /// Whether any phrase occurs as whole words in [begin, end) of `lowered`.
  bool contains_any(std::string_view lowered, std::size_t begin, std::size_t end) const;
  /// The length of the longest whole-word phrase that starts exactly at `at`, if any.
  std::optional<std::size_t> longest_at(std::string_view lowered, std::size_t at) const;
  /// Whether every phrase is ASCII: then how non-ASCII text is lowered cannot change a match.
  bool ascii_only() const { return ascii_only_; }

 private:
  struct Node {
    std::vector<std::pair<unsigned char, std::uint32_t>> next;  ///< sorted by byte
    std::uint32_t fail = 0;    ///< the longest proper suffix that is a trie node
    std::uint32_t output = 0;  ///< the nearest node on the fail chain that ends a phrase (0: none)
    std::uint32_t depth = 0;   ///< bytes from the root: the length of a phrase ending here
    bool ends_phrase = false;
  };
  std::uint32_t child(std::uint32_t node, unsigned char byte) const;
  std::uint32_t step(std::uint32_t node, unsigned char byte) const;
  /// Calls found(start, length) for each whole-word match ending before `end`, left to right
  /// by end; stops when it returns true.
  template <typename Found>
  void scan(std::string_view range, std::size_t begin, Found&& found) const;

  std::vector<Node> nodes_;
  std::size_t longest_ = 0;  ///< the longest phrase's length
  bool ascii_only_ = true;
  std::vector<char> lone_bytes_;  ///< phrases of one non-word byte ("?"), found with memchr
  // The automaton as a table (a DFA): the next node for every node and byte class, failure
  // links followed in advance, so that a step is one load instead of binary searches along the
  // fail chain. Bytes no phrase holds (every byte of most non-ASCII text) share class 0.
  std::array<std::uint16_t, 256> class_of_{};
  std::size_t classes_ = 1;
  std::vector<std::uint32_t> delta_;
  /// For each node, the first node of its output chain (itself when it ends a phrase; 0: none),
  /// beside the table so that the scan's loop reads nothing else.
  std::vector<std::uint32_t> first_output_;
};

/// Text lowered, punctuation and symbols removed, white space collapsed: "Quick question?" →
/// "quick question" (apostrophes are kept: "let's connect").
std::string words_only(std::string_view text);

}  // namespace outreach::lint_detail

namespace outreach {

struct LintEngine::Phrases {
  lint_detail::PhraseSet clickbait_subjects;
  lint_detail::PhraseSet formal_subjects;
  lint_detail::PhraseSet call_to_action;
  lint_detail::PhraseSet generic_openers;
  lint_detail::PhraseSet salutations;
  std::unordered_set<std::string> generic_subjects;  ///< words_only() of each
  bool ascii_only = true;                            ///< every phrase set holds ASCII phrases only
};

}  // namespace outreach
