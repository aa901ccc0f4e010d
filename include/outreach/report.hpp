#pragma once
/// The HTML report's model (SPEC §12 `outreach report`): what the page shows, worked out from
/// the ledger, the credit simulation and, with a prospect list, the plan. The page itself is
/// written by write_report_html (outreach/output.hpp); nothing here prints or reads a file.

#include <optional>
#include <string>
#include <vector>

#include "outreach/account.hpp"
#include "outreach/calendar.hpp"
#include "outreach/credits.hpp"
#include "outreach/ledger.hpp"
#include "outreach/plan.hpp"
#include "outreach/rules.hpp"
#include "outreach/stats.hpp"

namespace outreach {

/// A month ahead of the report's date: the grants that fall in it and, with a plan, the
/// plan's paid InMails.
struct CreditForecastMonth {
  std::string month;  ///< "2026-12"
  int granted = 0;    ///< full monthly amounts granted after the report's date
  int forfeited = 0;  ///< what of them does not fit under the cap
  int planned_spend = 0;
  int end_balance = 0;  ///< before any refund: refunds are never counted in advance
};

/// One week (Monday to Sunday) of invitations: what the ledger holds, what the plan adds.
struct InvitationWeek {
  Date monday;
  std::string week;  ///< ISO week, "2026-W36"
  std::int64_t sent = 0;
  std::int64_t planned = 0;
};

/// One day of the plan's sends, in the account's zone.
struct PlannedDay {
  Date day;
  int connect = 0, message = 0, inmail = 0;
  int total() const { return connect + message + inmail; }
};

struct ReportModel {
  std::string account;  ///< the account file, or "(no account)"
  std::string ledger;   ///< the ledger file, or "" without one
  Date as_of;           ///< the report's day in the account's zone
  std::string zone;     ///< the account's time zone's name
  /// The credit simulation up to as_of; none without a plan_start (credits_missing says why).
  std::optional<CreditReport> credits;
  std::string credits_missing;
  std::vector<CreditForecastMonth> forecast;  ///< the months after as_of's, as_of's included
  int weekly_invite_limit = 0;
  std::vector<InvitationWeek> invitations;  ///< every week from the first to the last, gaps 0
  OutcomeStats by_channel;
  OutcomeStats by_variant;
  /// With a prospect list: the plan's summary and its sends day by day (days without 0).
  std::optional<PlanSummary> plan;
  std::vector<PlannedDay> plan_days;
};

/// How many months the credit forecast looks ahead when no plan reaches further.
inline constexpr int report_forecast_months = 3;

/// What the report is made from.
struct ReportInput {
  const Account* account = nullptr;
  const Rules* rules = nullptr;
  const std::vector<LedgerEvent>* events = nullptr;
  std::string ledger;  ///< the ledger's path, for errors and the page ("" without one)
  Date as_of;
  const PlanResult* plan = nullptr;  ///< with --prospects
};

/// Builds the report: outcome_stats by channel and by variant, simulate_credits up to as_of
/// and the grants (next_grant_after) and the plan's paid InMails of the months ahead, the
/// ledger's invitations by ISO week beside the plan's. Throws as simulate_credits does for an
/// inconsistent ledger.
ReportModel build_report(const ReportInput& input);

}  // namespace outreach
