#include "support/name_table.hpp"

#include <catch2/catch.hpp>

namespace {

enum class Colour { red, green, blue };

constexpr outreach::detail::NameTable<Colour, 3> colours{{{
    {"red", Colour::red},
    {"green", Colour::green},
    {"blue", Colour::blue},
}}};

}  // namespace

TEST_CASE("a name table reads names, names values and lists them in order", "[support]") {
  CHECK(colours.parse("green") == Colour::green);
  CHECK_FALSE(colours.parse("Green"));
  CHECK_FALSE(colours.parse(""));
  CHECK(colours.name(Colour::blue) == "blue");
  CHECK(colours.name(static_cast<Colour>(7)) == "red");  // not in the table: the first
  CHECK(colours.names() == std::vector<std::string>{"red", "green", "blue"});
  static_assert(colours.parse("red") == Colour::red);
}
