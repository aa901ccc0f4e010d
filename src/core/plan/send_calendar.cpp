// The account's send calendar: windows of business hours per recipient zone, the gap between
// sends, the daily and weekly limits of the account's days, blackout days and the horizon.
#include "plan/send_calendar.hpp"

#include <algorithm>
#include <chrono>
#include <iterator>

#include "outreach/error.hpp"

namespace outreach {
namespace {

constexpr std::size_t kind_index(SendKind kind) { return static_cast<std::size_t>(kind); }

bool allowed_day(const BusinessHours& hours, Date day) {
  return std::find(hours.days.begin(), hours.days.end(), weekday_of(day)) != hours.days.end();
}

}  // namespace

SendCalendar::SendCalendar(date::sys_seconds start, date::sys_seconds end,
                           const date::time_zone* account_zone, SendRules rules)
    : origin_(date::ceil<std::chrono::minutes>(start)),
      end_(0),
      account_zone_(account_zone),
      rules_(std::move(rules)),
      invitation_quota_(daily_invitation_quota(rules_.invitations)),
      first_day_(local_date(origin_, account_zone)) {
  end_ = std::max<Minute>(0, (end - origin_ + std::chrono::seconds(59)) / std::chrono::minutes(1));
  rules_.gap_minutes = std::max(rules_.gap_minutes, 1);
  rules_.inmail_spacing_minutes = std::max(rules_.inmail_spacing_minutes, 1);
  day_starts_.push_back(0);  // the start's day, which may have begun before the start
}

date::sys_seconds SendCalendar::instant(Minute minute) const {
  return origin_ + std::chrono::minutes(minute);
}

SendCalendar::Minute SendCalendar::minute_at_or_after(date::sys_seconds instant) const {
  const std::int64_t seconds = (instant - origin_).count();
  if (seconds <= 0) return 0;
  return (seconds + 59) / 60;
}

SendCalendar::Minute SendCalendar::day_start(std::size_t index) {
  while (day_starts_.size() <= index) {
    const Date day = first_day_ + date::days{static_cast<int>(day_starts_.size())};
    day_starts_.push_back(minute_at_or_after(start_of_day(day, account_zone_)));
  }
  return day_starts_[index];
}

std::size_t SendCalendar::day_index(Minute minute) {
  while (day_starts_.back() <= minute) day_start(day_starts_.size());
  const auto after = std::upper_bound(day_starts_.begin(), day_starts_.end(), minute);
  return static_cast<std::size_t>(after - day_starts_.begin()) - 1;
}

Date SendCalendar::day_of(Minute minute) {
  return first_day_ + date::days{static_cast<int>(day_index(minute))};
}

bool SendCalendar::day_full(SendKind kind, std::size_t index) {
  const Date day = first_day_ + date::days{static_cast<int>(index)};
  const auto placed = [](const std::vector<int>& counts, std::int64_t i) {
    return i >= 0 && static_cast<std::size_t>(i) < counts.size()
               ? counts[static_cast<std::size_t>(i)]
               : 0;
  };
  switch (kind) {
    case SendKind::inmail:
      return false;
    case SendKind::message:
      return placed(messages_, static_cast<std::int64_t>(index)) +
                 (rules_.messages_sent ? rules_.messages_sent(day) : 0) >=
             rules_.daily_message_limit;
    case SendKind::connect:
      break;
  }
  const auto sent = [&](std::int64_t i) {
    const Date d = first_day_ + date::days{static_cast<int>(i)};
    return placed(invitations_, i) + (rules_.invitations_sent ? rules_.invitations_sent(d) : 0);
  };
  const auto i = static_cast<std::int64_t>(index);
  if (sent(i) >= invitation_quota_) return true;
  // Every window of window_days that holds this day must stay under the limit.
  const int window = std::max(rules_.invitations.window_days, 1);
  for (std::int64_t last = i; last < i + window; ++last) {
    std::int64_t total = 0;
    for (std::int64_t k = last - window + 1; k <= last; ++k) total += sent(k);
    if (total >= rules_.invitations.limit) return true;
  }
  return false;
}

void SendCalendar::mark(Runs& runs, Minute first, Minute end) {
  if (first >= end) return;
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

std::optional<SendCalendar::Minute> SendCalendar::run_end(const Runs& runs, Minute minute) {
  const auto after = runs.upper_bound(minute);
  if (after == runs.begin()) return std::nullopt;
  const auto run = std::prev(after);
  if (run->second <= minute) return std::nullopt;
  return run->second;
}

SendCalendar::Lane& SendCalendar::lane(SendKind kind, const date::time_zone* zone) {
  Lane& state = lanes_[kind_index(kind)][zone];
  if (!state.started) {
    state.started = true;
    state.next_day = local_date(origin_, zone);
  }
  return state;
}

void SendCalendar::extend(SendKind kind, const date::time_zone* zone, Lane& state) {
  const BusinessHours& hours = rules_.hours[kind_index(kind)];
  // One local day at a time until a window appears. An allowed weekday has business hours of at
  // least a minute, so a year without a window means none will ever come.
  for (int tried = 0; tried < 366; ++tried) {
    const Date day = state.next_day;
    state.next_day = day + date::days{1};
    if (!allowed_day(hours, day)) continue;
    // The instants whose local time on `day` lies in [start, end). A wall-clock time in a gap
    // maps to the gap's end, which may lie on the next day (Pacific/Apia skipped 2011-12-30
    // whole): then the day has no such instant.
    const date::sys_seconds open = zoned_instant(day, hours.start_minute, zone);
    if (local_date(open, zone) != day) continue;
    const date::sys_seconds close = std::min(zoned_instant(day, hours.end_minute, zone),
                                             start_of_day(day + date::days{1}, zone));
    const Minute first = minute_at_or_after(open);
    const Minute end = minute_at_or_after(close);
    if (first < end) {
      state.windows.emplace_back(first, end);
      return;
    }
  }
  throw InternalError("send calendar: business hours hold no minute in a year");
}

std::optional<SendCalendar::Minute> SendCalendar::earliest(SendKind kind,
                                                           const date::time_zone* zone, Minute from,
                                                           Minute before) {
  Lane& state = lane(kind, zone);
  before = std::min(before, end_);
  const Minute first = std::max<Minute>(from, 0);
  Minute m = first;
  for (;;) {
    if (m >= before) {
      mark(state.unusable, first, before);
      return std::nullopt;
    }
    if (const auto end = run_end(state.unusable, m)) {
      m = *end;
      continue;
    }
    // The business window that holds m, or the next one.
    auto window = std::upper_bound(
        state.windows.begin(), state.windows.end(), m,
        [](Minute minute, const std::pair<Minute, Minute>& w) { return minute < w.second; });
    if (window == state.windows.end()) {
      if (!state.windows.empty() && state.windows.back().second >= before) {
        m = before;
        continue;
      }
      extend(kind, zone, state);
      continue;
    }
    if (m < window->first) {
      m = window->first;
      continue;
    }
    const std::size_t day = day_index(m);
    if (rules_.blackout.contains(first_day_ + date::days{static_cast<int>(day)}) ||
        day_full(kind, day)) {
      m = day_start(day + 1);
      continue;
    }
    if (const auto end = run_end(blocked_, m)) {
      m = *end;
      continue;
    }
    if (kind == SendKind::inmail) {
      if (const auto end = run_end(inmail_blocked_, m)) {
        m = *end;
        continue;
      }
    }
    // Every minute stepped over is unusable for this kind and zone, now and later.
    mark(state.unusable, first, m);
    return m;
  }
}

void SendCalendar::take(SendKind kind, Minute minute) {
  mark(blocked_, minute - rules_.gap_minutes + 1, minute + rules_.gap_minutes);
  if (kind == SendKind::inmail)
    mark(inmail_blocked_, minute - rules_.inmail_spacing_minutes + 1,
         minute + rules_.inmail_spacing_minutes);
  std::vector<int>* counts = kind == SendKind::connect   ? &invitations_
                             : kind == SendKind::message ? &messages_
                                                         : nullptr;
  if (counts == nullptr) return;
  const std::size_t day = day_index(minute);
  if (counts->size() <= day) counts->resize(day + 1, 0);
  ++(*counts)[day];
}

std::vector<std::pair<Date, int>> SendCalendar::invitation_days() const {
  std::vector<std::pair<Date, int>> days;
  for (std::size_t i = 0; i < invitations_.size(); ++i)
    if (invitations_[i] > 0)
      days.emplace_back(first_day_ + date::days{static_cast<int>(i)}, invitations_[i]);
  return days;
}

}  // namespace outreach
