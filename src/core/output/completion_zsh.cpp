// `outreach completions zsh`: one _arguments function per command, made of the command tree;
// a command with subcommands offers them with their descriptions and hands the rest of the
// line to the chosen one's function.
#include <ostream>

#include <fmt/format.h>

#include "output/command_tree.hpp"
#include "output/completions.hpp"
#include "outreach/output.hpp"

namespace outreach {
namespace {

// Text inside an _arguments spec: single-quoted for the shell, with the characters _arguments
// itself reads in an explanation ([ ] :) and backslashes escaped.
std::string spec_text(std::string_view text) {
  std::string out;
  for (const char c : text) {
    if (c == '\'')
      out += "'\\''";
    else if (c == '[' || c == ']' || c == ':' || c == '\\')
      out += std::string("\\") + c;
    else if (c == '\n')
      out += ' ';
    else
      out += c;
  }
  return out;
}

// The action after "MESSAGE:" — what completes the value.
std::string action_of(const ArgumentSpec& argument) {
  switch (argument.kind) {
    case ValueKind::none:
    case ValueKind::text:
      return " ";
    case ValueKind::file:
      return "_files";
    case ValueKind::directory:
      return "_files -/";
    case ValueKind::choice:
      return fmt::format("({})", detail::joined(detail::shell_words(argument.values)));
  }
  return " ";
}

std::string value_label(const ArgumentSpec& argument) {
  return spec_text(argument.value_name.empty() ? "VALUE" : argument.value_name);
}

// '--format=[Output format]:FORMAT:(text json sarif)', with {-h,--help} for several names.
std::string option_spec(const ArgumentSpec& option) {
  std::string names;
  std::string prefix = option.repeatable ? "*" : "";
  if (option.names.size() == 1) {
    names = "'" + prefix + option.names.front();
  } else {
    names = fmt::format("'({}){}'{{{}}}'", detail::joined(option.names), prefix,
                        detail::joined(option.names, ","));
  }
  std::string spec = names + (option.kind == ValueKind::none ? "" : "=") + "[" +
                     spec_text(option.description) + "]";
  if (option.kind != ValueKind::none)
    spec += fmt::format(":{}:{}", value_label(option), action_of(option));
  return spec + "'";
}

std::string positional_spec(const ArgumentSpec& positional, std::size_t index, bool last) {
  const std::string position =
      positional.repeatable && last ? std::string("*") : fmt::format("{}", index + 1);
  return "'" + position + ":" + value_label(positional) + ":" + action_of(positional) + "'";
}

std::string function_name(const std::string& path) {
  std::string name = "_";
  for (const char c : path) name += c == ' ' || c == '-' ? '_' : c;
  return name;
}

std::string command_function(const detail::CommandNode& node) {
  const CommandSpec& command = *node.command;
  std::vector<std::string> specs;
  for (const ArgumentSpec* option : node.options) specs.push_back(option_spec(*option));
  for (std::size_t i = 0; i < command.positionals.size(); ++i)
    specs.push_back(
        positional_spec(command.positionals[i], i, i + 1 == command.positionals.size()));
  const bool has_subcommands = !command.subcommands.empty();
  if (has_subcommands) {
    specs.push_back("': :->command'");
    specs.push_back("'*:: :->argument'");
  }

  std::string text = fmt::format("{}() {{\n", function_name(node.path));
  if (has_subcommands) text += "  local curcontext=$curcontext state state_descr line ret=1\n";
  text += has_subcommands ? "  _arguments -C -s" : "  _arguments -s";
  for (const std::string& spec : specs) text += " \\\n    " + spec;
  if (!has_subcommands) return text + "\n}\n\n";

  text += " && ret=0\n  case $state in\n    command)\n      local -a commands=(";
  for (const CommandSpec& sub : command.subcommands)
    text += fmt::format("\n        {}", detail::single_quoted(sub.name + ":" + sub.description));
  text += fmt::format(
      ")\n      _describe -t commands {} commands && ret=0 ;;\n    argument)\n"
      "      curcontext=${{curcontext%:*:*}}:{}-$words[1]:\n      case $words[1] in\n",
      detail::single_quoted(node.path + " command"), function_name(node.path).substr(1));
  for (const CommandSpec& sub : command.subcommands)
    text += fmt::format("        {}) {} && ret=0 ;;\n", sub.name,
                        function_name(node.path + " " + sub.name));
  return text + "      esac ;;\n  esac\n  return ret\n}\n\n";
}

}  // namespace

namespace detail {

void write_zsh_completions(const CommandSpec& command_line, std::ostream& out) {
  std::string text =
      "#compdef outreach\n"
      "# zsh completion for outreach, made by `outreach completions zsh` from the command line's\n"
      "# own definition. Install it as _outreach in a folder of $fpath, e.g.\n"
      "# share/zsh/site-functions.\n\n";
  for (const CommandNode& node : command_nodes(command_line)) text += command_function(node);
  // Autoloaded from $fpath the file is the function's body: run it. Sourced, register it.
  text += fmt::format(
      "if [ \"$funcstack[1]\" = {0} ]; then\n  {0} \"$@\"\nelse\n  compdef {0} {1}\nfi\n",
      function_name(command_line.name), command_line.name);
  out << text;
}

}  // namespace detail
}  // namespace outreach
