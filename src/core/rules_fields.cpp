#include "rules_fields.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "outreach/calendar.hpp"
#include "outreach/suggest.hpp"

namespace outreach {
namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// "HH:MM" with exactly two digits each, 00:00 to 23:59; "24:00" (the end of the day) only
// where `end_of_day_ok`, for the end of business hours.
int parse_minute_of_day(const JsonField& field, bool end_of_day_ok) {
  const std::string text = field.as_string();
  const bool shape = text.size() == 5 && is_digit(text[0]) && is_digit(text[1]) && text[2] == ':' &&
                     is_digit(text[3]) && is_digit(text[4]);
  const int hours = shape ? (text[0] - '0') * 10 + (text[1] - '0') : -1;
  const int minutes = shape ? (text[3] - '0') * 10 + (text[4] - '0') : -1;
  const bool valid =
      shape && minutes <= 59 && (hours <= 23 || (end_of_day_ok && hours == 24 && minutes == 0));
  if (!valid)
    field.fail(fmt::format("expected a time HH:MM from 00:00 to {}, got {}",
                           end_of_day_ok ? "24:00" : "23:59", describe_json(field.value())));
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

SequenceRules parse_sequence_rules(const JsonField& field, SequenceRules defaults,
                                   bool all_required) {
  struct Key {
    const char* name;
    int SequenceRules::*value;
    int min;
    int max;
  };
  static constexpr Key keys[] = {
      {"message_after_accept_days", &SequenceRules::message_after_accept_days, 0, 3650},
      {"followup_after_days", &SequenceRules::followup_after_days, 1, 3650},
      {"max_followups", &SequenceRules::max_followups, 0, 100},
      {"withdraw_after_days", &SequenceRules::withdraw_after_days, 1, 3650},
      {"reinvite_lock_days", &SequenceRules::reinvite_lock_days, 0, 3650},
      {"recontact_after_days", &SequenceRules::recontact_after_days, 1, 36500},
      {"horizon_days", &SequenceRules::horizon_days, 1, 36500},
      {"min_send_gap_minutes", &SequenceRules::min_send_gap_minutes, 1, 24 * 60},
      {"daily_message_limit", &SequenceRules::daily_message_limit, 0, 1'000'000},
  };
  std::vector<std::string> names;
  for (const Key& key : keys) names.emplace_back(key.name);
  field.expect_keys(names);
  for (const Key& key : keys) {
    const auto value =
        all_required ? std::optional<JsonField>(field.at(key.name)) : field.find(key.name);
    if (value) defaults.*key.value = static_cast<int>(value->as_int(key.min, key.max));
  }
  return defaults;
}

BusinessHours parse_business_hours(const JsonField& field) {
  field.expect_keys({"days", "start", "end"});
  BusinessHours hours;
  hours.days = parse_weekdays(field.at("days"));
  hours.start_minute = parse_minute_of_day(field.at("start"), false);
  hours.end_minute = parse_minute_of_day(field.at("end"), true);
  if (hours.end_minute <= hours.start_minute)
    field.at("end").fail("the end is not after the start");
  return hours;
}

}  // namespace outreach
