#include "outreach/suggest.hpp"

#include <algorithm>
#include <cctype>
#include <limits>

#include <fmt/format.h>

namespace outreach {
namespace {

char lower(char c) { return static_cast<char>(std::tolower(static_cast<unsigned char>(c))); }

// Edits between two words, case-insensitive: insertions, deletions, substitutions, and two
// neighbours swapped ("tabel" for "table" is one typo, not two) — the optimal string alignment
// distance.
std::size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> before(b.size() + 1), previous(b.size() + 1), row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) previous[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const bool same = lower(a[i - 1]) == lower(b[j - 1]);
      row[j] = std::min({previous[j] + 1, row[j - 1] + 1, previous[j - 1] + (same ? 0 : 1)});
      if (i > 1 && j > 1 && lower(a[i - 1]) == lower(b[j - 2]) &&
          lower(a[i - 2]) == lower(b[j - 1]))
        row[j] = std::min(row[j], before[j - 2] + 1);
    }
    std::swap(before, previous);
    std::swap(previous, row);
  }
  return previous[b.size()];
}

}  // namespace

std::optional<std::string> closest_match(std::string_view word,
                                         const std::vector<std::string>& candidates) {
  const std::size_t allowed = std::max<std::size_t>(1, word.size() / 3);
  std::optional<std::string> best;
  std::size_t best_distance = std::numeric_limits<std::size_t>::max();
  for (const auto& candidate : candidates) {
    const std::size_t distance = edit_distance(word, candidate);
    // A full name typed where an abbreviation is expected ("wednesday" for "wed"), or the
    // start of a long name ("sales-navigator"), is as good as a one-letter typo.
    const auto starts_with = [](std::string_view text, std::string_view prefix) {
      return prefix.size() >= 3 && text.size() > prefix.size() &&
             std::equal(prefix.begin(), prefix.end(), text.begin(),
                        [](char x, char y) { return lower(x) == lower(y); });
    };
    const bool is_prefix = starts_with(candidate, word) || starts_with(word, candidate);
    const std::size_t score = is_prefix ? std::min<std::size_t>(distance, 2) : distance;
    if (score < best_distance && (score <= allowed || is_prefix)) {
      best_distance = score;
      best = candidate;
    }
  }
  return best;
}

std::string did_you_mean(std::string_view word, const std::vector<std::string>& candidates) {
  const auto match = closest_match(word, candidates);
  return match ? fmt::format(" (did you mean '{}'?)", *match) : std::string{};
}

}  // namespace outreach
