// Builds the CLI from the registered subcommands and converts errors into exit statuses.
#include <sys/stat.h>

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iostream>
#include <memory>
#include <sstream>
#include <vector>

#include <date/date.h>
#include <fmt/format.h>

#include "command.hpp"
#include "outreach/limits.hpp"
#include "outreach/suggest.hpp"
#include "outreach/version.hpp"

namespace outreach::cli {
namespace {

std::vector<std::pair<int, CommandSetup>>& registry() {
  static std::vector<std::pair<int, CommandSetup>> commands;
  return commands;
}

// CLI11 reports an unknown subcommand as extra arguments; answer a mistyped command name
// with a suggestion instead.
std::string unknown_command_message(const CLI::App& app, const std::string& word) {
  std::vector<std::string> names;
  for (const auto* sub : app.get_subcommands([](const CLI::App*) { return true; }))
    names.push_back(sub->get_name());
  return fmt::format("unknown command '{}'{}", word, did_you_mean(word, names));
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
  if (word.empty() || word[0] != '-') return fmt::format("unexpected argument '{}'", word);
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
  return fmt::format("unknown option '{}'{}", option, did_you_mean(option, names));
}

// CLI11's messages end with a period and sometimes a newline; ours are one line.
std::string one_line(std::string text) {
  std::replace(text.begin(), text.end(), '\n', ' ');
  while (!text.empty() && (text.back() == ' ' || text.back() == '.')) text.pop_back();
  return text;
}

}  // namespace

Context::Context(std::ostream& out_stream, std::ostream& err_stream, bool out_tty, bool err_tty)
    : out(out_stream), err(err_stream), stdout_is_terminal(out_tty), stderr_is_terminal(err_tty) {}

const Rules& Context::rules() {
  if (rules_path.empty()) return Rules::builtin();
  if (!loaded_rules_) loaded_rules_ = Rules::parse(read_input_file(rules_path), rules_path);
  return *loaded_rules_;
}

bool Context::colorize_stdout() const {
  if (color == "always") return true;
  if (color == "never") return false;
  const char* no_color = std::getenv("NO_COLOR");
  return stdout_is_terminal && (no_color == nullptr || *no_color == '\0');
}

std::chrono::system_clock::time_point Context::now() const {
  const char* fixed = std::getenv("OUTREACH_NOW");
  if (fixed == nullptr || *fixed == '\0') return std::chrono::system_clock::now();
  int year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0;
  char sign = 'Z';
  int offset_hours = 0, offset_minutes = 0;
  const int fields = std::sscanf(fixed, "%4d-%2d-%2dT%2d:%2d:%2d%c%2d:%2d", &year, &month, &day,
                                 &hour, &minute, &second, &sign, &offset_hours, &offset_minutes);
  const date::year_month_day ymd{date::year{year}, date::month{static_cast<unsigned>(month)},
                                 date::day{static_cast<unsigned>(day)}};
  // Years past 2261 do not fit the nanoseconds of system_clock (undefined behaviour).
  if ((fields != 7 && fields != 9) || !ymd.ok() || year < 1970 || year > 2200 ||
      (fields == 7 && sign != 'Z') || (fields == 9 && sign != '+' && sign != '-'))
    throw InputError(
        fmt::format("OUTREACH_NOW: expected a time such as 2026-11-26T09:00:00Z or "
                    "2026-11-26T09:00:00+01:00, got '{}'",
                    fixed));
  const auto offset =
      std::chrono::minutes((offset_hours * 60 + offset_minutes) * (sign == '-' ? -1 : 1));
  return date::sys_days{ymd} + std::chrono::hours(hour) + std::chrono::minutes(minute) +
         std::chrono::seconds(second) - offset;
}

bool register_command(int order, CommandSetup setup) {
  registry().emplace_back(order, setup);
  return true;
}

std::string read_input_file(const std::string& path, std::size_t max_bytes) {
  const std::string name = path == "-" ? "stdin" : path;
  const auto too_large = [&] {
    return InputError(
        fmt::format("{}: too large: more than {}, the most outreach reads for "
                    "this kind of input",
                    name, describe_byte_count(max_bytes)));
  };
  std::ifstream file;
  std::size_t expected_size = 0;
  if (path != "-") {
    struct stat info {};
    if (::stat(path.c_str(), &info) != 0)
      throw InputError(fmt::format("{}: cannot open: {}", path, std::strerror(errno)));
    if (S_ISDIR(info.st_mode))
      throw InputError(fmt::format("{}: is a directory, not a file", path));
    // Refuse a regular file by its size before reading a byte of it.
    if (S_ISREG(info.st_mode) && static_cast<std::uintmax_t>(info.st_size) > max_bytes)
      throw too_large();
    if (S_ISREG(info.st_mode)) expected_size = static_cast<std::size_t>(info.st_size);
    file.open(path, std::ios::binary);
    if (!file) throw InputError(fmt::format("{}: cannot open: {}", path, std::strerror(errno)));
  }
  std::istream& in = path == "-" ? std::cin : file;
  // Read in chunks and stop past the limit: stdin, pipes and files that grow have no size to
  // check beforehand.
  // The chunk is left uninitialised: zeroing 64 KiB per file was half the time of checking
  // thousands of small drafts in one process.
  std::string text;
  text.reserve(expected_size);
  constexpr std::size_t chunk_size = std::size_t{1} << 16;
  const auto chunk = std::make_unique_for_overwrite<char[]>(chunk_size);
  while (in) {
    in.read(chunk.get(), static_cast<std::streamsize>(chunk_size));
    const auto got = static_cast<std::size_t>(in.gcount());
    if (got > max_bytes - text.size()) throw too_large();
    text.append(chunk.get(), got);
  }
  if (in.bad()) throw InputError(fmt::format("{}: read error", name));
  return text;
}

int run_main(int argc, const char* const* argv, std::ostream& out, std::ostream& err,
             bool stdout_is_terminal, bool stderr_is_terminal) {
  Context ctx(out, err, stdout_is_terminal, stderr_is_terminal);
  CLI::App app{
      "outreach: plan LinkedIn outreach campaigns — messages, InMail and connection "
      "requests — offline.",
      "outreach"};
  app.set_version_flag("--version", std::string(version));
  app.require_subcommand(1);
  app.fallthrough();
  app.add_option("--rules", ctx.rules_path, "Replace the built-in rules data with this JSON file")
      ->type_name("FILE");
  app.add_option("--color", ctx.color,
                 "Colour on a terminal: auto, always or never (NO_COLOR is honoured)")
      ->check(CLI::IsMember({"auto", "always", "never"}));

  auto& commands = registry();
  std::stable_sort(commands.begin(), commands.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  for (const auto& [order, setup] : commands) setup(app, ctx);

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
  } catch (const CLI::ParseError& e) {
    err << "outreach: error: " << one_line(e.what()) << " (see 'outreach --help')\n";
    return static_cast<int>(ExitStatus::input);
  } catch (const InputError& e) {
    // One line per problem: a reader that collects several problems joins them with '\n'.
    std::istringstream lines(e.what());
    for (std::string line; std::getline(lines, line);) err << "outreach: error: " << line << '\n';
    return static_cast<int>(ExitStatus::input);
  } catch (const std::bad_alloc&) {
    err << "outreach: error: out of memory\n";
    return static_cast<int>(ExitStatus::input);
  }
  out.flush();
  return static_cast<int>(ctx.status);
}

}  // namespace outreach::cli
