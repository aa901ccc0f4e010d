// The forward credit timeline the allocation spends from: SPEC §2's grants, cap and forfeits
// applied ahead of time to the plan's own spends. Expected refunds never enter it.
#include <algorithm>
#include <climits>

#include "plan/credit_timeline.hpp"

namespace outreach {

CreditTimeline::CreditTimeline(int start_balance, Date start, const std::vector<Date>& grants,
                               int monthly, int cap)
    : start_balance_(start_balance), monthly_(monthly), cap_(cap) {
  periods_.push_back(Period{start, 0, 0, 0, start_balance});
  add_grants(grants);
}

void CreditTimeline::add_grants(const std::vector<Date>& grants) {
  std::vector<Date> sorted = grants;
  std::sort(sorted.begin(), sorted.end());
  for (const Date grant : sorted) {
    // A grant on or before the last period's start is already counted (the start balance holds
    // the start date's own grant).
    if (grant <= periods_.back().begin) continue;
    const int before = periods_.back().closing;
    const int forfeited = std::max(0, before + monthly_ - cap_);
    const int change = monthly_ - forfeited;
    periods_.push_back(Period{grant, change, forfeited, 0, before + change});
    dead_from_.clear();
    spendable_from_.clear();
  }
}

std::size_t CreditTimeline::period_of(Date day) const {
  const auto after = std::upper_bound(periods_.begin(), periods_.end(), day,
                                      [](Date d, const Period& p) { return d < p.begin; });
  return after == periods_.begin() ? 0 : static_cast<std::size_t>(after - periods_.begin()) - 1;
}

bool CreditTimeline::can_spend(std::size_t period, int credits) const {
  if (credits <= 0) return true;
  if (dead_from_.size() == periods_.size() && credits >= dead_from_[period]) return false;
  // The spend lowers this period's closing balance and every later one, until a grant that
  // forfeited at least that much absorbs it under the cap.
  bool ok = periods_[period].closing >= credits;
  int remaining = credits;
  for (std::size_t q = period + 1; ok && q < periods_.size(); ++q) {
    remaining -= std::min(remaining, periods_[q].forfeited);
    if (remaining == 0) break;
    ok = periods_[q].closing >= remaining;
  }
  // Balances only go down as spends are added, so a period that cannot take `credits` now never
  // will: remember it.
  if (!ok) {
    if (dead_from_.size() != periods_.size()) dead_from_.assign(periods_.size(), INT_MAX);
    dead_from_[period] = std::min(dead_from_[period], credits);
  }
  return ok;
}

std::optional<std::size_t> CreditTimeline::next_spendable(std::size_t from, int credits) const {
  // Balances only go down, so the periods before the first that could take `credits` last time
  // never will: a search from before it starts there (the allocation asks once per candidate).
  auto known = std::find_if(spendable_from_.begin(), spendable_from_.end(),
                            [&](const auto& entry) { return entry.first == credits; });
  if (known == spendable_from_.end()) {
    spendable_from_.emplace_back(credits, 0);
    known = spendable_from_.end() - 1;
  }
  const bool whole_search = from <= known->second;
  for (std::size_t p = std::max(from, known->second); p < periods_.size(); ++p) {
    if (can_spend(p, credits)) {
      if (whole_search) known->second = p;
      return p;
    }
  }
  if (whole_search) known->second = periods_.size();
  return std::nullopt;
}

void CreditTimeline::spend(std::size_t period, int credits) {
  if (credits <= 0) return;
  periods_[period].spent += credits;
  periods_[period].closing -= credits;
  int remaining = credits;
  for (std::size_t q = period + 1; q < periods_.size(); ++q) {
    const int absorbed = std::min(remaining, periods_[q].forfeited);
    periods_[q].forfeited -= absorbed;
    periods_[q].change += absorbed;
    remaining -= absorbed;
    if (remaining == 0) break;
    periods_[q].closing -= remaining;
  }
}

CreditTotals CreditTimeline::totals_through(Date through) const {
  CreditTotals totals;
  totals.start_balance = start_balance_;
  totals.balance = start_balance_;
  for (std::size_t p = 0; p < periods_.size() && periods_[p].begin <= through; ++p) {
    if (p > 0) {
      totals.granted += monthly_;
      totals.forfeited += periods_[p].forfeited;
    }
    totals.spent += periods_[p].spent;
    totals.balance = periods_[p].closing;
  }
  return totals;
}

}  // namespace outreach
