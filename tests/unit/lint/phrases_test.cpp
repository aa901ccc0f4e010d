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

TEST_CASE("ASCII phrases skip non-ASCII runs and find lone punctuation anywhere", "[lint]") {
  // Long runs of Cyrillic and CJK (skipped eight bytes at a time), ASCII words between them,
  // and "?" (a phrase of one punctuation byte, found with memchr) in some texts only.
  std::mt19937 random(23);
  const std::vector<std::string> phrases = {"?", "open to", "a b", "b", "ok!"};
  const std::vector<std::string> pieces = {"\u0432\u0441\u0442\u0440\u0435\u0447\u0430",
                                           "\u4F1A\u8BAE",
                                           "\u00e9",
                                           "a",
                                           "b",
                                           " ",
                                           "open",
                                           " to",
                                           "ok",
                                           "!",
                                           "x",
                                           "?"};
  const PhraseSet set(phrases);
  CHECK(set.ascii_only());
  for (int round = 0; round < 2000; ++round) {
    std::string text;
    const std::size_t length = random() % 40;
    for (std::size_t i = 0; i < length; ++i) {
      const std::size_t piece = random() % pieces.size();
      if (pieces[piece] == "?" && round % 2 == 0) continue;  // half the texts ask nothing
      text += pieces[piece];
    }
    const std::size_t begin = text.empty() ? 0 : random() % text.size();
    const std::size_t end =
        begin + (text.size() == begin ? 0 : random() % (text.size() - begin + 1));
    const auto expected = naive_first_phrase(text, begin, end, phrases);
    INFO("text '" << text << "' [" << begin << ", " << end << ")");
    CHECK(set.contains_any(text, begin, end) == bool(expected));
    const auto got = set.find_first(text, begin, end);
    REQUIRE(bool(got) == bool(expected));
    if (got) CHECK(got->offset == expected->offset);
  }
  CHECK_FALSE(PhraseSet({"caf\u00e9"}).ascii_only());
}

TEST_CASE("lowering ASCII only matches ASCII phrases as full lowering does", "[lint]") {
  using outreach::lint_detail::append_lowered;
  using outreach::lint_detail::append_lowered_ascii;
  const std::string text =
      "\u00C9COLE Open To \u0412\u0421\u0422\u0420\u0415\u0427\u0410 \u212A OK? \u0130x";
  std::string full, ascii;
  append_lowered(text, full);
  append_lowered_ascii(text, ascii);
  REQUIRE(full.size() == text.size());
  REQUIRE(ascii.size() == text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    INFO("byte " << i);
    // ASCII bytes lower alike; a non-ASCII byte stays non-ASCII in both.
    CHECK((static_cast<unsigned char>(full[i]) < 0x80) ==
          (static_cast<unsigned char>(ascii[i]) < 0x80));
    if (static_cast<unsigned char>(ascii[i]) < 0x80) CHECK(full[i] == ascii[i]);
  }
  const PhraseSet set({"open to", "ok", "x"});
  CHECK(set.find_first(full, 0, full.size())->offset ==
        set.find_first(ascii, 0, ascii.size())->offset);
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
