#pragma once
// What every command may use: the output streams, whether they are terminals, the rules data,
// colour, the clock, and the exit status it reports.

#include <chrono>
#include <cstddef>
#include <iosfwd>
#include <optional>
#include <string>
#include <string_view>

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
  std::optional<std::string> rules_path;  ///< --rules PROFILE|FILE; none for the default
  std::string color = "auto";             ///< --color auto|always|never
  /// The values of the enumerated options, recorded as the commands define them.
  Choices choices;

  /// The rules in force: the built-in ones, or --rules PROFILE|FILE (loaded once, validated).
  const Rules& rules();
  /// Where the rules in force come from: "built in", "built-in profile NAME" or the file.
  std::string rules_origin() const;
  /// A --rules value: the built-in profile of that name, else the rules file at that path (a
  /// value with a '/' is always a path: ./article names a file). `option` names it in errors.
  static Rules load_rules(const std::string& value, std::string_view option = "--rules");
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
