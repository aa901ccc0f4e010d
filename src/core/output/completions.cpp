// `outreach completions SHELL`: which writer makes the script.
#include "output/completions.hpp"

#include <array>
#include <utility>

#include "outreach/output.hpp"

namespace outreach {
namespace {

constexpr std::array<std::pair<std::string_view, Shell>, 3> shells = {{
    {"bash", Shell::bash},
    {"zsh", Shell::zsh},
    {"fish", Shell::fish},
}};

}  // namespace

std::optional<Shell> parse_shell(std::string_view name) {
  for (const auto& [shell_name, shell] : shells)
    if (shell_name == name) return shell;
  return std::nullopt;
}

const std::vector<std::string>& shell_names() {
  static const std::vector<std::string> names = [] {
    std::vector<std::string> all;
    for (const auto& [name, _] : shells) all.emplace_back(name);
    return all;
  }();
  return names;
}

void write_completions(const CommandSpec& command_line, Shell shell, std::ostream& out) {
  switch (shell) {
    case Shell::bash:
      return detail::write_bash_completions(command_line, out);
    case Shell::zsh:
      return detail::write_zsh_completions(command_line, out);
    case Shell::fish:
      return detail::write_fish_completions(command_line, out);
  }
}

}  // namespace outreach
