#include "output/terminal.hpp"

#include <catch2/catch.hpp>

using outreach::detail::display_width;
using outreach::detail::fitted;
using outreach::detail::wrapped;

TEST_CASE("terminal widths and cut text", "[output]") {
  CHECK(display_width("abc") == 3);
  CHECK(display_width("\xE6\x97\xA5\xE6\x9C\xAC") == 4);  // 日本: two wide characters
  CHECK(fitted("abcdef", 4) == "abc\xE2\x80\xA6");
  CHECK(fitted("abc", 4) == "abc");
}

TEST_CASE("text wrapped at spaces into lines of a width", "[output]") {
  CHECK(wrapped("one two three four", 9) == std::vector<std::string>{"one two", "three", "four"});
  CHECK(wrapped("one two three four", 0) == std::vector<std::string>{"one two three four"});
  CHECK(wrapped("short", 40) == std::vector<std::string>{"short"});
  // A word longer than the width gets a line of its own, uncut.
  CHECK(wrapped("a extraordinarily b", 5) == std::vector<std::string>{"a", "extraordinarily", "b"});
  CHECK(wrapped("\xE6\x97\xA5\xE6\x9C\xAC \xE6\x97\xA5", 5) ==
        std::vector<std::string>{"\xE6\x97\xA5\xE6\x9C\xAC", "\xE6\x97\xA5"});
}
