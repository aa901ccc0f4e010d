#include "rules_fields.hpp"

#include <algorithm>
#include <cstdio>

#include <fmt/format.h>

#include "outreach/calendar.hpp"
#include "outreach/suggest.hpp"

namespace outreach {
namespace {

int parse_minute_of_day(const JsonField& field) {
  const std::string text = field.as_string();
  int hours = 0, minutes = 0;
  if (text.size() != 5 || text[2] != ':' ||
      std::sscanf(text.c_str(), "%2d:%2d", &hours, &minutes) != 2 || hours > 24 || minutes > 59)
    field.fail(fmt::format("expected a time HH:MM, got {}", describe_json(field.value())));
  return hours * 60 + minutes;
}

}  // namespace

std::vector<int> parse_weekdays(const JsonField& field) {
  std::vector<int> days;
  for (const auto& element : field.elements()) {
    const std::string name = element.as_string();
    const int day = weekday_from_name(name);
    if (day < 0)
      element.fail(
          fmt::format("unknown weekday '{}'{}", name,
                      did_you_mean(name, {"mon", "tue", "wed", "thu", "fri", "sat", "sun"})));
    if (std::find(days.begin(), days.end(), day) == days.end()) days.push_back(day);
  }
  if (days.empty()) field.fail("expected at least one weekday");
  std::sort(days.begin(), days.end());
  return days;
}

BusinessHours parse_business_hours(const JsonField& field) {
  field.expect_keys({"days", "start", "end"});
  BusinessHours hours;
  hours.days = parse_weekdays(field.at("days"));
  hours.start_minute = parse_minute_of_day(field.at("start"));
  hours.end_minute = parse_minute_of_day(field.at("end"));
  if (hours.end_minute <= hours.start_minute)
    field.at("end").fail("the end is not after the start");
  return hours;
}

}  // namespace outreach
