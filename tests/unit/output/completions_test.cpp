#include <sstream>

#include <catch2/catch.hpp>

#include "command_line_sample.hpp"
#include "output/command_tree.hpp"
#include "outreach/output.hpp"

using namespace outreach;

namespace {

std::string script(Shell shell) {
  std::ostringstream out;
  write_completions(testing::command_line_sample(), shell, out);
  return out.str();
}

bool has(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

}  // namespace

TEST_CASE("the shells by name", "[output]") {
  CHECK(shell_names() == std::vector<std::string>{"bash", "zsh", "fish"});
  CHECK(parse_shell("zsh") == Shell::zsh);
  CHECK_FALSE(parse_shell("tcsh"));
}

TEST_CASE("the command tree: every command with its path and its parents' options", "[output]") {
  const CommandSpec root = testing::command_line_sample();
  const auto nodes = detail::command_nodes(root);
  REQUIRE(nodes.size() == 5);
  CHECK(nodes[0].path == "outreach");
  CHECK(nodes[1].path == "outreach check");
  CHECK(nodes[3].path == "outreach ledger add");
  // check: its own --help, --format, --disable, then the global --rules (its own --help hides
  // the parent's).
  std::vector<std::string> names;
  for (const ArgumentSpec* option : nodes[1].options) names.push_back(option->names.back());
  CHECK(names == std::vector<std::string>{"--help", "--format", "--disable", "--rules"});
  CHECK(detail::shell_words({"a-b", "has space", "it's", "x_y.z"}) ==
        std::vector<std::string>{"a-b", "x_y.z"});
  CHECK(detail::single_quoted("it's") == "'it'\\''s'");
}

TEST_CASE("bash: lookup functions of the whole tree and one completion function", "[output]") {
  const std::string bash = script(Shell::bash);
  CHECK(has(bash, "    'outreach') echo 'check ledger' ;;\n"));
  CHECK(has(bash, "    'outreach ledger') echo 'add show' ;;\n"));
  CHECK(has(bash, "    'outreach check') echo '-h --help --format --disable --rules' ;;\n"));
  CHECK(has(bash, "    'outreach check|--format') echo 'text json sarif' ;;\n"));
  // A value with a space cannot be a completion word; a repeatable argument takes #1, #2, ….
  CHECK(has(bash, "    'outreach check|--disable') echo 'long-inmail' ;;\n"));
  CHECK(has(bash, "    'outreach check|#'*) echo '@file' ;;\n"));
  CHECK(has(bash, "    'outreach ledger add|#1') echo 'reply invite_sent' ;;\n"));
  CHECK(has(bash, "    'outreach ledger add|#2') echo '@text' ;;\n"));
  CHECK(has(bash, "    'outreach ledger add|--rules') echo '@file' ;;\n"));
  CHECK(has(bash, "\ncomplete -F _outreach outreach\n"));
  CHECK_FALSE(has(bash, "'outreach check|--help'"));  // a flag takes no value
}

TEST_CASE("zsh: one _arguments function per command", "[output]") {
  const std::string zsh = script(Shell::zsh);
  CHECK(zsh.rfind("#compdef outreach\n", 0) == 0);
  CHECK(has(zsh, "_outreach_check() {\n  _arguments -s \\\n"));
  CHECK(has(zsh, "    '(-h --help)'{-h,--help}'[Print this help message and exit]' \\\n"));
  // [ ] and : are escaped in an explanation, a quote for the shell.
  CHECK(has(zsh, "    '--format=[Output format\\: it'\\''s text]:FORMAT:(text json sarif)' \\\n"));
  CHECK(has(zsh, "    '*--disable=[Turn rules off]:ID:(long-inmail)' \\\n"));
  CHECK(has(zsh, "    '--rules=[Replace the rules \\[data\\]]:FILE:_files'"));
  CHECK(has(zsh, "    '*:FILE:_files'\n}\n"));
  CHECK(has(zsh, "    '1:TYPE:(reply invite_sent)' \\\n    '2:PROSPECT: '\n}\n"));
  CHECK(has(zsh, "        'add:Append one event'\n"));
  CHECK(has(zsh, "        add) _outreach_ledger_add && ret=0 ;;\n"));
  CHECK(has(zsh,
            "if [ \"$funcstack[1]\" = _outreach ]; then\n  _outreach \"$@\"\nelse\n"
            "  compdef _outreach outreach\nfi\n"));
}

TEST_CASE("fish: one complete line per option and value, conditioned on the command", "[output]") {
  const std::string fish = script(Shell::fish);
  CHECK(has(fish, "complete -c outreach -f\n"));
  CHECK(has(fish,
            "complete -c outreach -n '__outreach_at \\'outreach\\' 1' -a 'check' "
            "-d 'Lint message drafts'\n"));
  CHECK(has(fish,
            "complete -c outreach -n '__outreach_at \\'outreach check\\'' -l format -x "
            "-a 'text json sarif' -d 'Output format: it\\'s text'\n"));
  CHECK(has(fish,
            "complete -c outreach -n '__outreach_at \\'outreach check\\'' -s h -l help "
            "-d 'Print this help message and exit'\n"));
  CHECK(has(fish, "complete -c outreach -n '__outreach_at \\'outreach check\\'' -l rules -r -F"));
  CHECK(
      has(fish, "complete -c outreach -n '__outreach_at \\'outreach check\\' 1+' -F -d 'FILE'\n"));
  CHECK(has(fish,
            "complete -c outreach -n '__outreach_at \\'outreach ledger add\\' 1' -a "
            "'reply invite_sent' -d 'TYPE'\n"));
  CHECK(has(fish, "        case 'outreach ledger'\n            printf '%s\\n' add show\n"));
}
