#pragma once
// How subcommands plug into the CLI: each src/cli/<name>_command.cpp registers a setup
// function; main.cpp builds the app from the registry and turns errors into exit codes once.

#include <chrono>
#include <cstddef>
#include <functional>
#include <iosfwd>
#include <memory>
#include <optional>
#include <string>

#include <CLI/CLI.hpp>

#include "outreach/error.hpp"
#include "outreach/limits.hpp"
#include "outreach/rules.hpp"

namespace outreach::cli {

/// What every command may use: the output streams, whether they are terminals, the rules
/// data, colour, and the clock (the only place a command may learn today's date).
class Context {
 public:
  Context(std::ostream& out, std::ostream& err, bool stdout_is_terminal, bool stderr_is_terminal);

  std::ostream& out;
  std::ostream& err;
  bool stdout_is_terminal;
  bool stderr_is_terminal;
  std::string rules_path;      ///< --rules FILE, empty for the built-in rules
  std::string color = "auto";  ///< --color auto|always|never

  /// The rules in force: the built-in ones, or --rules FILE (loaded once, validated).
  const Rules& rules();
  /// Whether to colour what goes to stdout (honours --color and NO_COLOR).
  bool colorize_stdout() const;
  /// The current time; OUTREACH_NOW (ISO 8601 with offset) overrides it for reproducible runs.
  std::chrono::system_clock::time_point now() const;

  /// The exit status the command reports; findings set it to 1.
  ExitStatus status = ExitStatus::ok;

 private:
  std::optional<Rules> loaded_rules_;
};

/// Adds one subcommand to the app; `run` callbacks set `ctx.status` or throw InputError.
using CommandSetup = void (*)(CLI::App& app, Context& ctx);

/// Registers a subcommand; `order` fixes its place in --help. Call from a namespace-scope
/// initializer: `[[maybe_unused]] const bool registered = register_command(10, setup);`.
bool register_command(int order, CommandSetup setup);

/// Builds the app, parses argv, runs the chosen command and returns the exit status.
int run_main(int argc, const char* const* argv, std::ostream& out, std::ostream& err,
             bool stdout_is_terminal, bool stderr_is_terminal);

/// Reads a whole file or stdin ("-"); throws InputError for a missing file, a directory, a read
/// error or a file larger than `max_bytes` (include/outreach/limits.hpp), naming the path.
std::string read_input_file(const std::string& path, std::size_t max_bytes = max_document_bytes);

}  // namespace outreach::cli
