#include "outreach/text.hpp"

#include <catch2/catch.hpp>

#include <fstream>
#include <optional>
#include <random>
#include <sstream>
#include <vector>

using outreach::code_points_before;
using outreach::count_characters;
using outreach::CountUnit;
using outreach::first_invalid_utf8;
using outreach::offset_past_limit;

namespace {

// Samples with their counts in UTF-16 units, code points and graphemes.
struct Sample {
  const char* name;
  std::string text;
  std::size_t utf16, code_points, graphemes;
};

const std::vector<Sample>& samples() {
  static const std::vector<Sample> list = {
      {"ASCII", "Hello", 5, 5, 5},
      {"accented letter (precomposed)", "caf\u00e9", 4, 4, 4},
      {"combining acute accent", "cafe\u0301", 5, 5, 4},
      {"two combining marks", "a\u0301\u0323", 3, 3, 1},
      {"thumbs up U+1F44D", "\U0001F44D", 2, 1, 1},
      {"thumbs up with skin tone", "\U0001F44D\U0001F3FD", 4, 2, 1},
      {"ZWJ family", "\U0001F468\u200D\U0001F469\u200D\U0001F467", 8, 5, 1},
      {"rainbow flag (ZWJ + VS16)", "\U0001F3F3\uFE0F\u200D\U0001F308", 6, 4, 1},
      {"flag of France", "\U0001F1EB\U0001F1F7", 4, 2, 1},
      {"two flags", "\U0001F1EB\U0001F1F7\U0001F1E9\U0001F1EA", 8, 4, 2},
      {"odd regional indicator", "\U0001F1EB\U0001F1F7\U0001F1E9", 6, 3, 2},
      {"Hangul syllable from jamo", "\u1100\u1161\u11A8", 3, 3, 1},
      {"CJK", "\u4F60\u597D", 2, 2, 2},
      {"line break", "a\nb", 3, 3, 3},
      {"CR LF is one grapheme", "a\r\nb", 4, 4, 3},
      {"empty", "", 0, 0, 0},
  };
  return list;
}

std::string encode(const std::vector<char32_t>& code_points) {
  std::string out;
  for (const char32_t c : code_points) outreach::append_utf8(out, c);
  return out;
}

}  // namespace

TEST_CASE("count units have names", "[text]") {
  CHECK(outreach::parse_count_unit("utf16") == CountUnit::utf16);
  CHECK(outreach::parse_count_unit("code-points") == CountUnit::code_points);
  CHECK(outreach::parse_count_unit("graphemes") == CountUnit::graphemes);
  CHECK_FALSE(outreach::parse_count_unit("bytes"));
  CHECK_FALSE(outreach::parse_count_unit("UTF16"));
  for (const auto unit : {CountUnit::utf16, CountUnit::code_points, CountUnit::graphemes})
    CHECK(outreach::parse_count_unit(outreach::count_unit_name(unit)) == unit);
  CHECK(outreach::count_unit_names() ==
        std::vector<std::string>{"utf16", "code-points", "graphemes"});
  for (const std::string& name : outreach::count_unit_names())
    CHECK(outreach::count_unit_name(*outreach::parse_count_unit(name)) == name);
}

TEST_CASE("characters are counted in each unit", "[text]") {
  for (const Sample& s : samples()) {
    INFO(s.name);
    CHECK(count_characters(s.text, CountUnit::utf16) == s.utf16);
    CHECK(count_characters(s.text, CountUnit::code_points) == s.code_points);
    CHECK(count_characters(s.text, CountUnit::graphemes) == s.graphemes);
  }
}

TEST_CASE("ASCII is told from everything else at any length", "[text]") {
  CHECK(outreach::is_ascii(""));
  for (std::size_t length = 1; length < 70; ++length) {
    std::string text(length, 'a');
    CHECK(outreach::is_ascii(text));
    text[length - 1] = '\x80';
    CHECK_FALSE(outreach::is_ascii(text));
    text[length - 1] = '\x7f';
    CHECK(outreach::is_ascii(text));
  }
}

