#pragma once
// What every command may use: the output streams, whether they are terminals, the rules data,
// colour, the clock, and the exit status it reports.

#include <chrono>
#include <cstddef>
#include <iosfwd>
#include <optional>
#include <string>

#include "choices.hpp"
#include "outreach/error.hpp"
#include "outreach/rules.hpp"

namespace outreach::cli {

class Context {
 public:
  Context(std::ostream& out, std::ostream& err, bool stdout_is_terminal, bool stderr_is_terminal);

  std::ostream& out;
  std::ostream& err;
  bool stdout_is_terminal;
  bool stderr_is_terminal;
  std::optional<std::string> rules_path;  ///< --rules FILE; none for the built-in rules
  std::string color = "auto";             ///< --color auto|always|never
  /// The values of the enumerated options, recorded as the commands define them.
  Choices choices;

  /// The rules in force: the built-in ones, or --rules FILE (loaded once, validated).
  const Rules& rules();
  /// Whether to colour what goes to stdout (honours --color and NO_COLOR).
  bool colorize_stdout() const;
  /// How many columns a table on stdout may take: COLUMNS when it is a positive number, else
  /// the terminal's width when stdout is a terminal, else 0 (no limit).
  std::size_t stdout_columns() const;
  /// The current time — the only place a command may learn today's date; OUTREACH_NOW (ISO 8601
  /// with offset) overrides it for reproducible runs.
  std::chrono::system_clock::time_point now() const;

  /// The exit status the command reports; findings set it to 1.
  ExitStatus status = ExitStatus::ok;

 private:
  std::optional<Rules> loaded_rules_;
};

}  // namespace outreach::cli
