// `outreach completions bash`: a completion function for bash made of the command tree. Three
// small lookup functions hold the tree (subcommands, options, what each value is); the
// completion function walks the words typed so far with them.
#include <ostream>

#include <fmt/format.h>

#include "output/command_tree.hpp"
#include "output/completions.hpp"
#include "outreach/output.hpp"

namespace outreach {
namespace {

// What the value of an argument is, as _outreach_value prints it: @file, @directory, @text,
// or the words it may be; "" for a flag.
std::string value_of(const ArgumentSpec& argument) {
  switch (argument.kind) {
    case ValueKind::none:
      return "";
    case ValueKind::text:
      return "@text";
    case ValueKind::file:
      return "@file";
    case ValueKind::directory:
      return "@directory";
    case ValueKind::choice: {
      const std::string words = detail::joined(detail::shell_words(argument.values));
      return words.empty() ? "@text" : words;
    }
  }
  return "@text";
}

std::string subcommands_function(const std::vector<detail::CommandNode>& nodes) {
  std::string text =
      "# The subcommands of a command: _outreach_subcommands 'outreach ledger' prints add, ….\n"
      "_outreach_subcommands() {\n  case $1 in\n";
  for (const auto& node : nodes)
    if (!node.command->subcommands.empty())
      text += fmt::format(
          "    {}) echo {} ;;\n", detail::single_quoted(node.path),
          detail::single_quoted(detail::joined(detail::subcommand_names(*node.command))));
  return text + "  esac\n}\n\n";
}

std::string options_function(const std::vector<detail::CommandNode>& nodes) {
  std::string text =
      "# The options a command takes, its parents' included.\n"
      "_outreach_options() {\n  case $1 in\n";
  for (const auto& node : nodes) {
    std::vector<std::string> names;
    for (const ArgumentSpec* option : node.options)
      names.insert(names.end(), option->names.begin(), option->names.end());
    text += fmt::format("    {}) echo {} ;;\n", detail::single_quoted(node.path),
                        detail::single_quoted(detail::joined(names)));
  }
  return text + "  esac\n}\n\n";
}

std::string value_function(const std::vector<detail::CommandNode>& nodes) {
  std::string text =
      "# What the value of an option (or of the Nth positional argument, #N) of a command is:\n"
      "# @file, @directory, @text, or the words it may be; nothing for a flag.\n"
      "_outreach_value() {\n  case \"$1|$2\" in\n";
  for (const auto& node : nodes) {
    for (const ArgumentSpec* option : node.options) {
      const std::string value = value_of(*option);
      if (value.empty()) continue;
      std::string patterns;
      for (const std::string& name : option->names)
        patterns += fmt::format("{}{}", patterns.empty() ? "" : "|",
                                detail::single_quoted(node.path + "|" + name));
      text += fmt::format("    {}) echo {} ;;\n", patterns, detail::single_quoted(value));
    }
    const auto& positionals = node.command->positionals;
    for (std::size_t i = 0; i < positionals.size(); ++i) {
      const bool rest = positionals[i].repeatable && i + 1 == positionals.size();
      const std::string pattern =
          rest ? detail::single_quoted(node.path + "|#") + "*"
               : detail::single_quoted(fmt::format("{}|#{}", node.path, i + 1));
      text += fmt::format("    {}) echo {} ;;\n", pattern,
                          detail::single_quoted(value_of(positionals[i])));
    }
  }
  return text + "  esac\n}\n\n";
}

constexpr std::string_view completion_function =
    R"bash(# Hands bash what may complete the word: $1 is what the value is (see _outreach_value), $2
# the word so far, $3 what to put before each candidate (an option and its '=').
_outreach_reply() {
  case $1 in
    @file) compopt -o filenames 2>/dev/null; mapfile -t COMPREPLY < <(compgen -f -- "$2") ;;
    @directory) compopt -o filenames 2>/dev/null; mapfile -t COMPREPLY < <(compgen -d -- "$2") ;;
    @text|'') COMPREPLY=() ;;
    *) mapfile -t COMPREPLY < <(compgen -W "$1" -- "$2") ;;
  esac
  if [[ -n $3 ]]; then COMPREPLY=("${COMPREPLY[@]/#/$3}"); fi
}

_outreach() {
  local cur=${COMP_WORDS[COMP_CWORD]} command=outreach positionals=0 word i
  COMPREPLY=()
  # Which command the line is in, and how many positional arguments it has so far. With '='
  # in COMP_WORDBREAKS (bash's default), --format=json arrives as three words.
  for ((i = 1; i < COMP_CWORD; i++)); do
    word=${COMP_WORDS[i]}
    case $word in
      --*=*) ;;
      -) ((positionals += 1)) ;;
      -*)
        if [[ -n $(_outreach_value "$command" "$word") ]]; then
          if [[ ${COMP_WORDS[i + 1]} == = ]]; then ((i += 2)); else ((i += 1)); fi
        fi ;;
      *)
        if ((positionals == 0)) && [[ " $(_outreach_subcommands "$command") " == *" $word "* ]]; then
          command="$command $word"
        else
          ((positionals += 1))
        fi ;;
    esac
  done

  # The value of an option: --format json, --format=json, or --format= json.
  local option='' prefix='' prev=''
  ((COMP_CWORD > 1)) && prev=${COMP_WORDS[COMP_CWORD - 1]}
  if [[ $cur == = ]]; then
    option=$prev cur=''
  elif [[ $prev == = ]] && ((COMP_CWORD > 2)); then
    option=${COMP_WORDS[COMP_CWORD - 2]}
  elif [[ $cur == --*=* ]]; then
    option=${cur%%=*} prefix=${cur%%=*}= cur=${cur#*=}
  elif [[ $prev == -* && $prev != *=* && -n $(_outreach_value "$command" "$prev") ]]; then
    option=$prev
  fi
  if [[ -n $option ]]; then
    _outreach_reply "$(_outreach_value "$command" "$option")" "$cur" "$prefix"
    return 0
  fi

  if [[ $cur == -* ]]; then
    _outreach_reply "$(_outreach_options "$command")" "$cur" ''
    return 0
  fi
  local subcommands
  subcommands=$(_outreach_subcommands "$command")
  if [[ -n $subcommands ]] && ((positionals == 0)); then
    _outreach_reply "$subcommands" "$cur" ''
    return 0
  fi
  _outreach_reply "$(_outreach_value "$command" "#$((positionals + 1))")" "$cur" ''
}

complete -F _outreach outreach
)bash";

}  // namespace

namespace detail {

void write_bash_completions(const CommandSpec& command_line, std::ostream& out) {
  const std::vector<CommandNode> nodes = command_nodes(command_line);
  std::string text =
      "# bash completion for outreach                              -*- shell-script -*-\n"
      "# Made by `outreach completions bash` from the command line's own definition. Install\n"
      "# it as share/bash-completion/completions/outreach, or source it from ~/.bashrc.\n\n";
  text += subcommands_function(nodes);
  text += options_function(nodes);
  text += value_function(nodes);
  text += completion_function;
  out << text;
}

}  // namespace detail
}  // namespace outreach
