#pragma once
/// The InMail credit model (SPEC §2): grants, caps and forfeits, spending, refunds, declines.

#include <optional>
#include <string>
#include <vector>

#include "outreach/account.hpp"
#include "outreach/calendar.hpp"
#include "outreach/ledger.hpp"
#include "outreach/rules.hpp"

namespace outreach {

/// One calendar month of the simulation.
struct CreditMonth {
  std::string month;  ///< "2026-03"
  int granted = 0;    ///< full monthly amounts granted this month
  int spent = 0;
  int refunded = 0;
  int forfeited = 0;
  int end_balance = 0;
};

/// A paid InMail whose credit may still come back.
struct PendingRefund {
  std::string prospect;
  Date sent;
  Date expires;     ///< last day a reply refunds it (sent + refund window)
  int credits = 0;  ///< what a reply would return
};

struct CreditReport {
  std::string plan;
  Date as_of;
  int opening = 0;
  int balance = 0;
  int cap = 0;
  int monthly = 0;
  int granted = 0;
  int spent = 0;
  int refunded = 0;
  int forfeited = 0;
  std::vector<PendingRefund> pending;  ///< pending refunds as of the date, earliest first
  std::optional<Date> next_grant_date;
  int next_grant_credits = 0;       ///< what that grant adds to the balance under the cap
  int next_grant_forfeits = 0;      ///< what that grant forfeits at this balance (SPEC §11)
  std::vector<CreditMonth> months;  ///< from the simulation's start month to as_of's month
};

/// Runs the simulation of SPEC §2 up to the end of `as_of`. Throws InputError when the account
/// has no plan_start, when as_of is before the opening balance's date, or when the ledger
/// spends a credit at balance 0 ("ledger.ndjson:7: inmail_sent to 'p-17' on 2026-03-05 needs a
/// credit but the balance is 0").
CreditReport simulate_credits(const Account& account, const std::vector<LedgerEvent>& events,
                              Date as_of, const Rules& rules, const std::string& ledger_origin);

/// Refuses events about to be appended to a ledger when the credit simulation of the ledger
/// with them would be inconsistent (SPEC §12: a paid InMail at balance 0), before anything is
/// written: InputError naming the event ("events.ndjson:3: inmail_sent to 'p-1' on … needs a
/// credit but the balance is 0 …; nothing was appended"; an addition without a line number is
/// named by `additions_origin` alone). Every writer of the ledger (`ledger add`, `ledger
/// import`, an import from a plan) goes through it when an account with a plan_start is known.
void check_events_against_account(const Account& account, const Rules& rules,
                                  const std::vector<LedgerEvent>& ledger,
                                  const std::string& ledger_origin,
                                  const std::vector<LedgerEvent>& additions,
                                  const std::string& additions_origin);

/// SPEC §11's warning of forfeits ahead: "12 credits will be forfeited on 2026-12-15 unless
/// spent".
std::string forfeits_ahead_message(int credits, Date grant);

/// Grant dates of a plan started on `plan_start` that fall in (after, until] — strictly after
/// `after`, up to and including `until`. `grant_day` is PlanRules::grant_day: 0 for the start's
/// day of the month (SPEC §2.1), else that day of every month on or after the plan's start.
std::vector<Date> grant_dates_between(Date plan_start, Date after, Date until, int grant_day = 0);

/// The first grant date of the plan strictly after `day` (see grant_dates_between).
Date next_grant_after(Date plan_start, Date day, int grant_day = 0);

}  // namespace outreach
