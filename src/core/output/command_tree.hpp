#pragma once
// The command line's tree as the completion scripts and the manual walk it: every command
// with its full path and every option it takes, and the quoting shells need.

#include <string>
#include <string_view>
#include <vector>

#include "outreach/command_line.hpp"

namespace outreach::detail {

/// One command of the tree with what a shell needs there.
struct CommandNode {
  std::string path;  ///< "outreach ledger add"
  const CommandSpec* command = nullptr;
  /// Its own options, then its parents' (nearest first): the command line lets a global
  /// option such as --rules follow the subcommand.
  std::vector<const ArgumentSpec*> options;
};

/// Every command of the tree, each parent before its subcommands.
std::vector<CommandNode> command_nodes(const CommandSpec& root);

/// The values a shell may offer as words: those made only of letters, digits and ._+:@%/-
/// (a value with a space or a quote would be split or break the script; none of the built-in
/// ones has any, a --rules file might).
std::vector<std::string> shell_words(const std::vector<std::string>& values);

/// `text` in POSIX shell single quotes ("it's" → 'it'\''s').
std::string single_quoted(std::string_view text);

/// `words` joined with single spaces.
std::string joined(const std::vector<std::string>& words, std::string_view separator = " ");

/// The subcommands' names of `command`.
std::vector<std::string> subcommand_names(const CommandSpec& command);

}  // namespace outreach::detail
