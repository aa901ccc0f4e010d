#pragma once
// The command line as data (outreach/command_line.hpp), read from the live CLI11 definition:
// a new subcommand or option appears in the completions and the manual by itself.

#include <CLI/CLI.hpp>

#include "choices.hpp"
#include "outreach/command_line.hpp"

namespace outreach::cli {

/// Every visible command, option and positional argument of `app` and its subcommands. An
/// argument whose type name is FILE completes file names, DIR folder names; one with recorded
/// choices its values; any other value is free text. Hidden commands and options (an empty
/// group) are left out.
CommandSpec describe_command_line(const CLI::App& app, const Choices& choices);

}  // namespace outreach::cli
