#pragma once
// The completion scripts, one writer per shell, each made from the command tree.

#include <iosfwd>

#include "outreach/command_line.hpp"

namespace outreach::detail {

void write_bash_completions(const CommandSpec& command_line, std::ostream& out);
void write_zsh_completions(const CommandSpec& command_line, std::ostream& out);
void write_fish_completions(const CommandSpec& command_line, std::ostream& out);

}  // namespace outreach::detail
