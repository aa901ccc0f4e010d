// `outreach completions fish`: `complete` lines made of the command tree. Two helper functions
// find which command the line is in and how many positional arguments it has, so that every
// line applies to exactly one command (and argument).
#include <ostream>

#include <fmt/format.h>

#include "output/command_tree.hpp"
#include "output/completions.hpp"
#include "outreach/output.hpp"

namespace outreach {
namespace {

// A fish single-quoted string: backslashes and quotes escaped.
std::string fish_quoted(std::string_view text) {
  std::string out = "'";
  for (const char c : text) {
    if (c == '\'' || c == '\\') out += '\\';
    out += c == '\n' ? ' ' : c;
  }
  return out + "'";
}

std::string lookup_functions(const std::vector<detail::CommandNode>& nodes) {
  std::string text =
      "# The subcommands of a command.\n"
      "function __outreach_subcommands\n    switch $argv[1]\n";
  for (const auto& node : nodes)
    if (!node.command->subcommands.empty())
      text +=
          fmt::format("        case {}\n            printf '%s\\n' {}\n", fish_quoted(node.path),
                      detail::joined(detail::subcommand_names(*node.command)));
  text +=
      "    end\nend\n\n"
      "# Whether an option of a command takes a value (which is then not a positional argument).\n"
      "function __outreach_takes_value\n    switch \"$argv[1]|$argv[2]\"\n";
  std::vector<std::string> patterns;
  for (const auto& node : nodes)
    for (const ArgumentSpec* option : node.options)
      if (option->kind != ValueKind::none)
        for (const std::string& name : option->names)
          patterns.push_back(fish_quoted(node.path + "|" + name));
  if (!patterns.empty())
    text += fmt::format("        case {}\n            return 0\n",
                        detail::joined(patterns, " \\\n            "));
  return text + "    end\n    return 1\nend\n\n";
}

constexpr std::string_view state_functions =
    R"fish(# The command the line is in ("outreach ledger add"), then how many positional arguments it
# has so far.
function __outreach_state
    set -l command outreach
    set -l positionals 0
    set -l skip 0
    for word in (commandline -opc)[2..-1]
        if test $skip = 1
            set skip 0
            continue
        end
        switch $word
            case '--*=*'
            case '-'
                set positionals (math $positionals + 1)
            case '-*'
                __outreach_takes_value "$command" $word; and set skip 1
            case '*'
                if test $positionals = 0; and contains -- $word (__outreach_subcommands "$command")
                    set command "$command $word"
                else
                    set positionals (math $positionals + 1)
                end
        end
    end
    echo $command
    echo $positionals
end

# Whether the line is in COMMAND; with N, also at its Nth positional argument (N+: or later).
function __outreach_at
    set -l state (__outreach_state)
    test "$state[1]" = "$argv[1]"; or return 1
    set -q argv[2]; or return 0
    set -l at (math $state[2] + 1)
    switch $argv[2]
        case '*+'
            test $at -ge (string trim -r -c + -- $argv[2])
        case '*'
            test $at -eq $argv[2]
    end
end

)fish";

// The flags that say what follows the option or argument: the values, files, or nothing.
std::string value_flags(const ArgumentSpec& argument) {
  switch (argument.kind) {
    case ValueKind::none:
      return "";
    case ValueKind::text:
      return " -x";
    case ValueKind::file:
      return " -r -F";
    case ValueKind::directory:
      return " -x -a '(__fish_complete_directories)'";
    case ValueKind::choice:
      return fmt::format(" -x -a {}",
                         fish_quoted(detail::joined(detail::shell_words(argument.values))));
  }
  return "";
}

std::string complete_lines(const detail::CommandNode& node) {
  const std::string at =
      fish_quoted(fmt::format("__outreach_at {}", detail::single_quoted(node.path)));
  std::string text = fmt::format("# {}\n", node.path);
  for (const CommandSpec& sub : node.command->subcommands)
    text += fmt::format(
        "complete -c outreach -n {} -a {} -d {}\n",
        fish_quoted(fmt::format("__outreach_at {} 1", detail::single_quoted(node.path))),
        fish_quoted(sub.name), fish_quoted(sub.description));
  for (const ArgumentSpec* option : node.options) {
    std::string names;
    for (const std::string& name : option->names)
      names += fmt::format(" {} {}", name.starts_with("--") ? "-l" : "-s",
                           name.substr(name.starts_with("--") ? 2 : 1));
    text += fmt::format("complete -c outreach -n {}{}{} -d {}\n", at, names, value_flags(*option),
                        fish_quoted(option->description));
  }
  const auto& positionals = node.command->positionals;
  for (std::size_t i = 0; i < positionals.size(); ++i) {
    const ArgumentSpec& positional = positionals[i];
    if (positional.kind == ValueKind::text || positional.kind == ValueKind::none) continue;
    const bool rest = positional.repeatable && i + 1 == positionals.size();
    const std::string condition = fmt::format(
        "__outreach_at {} {}{}", detail::single_quoted(node.path), i + 1, rest ? "+" : "");
    const std::string what =
        positional.kind == ValueKind::file ? " -F"
        : positional.kind == ValueKind::directory
            ? " -a '(__fish_complete_directories)'"
            : fmt::format(" -a {}",
                          fish_quoted(detail::joined(detail::shell_words(positional.values))));
    text += fmt::format("complete -c outreach -n {}{} -d {}\n", fish_quoted(condition), what,
                        fish_quoted(positional.value_name));
  }
  return text + "\n";
}

}  // namespace

namespace detail {

void write_fish_completions(const CommandSpec& command_line, std::ostream& out) {
  const std::vector<CommandNode> nodes = command_nodes(command_line);
  std::string text =
      "# fish completion for outreach, made by `outreach completions fish` from the command\n"
      "# line's own definition. Install it as share/fish/vendor_completions.d/outreach.fish, or\n"
      "# in ~/.config/fish/completions/.\n\n";
  text += lookup_functions(nodes);
  text += state_functions;
  text += "# No file names unless an argument takes one.\ncomplete -c outreach -f\n\n";
  for (const CommandNode& node : nodes) text += complete_lines(node);
  out << text;
}

}  // namespace detail
}  // namespace outreach
