#pragma once
// The values an enumerated option or argument takes (formats, channels, units, rule ids, …),
// recorded once where the option is defined: they validate it, with "did you mean …?", and
// the completions and the manual offer them, so that no second list can drift.

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace CLI {
class Option;
}

namespace outreach::cli {

class Choices {
 public:
  /// The option takes one of `values`; anything else is refused as "--format: unknown
  /// format 'tabel' (did you mean 'table'?)", or with the list of values. --help shows the
  /// values after the type name (FORMAT:{text,json}) unless `in_help` is false (a long list).
  CLI::Option* one_of(CLI::Option* option, std::string what, std::vector<std::string> values,
                      bool in_help = true);
  /// The completions offer `values` for the argument; the command checks it itself (a ledger
  /// event type, an id to explain).
  CLI::Option* offers(CLI::Option* option, std::vector<std::string> values);
  /// The values recorded for the option, or nullptr.
  const std::vector<std::string>* of(const CLI::Option* option) const;

 private:
  std::map<const CLI::Option*, std::vector<std::string>> values_;
};

/// "unknown unit 'utf8' (did you mean 'utf16'?)", or "… (expected utf16, code-points or
/// graphemes)" when nothing is close.
std::string unknown_value_message(std::string_view what, std::string_view value,
                                  const std::vector<std::string>& allowed);

}  // namespace outreach::cli
