// The command line as data, read from a CLI11 definition: what the completions and the manual
// are made of.
#include "describe.hpp"

#include <catch2/catch.hpp>

#include "choices.hpp"

using namespace outreach;
using namespace outreach::cli;

namespace {

struct Sample {
  CLI::App app{"outreach: a sample.", "outreach"};
  Choices choices;
  std::string format, file, rules;
  std::vector<std::string> ids, files;
  bool flag = false;

  Sample() {
    app.add_option("--rules", rules, "Rules file")->type_name("FILE");
    auto* check = app.add_subcommand("check", "Lint drafts");
    choices.one_of(check->add_option("--format", format, "Output format")->type_name("FORMAT"),
                   "format", {"text", "json"});
    choices.one_of(check->add_option("--disable", ids, "Rules off")->type_name("ID"), "rule",
                   {"long-inmail"});
    check->add_flag("--template", flag, "Templates");
    check->add_option("FILE", files, "Drafts")->required()->type_name("FILE");
    auto* hidden = app.add_subcommand("manpage", "Hidden");
    hidden->group("");
    auto* explain = app.add_subcommand("explain", "Explain");
    choices.offers(explain->add_option("ID", file, "An id"), {"a", "b"});
  }
};

const ArgumentSpec& option_named(const CommandSpec& command, const std::string& name) {
  for (const ArgumentSpec& option : command.options)
    for (const std::string& n : option.names)
      if (n == name) return option;
  FAIL("no option " << name);
  throw;
}

}  // namespace

TEST_CASE("the commands, options and positional arguments of a CLI11 app", "[cli]") {
  Sample sample;
  const CommandSpec root = describe_command_line(sample.app, sample.choices);
  CHECK(root.name == "outreach");
  CHECK(root.description == "outreach: a sample.");
  REQUIRE(root.subcommands.size() == 2);  // the hidden one is left out
  CHECK(root.subcommands[0].name == "check");
  CHECK(root.subcommands[1].name == "explain");
  CHECK(option_named(root, "--help").kind == ValueKind::none);
  CHECK(option_named(root, "-h").names == std::vector<std::string>{"-h", "--help"});
  CHECK(option_named(root, "--rules").kind == ValueKind::file);
  CHECK(option_named(root, "--rules").value_name == "FILE");

  const CommandSpec& check = root.subcommands[0];
  const ArgumentSpec& format = option_named(check, "--format");
  CHECK(format.kind == ValueKind::choice);
  CHECK(format.values == std::vector<std::string>{"text", "json"});
  CHECK(format.value_name == "FORMAT");
  CHECK(format.description == "Output format");
  CHECK_FALSE(format.repeatable);
  CHECK(option_named(check, "--disable").repeatable);
  CHECK(option_named(check, "--template").kind == ValueKind::none);
  CHECK(option_named(check, "--template").value_name.empty());
  REQUIRE(check.positionals.size() == 1);
  CHECK(check.positionals[0].value_name == "FILE");
  CHECK(check.positionals[0].kind == ValueKind::file);
  CHECK(check.positionals[0].repeatable);
  CHECK(check.positionals[0].required);

  const ArgumentSpec& id = root.subcommands[1].positionals.at(0);
  CHECK(id.kind == ValueKind::choice);
  CHECK(id.values == std::vector<std::string>{"a", "b"});
  CHECK_FALSE(id.required);
}

TEST_CASE("an enumerated option refuses other values with a suggestion", "[cli]") {
  Sample sample;
  CHECK_THROWS_WITH(sample.app.parse("check --format jsno x.txt"),
                    "--format: unknown format 'jsno' (did you mean 'json'?)");
  CHECK_THROWS_WITH(sample.app.parse("check --format xml x.txt"),
                    "--format: unknown format 'xml' (expected text or json)");
  CHECK_NOTHROW(sample.app.parse("check --format json x.txt"));
  // offers() only offers: the command checks the value itself.
  CHECK_NOTHROW(sample.app.parse("explain zzz"));
  CHECK(unknown_value_message("unit", "\x1b[2J", {"a", "b", "c"}) ==
        "unknown unit '\\x1B[2J' (expected a, b or c)");
}
