#pragma once
/// The command line as data: every command, option and positional argument with its
/// description and the values it takes. The CLI builds it from its own CLI11 definition, so
/// that the shell completions and the manual page made from it cannot drift from what the
/// command line accepts.

#include <string>
#include <vector>

namespace outreach {

/// What a shell may offer for an argument's value.
enum class ValueKind {
  none,       ///< a flag: no value
  text,       ///< free text (a prospect id, a date): nothing to offer
  file,       ///< a file name
  directory,  ///< a folder name
  choice,     ///< one of `values`
};

/// One option ("--format FORMAT") or positional argument ("FILE...") of a command.
struct ArgumentSpec {
  std::vector<std::string> names;  ///< "-h", "--help"; empty for a positional argument
  std::string value_name;          ///< "FORMAT", "FILE"; empty for a flag
  std::string description;
  ValueKind kind = ValueKind::none;
  std::vector<std::string> values;  ///< the values of a choice, in the order the CLI lists them
  bool repeatable = false;          ///< may be given more than once (or takes several values)
  bool required = false;
};

/// One command: the program itself, a subcommand, or a subcommand's subcommand.
struct CommandSpec {
  std::string name;  ///< "outreach", "check", "add"
  std::string description;
  std::vector<ArgumentSpec> options;      ///< its own; a subcommand also takes its parents'
  std::vector<ArgumentSpec> positionals;  ///< in order
  std::vector<CommandSpec> subcommands;   ///< in the order --help lists them
};

}  // namespace outreach
