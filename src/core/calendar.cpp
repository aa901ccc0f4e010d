#include "outreach/calendar.hpp"

#include <array>
#include <cstdio>
#include <cstdlib>
#include <vector>

#include <fmt/compile.h>
#include <fmt/format.h>

#include "outreach/error.hpp"
#include "outreach/suggest.hpp"
#include "outreach/text.hpp"

namespace outreach {
namespace {

bool all_digits(std::string_view text) {
  for (char c : text)
    if (c < '0' || c > '9') return false;
  return !text.empty();
}

int to_int(std::string_view digits) {
  int value = 0;
  for (char c : digits) value = value * 10 + (c - '0');
  return value;
}

}  // namespace

std::optional<Date> parse_iso_date(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-' || !all_digits(text.substr(0, 4)) ||
      !all_digits(text.substr(5, 2)) || !all_digits(text.substr(8, 2)))
    return std::nullopt;
  const date::year_month_day ymd{date::year{to_int(text.substr(0, 4))},
                                 date::month{static_cast<unsigned>(to_int(text.substr(5, 2)))},
                                 date::day{static_cast<unsigned>(to_int(text.substr(8, 2)))}};
  if (!ymd.ok()) return std::nullopt;
  return Date{ymd};
}

bool is_writable_date(Date day) {
  const auto year = static_cast<int>(date::year_month_day{day}.year());
  return year >= 0 && year <= 9999;
}

Date latest_input_date() { return Date{date::year{9899} / date::December / date::day{31}}; }

