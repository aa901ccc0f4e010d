// The phrase automaton: every phrase of a list found in one pass, as whole words, with the
// answers of a phrase-by-phrase search.
#include "lint/phrases.hpp"

#include <catch2/catch.hpp>

#include <random>

#include "phrase_reference.hpp"

using outreach::lint_detail::Match;
using outreach::lint_detail::PhraseSet;

using outreach::testing::naive_first_phrase;

TEST_CASE("phrases are found as whole words, the earliest and longest first", "[lint]") {
  const PhraseSet set({"quick question", "question", "urgent", "act now", "!!"});
  const std::string text = "a quick question: urgent? questions, act nowhere !!";
  const auto first = set.find_first(text, 0, text.size());
  REQUIRE(first);
  CHECK(first->offset == 2);
  CHECK(first->length == 14);  // "quick question", not "question"
  const auto later = set.find_first(text, 3, text.size());
  REQUIRE(later);
  CHECK(text.substr(later->offset, later->length) == "question");
  CHECK(set.find_first(text, 26, text.size())->offset == text.size() - 2);  // not "act now…"
  CHECK_FALSE(set.find_first(text, 26, text.size() - 2));
  CHECK(set.contains_any(text, 0, text.size()));
  CHECK_FALSE(set.contains_any("questions unquestioned", 0, 22));
  CHECK(set.longest_at(text, 2) == std::optional<std::size_t>(14));
  CHECK_FALSE(set.longest_at(text, 3));
  CHECK_FALSE(PhraseSet().find_first(text, 0, text.size()));
  CHECK_FALSE(PhraseSet(std::vector<std::string>{}).contains_any(text, 0, text.size()));
}

TEST_CASE("the automaton gives the answers of a phrase-by-phrase search", "[lint]") {
  std::mt19937 random(18);
  const std::string letters = "ab c";
  const auto word = [&](std::size_t max) {
    std::string out;
    const std::size_t length = 1 + random() % max;
    for (std::size_t i = 0; i < length; ++i) out += letters[random() % letters.size()];
    return out;
  };
  for (int round = 0; round < 300; ++round) {
    std::vector<std::string> phrases;
    for (int i = 0; i < 6; ++i) phrases.push_back(word(5));
    const PhraseSet set(phrases);
    const std::string text = word(40);
    const std::size_t begin = random() % (text.size() + 1);
    const std::size_t end = begin + random() % (text.size() - begin + 1);
    const auto expected = naive_first_phrase(text, begin, end, phrases);
    const auto got = set.find_first(text, begin, end);
    INFO("text '" << text << "' [" << begin << ", " << end << ")");
    REQUIRE(bool(got) == bool(expected));
    if (got) {
      CHECK(got->offset == expected->offset);
      CHECK(got->length == expected->length);
    }
    CHECK(set.contains_any(text, begin, end) == bool(expected));
  }
}

TEST_CASE("the automaton's table agrees with the search over bytes no phrase holds", "[lint]") {
  // The table gives every byte no phrase holds one class (here ü and x, and the bytes of é's
  // second half that no phrase ends on): a step over them must fall back exactly as the fail
  // links would.
  std::mt19937 random(19);
  const std::vector<std::string> phrase_letters = {"a", "é", " ", "c"};
  const std::vector<std::string> text_letters = {"a", "é", " ", "c", "ü", "x"};
  const auto word = [&](const std::vector<std::string>& letters, std::size_t max) {
    std::string out;
    const std::size_t length = 1 + random() % max;
    for (std::size_t i = 0; i < length; ++i) out += letters[random() % letters.size()];
    return out;
  };
  for (int round = 0; round < 300; ++round) {
    std::vector<std::string> phrases;
    for (int i = 0; i < 6; ++i) phrases.push_back(word(phrase_letters, 4));
    const PhraseSet set(phrases);
    const std::string text = word(text_letters, 30);
    const auto expected = naive_first_phrase(text, 0, text.size(), phrases);
    const auto got = set.find_first(text, 0, text.size());
    INFO("text '" << text << "'");
    REQUIRE(bool(got) == bool(expected));
    if (got) {
      CHECK(got->offset == expected->offset);
      CHECK(got->length == expected->length);
    }
    CHECK(set.contains_any(text, 0, text.size()) == bool(expected));
  }
}

TEST_CASE("a list of 40,000 phrases is matched in one pass", "[lint]") {
  std::vector<std::string> phrases;
  for (int i = 0; i < 40000; ++i) phrases.push_back("phrase number " + std::to_string(i));
  const PhraseSet set(phrases);
  std::string text;
  for (int i = 0; i < 2000; ++i) text += "a phrase number to say nothing ";
  text += "phrase number 39999.";
  const auto found = set.find_first(text, 0, text.size());
  REQUIRE(found);
  CHECK(text.substr(found->offset, found->length) == "phrase number 39999");
}
