#pragma once
/// The parts of the campaign planner (SPEC §4), each usable and testable on its own: the
/// ledger's state per prospect, the decision table, the ranking, the forward credit timeline,
/// send slots, the rolling invitation schedule, draft checks and the forecast. `Planner`
/// (plan.hpp) puts them together.

#include <cstddef>
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "outreach/calendar.hpp"
#include "outreach/ledger.hpp"
#include "outreach/lint.hpp"
#include "outreach/plan.hpp"
#include "outreach/prospect.hpp"
#include "outreach/rules.hpp"
#include "outreach/template.hpp"

namespace outreach {

// ---- The ledger as of the start date (plan_decision.cpp) ----------------------------------------

/// What the ledger says about one prospect, from its events up to the start date.
struct ProspectHistory {
  bool declined = false;         ///< they declined an InMail
  bool connected = false;        ///< an invite_accepted
  bool invitation_open = false;  ///< the last invite_sent neither accepted nor withdrawn since
  bool inmail_open =
      false;  ///< the last InMail inside its refund window, no reply or decline since

  bool in_progress() const { return invitation_open || inmail_open; }
};

/// The ledger read as of a start date: events dated after it are ignored; within a date, events
/// count in file order (SPEC §2.3).
class LedgerHistory {
 public:
  LedgerHistory() = default;
  LedgerHistory(const std::vector<LedgerEvent>& events, Date start, int refund_window_days);

  ProspectHistory of(std::string_view prospect) const;
  /// The invite_sent events dated `day` (any prospect); 0 after the start date.
  int invitations_on(Date day) const;

 private:
  struct Entry {
    ProspectHistory state;
    bool inmail_unanswered = false;
    Date last_inmail{};
  };
  struct Hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view text) const {
      return std::hash<std::string_view>{}(text);
    }
  };
  std::unordered_map<std::string, Entry, Hash, std::equal_to<>> prospects_;
  std::map<Date, int> invitations_;
  Date start_{};
  int refund_window_days_ = 0;
};

// ---- The decision table (plan_decision.cpp) -----------------------------------------------------

/// A prospect's row of SPEC §4's table before credits are allocated. A step-6 candidate comes
/// back as channel `inmail` with reason time-sensitive, hard-to-connect or recruiting and
/// `needs_credit`; the allocation confirms it or turns it into `connect` / `no-credits`.
struct Decision {
  PlanChannel channel = PlanChannel::connect;
  PlanReason reason = PlanReason::free_path;
  bool needs_credit = false;
};

/// The first row of the table that applies, in the table's order.
Decision decide(const Prospect& prospect, const ProspectHistory& history, Date start,
                const Rules& rules);

/// What prospects are ranked by (for credits, InMail slots and invitation days), compact so
/// that 300,000 of them sort fast.
struct RankKey {
  static constexpr std::int32_t no_deadline = 2147483647;

  double priority = 0;
  std::int64_t mutual_connections = 0;
  std::int32_t deadline = no_deadline;  ///< days since 1970-01-01
  std::uint32_t index = 0;              ///< the prospect's input position
  std::uint64_t id_head = 0;            ///< the id's first 8 bytes, big-endian (ties sort fast)
  std::uint64_t id_tail = 0;            ///< its next 8 bytes

  static std::int32_t deadline_days(std::optional<Date> deadline) {
    return deadline ? deadline->time_since_epoch().count() : no_deadline;
  }
  /// Fills id_head and id_tail: comparing them orders ids as bytes do, as far as 16 bytes go.
  void set_id_prefix(std::string_view id);
};

/// Priority (higher first), then deadline (earliest first, none last), then mutual connections
/// (more first): negative when `a` ranks first, positive when `b` does, 0 on a tie — which the
/// ids then break (byte order), and for equal ids the input position.
int compare_ranks(const RankKey& a, const RankKey& b);

// ---- Credits looking forward (plan_credits.cpp) -------------------------------------------------

/// What the credit timeline adds up to from the start through a date.
struct CreditTotals {
  int start_balance = 0;
  int granted = 0;    ///< grants at their full monthly amount (SPEC §2.9)
  int forfeited = 0;  ///< what did not fit under the cap
  int spent = 0;
  int balance = 0;  ///< start_balance + granted - forfeited - spent
};

/// The InMail credits of a campaign looking forward (SPEC §2 applied ahead of time): the balance
/// at the start, later grants under the cap, and the plan's spends. Time is cut into periods at
/// the grants: period 0 runs from the start to the day before the first grant, period i from
/// grant i. A spend is allowed only where every later balance stays ≥ 0; a spend before a grant
/// that forfeits makes room under the cap, so after that grant it costs nothing.
class CreditTimeline {
 public:
  CreditTimeline(int start_balance, Date start, const std::vector<Date>& grants, int monthly,
                 int cap);

  std::size_t period_count() const { return periods_.size(); }
  /// The period that holds `day` (a grant's own day belongs to that grant's period).
  std::size_t period_of(Date day) const;
  Date period_begin(std::size_t period) const { return periods_[period].begin; }
  int balance_at_end(std::size_t period) const { return periods_[period].closing; }

  bool can_spend(std::size_t period, int credits) const;
  /// The first period at or after `from` where `credits` can be spent.
  std::optional<std::size_t> next_spendable(std::size_t from, int credits) const;
  void spend(std::size_t period, int credits);

