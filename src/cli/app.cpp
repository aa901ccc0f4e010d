// Builds the CLI from the subcommands, parses the command line, runs the command and hands any
// failure to the error boundary (errors.cpp).
#include <algorithm>
#include <exception>
#include <ostream>
#include <sstream>
#include <vector>

#include <fmt/format.h>

#include "commands.hpp"
#include "errors.hpp"
#include "outreach/output.hpp"
#include "outreach/suggest.hpp"
#include "outreach/text.hpp"
#include "outreach/version.hpp"

namespace outreach::cli {
namespace {

// CLI11 reports an unknown subcommand as extra arguments; answer a mistyped command name
// with a suggestion instead.
std::string unknown_command_message(const CLI::App& app, const std::string& word) {
  std::vector<std::string> names;
  for (const auto* sub : app.get_subcommands([](const CLI::App*) { return true; }))
    if (!sub->get_group().empty()) names.push_back(sub->get_name());  // not the hidden ones
  return fmt::format("unknown command '{}'{}", printable(word), did_you_mean(word, names));
}

bool has_subcommand(const CLI::App& app, const std::string& name) {
  const auto found =
      app.get_subcommands([&name](const CLI::App* sub) { return sub->check_name(name); });
  return !found.empty();
}

// CLI11 says "The following argument was not expected: --colour"; name the first one and,
// for an option, suggest the closest option of the command that was being parsed.
std::string unexpected_argument_message(const CLI::App& app, const std::string& what) {
  // CLI11 lists the extras in reverse order (detail::rjoin).
  std::istringstream listed(
      what.substr(what.find(": ") == std::string::npos ? 0 : what.find(": ") + 2));
  std::vector<std::string> extras;
  for (std::string token; listed >> token;) extras.insert(extras.begin(), token);
  const auto option_it = std::find_if(extras.begin(), extras.end(),
                                      [](const std::string& token) { return token[0] == '-'; });
  const std::string word = option_it != extras.end() ? *option_it
                           : extras.empty()          ? ""
                                                     : extras.front();
  if (word.empty() || word[0] != '-')
    return fmt::format("unexpected argument '{}'", printable(word));
  std::vector<std::string> names;
  const CLI::App* command = &app;
  while (command != nullptr) {
    for (const CLI::Option* option : command->get_options()) {
      for (const auto& name : option->get_lnames()) names.push_back("--" + name);
    }
    const auto chosen = command->get_subcommands();
    command = chosen.empty() ? nullptr : chosen.front();
  }
  const std::string option = word.substr(0, word.find('='));
  // A known option left over was given after "--", where every word is a value.
  if (std::find(names.begin(), names.end(), option) != names.end())
    return fmt::format(
        "unexpected argument '{}': after '--' every word is a value, so options "
        "go before it",
        printable(word));
  return fmt::format("unknown option '{}'{}", printable(option), did_you_mean(option, names));
}

// CLI11's messages end with a period and sometimes a newline; ours are one line.
std::string one_line(std::string text) {
  std::replace(text.begin(), text.end(), '\n', ' ');
  while (!text.empty() && (text.back() == ' ' || text.back() == '.')) text.pop_back();
  return text;
}

// What --version prints (without its last newline: CLI11 adds one).
std::string version_text(Context& ctx) {
  VersionReport report;
  report.version = std::string(version);
  report.rules = &ctx.rules();
  report.rules_origin = ctx.rules_origin();
  report.libraries.push_back({"CLI11", CLI11_VERSION});
  for (LibraryVersion& library : library_versions()) report.libraries.push_back(std::move(library));
  std::ostringstream text;
  write_version(report, text);
  std::string printed = text.str();
  if (!printed.empty() && printed.back() == '\n') printed.pop_back();
  return printed;
}

}  // namespace

namespace {

int run(int argc, const char* const* argv, std::ostream& out, std::ostream& err,
        bool stdout_is_terminal, bool stderr_is_terminal) {
  Context ctx(out, err, stdout_is_terminal, stderr_is_terminal);
  CLI::App app{
      "outreach: plan LinkedIn outreach campaigns — messages, InMail and connection "
      "requests — offline.",
      "outreach"};
  app.set_version_flag(
      "--version", [&ctx] { return version_text(ctx); },
      "Print the version, the rules data's version and source, and the libraries' versions");
  app.require_subcommand(1);
  app.fallthrough();
  // Stored as soon as it is read, so that a --version after it reports that file's rules.
  app.add_option("--rules", ctx.rules_path,
                 "The rules data: a built-in profile (article, the default, or linkedin-help) "
                 "or a JSON file (a value with a '/', or any other name)")
      ->type_name("PROFILE|FILE")
      ->trigger_on_parse();
  ctx.choices.one_of(app.add_option("--color", ctx.color,
                                    "Colour on a terminal (default auto; NO_COLOR is honoured)")
                         ->type_name("WHEN"),
                     "colour mode", {"auto", "always", "never"});

  // In the order --help lists them.
  setup_check(app, ctx);
  setup_plan(app, ctx);
  setup_agenda(app, ctx);
  setup_credits(app, ctx);
  setup_ledger(app, ctx);
  setup_stats(app, ctx);
  setup_report(app, ctx);
  setup_rules(app, ctx);
  setup_plans(app, ctx);
  setup_explain(app, ctx);
  setup_completions(app, ctx);
  setup_manpage(app, ctx);

  if (argc > 1 && argv[1][0] != '-' && !has_subcommand(app, argv[1])) {
    err << "outreach: error: " << unknown_command_message(app, argv[1])
        << " (see 'outreach --help')\n";
    return static_cast<int>(ExitStatus::input);
  }
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e, out, err);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e, out, err);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e, out, err);
  } catch (const CLI::ExtrasError& e) {
    const auto remaining = app.remaining();
    const std::string message = app.get_subcommands().empty() && !remaining.empty()
                                    ? unknown_command_message(app, remaining.front())
                                    : unexpected_argument_message(app, e.what());
    err << "outreach: error: " << message << " (see 'outreach --help')\n";
    return static_cast<int>(ExitStatus::input);
  } catch (const CLI::ValidationError& e) {
    // A value the option does not take: the message already says what it takes.
    err << "outreach: error: " << one_line(e.what()) << '\n';
    return static_cast<int>(ExitStatus::input);
  } catch (const CLI::ParseError& e) {
    err << "outreach: error: " << one_line(e.what()) << " (see 'outreach --help')\n";
    return static_cast<int>(ExitStatus::input);
  } catch (...) {
    return report_failure(std::current_exception(), err);
  }
  out.flush();
  return static_cast<int>(ctx.status);
}

}  // namespace

int run_main(int argc, const char* const* argv, std::ostream& out, std::ostream& err,
             bool stdout_is_terminal, bool stderr_is_terminal) {
  // Whatever escapes the command itself — building the app, flushing — meets the same boundary.
  try {
    const int status = run(argc, argv, out, err, stdout_is_terminal, stderr_is_terminal);
    // Help and version text too is checked; after a failure, nothing more is written.
    if (status < static_cast<int>(ExitStatus::input)) out.flush();
    return status;
  } catch (...) {
    return report_failure(std::current_exception(), err);
  }
}

}  // namespace outreach::cli
