// The subject line's style: generic, clickbait and formal subjects (SPEC §3 warnings).
#include "lint/subject.hpp"

#include <utf8proc.h>

#include <algorithm>
#include <limits>
#include <vector>

#include <fmt/format.h>

#include "lint/phrases.hpp"
#include "outreach/text.hpp"

namespace outreach::lint_detail {
namespace {

// The first word of `min_letters` or more letters, all of them capitals ("URGENT", "DON'T").
std::optional<Match> find_shouting(std::string_view source, std::size_t begin, std::size_t end,
                                   std::size_t min_letters) {
  std::size_t word_start = begin, letters = 0;
  bool all_capitals = true;
  for (std::size_t at = begin; at <= end;) {
    const DecodedChar c = at < end ? decode_utf8(source, at) : DecodedChar{' ', 1, true};
    const auto category = utf8proc_category(static_cast<utf8proc_int32_t>(c.code_point));
    const bool letter =
        c.valid && category >= UTF8PROC_CATEGORY_LU && category <= UTF8PROC_CATEGORY_LO;
    const bool inside_word =
        letter ||
        (letters > 0 && (c.code_point == '\'' || c.code_point == 0x2019 ||
                         (category >= UTF8PROC_CATEGORY_MN && category <= UTF8PROC_CATEGORY_ME)));
    if (inside_word) {
      if (letters == 0) {
        word_start = at;
        all_capitals = true;
      }
      if (letter) {
        ++letters;
        all_capitals = all_capitals && category == UTF8PROC_CATEGORY_LU;
      }
    } else {
      if (letters >= min_letters && all_capitals) return Match{word_start, at - word_start};
      letters = 0;
    }
    at += c.length;
  }
  return std::nullopt;
}

// The first run of `min_run` or more '!'.
std::optional<Match> find_exclamations(std::string_view source, std::size_t begin, std::size_t end,
                                       std::size_t min_run) {
  for (std::size_t at = begin; at < end; ++at) {
    if (source[at] != '!') continue;
    std::size_t run_end = at;
    while (run_end < end && source[run_end] == '!') ++run_end;
    if (run_end - at >= min_run) return Match{at, run_end - at};
    at = run_end;
  }
  return std::nullopt;
}

void check_clickbait(const DraftText& text, const LintEngine::Phrases& phrases,
                     const LintRules& rules, Findings& findings) {
  const auto phrase =
      phrases.clickbait_subjects.find_first(text.lowered, text.subject_begin, text.subject_end);
  const auto shouting = find_shouting(text.source, text.subject_begin, text.subject_end,
                                      static_cast<std::size_t>(rules.shouting_min_letters));
  const auto exclamations = find_exclamations(text.source, text.subject_begin, text.subject_end,
                                              static_cast<std::size_t>(rules.exclamation_run));
  // Report the earliest of the three signs; one finding is enough to act on.
  constexpr std::size_t none = std::numeric_limits<std::size_t>::max();
  const auto offset_of = [](const std::optional<Match>& m) { return m ? m->offset : none; };
  const std::size_t first =
      std::min({offset_of(phrase), offset_of(shouting), offset_of(exclamations)});
  if (first == none) return;
  const auto quoted = [&](const Match& m) {
    return printable(text.source.substr(m.offset, m.length));
  };
  if (first == offset_of(phrase)) {
    findings.add(Rule::clickbait_subject, first,
                 fmt::format("subject says '{}', which reads as clickbait", quoted(*phrase)));
  } else if (first == offset_of(shouting)) {
    findings.add(Rule::clickbait_subject, first,
                 fmt::format("subject shouts '{}' in capitals", quoted(*shouting)));
  } else {
    findings.add(Rule::clickbait_subject, first,
                 fmt::format("subject has {} '!' in a row", exclamations->length));
  }
}

}  // namespace

void check_subject_style(const DraftText& text, const LintEngine::Phrases& phrases,
                         const LintRules& rules, Findings& findings) {
  const std::string_view subject =
      text.source.substr(text.subject_begin, text.subject_end - text.subject_begin);
  if (findings.enabled(Rule::generic_subject)) {
    const std::string words = words_only(subject);
    if (phrases.generic_subjects.count(words) > 0)
      findings.add(Rule::generic_subject, text.subject_begin,
                   fmt::format("subject '{}' is generic: say what the message is about",
                               printable(subject)));
  }
  if (findings.enabled(Rule::clickbait_subject)) check_clickbait(text, phrases, rules, findings);
  if (findings.enabled(Rule::formal_subject)) {
    if (const auto m =
            phrases.formal_subjects.find_first(text.lowered, text.subject_begin, text.subject_end))
      findings.add(Rule::formal_subject, m->offset,
                   fmt::format("subject reads like a form letter: '{}'",
                               printable(text.source.substr(m->offset, m->length))));
  }
}

}  // namespace outreach::lint_detail
