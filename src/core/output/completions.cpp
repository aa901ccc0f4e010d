// `outreach completions SHELL`: which writer makes the script.
#include "output/completions.hpp"

#include "outreach/output.hpp"
#include "support/name_table.hpp"

namespace outreach {
namespace {

constexpr detail::NameTable<Shell, 3> shells{{{
    {"bash", Shell::bash},
    {"zsh", Shell::zsh},
    {"fish", Shell::fish},
}}};

}  // namespace

std::optional<Shell> parse_shell(std::string_view name) { return shells.parse(name); }

const std::vector<std::string>& shell_names() {
  static const std::vector<std::string> names = shells.names();
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