std::string format_date(Date day) {
  const date::year_month_day ymd{day};
  // A date is YYYY-MM-DD for every reader: one outside the years 0000-9999 could be written
  // but never read back.
  if (!is_writable_date(day))
    throw InputError(fmt::format(
        "a date in the year {} was reached, and outreach writes the years 0000 to 9999 only: "
        "give earlier dates, or smaller values in the rules",
        static_cast<int>(ymd.year())));
  // Compiled format strings: a plan writes one date and one instant per prospect.
  return fmt::format(FMT_COMPILE("{:04}-{:02}-{:02}"), static_cast<int>(ymd.year()),
                     static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
}

Date add_months_clamped(Date start, int months) {
  const date::year_month_day ymd{start};
  const date::year_month target = date::year_month{ymd.year(), ymd.month()} + date::months{months};
  const date::day last =
      date::year_month_day_last{target.year(), date::month_day_last{target.month()}}.day();
  return Date{
      date::year_month_day{target.year(), target.month(), ymd.day() <= last ? ymd.day() : last}};
}

int weekday_of(Date day) { return static_cast<int>(date::weekday{day}.c_encoding()); }

int weekday_from_name(std::string_view name) {
  static constexpr std::array<std::string_view, 7> names = {"sun", "mon", "tue", "wed",
                                                            "thu", "fri", "sat"};
  for (std::size_t i = 0; i < names.size(); ++i)
    if (names[i] == name) return static_cast<int>(i);
  return -1;
}

date::sys_seconds start_of_day(Date day, const date::time_zone* zone) {
  return zoned_instant(day, 0, zone);
}

namespace {

// Every use of the time-zone database goes through here, so that missing or corrupt data
// (no tzdata package, an empty /etc/localtime) is one line and exit 2, never an exception
// that escapes from the library.
// The library's own text ("basic_ios::clear: iostream error") says nothing to a user.
[[noreturn]] void time_zone_data_error(const std::string& what) {
  throw IoError(fmt::format(
      "time-zone data: {} (the files under /usr/share/zoneinfo are missing or corrupt; is the "
      "tzdata package installed?)",
      what));
}

const date::tzdb& database() {
  try {
    const date::tzdb& db = date::get_tzdb();
    if (db.zones.empty()) time_zone_data_error("no time zones found");
    return db;
  } catch (const IoError&) {
    throw;
  } catch (const std::exception&) {
    time_zone_data_error("cannot read the database");
  }
}

// A zone's rules are read from its file when first used; read them now, on this thread, so
// that a corrupt file is an error here and not in the middle of a plan.
const date::time_zone* loaded(const date::time_zone* zone) {
  try {
    (void)zone->get_info(date::sys_seconds{});
  } catch (const std::exception&) {
    time_zone_data_error(fmt::format("cannot read the zone {}", zone->name()));
  }
  return zone;
}

// Names the database lists but that are not places: "localtime" is the machine's setting,
// not a zone an account can name; "posixrules" and "Factory" are artefacts of the files.
bool is_place_name(std::string_view name) {
  return name != "localtime" && name != "posixrules" && name != "Factory" &&
         name.find("..") == std::string_view::npos && !name.empty() && name.front() != '/';
}

const date::time_zone* find_zone(std::string_view name) {
  (void)database();
  try {
    return loaded(date::locate_zone(name));
  } catch (const IoError&) {
    throw;
  } catch (const std::exception&) {
    return nullptr;
  }
}

}  // namespace

const date::time_zone* utc_time_zone() {
  static const date::time_zone* const utc = [] {
    const date::time_zone* zone = find_zone("UTC");
    if (zone == nullptr) time_zone_data_error("no UTC zone");
    return zone;
  }();
  return utc;
}

const date::time_zone* find_time_zone(std::string_view name, const std::string& where) {
  const date::time_zone* zone = is_place_name(name) ? find_zone(name) : nullptr;
  if (zone != nullptr) return zone;
  std::vector<std::string> names;
  for (const auto& candidate : database().zones)
    if (is_place_name(candidate.name())) names.emplace_back(candidate.name());
  throw InputError(fmt::format("{}: unknown time zone {}{}", where, quoted_printable(name),
                               did_you_mean(name, names)));
}

const date::time_zone* machine_time_zone() {
  if (const char* tz = std::getenv("TZ"); tz != nullptr && *tz != '\0') {
    // glibc reads TZ as ":NAME", "NAME", an absolute path ":/usr/share/zoneinfo/NAME", or a
    // POSIX rule ("EST5EDT,M3.2.0,M11.1.0"). The tz library knows names only: a path inside
    // the system's zoneinfo folder names its zone; anything else is said, not guessed.
    std::string_view name = *tz == ':' ? tz + 1 : tz;
    for (const std::string_view folder : {"/usr/share/zoneinfo/", "/usr/share/zoneinfo/posix/"})
      if (name.substr(0, folder.size()) == folder) name.remove_prefix(folder.size());
    if (name != "/etc/localtime") {
      if (const date::time_zone* zone = is_place_name(name) ? find_zone(name) : nullptr)
        return zone;
      throw InputError(fmt::format(
          "TZ: cannot use {}: outreach reads IANA zone names (TZ=Europe/Paris, or a path under "
          "/usr/share/zoneinfo), not POSIX rules or other files; set TZ so, or give the "
          "account a \"timezone\"",
          quoted_printable(tz)));
    }
  }
  (void)database();
  try {
    return loaded(date::current_zone());
  } catch (const IoError&) {
    throw;
  } catch (const std::exception&) {
    // No /etc/localtime (a container): the machine keeps UTC.
    return utc_time_zone();
  }
}

Date local_date(std::chrono::system_clock::time_point instant, const date::time_zone* zone) {
  return local_date(date::floor<std::chrono::seconds>(instant), zone);
}

Date local_date(date::sys_seconds instant, const date::time_zone* zone) {
  const auto local = zone->to_local(instant);
  return Date{date::floor<date::days>(local).time_since_epoch()};
}

std::optional<Date> parse_date_or_timestamp(std::string_view text, const date::time_zone* zone) {
  if (text.size() == 10) return parse_iso_date(text);
  // YYYY-MM-DDTHH:MM[:SS[.fff]](Z|±HH:MM)
  if (text.size() < 17 || (text[10] != 'T' && text[10] != ' ')) return std::nullopt;
  const auto day = parse_iso_date(text.substr(0, 10));
  if (!day) return std::nullopt;
  std::string_view rest = text.substr(11);
  if (rest.size() < 5 || rest[2] != ':' || !all_digits(rest.substr(0, 2)) ||
      !all_digits(rest.substr(3, 2)))
    return std::nullopt;
  const int hours = to_int(rest.substr(0, 2)), minutes = to_int(rest.substr(3, 2));
  int seconds = 0;
  rest.remove_prefix(5);
  if (!rest.empty() && rest[0] == ':') {
    if (rest.size() < 3 || !all_digits(rest.substr(1, 2))) return std::nullopt;
    seconds = to_int(rest.substr(1, 2));
    rest.remove_prefix(3);
    if (!rest.empty() && rest[0] == '.') {
      rest.remove_prefix(1);
      while (!rest.empty() && rest[0] >= '0' && rest[0] <= '9') rest.remove_prefix(1);
    }
  }
  if (hours > 23 || minutes > 59 || seconds > 60) return std::nullopt;
  int offset_minutes = 0;
  if (rest == "Z") {
    offset_minutes = 0;
  } else if (rest.size() == 6 && (rest[0] == '+' || rest[0] == '-') && rest[3] == ':' &&
             all_digits(rest.substr(1, 2)) && all_digits(rest.substr(4, 2))) {
    offset_minutes =
        (to_int(rest.substr(1, 2)) * 60 + to_int(rest.substr(4, 2))) * (rest[0] == '-' ? -1 : 1);
    if (to_int(rest.substr(1, 2)) > 23 || to_int(rest.substr(4, 2)) > 59) return std::nullopt;
  } else {
    return std::nullopt;
  }
  // Stay in whole seconds: converting to system_clock's nanoseconds overflows after 2262
  // (found by fuzz_ledger, tests/data/fuzz-regressions/ledger/timestamp-year-4052.ndjson).
  const date::sys_seconds instant = *day + std::chrono::hours(hours) +
                                    std::chrono::minutes(minutes) + std::chrono::seconds(seconds) -
                                    std::chrono::minutes(offset_minutes);
  // A date only exists for us as YYYY-MM-DD: one that the offset or the zone pushes out of
  // years 0000-9999 could be written to a ledger but never read back from it.
  const Date local = local_date(instant, zone);
  const auto year = static_cast<int>(date::year_month_day{local}.year());
  if (year < 0 || year > 9999) return std::nullopt;
  return local;
}

date::sys_seconds zoned_instant(Date day, int minute_of_day, const date::time_zone* zone) {
  const date::local_seconds local{day.time_since_epoch() + std::chrono::minutes(minute_of_day)};
  const date::local_info info = zone->get_info(local);
  switch (info.result) {
    case date::local_info::unique:
      return date::sys_seconds{local.time_since_epoch()} - info.first.offset;
    case date::local_info::ambiguous:
      return date::sys_seconds{local.time_since_epoch()} - info.first.offset;
    case date::local_info::nonexistent:
    default:
      // In the gap: the wall-clock time does not exist; the first valid instant is the
      // transition itself (e.g. 02:30 on a spring-forward day becomes 03:00).
      return info.second.begin;
  }
}

std::string format_instant(date::sys_seconds instant, const date::time_zone* zone) {
  const date::sys_info info = zone->get_info(instant);
  const auto local = instant + info.offset;
  const auto day = date::floor<date::days>(local);
  const date::hh_mm_ss<std::chrono::seconds> time{local - day};
  const auto offset = std::chrono::duration_cast<std::chrono::minutes>(info.offset).count();
  const long long magnitude = offset < 0 ? -offset : offset;
  return fmt::format(FMT_COMPILE("{}T{:02}:{:02}:{:02}{}{:02}:{:02}"), format_date(Date{day}),
                     time.hours().count(), time.minutes().count(), time.seconds().count(),
                     offset < 0 ? '-' : '+', magnitude / 60, magnitude % 60);
}

}  // namespace outreach
