#include "outreach/calendar.hpp"

#include <cstdlib>

#include <catch2/catch.hpp>

#include "outreach/error.hpp"

using namespace outreach;

namespace {
Date day(const char* text) { return *parse_iso_date(text); }
}  // namespace

TEST_CASE("ISO dates are strict", "[calendar]") {
  CHECK(format_date(day("2026-03-05")) == "2026-03-05");
  CHECK(parse_iso_date("2028-02-29").has_value());
  CHECK_FALSE(parse_iso_date("2026-02-29"));
  CHECK_FALSE(parse_iso_date("2026-13-01"));
  CHECK_FALSE(parse_iso_date("2026-3-5"));
  CHECK_FALSE(parse_iso_date("05/03/2026"));
  CHECK_FALSE(parse_iso_date(""));
}

TEST_CASE("months are added from the original day, clamped to the month's end", "[calendar]") {
  const Date start = day("2026-01-31");
  CHECK(format_date(add_months_clamped(start, 1)) == "2026-02-28");
  CHECK(format_date(add_months_clamped(start, 2)) == "2026-03-31");
  CHECK(format_date(add_months_clamped(start, 3)) == "2026-04-30");
  CHECK(format_date(add_months_clamped(day("2027-01-31"), 1)) == "2027-02-28");
  CHECK(format_date(add_months_clamped(day("2028-01-31"), 1)) == "2028-02-29");
  CHECK(format_date(add_months_clamped(day("2026-01-29"), 1)) == "2026-02-28");
  CHECK(format_date(add_months_clamped(day("2026-01-30"), 13)) == "2027-02-28");
  CHECK(format_date(add_months_clamped(day("2026-11-15"), 2)) == "2027-01-15");
}

TEST_CASE("weekdays count from Sunday", "[calendar]") {
  CHECK(weekday_of(day("2026-11-26")) == 4);  // a Thursday
  CHECK(weekday_of(day("2026-11-29")) == 0);
}

TEST_CASE("time zones are looked up with suggestions", "[calendar]") {
  CHECK(find_time_zone("Europe/Berlin", "x")->name() == "Europe/Berlin");
  CHECK_THROWS_WITH(
      find_time_zone("Europe/Berlín", "account.json: timezone"),
      "account.json: timezone: unknown time zone 'Europe/Berlín' (did you mean 'Europe/Berlin'?)");
}

TEST_CASE("timestamps with offsets become dates in the account's zone", "[calendar]") {
  const auto* new_york = find_time_zone("America/New_York", "x");
  CHECK(format_date(*parse_date_or_timestamp("2026-03-06T02:30:00+01:00", new_york)) ==
        "2026-03-05");
  CHECK(format_date(*parse_date_or_timestamp("2026-03-06T04:59:59Z", new_york)) == "2026-03-05");
  CHECK(format_date(*parse_date_or_timestamp("2026-03-06T05:00:00Z", new_york)) == "2026-03-06");
  CHECK(format_date(*parse_date_or_timestamp("2026-03-06", new_york)) == "2026-03-06");
  CHECK_FALSE(parse_date_or_timestamp("2026-03-06T25:00:00Z", new_york));
  CHECK_FALSE(parse_date_or_timestamp("2026-03-06T10:00:00", new_york));
}

TEST_CASE("local business hours are correct across daylight saving", "[calendar]") {
  const auto* new_york = find_time_zone("America/New_York", "x");
  // 2026-03-08 is the spring-forward Sunday in the USA.
  CHECK(format_instant(zoned_instant(day("2026-03-06"), 9 * 60, new_york), new_york) ==
        "2026-03-06T09:00:00-05:00");
  CHECK(format_instant(zoned_instant(day("2026-03-10"), 9 * 60, new_york), new_york) ==
        "2026-03-10T09:00:00-04:00");
  CHECK(format_instant(zoned_instant(day("2026-03-08"), 2 * 60 + 30, new_york), new_york) ==
        "2026-03-08T03:00:00-04:00");
  const auto* kolkata = find_time_zone("Asia/Kolkata", "x");
  CHECK(format_instant(zoned_instant(day("2026-12-01"), 9 * 60, kolkata), kolkata) ==
        "2026-12-01T09:00:00+05:30");
}

TEST_CASE("dates outside the years 0000-9999 are never written", "[calendar]") {
  CHECK(format_date(*parse_iso_date("9999-12-31")) == "9999-12-31");
  CHECK_THROWS_WITH(format_date(*parse_iso_date("9999-12-31") + date::days{4}),
                    Catch::StartsWith("a date in the year 10000 was reached, and outreach writes "
                                      "the years 0000 to 9999 only"));
  CHECK_THROWS_AS(format_date(Date{date::days{-4'000'000}}), outreach::InputError);
  CHECK_THROWS_AS(format_instant(date::sys_days{*parse_iso_date("9999-12-31")} + date::days{2},
                                 utc_time_zone()),
                  outreach::InputError);
  CHECK(format_date(latest_input_date()) == "9899-12-31");
}

TEST_CASE("TZ names a zone, a path under the zoneinfo folder, or is refused", "[calendar]") {
  const char* saved = std::getenv("TZ");
  const std::string before = saved != nullptr ? saved : "";
  const auto zone_for = [](const char* tz) {
    ::setenv("TZ", tz, 1);
    return machine_time_zone()->name();
  };
  CHECK(zone_for("Europe/Paris") == "Europe/Paris");
  CHECK(zone_for(":Asia/Tokyo") == "Asia/Tokyo");
  CHECK(zone_for(":/usr/share/zoneinfo/America/New_York") == "America/New_York");
  CHECK_THROWS_WITH(zone_for("EST5EDT,M3.2.0,M11.1.0"),
                    Catch::StartsWith("TZ: cannot use 'EST5EDT,M3.2.0,M11.1.0': outreach reads "
                                      "IANA zone names"));
  CHECK_THROWS_AS(zone_for("/tmp/zone"), outreach::InputError);
  CHECK_THROWS_AS(zone_for("localtime"), outreach::InputError);
  if (saved != nullptr)
    ::setenv("TZ", before.c_str(), 1);
  else
    ::unsetenv("TZ");
}
