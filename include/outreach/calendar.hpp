#pragma once
/// Calendar dates, months, weekdays and time zones (via Howard Hinnant's date library with the
/// system tz database).

#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <date/date.h>
#include <date/tz.h>

namespace outreach {

/// A calendar date (days since 1970-01-01); which time zone it belongs to is the caller's business.
using Date = date::sys_days;

/// Business days and hours; weekdays are 0 = Sunday … 6 = Saturday.
struct BusinessHours {
  std::vector<int> days;
  int start_minute = 0;  ///< minutes after midnight
  int end_minute = 0;
};

/// Parses a strict ISO date "YYYY-MM-DD"; nullopt when malformed or not a real day (2026-02-30).
std::optional<Date> parse_iso_date(std::string_view text);

/// "YYYY-MM-DD"; InputError for a date outside the years 0000–9999, which could not be read
/// back.
std::string format_date(Date day);

/// Whether a date can be written as YYYY-MM-DD: years 0000 to 9999.
bool is_writable_date(Date day);

/// The latest date a command-line option may give (--start, --as-of, --date): 9899-12-31, so
/// that what a run computes from it (grants, refund windows, sends) stays before the year
/// 10000.
Date latest_input_date();

/// The date `months` months after `start`, on start's day-of-month clamped to the month's last
/// day: from Jan 31, +1 is Feb 28/29, +2 is Mar 31 (always from the original day).
Date add_months_clamped(Date start, int months);

/// 0 = Sunday … 6 = Saturday.
int weekday_of(Date day);

/// Weekday from a three-letter English name ("mon" → 1); -1 when unknown.
int weekday_from_name(std::string_view name);

/// UTC; IoError "time-zone data: …" when the tz database cannot be read.
const date::time_zone* utc_time_zone();
/// The time zone with this IANA name ("localtime" and other names of files that are not
/// places are refused); throws InputError "<where>: unknown time zone 'X' (did you
/// mean 'Y'?)" when there is none.
const date::time_zone* find_time_zone(std::string_view name, const std::string& where);

/// The machine's own time zone: TZ when set (an IANA name, or a path under
/// /usr/share/zoneinfo; InputError for a POSIX rule or anything else), else /etc/localtime,
/// else UTC. IoError "time-zone data: …" when the system's tz database cannot be read.
const date::time_zone* machine_time_zone();

/// The calendar date of an instant in a time zone.
Date local_date(std::chrono::system_clock::time_point instant, const date::time_zone* zone);
/// The same for an instant in whole seconds, valid for every year 0000–9999 (a nanosecond
/// time_point only reaches 2262).
Date local_date(date::sys_seconds instant, const date::time_zone* zone);

/// Parses a ledger/account date: "YYYY-MM-DD", or a timestamp with an offset
/// ("2026-03-05T23:30:00-05:00", "…Z") converted to its calendar date in `zone`.
std::optional<Date> parse_date_or_timestamp(std::string_view text, const date::time_zone* zone);

/// The instant of a local wall-clock time (minutes after midnight) on a date in a zone. A time
/// that falls in a daylight-saving gap is moved forward past the gap; an ambiguous one takes
/// the earlier instant.
date::sys_seconds zoned_instant(Date day, int minute_of_day, const date::time_zone* zone);

/// The first instant of a date in a zone (its midnight, or the end of a gap that swallows it).
date::sys_seconds start_of_day(Date day, const date::time_zone* zone);

/// ISO 8601 with the zone's offset at that instant: "2026-12-01T09:00:00-05:00".
std::string format_instant(date::sys_seconds instant, const date::time_zone* zone);

}  // namespace outreach
