// When sends go out: send slots in business hours of the recipient's zone.
#include "plan/send_slots.hpp"

#include <algorithm>
#include <iterator>

#include "outreach/error.hpp"

namespace outreach {

SendSlots::SendSlots(date::sys_seconds origin, int spacing_minutes, BusinessHours hours)
    : origin_(origin),
      spacing_seconds_(std::int64_t{std::max(spacing_minutes, 1)} * 60),
      hours_(std::move(hours)) {}

date::sys_seconds SendSlots::instant(std::int64_t slot) const {
  return origin_ + std::chrono::seconds(slot * spacing_seconds_);
}

std::int64_t SendSlots::slot_at_or_after(date::sys_seconds instant) const {
  const std::int64_t seconds = (instant - origin_).count();
  if (seconds <= 0) return 0;
  return (seconds + spacing_seconds_ - 1) / spacing_seconds_;
}

SendSlots::Zone& SendSlots::zone_state(const date::time_zone* zone) {
  const auto [it, inserted] = zones_.try_emplace(zone);
  if (inserted) it->second.next_day = local_date(origin_, zone);
  return it->second;
}

void SendSlots::extend(const date::time_zone* zone, Zone& state) {
  // One local day at a time until a usable window appears. Business hours at least one spacing
  // long always hold a slot, so a year without one means the hours can never be met.
  for (int tried = 0; tried < 366; ++tried) {
    const Date day = state.next_day;
    state.next_day = day + date::days{1};
    if (std::find(hours_.days.begin(), hours_.days.end(), weekday_of(day)) == hours_.days.end())
      continue;
    const std::int64_t first = slot_at_or_after(zoned_instant(day, hours_.start_minute, zone));
    const std::int64_t end = slot_at_or_after(zoned_instant(day, hours_.end_minute, zone));
    if (first < end) {
      state.windows.emplace_back(first, end);
      return;
    }
  }
  throw InternalError("send slots: business hours hold no slot");
}

std::int64_t SendSlots::first_usable(const date::time_zone* zone, std::int64_t from) {
  Zone& state = zone_state(zone);
  for (;;) {
    const auto window =
        std::upper_bound(state.windows.begin(), state.windows.end(), from,
                         [](std::int64_t slot, const std::pair<std::int64_t, std::int64_t>& w) {
                           return slot < w.second;
                         });
    if (window != state.windows.end()) return std::max(from, window->first);
    extend(zone, state);
  }
}

std::int64_t SendSlots::first_free(const date::time_zone* zone, std::int64_t from) {
  Zone& state = zone_state(zone);
  std::int64_t slot = std::max<std::int64_t>(from, 0);
  for (;;) {
    // Jump over a run known to be taken, then to a usable slot, and look again.
    const auto after = state.taken_runs.upper_bound(slot);
    if (after != state.taken_runs.begin()) {
      const auto run = std::prev(after);
      if (run->second > slot) {
        slot = run->second;
        continue;
      }
    }
    const std::int64_t usable = first_usable(zone, slot);
    if (usable != slot) {
      slot = usable;
      continue;
    }
    if (taken_.count(slot) == 0) break;
    ++slot;
  }
  // Every usable slot stepped over was taken: remember that for the next lookup in this zone.
  mark_taken(state, std::max<std::int64_t>(from, 0), slot);
  return slot;
}

void SendSlots::take(const date::time_zone* zone, std::int64_t slot) {
  taken_.insert(slot);
  mark_taken(zone_state(zone), slot, slot + 1);
}

void SendSlots::mark_taken(Zone& state, std::int64_t first, std::int64_t end) {
  if (first >= end) return;
  auto& runs = state.taken_runs;
  // Merge with every run that overlaps or touches [first, end).
  auto it = runs.upper_bound(first);
  if (it != runs.begin() && std::prev(it)->second >= first) --it;
  while (it != runs.end() && it->first <= end) {
    first = std::min(first, it->first);
    end = std::max(end, it->second);
    it = runs.erase(it);
  }
  runs.emplace(first, end);
}

}  // namespace outreach
