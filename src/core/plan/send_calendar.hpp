#pragma once
// When an account's sends may go out (SPEC §10 "Send times"): inside the recipient's business
// hours and days in the recipient's own zone, never on a blackout day of the account's zone,
// at least a gap apart from any other send of the account, under the weekly invitation limit
// and the daily message limit of the account's days, InMails a spacing apart — and only between
// the plan's start and its horizon. Sends are placed one at a time, each at the earliest minute
// that keeps every rule.

#include <cstddef>
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <unordered_map>
#include <utility>
#include <vector>

#include "outreach/account.hpp"
#include "outreach/calendar.hpp"
#include "plan/invitations.hpp"

namespace outreach {

enum class SendKind : std::uint8_t { connect, message, inmail };
inline constexpr std::size_t send_kind_count = 3;

/// The rules a calendar keeps.
struct SendRules {
  int gap_minutes = 1;                   ///< between any two sends of the account
  int inmail_spacing_minutes = 1;        ///< between two InMails
  BusinessHours hours[send_kind_count];  ///< per kind: its weekdays and the account's hours
  InvitePolicy invitations;              ///< the rolling limit (its weekdays are hours[connect]'s)
  int daily_message_limit = 0;           ///< messages a day of the account's zone
  BlackoutDays blackout;                 ///< days of the account's zone with no sends
  /// What the ledger already holds on a day of the account's zone (before the start included).
  std::function<int(Date)> invitations_sent;
  std::function<int(Date)> messages_sent;
};

class SendCalendar {
 public:
  /// Minutes since the plan's start (rounded up to a whole minute).
  using Minute = std::int64_t;

  /// A calendar from `start` to `end` (exclusive); days are `account_zone`'s.
  SendCalendar(date::sys_seconds start, date::sys_seconds end, const date::time_zone* account_zone,
               SendRules rules);

  /// The earliest minute in [from, before) at which a send of `kind` to a recipient in `zone`
  /// keeps every rule, if there is one. Amortised: what a search finds unusable is remembered
  /// for that kind and zone (a minute only ever becomes less usable).
  std::optional<Minute> earliest(SendKind kind, const date::time_zone* zone, Minute from,
                                 Minute before);
  /// Records a send: no other send within the gap, no InMail within the spacing, the day's
  /// count one more.
  void take(SendKind kind, Minute minute);

  /// The horizon: one past the last usable minute.
  Minute end() const { return end_; }
  date::sys_seconds instant(Minute minute) const;
  /// The first minute at or after an instant (0 for any instant before the start).
  Minute minute_at_or_after(date::sys_seconds instant) const;
  /// The account-zone day of a minute.
  Date day_of(Minute minute);
  /// The invitations placed, by account-zone day, in date order.
  std::vector<std::pair<Date, int>> invitation_days() const;

 private:
  using Runs = std::map<Minute, Minute>;  // [first, end) runs, none overlapping
  // One kind of send to one zone: its business windows, and what is known unusable.
  struct Lane {
    std::vector<std::pair<Minute, Minute>> windows;  // [first, end), in order
    Date next_day{};                                 // the first local day not yet looked at
    bool started = false;
    Runs unusable;
  };
  Lane& lane(SendKind kind, const date::time_zone* zone);
  void extend(SendKind kind, const date::time_zone* zone, Lane& lane);
  std::size_t day_index(Minute minute);
  Minute day_start(std::size_t index);
  bool day_full(SendKind kind, std::size_t index);
  static void mark(Runs& runs, Minute first, Minute end);
  static std::optional<Minute> run_end(const Runs& runs, Minute minute);

  date::sys_seconds origin_;
  Minute end_;
  const date::time_zone* account_zone_;
  SendRules rules_;
  int invitation_quota_;
  Date first_day_;
  std::vector<Minute> day_starts_;  // day i of the account's zone starts at day_starts_[i]
  std::vector<int> invitations_;    // placed by this calendar, per day index
  std::vector<int> messages_;
  Runs blocked_;         // no send of any kind (the gap around each send)
  Runs inmail_blocked_;  // no InMail (the spacing around each InMail)
  std::unordered_map<const date::time_zone*, Lane> lanes_[send_kind_count];
};

}  // namespace outreach
