#pragma once
// The fields the rules file and the account file share: weekdays and business hours.

#include <vector>

#include "outreach/calendar.hpp"
#include "support/json_input.hpp"

namespace outreach {

/// Reads {"days": ["tue", …], "start": "09:00", "end": "17:00"}.
BusinessHours parse_business_hours(const JsonField& field);

/// Reads a list of three-letter weekday names, at least one: sorted, without repeats.
std::vector<int> parse_weekdays(const JsonField& field);

}  // namespace outreach
