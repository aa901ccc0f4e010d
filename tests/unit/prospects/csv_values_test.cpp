#include "prospects/csv_values.hpp"

#include <catch2/catch.hpp>

using namespace outreach::detail;
using Kind = JsonValue::Kind;

TEST_CASE("CSV values: every degree word", "[csv]") {
  for (const auto& [text, degree] : std::vector<std::pair<std::string, int>>{
           {"1", 1}, {"2", 2}, {"3", 3}, {"1st", 1}, {"2ND", 2}, {" 3rd ", 3}, {"3rd+", 3}}) {
    INFO(text);
    const auto value = degree_cell(text);
    REQUIRE(value);
    CHECK(value->kind == Kind::integer);
    CHECK(value->integer == degree);
  }
  const auto out = degree_cell("Out of Network");
  REQUIRE(out);
  CHECK(out->kind == Kind::null);
  CHECK(degree_cell("out of network"));
  for (const std::string bad : {"4", "fourth", "0", "1 st", "3rd++", "out-of-network"})
    CHECK_FALSE(degree_cell(bad));
}

TEST_CASE("CSV values: every boolean word", "[csv]") {
  for (const std::string yes : {"true", "TRUE", "Yes", "y", "Y", "1", " yes "}) {
    const auto value = flag_cell(yes);
    REQUIRE(value);
    CHECK(value->kind == Kind::boolean);
    CHECK(value->boolean);
  }
  for (const std::string no : {"false", "No", "n", "0", "FALSE"}) {
    const auto value = flag_cell(no);
    REQUIRE(value);
    CHECK_FALSE(value->boolean);
  }
  for (const std::string bad : {"2", "maybe", "t", "yes!", "oui"}) CHECK_FALSE(flag_cell(bad));
}

namespace {
JsonValue number_cell(std::string_view text, bool decimal_comma = false) {
  static std::string buffer;
  return outreach::detail::number_cell(text, decimal_comma, buffer);
}
}  // namespace

TEST_CASE("CSV values: a decimal comma in ';'-separated files", "[csv]") {
  CHECK(number_cell("1,5", true).floating == 1.5);
  CHECK(number_cell("1,5", true).kind == Kind::floating);
  CHECK(number_cell("1,5").kind == Kind::string);
  CHECK(number_cell("1,000,5", true).kind == Kind::string);
  CHECK(number_cell("1.000,5", true).kind == Kind::string);
}

TEST_CASE("CSV values: numbers as JSON holds them", "[csv]") {
  CHECK(number_cell("42").kind == Kind::integer);
  CHECK(number_cell("42").integer == 42);
  CHECK(number_cell(" -7 ").integer == -7);
  CHECK(number_cell("+5").integer == 5);
  CHECK(number_cell("2.0").kind == Kind::floating);
  CHECK(number_cell("2.5").floating == 2.5);
  CHECK(number_cell("2.5").text == "2.5");
  for (const std::string text : {"abc", "1,000", "1e400", "+-3", "12x", "nan", "inf"}) {
    INFO(text);
    CHECK(number_cell(text).kind == Kind::string);
  }
}

TEST_CASE("CSV values: trimming", "[csv]") {
  CHECK(trim_cell("  a b \t") == "a b");
  CHECK(trim_cell(" \t ").empty());
}
