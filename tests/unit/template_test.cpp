#include "outreach/template.hpp"

#include <catch2/catch.hpp>

#include <map>

using outreach::Template;

namespace {

Template parsed(std::string_view text) {
  auto result = Template::parse(text);
  REQUIRE(std::holds_alternative<Template>(result));
  return std::get<Template>(std::move(result));
}

Template::SyntaxError error_of(std::string_view text) {
  auto result = Template::parse(text);
  REQUIRE(std::holds_alternative<Template::SyntaxError>(result));
  return std::get<Template::SyntaxError>(result);
}

std::string render(const Template& t, const std::map<std::string, std::string, std::less<>>& fields,
                   std::vector<std::string>* missing_out = nullptr) {
  std::string out = "previous content";
  std::vector<std::string> missing;
  t.render(
      [&fields](std::string_view name) -> std::optional<std::string_view> {
        const auto it = fields.find(name);
        if (it == fields.end()) return std::nullopt;
        return std::string_view(it->second);
      },
      out, missing);
  if (missing_out != nullptr) *missing_out = missing;
  return out;
}

}  // namespace

TEST_CASE("a template is literal text and fields", "[template]") {
  const Template t = parsed("Hi {{first_name}}, how is {{ company | your team }}?");
  REQUIRE(t.pieces().size() == 5);
  CHECK_FALSE(t.pieces()[0].is_field);
  CHECK(t.pieces()[0].text == "Hi ");
  CHECK(t.pieces()[1].is_field);
  CHECK(t.pieces()[1].text == "first_name");
  CHECK_FALSE(t.pieces()[1].fallback);
  CHECK(t.pieces()[3].text == "company");
  CHECK(t.pieces()[3].fallback == "your team");
  CHECK(t.pieces()[4].text == "?");
}

TEST_CASE("single braces and brackets are literal text", "[template]") {
  const Template t = parsed("a {b} [c] <d> }");
  REQUIRE(t.pieces().size() == 1);
  CHECK(t.pieces()[0].text == "a {b} [c] <d> }");
  CHECK(parsed("").pieces().empty());
}

TEST_CASE("rendering fills fields, fallbacks and reports what is missing", "[template]") {
  const Template t = parsed("Hi {{first_name|there}}, {{company}} and {{role}}.");
  std::vector<std::string> missing;
  CHECK(render(t, {{"first_name", "Anna"}, {"company", "Acme"}, {"role", "CTO"}}, &missing) ==
        "Hi Anna, Acme and CTO.");
  CHECK(missing.empty());
  CHECK(render(t, {{"company", "Acme"}}, &missing) == "Hi there, Acme and .");
  CHECK(missing == std::vector<std::string>{"role"});
  // An empty value takes the fallback; without a fallback it is simply empty.
  CHECK(render(t, {{"first_name", ""}, {"company", ""}, {"role", "CTO"}}, &missing) ==
        "Hi there,  and CTO.");
  CHECK(missing.empty());
  CHECK(render(parsed("{{x|}}!"), {}, &missing) == "!");
  CHECK(missing.empty());
}

TEST_CASE("field names are prospect keys", "[template]") {
  CHECK(parsed("{{_x}}{{a.b}}{{a-b}}{{A9}}").pieces().size() == 4);
  CHECK(error_of("Hi {{first name}}").offset == 3);
  CHECK(error_of("Hi {{first name}}").message ==
        "field name 'first name' may hold only letters, digits, '_', '-' and '.', and starts "
        "with a letter or '_'");
  CHECK(error_of("{{9lives}}").offset == 0);
  CHECK(error_of("{{{name}}}").offset == 0);
}

TEST_CASE("malformed templates are syntax errors with their offset", "[template]") {
  CHECK(error_of("Hi {{first_name").message == "unclosed '{{' (no '}}' on the same line)");
  CHECK(error_of("Hi {{first_name").offset == 3);
  CHECK(error_of("Hi {{first_name\n}}").message == "unclosed '{{' (no '}}' on the same line)");
  CHECK(error_of("ok {{a}} then }}").offset == 14);
  CHECK(error_of("ok {{a}} then }}").message == "stray '}}' without an opening '{{'");
  CHECK(error_of("x {{}}").message == "empty field name in '{{}}'");
  CHECK(error_of("x {{ |fallback}}").message == "empty field name in '{{ |fallback}}'");
  CHECK(error_of("x {{ |fallback}}").offset == 2);
}