TEST_CASE("UTF-8 validation finds the first bad byte", "[text]") {
  CHECK_FALSE(first_invalid_utf8("plain ASCII"));
  CHECK_FALSE(first_invalid_utf8("\u00e9\u4F60\U0001F44D\U0010FFFF"));
  CHECK_FALSE(first_invalid_utf8(std::string("a\0b", 3)));  // NUL is UTF-8; the linter flags it
  CHECK(first_invalid_utf8("ab\xFF") == 2u);
  CHECK(first_invalid_utf8("a\x80") == 1u);             // stray continuation byte
  CHECK(first_invalid_utf8("\xC0\x80") == 0u);          // overlong NUL
  CHECK(first_invalid_utf8("\xC1\xBF") == 0u);          // overlong
  CHECK(first_invalid_utf8("x\xE0\x80\x80") == 1u);     // overlong three bytes
  CHECK(first_invalid_utf8("\xF0\x80\x80\x80") == 0u);  // overlong four bytes
  CHECK(first_invalid_utf8("ok\xED\xA0\x80") == 2u);    // surrogate U+D800
  CHECK(first_invalid_utf8("\xF4\x90\x80\x80") == 0u);  // over U+10FFFF
  CHECK(first_invalid_utf8("\xF5\x80\x80\x80") == 0u);
  CHECK(first_invalid_utf8("caf\xC3") == 3u);  // truncated at the end
  CHECK(first_invalid_utf8("\xE2\x82"
                           "A") == 0u);                     // truncated in the middle
  CHECK(first_invalid_utf8("\xE2\x82\xAC\xE2\x82") == 3u);  // € then a truncated one
}

TEST_CASE("the fast paths agree with decoding character by character", "[text]") {
  // Counting and validation check a whole text first and decode only when it is ill-formed:
  // random texts of well-formed characters and stray bytes, at every alignment of the
  // eight-byte ASCII step, must give what a decoding walk gives.
  std::mt19937 random(31);
  const std::vector<std::string> pieces = {"a",
                                           "abcdefgh",
                                           "\u00e9",
                                           "\u0416",
                                           "\u4F60",
                                           "\u20AC",
                                           "\U0001F44D",
                                           "\U0010FFFF",
                                           "\x80",
                                           "\xC0\x80",
                                           "\xE0\x80\x80",
                                           "\xED\xA0\x80",
                                           "\xF4\x90\x80\x80",
                                           "\xC3",
                                           "\xE2\x82",
                                           "\xF0\x9F\x91",
                                           "\xFF",
                                           std::string("\0", 1)};
  for (int round = 0; round < 3000; ++round) {
    std::string text;
    const std::size_t length = random() % 24;
    for (std::size_t i = 0; i < length; ++i) {
      // Most texts are well-formed, as drafts are: the first eight pieces are.
      const std::size_t piece = round % 3 == 0 ? random() % pieces.size() : random() % 8;
      text += pieces[piece];
    }
    std::size_t utf16 = 0, code_points = 0;
    std::optional<std::size_t> first_bad;
    for (std::size_t at = 0; at < text.size();) {
      const auto c = outreach::decode_utf8(text, at);
      if (!c.valid && !first_bad) first_bad = at;
      utf16 += c.code_point >= 0x10000 ? 2 : 1;
      ++code_points;
      at += c.length;
    }
    INFO("round " << round);
    CHECK(first_invalid_utf8(text) == first_bad);
    CHECK(count_characters(text, CountUnit::utf16) == utf16);
    CHECK(count_characters(text, CountUnit::code_points) == code_points);
  }
}

