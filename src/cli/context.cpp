#include "context.hpp"

#include <sys/ioctl.h>
#include <unistd.h>

#include <charconv>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string_view>

#include <date/date.h>
#include <fmt/format.h>
#include <fmt/ranges.h>

#include "outreach/io.hpp"
#include "outreach/suggest.hpp"
#include "outreach/text.hpp"

namespace outreach::cli {

namespace {

// A --rules value names a built-in profile when it is one's name; with a '/' it is a path.
bool is_profile_name(const std::string& value) {
  return value.find('/') == std::string::npos && Rules::builtin_profile(value) != nullptr;
}

}  // namespace

Context::Context(std::ostream& out_stream, std::ostream& err_stream, bool out_tty, bool err_tty)
    : out(out_stream), err(err_stream), stdout_is_terminal(out_tty), stderr_is_terminal(err_tty) {}

const Rules& Context::rules() {
  if (!rules_path) return Rules::builtin();
  if (!loaded_rules_) loaded_rules_ = load_rules(*rules_path);
  return *loaded_rules_;
}

std::string Context::rules_origin() const {
  if (!rules_path) return "built in";
  if (is_profile_name(*rules_path)) return "built-in profile " + *rules_path;
  return *rules_path;
}

Rules Context::load_rules(const std::string& value, std::string_view option) {
  if (value.empty())
    throw InputError(fmt::format("{}: expected a profile name or a file path, got ''", option));
  if (is_profile_name(value)) return *Rules::builtin_profile(value);
  // A bare name that is no file is most likely a mistyped profile.
  std::error_code error;
  if (value.find('/') == std::string::npos && !std::filesystem::exists(value, error)) {
    std::string hint = did_you_mean(value, Rules::profile_names());
    throw InputError(fmt::format("{}: '{}' is neither a built-in profile ({}) nor a file{}", option,
                                 printable(value), fmt::join(Rules::profile_names(), ", "), hint));
  }
  return Rules::parse(read_input_file(value), value);
}

bool Context::colorize_stdout() const {
  if (color == "always") return true;
  if (color == "never") return false;
  const char* no_color = std::getenv("NO_COLOR");
  return stdout_is_terminal && (no_color == nullptr || *no_color == '\0');
}

std::size_t Context::stdout_columns() const {
  if (const char* columns = std::getenv("COLUMNS"); columns != nullptr) {
    const std::string_view text(columns);
    std::size_t value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error == std::errc() && end == text.data() + text.size() && value > 0) return value;
  }
  winsize size{};
  if (stdout_is_terminal && ioctl(STDOUT_FILENO, TIOCGWINSZ, &size) == 0 && size.ws_col > 0)
    return size.ws_col;
  return 0;
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
                    printable(fixed)));
  const auto offset =
      std::chrono::minutes((offset_hours * 60 + offset_minutes) * (sign == '-' ? -1 : 1));
  return date::sys_days{ymd} + std::chrono::hours(hour) + std::chrono::minutes(minute) +
         std::chrono::seconds(second) - offset;
}

}  // namespace outreach::cli
