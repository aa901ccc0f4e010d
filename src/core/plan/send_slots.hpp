#pragma once
// Send slots in business hours of each recipient's time zone.

#include <cstdint>
#include <map>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "outreach/calendar.hpp"
#include "outreach/rules.hpp"

namespace outreach {

/// Send slots: instants every `spacing` minutes from an origin (the start date's midnight in the
/// account's zone). A slot is usable for a time zone when it falls on one of `hours.days`, from
/// `hours.start_minute` up to (not including) `hours.end_minute` of that zone's local time, so a
/// daylight-saving change keeps the local time. A taken slot carries no other send, whatever
/// its recipient's zone. Lookups are amortised: each taken slot is stepped over at most once
/// per zone.
class SendSlots {
 public:
  SendSlots(date::sys_seconds origin, int spacing_minutes, BusinessHours hours);

  /// The first slot at or after `from` usable in `zone`, taken or not.
  std::int64_t first_usable(const date::time_zone* zone, std::int64_t from);
  /// The first slot at or after `from` usable in `zone` and not taken.
  std::int64_t first_free(const date::time_zone* zone, std::int64_t from);
  void take(const date::time_zone* zone, std::int64_t slot);

  date::sys_seconds instant(std::int64_t slot) const;
  /// The first slot whose instant is at or after `instant` (0 for any instant before the origin).
  std::int64_t slot_at_or_after(date::sys_seconds instant) const;

 private:
  struct Zone {
    std::vector<std::pair<std::int64_t, std::int64_t>>
        windows;                                      ///< usable [first, end) slots, in order
    Date next_day{};                                  ///< the first local day not yet in `windows`
    std::map<std::int64_t, std::int64_t> taken_runs;  ///< [first, end): every usable slot taken
  };
  Zone& zone_state(const date::time_zone* zone);
  void extend(const date::time_zone* zone, Zone& state);
  void mark_taken(Zone& state, std::int64_t first, std::int64_t end);

  date::sys_seconds origin_;
  std::int64_t spacing_seconds_;
  BusinessHours hours_;
  std::unordered_map<const date::time_zone*, Zone> zones_;
  std::unordered_set<std::int64_t> taken_;
};

}  // namespace outreach