TEST_CASE("ill-formed sequences decode as one U+FFFD per maximal subpart", "[text]") {
  const auto c = outreach::decode_utf8(
      "\xE2\x82"
      "A",
      0);
  CHECK_FALSE(c.valid);
  CHECK(c.code_point == 0xFFFD);
  CHECK(c.length == 2);
  CHECK(outreach::decode_utf8("\xFF", 0).length == 1);
  // Each bad place counts as one character, as it would be shown.
  CHECK(count_characters("a\xFF\xE2\x82"
                         "b",
                         CountUnit::code_points) == 4);
  CHECK(count_characters("a\xFF\xE2\x82"
                         "b",
                         CountUnit::utf16) == 4);
  CHECK(count_characters("a\xFF\xE2\x82"
                         "b",
                         CountUnit::graphemes) == 4);
}

TEST_CASE("encoding round-trips every length", "[text]") {
  for (const char32_t c : {U'A', U'\u00e9', U'\u20AC', U'\U0001F44D', U'\U0010FFFF'}) {
    const std::string bytes = encode({c});
    const auto decoded = outreach::decode_utf8(bytes, 0);
    CHECK(decoded.valid);
    CHECK(decoded.code_point == c);
    CHECK(decoded.length == bytes.size());
  }
}

TEST_CASE("the first character over a limit", "[text]") {
  const std::string text = "ab\U0001F44Dc";  // a b 👍 c: UTF-16 units 1 1 2 1
  CHECK_FALSE(offset_past_limit(text, 5, CountUnit::utf16));
  CHECK(offset_past_limit(text, 4, CountUnit::utf16) == 6u);  // c
  CHECK(offset_past_limit(text, 3, CountUnit::utf16) == 2u);  // the emoji straddles: it is over
  CHECK(offset_past_limit(text, 2, CountUnit::utf16) == 2u);
  CHECK(offset_past_limit(text, 1, CountUnit::utf16) == 1u);
  CHECK(offset_past_limit(text, 0, CountUnit::utf16) == 0u);
  CHECK_FALSE(offset_past_limit(text, 4, CountUnit::code_points));
  CHECK(offset_past_limit(text, 3, CountUnit::code_points) == 6u);
  CHECK(offset_past_limit(text, 2, CountUnit::code_points) == 2u);

  const std::string family = "x\U0001F468\u200D\U0001F469\u200D\U0001F467y";
  CHECK_FALSE(offset_past_limit(family, 3, CountUnit::graphemes));
  CHECK(offset_past_limit(family, 2, CountUnit::graphemes) == family.size() - 1);
  CHECK(offset_past_limit(family, 1, CountUnit::graphemes) == 1u);
  CHECK_FALSE(offset_past_limit("", 0, CountUnit::graphemes));
}

TEST_CASE("a 1,900-unit limit at and around the edge", "[text]") {
  const std::string at_limit(1900, 'a');
  CHECK(count_characters(at_limit, CountUnit::utf16) == 1900);
  CHECK_FALSE(offset_past_limit(at_limit, 1900, CountUnit::utf16));
  CHECK(offset_past_limit(at_limit + "b", 1900, CountUnit::utf16) == 1900u);
  // 1,899 letters and an emoji: 1,901 units, and the emoji is the first character over.
  const std::string straddling = std::string(1899, 'a') + "\U0001F44D";
  CHECK(count_characters(straddling, CountUnit::utf16) == 1901);
  CHECK(offset_past_limit(straddling, 1900, CountUnit::utf16) == 1899u);
  CHECK_FALSE(offset_past_limit(straddling, 1900, CountUnit::code_points));
  CHECK_FALSE(offset_past_limit(straddling, 1900, CountUnit::graphemes));
}

TEST_CASE("code points before an offset give columns", "[text]") {
  const std::string text = "\u00e9t\u00e9 \U0001F44D!";
  CHECK(code_points_before(text, 0) == 0);
  CHECK(code_points_before(text, 2) == 1);
  CHECK(code_points_before(text, text.find('!')) == 5);
  CHECK(code_points_before(text, 1000) == 6);
}