  /// Appends grants dated after the last one (to report beyond the allocation window).
  void add_grants(const std::vector<Date>& grants);
  /// Totals from the start through the end of `through`.
  CreditTotals totals_through(Date through) const;

 private:
  struct Period {
    Date begin{};
    int change = 0;     ///< what the period's grant changed the balance by (monthly - forfeited)
    int forfeited = 0;  ///< what did not fit under the cap at the period's grant
    int spent = 0;
    int closing = 0;  ///< the balance at the period's end
  };
  std::vector<Period> periods_;
  mutable std::vector<int> dead_from_;  ///< per period: the smallest spend known not to fit there
  /// Per spend amount: the first period that may still take it (none before it can).
  mutable std::vector<std::pair<int, std::size_t>> spendable_from_;
  int start_balance_ = 0;
  int monthly_ = 0;
  int cap_ = 0;
};

// ---- Send slots and the invitation schedule (plan_schedule.cpp) ---------------------------------

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

/// The rolling limit on connection requests.
struct InvitePolicy {
  int limit = 0;              ///< at most this many …
  int window_days = 7;        ///< … in any this many consecutive days
  std::vector<int> weekdays;  ///< days requests go out on (0 = Sunday)
};

/// The days `count` connection requests go out on from `start`, as (day, requests) in date
/// order: at most `limit` in any `window_days` consecutive days, counting `history(day)` (what
/// was already sent that day; asked for the window_days - 1 days before the start and the start
/// itself), spread evenly: at most ceil(limit / allowed weekdays in a window) a day, only on
/// the allowed weekdays. Empty when the limit is 0 or no weekday is allowed.
std::vector<std::pair<Date, int>> schedule_invitations(Date start, std::int64_t count,
                                                       const InvitePolicy& policy,
                                                       const std::function<int(Date)>& history);

/// The send times of one day's `count` requests, spread evenly over business hours in `zone`:
/// the i-th at start + i × (end − start) / count minutes (replaces what `times` held).
void invitation_times(Date day, int count, const BusinessHours& hours, const date::time_zone* zone,
                      std::vector<date::sys_seconds>& times);

/// Requests per week (weeks starting on Monday), from (day, requests) in date order.
std::vector<std::pair<Date, int>> invitations_per_week(
    const std::vector<std::pair<Date, int>>& days);

// ---- Drafts (plan_drafts.cpp) -------------------------------------------------------------------

enum class DraftKind : std::uint8_t { inmail, connect, message };

/// What checking one rendered draft left behind.
struct DraftCheck {
  std::size_t findings = 0;            ///< appended to the prospect's findings
  std::uint64_t masked_body_hash = 0;  ///< InMail only: the body with names masked, hashed
  bool short_body = false;             ///< InMail only: body shorter than lint.long_inmail_chars
};

/// Renders the account's templates for one prospect and checks each rendered draft with the
/// linter's rules for its channel. A field the prospect lacks, with no fallback, is a
/// `missing-field` error. Buffers are reused from one prospect to the next.
class DraftChecker {
 public:
  DraftChecker(const Rules& rules, const PlanConfig& config);

  bool has_template(DraftKind kind) const;
  /// Renders and checks the `kind` draft for `prospect` (nothing when there is no such
  /// template), appending findings whose messages name the draft ("connect note 1:301: …").
  DraftCheck check(DraftKind kind, const Prospect& prospect, std::vector<PlanFinding>& findings);

 private:
  struct Slot {
    const Template* tmpl = nullptr;
    std::string origin;
    std::string label;
    LintOptions options;
  };
  const Rules& rules_;
  LintEngine lint_;
  Slot slots_[3];
  std::string rendered_;
  std::vector<std::string> missing_;
};

/// 64-bit FNV-1a.
std::uint64_t fnv1a64(std::string_view bytes);

/// The fields masked before InMail bodies are compared (SPEC §4 "same-template").
bool is_name_field(std::string_view field);

// ---- The forecast (plan_forecast.cpp) -----------------------------------------------------------

/// How many of the campaign's InMails share one masked body.
struct BodySharing {
  bool known = false;         ///< false without an InMail template
  std::size_t shared_by = 0;  ///< InMails with this body, itself included
};

/// The reply rate of one InMail from the priors: generic when more than `threshold` InMails
/// share its masked body, personalised when it shares it with none, the plain InMail rate
/// otherwise (and without a template); × the short-InMail multiplier for a body shorter than
/// lint.long_inmail_chars; never over 1.
Range inmail_reply_rate(const ResponseRates& rates, BodySharing sharing, std::size_t threshold,
                        bool short_body);

/// The campaign's expected outcomes, summed as ranges.
class ForecastSum {
 public:
  explicit ForecastSum(const ResponseRates& rates) : rates_(rates) {}
  void add_inmail(Range reply_rate, bool paid);
  void add_messages(std::int64_t recipients);
  /// Connection requests: acceptances, and replies to the follow-up message once accepted.
  void add_connection_requests(std::int64_t requests);
  /// Paid InMails sent before the start whose credit may still come back.
  void add_pending_refunds(std::int64_t inmails);
  /// The sums, rounded to two decimals.
  Range replies() const;
  Range refunds() const;
  Range acceptances() const;

 private:
  const ResponseRates& rates_;
  Range replies_, refunds_, acceptances_;
};

}  // namespace outreach
