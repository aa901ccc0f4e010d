#include "choices.hpp"

#include <algorithm>

#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include "outreach/suggest.hpp"
#include "outreach/text.hpp"

namespace outreach::cli {

std::string unknown_value_message(std::string_view what, std::string_view value,
                                  const std::vector<std::string>& allowed) {
  std::string hint = did_you_mean(value, allowed);
  if (hint.empty() && !allowed.empty()) {
    hint = " (expected ";
    for (std::size_t i = 0; i < allowed.size(); ++i)
      hint += fmt::format("{}{}",
                          i == 0                    ? ""
                          : i + 1 == allowed.size() ? " or "
                                                    : ", ",
                          allowed[i]);
    hint += ")";
  }
  return fmt::format("unknown {} '{}'{}", what, printable(value), hint);
}

CLI::Option* Choices::one_of(CLI::Option* option, std::string what, std::vector<std::string> values,
                             bool in_help) {
  // CLI11 names the option before the message ("--format: unknown format …"), and shows the
  // validator's description after the type name in --help.
  const std::string listed = in_help ? fmt::format("{{{}}}", fmt::join(values, ",")) : "";
  option->check(CLI::Validator(
      [what, values](std::string& value) {
        if (std::find(values.begin(), values.end(), value) != values.end()) return std::string();
        return unknown_value_message(what, value, values);
      },
      listed, "one of"));
  return offers(option, std::move(values));
}

CLI::Option* Choices::offers(CLI::Option* option, std::vector<std::string> values) {
  values_[option] = std::move(values);
  return option;
}

const std::vector<std::string>* Choices::of(const CLI::Option* option) const {
  const auto it = values_.find(option);
  return it == values_.end() ? nullptr : &it->second;
}

}  // namespace outreach::cli