TEST_CASE("printable text cannot drive a terminal", "[text]") {
  CHECK(outreach::printable("Hello, \u00e9t\u00e9 \U0001F44D") ==
        "Hello, \u00e9t\u00e9 \U0001F44D");
  CHECK(outreach::printable("a\tb\nc\rd") == "a\\tb\\nc\\rd");
  CHECK(outreach::printable("\x1b[31mred") == "\\x1B[31mred");
  CHECK(outreach::printable(std::string("nul\0", 4)) == "nul\\x00");
  CHECK(outreach::printable("\x7f") == "\\x7F");
  CHECK(outreach::printable("\u0085") == "\\u0085");
  CHECK(outreach::printable("abc\u202Edef") == "abc\\u202Edef");
  CHECK(outreach::printable("bad \xFF byte") == "bad \uFFFD byte");
}

// Unicode's own grapheme test data, from Debian's unicode-data package: every break position
// of every line must be found by the grapheme counter.
TEST_CASE("GraphemeBreakTest.txt from Unicode", "[text][unicode]") {
  const char* path = "/usr/share/unicode/auxiliary/GraphemeBreakTest.txt";
  std::ifstream in(path);
  if (!in) {
    WARN("skipped: " << path << " is absent (install Debian's unicode-data package)");
    return;
  }
  std::size_t cases = 0;
  std::string line;
  while (std::getline(in, line)) {
    line = line.substr(0, line.find('#'));
    if (line.find_first_not_of(" \t") == std::string::npos) continue;
    std::istringstream fields(line);
    std::string token, text;
    std::vector<std::size_t> breaks;  // byte offsets where a cluster starts
    while (fields >> token) {
      if (token == "\u00F7")
        breaks.push_back(text.size());  // ÷ break
      else if (token != "\u00D7")
        outreach::append_utf8(text,
                              static_cast<char32_t>(std::stoul(token, nullptr, 16)));  // × no break
    }
    breaks.pop_back();  // the break after the last character
    INFO("line: " << line);
    REQUIRE(count_characters(text, CountUnit::graphemes) == breaks.size());
    for (std::size_t k = 1; k < breaks.size(); ++k)
      CHECK(offset_past_limit(text, k, CountUnit::graphemes) == breaks[k]);
    ++cases;
  }
  CHECK(cases > 500);
}

TEST_CASE("a word from the input is quoted, printable and short", "[text]") {
  CHECK(outreach::quoted_printable("p-017") == "'p-017'");
  CHECK(outreach::quoted_printable("a\x1b[31mb") == "'a\\x1B[31mb'");
  CHECK(outreach::quoted_printable(std::string(50, 'x')) == "'" + std::string(40, 'x') + "...'");
  CHECK(outreach::quoted_printable("abcdef", 3) == "'abc...'");
  // Never cut inside a character: "é" is two bytes.
  CHECK(outreach::quoted_printable("ab\xC3\xA9", 3) == "'ab...'");
  CHECK(outreach::quoted_printable("bad \xFF", 10) == "'bad \xEF\xBF\xBD'");
}

TEST_CASE("line separators and bidirectional marks are shown, not obeyed", "[text]") {
  CHECK(outreach::printable("a\u2028b\u2029c") == "a\\u2028b\\u2029c");
  CHECK(outreach::printable("\u200e\u200f\u061c\u2066x\u2069") ==
        "\\u200E\\u200F\\u061C\\u2066x\\u2069");
  CHECK(outreach::first_control_or_bidi("plain text, été") == std::nullopt);
  CHECK(outreach::first_control_or_bidi("ab\u202ecd") == std::optional<std::size_t>(2));
  CHECK(outreach::first_control_or_bidi("x\x7f") == std::optional<std::size_t>(1));
  CHECK(outreach::is_control_or_bidi(0x9B));
  CHECK_FALSE(outreach::is_control_or_bidi(0x200B));  // a zero-width space changes no direction
}
