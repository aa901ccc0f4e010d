// When sends go out: send slots in business hours of the recipient's zone, and connection
// requests under the rolling weekly limit.
#include <algorithm>
#include <deque>
#include <iterator>
#include <stdexcept>

#include "outreach/plan_parts.hpp"

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
  throw std::logic_error("send slots: business hours hold no slot");
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

std::vector<std::pair<Date, int>> schedule_invitations(Date start, std::int64_t count,
                                                       const InvitePolicy& policy,
                                                       const std::function<int(Date)>& history) {
  std::vector<std::pair<Date, int>> days;
  if (count <= 0 || policy.limit <= 0 || policy.weekdays.empty()) return days;
  const int window = std::max(policy.window_days, 1);
  const auto allowed = [&](Date day) {
    return std::find(policy.weekdays.begin(), policy.weekdays.end(), weekday_of(day)) !=
           policy.weekdays.end();
  };
  // An even share: the limit spread over the allowed days of one window.
  const std::int64_t allowed_per_window = std::max<std::int64_t>(
      1, std::int64_t{window} * static_cast<std::int64_t>(policy.weekdays.size()) / 7);
  const std::int64_t quota = (policy.limit + allowed_per_window - 1) / allowed_per_window;

  // Totals of the window - 1 days before the day being filled, the ledger's history included.
  std::deque<std::int64_t> previous;
  std::int64_t previous_sum = 0;
  for (int back = window - 1; back >= 1; --back) {
    const std::int64_t sent = history(start - date::days{back});
    previous.push_back(sent);
    previous_sum += sent;
  }
  std::int64_t remaining = count;
  for (Date day = start; remaining > 0; day += date::days{1}) {
    const std::int64_t already = day == start ? history(day) : 0;
    std::int64_t sent = 0;
    if (allowed(day))
      sent = std::max<std::int64_t>(
          0, std::min({quota - already, policy.limit - previous_sum - already, remaining}));
    if (sent > 0) {
      days.emplace_back(day, static_cast<int>(sent));
      remaining -= sent;
    }
    if (window > 1) {
      previous.push_back(already + sent);
      previous_sum += already + sent;
      if (static_cast<int>(previous.size()) > window - 1) {
        previous_sum -= previous.front();
        previous.pop_front();
      }
    }
  }
  return days;
}

void invitation_times(Date day, int count, const BusinessHours& hours, const date::time_zone* zone,
                      std::vector<date::sys_seconds>& times) {
  times.clear();
  const int span = hours.end_minute - hours.start_minute;
  const auto offset = [&](int index) {
    return static_cast<int>(std::int64_t{index} * span / std::max(count, 1));
  };
  // One zone lookup a day unless the clocks change during business hours that day.
  const date::sys_seconds open = zoned_instant(day, hours.start_minute, zone);
  const bool steady =
      zoned_instant(day, hours.end_minute, zone) - open == std::chrono::minutes(span);
  for (int i = 0; i < count; ++i)
    times.push_back(steady ? open + std::chrono::minutes(offset(i))
                           : zoned_instant(day, hours.start_minute + offset(i), zone));
}

std::vector<std::pair<Date, int>> invitations_per_week(
    const std::vector<std::pair<Date, int>>& days) {
  std::vector<std::pair<Date, int>> weeks;
  for (const auto& [day, count] : days) {
    const Date monday = day - date::days{(weekday_of(day) + 6) % 7};
    if (weeks.empty() || weeks.back().first != monday)
      weeks.emplace_back(monday, count);
    else
      weeks.back().second += count;
  }
  return weeks;
}

}  // namespace outreach
