// `outreach completions bash|zsh|fish` and the hidden `outreach manpage`: the shell
// completions and the manual page, made from this very command line (describe.hpp) so that
// they list every command, option and value it accepts. The build runs both to install them.
#include <memory>
#include <ostream>

#include "commands.hpp"
#include "describe.hpp"
#include "outreach/output.hpp"

namespace outreach::cli {
namespace {

const CLI::App& root_of(const CLI::App& app) {
  const CLI::App* root = &app;
  while (root->get_parent() != nullptr) root = root->get_parent();
  return *root;
}

}  // namespace

void setup_completions(CLI::App& app, Context& ctx) {
  auto* sub = app.add_subcommand(
      "completions",
      "Print a completion script for a shell: source it, or install it where the shell looks");
  auto shell = std::make_shared<std::string>();
  ctx.choices.one_of(sub->add_option("SHELL", *shell, "The shell")->required(), "shell",
                     shell_names());
  sub->callback([sub, &ctx, shell] {
    write_completions(describe_command_line(root_of(*sub), ctx.choices), *parse_shell(*shell),
                      ctx.out);
  });
}

void setup_manpage(CLI::App& app, Context& ctx) {
  auto* sub = app.add_subcommand("manpage", "Print the manual page outreach(1) in roff");
  sub->group("");  // hidden: the build runs it, a user reads `man outreach`
  sub->callback([sub, &ctx] {
    write_man_page(describe_command_line(root_of(*sub), ctx.choices), ctx.rules(), ctx.out);
  });
}

}  // namespace outreach::cli
