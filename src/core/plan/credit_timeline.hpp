#pragma once
// The InMail credits of a campaign looking forward: SPEC §2 applied ahead of time.

#include <cstddef>
#include <optional>
#include <utility>
#include <vector>

#include "outreach/calendar.hpp"

namespace outreach {

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
  /// What the grant that opens `period` forfeits after the spends so far (0 for period 0).
  int forfeited_at(std::size_t period) const { return periods_[period].forfeited; }

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

}  // namespace outreach
