#pragma once
// The fields the rules file and the account file share: weekdays and business hours.

#include <vector>

#include "outreach/calendar.hpp"
#include "outreach/sequence.hpp"
#include "support/json_input.hpp"

namespace outreach {

/// Reads {"days": ["tue", …], "start": "09:00", "end": "17:00"}.
BusinessHours parse_business_hours(const JsonField& field);

/// Reads the `sequence` keys (SPEC §10) over `defaults`: every key when `all_required` (the rules
/// file), any of them otherwise (an account's overrides).
SequenceRules parse_sequence_rules(const JsonField& field, SequenceRules defaults,
                                   bool all_required);

/// Reads a list of three-letter weekday names, at least one: sorted, without repeats.
std::vector<int> parse_weekdays(const JsonField& field);

}  // namespace outreach
