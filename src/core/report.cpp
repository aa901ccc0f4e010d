// The HTML report's model (SPEC §12): the stats, the credit simulation and its months ahead,
// the invitations week by week, the plan's sends day by day.
#include "outreach/report.hpp"

#include <algorithm>
#include <map>
#include <tuple>

#include <fmt/format.h>

namespace outreach {
namespace {

std::string month_of(Date day) {
  const date::year_month_day ymd{day};
  return fmt::format("{:04}-{:02}", static_cast<int>(ymd.year()),
                     static_cast<unsigned>(ymd.month()));
}

// A grant or a paid InMail of the months ahead; on one date the grant comes first (SPEC §2.3).
struct CreditStep {
  Date day;
  int order = 0;  // 0 a grant, 1 a spend
  bool operator<(const CreditStep& other) const {
    return std::tie(day, order) < std::tie(other.day, other.order);
  }
};

std::vector<CreditForecastMonth> forecast_credits(const ReportInput& input,
                                                  const CreditReport& credits) {
  const Account& account = *input.account;
  const PlanRules& plan = input.rules->plan_named(account.plan, account.origin + ": plan");
  std::vector<CreditStep> steps;
  Date last = Date(date::year_month_day{input.as_of} + date::months{report_forecast_months});
  if (input.plan != nullptr) {
    for (const PlannedProspect& row : input.plan->prospects) {
      if (row.channel != PlanChannel::inmail || row.cost <= 0 || !row.send_at) continue;
      const Date day = local_date(*row.send_at, account.zone);
      for (int i = 0; i < row.cost; ++i) steps.push_back({day, 1});
      last = std::max(last, day);
    }
  }
  const date::year_month last_month =
      date::year_month_day{last}.year() / date::year_month_day{last}.month();
  const Date until = Date(last_month / date::last);
  for (const Date grant :
       grant_dates_between(*account.plan_start, input.as_of, until, plan.grant_day))
    steps.push_back({grant, 0});
  std::sort(steps.begin(), steps.end());

  std::vector<CreditForecastMonth> months;
  const date::year_month_day first{input.as_of};
  int balance = credits.balance;
  std::size_t next = 0;
  for (date::year_month month = first.year() / first.month(); month <= last_month;
       month += date::months{1}) {
    CreditForecastMonth row;
    row.month = month_of(Date(month / 1));
    const Date month_end = Date(month / date::last);
    for (; next < steps.size() && steps[next].day <= month_end; ++next) {
      if (steps[next].order == 0) {
        const int kept = std::min(balance + credits.monthly, std::max(credits.cap, balance));
        row.granted += credits.monthly;
        row.forfeited += balance + credits.monthly - kept;
        balance = kept;
      } else {
        ++row.planned_spend;
        --balance;
      }
    }
    row.end_balance = balance;
    months.push_back(std::move(row));
  }
  return months;
}

std::vector<InvitationWeek> invitation_weeks(const ReportInput& input) {
  std::map<Date, InvitationWeek> weeks;
  const OutcomeStats by_week =
      outcome_stats(*input.events, StatsGrouping::week, StatsWindow{}, *input.rules);
  for (const OutcomeGroup& group : by_week.groups) {
    const std::optional<Date> monday = iso_week_monday(group.key);
    const std::int64_t sent = group.of(SendChannel::connect).sent;
    if (!monday || sent == 0) continue;
    weeks[*monday].sent += sent;
  }
  if (input.plan != nullptr)
    for (const auto& [monday, count] : input.plan->summary.invitations_per_week)
      if (count > 0) weeks[monday].planned += count;
  if (weeks.empty()) return {};
  // Every week from the first to the last, so that the gaps show; not over years of them.
  constexpr int most_weeks_filled = 156;
  const Date first = weeks.begin()->first;
  const Date last = weeks.rbegin()->first;
  if ((last - first).count() / 7 < most_weeks_filled)
    for (Date monday = first; monday < last; monday += date::days{7}) weeks[monday];
  std::vector<InvitationWeek> rows;
  for (auto& [monday, week] : weeks) {
    week.monday = monday;
    week.week = iso_week_name(monday);
    rows.push_back(week);
  }
  return rows;
}

std::vector<PlannedDay> plan_days(const PlanResult& plan, const date::time_zone* zone) {
  std::map<Date, PlannedDay> days;
  const auto add = [&days, zone](PlanChannel channel, date::sys_seconds at) {
    PlannedDay& day = days[local_date(at, zone)];
    if (channel == PlanChannel::connect) ++day.connect;
    if (channel == PlanChannel::message) ++day.message;
    if (channel == PlanChannel::inmail) ++day.inmail;
  };
  for (const PlannedProspect& row : plan.prospects) {
    if (row.send_at) add(row.channel, *row.send_at);
    for (const PlannedStep& step : row.followups)
      if (step.at) add(step.channel, *step.at);
  }
  std::vector<PlannedDay> rows;
  for (auto& [day, counts] : days) {
    if (counts.total() == 0) continue;
    counts.day = day;
    rows.push_back(counts);
  }
  return rows;
}

}  // namespace

ReportModel build_report(const ReportInput& input) {
  const Account& account = *input.account;
  const Rules& rules = *input.rules;
  ReportModel model;
  model.account = account.origin;
  model.ledger = input.ledger;
  model.as_of = input.as_of;
  model.zone = account.zone != nullptr ? std::string(account.zone->name()) : "UTC";
  model.weekly_invite_limit = account.weekly_invite_limit;
  model.by_channel = outcome_stats(*input.events, StatsGrouping::channel, StatsWindow{}, rules);
  model.by_variant = outcome_stats(*input.events, StatsGrouping::variant, StatsWindow{}, rules);
  if (account.plan_start) {
    model.credits = simulate_credits(account, *input.events, input.as_of, rules,
                                     input.ledger.empty() ? "ledger" : input.ledger);
    model.forecast = forecast_credits(input, *model.credits);
  } else {
    model.credits_missing = account.origin == "(no account)"
                                ? "no account: pass --account FILE with \"plan\" and \"plan_start\""
                                : "the account has no \"plan_start\": credits are not simulated";
  }
  model.invitations = invitation_weeks(input);
  if (input.plan != nullptr) {
    model.plan = input.plan->summary;
    model.plan_days = plan_days(*input.plan, account.zone);
  }
  return model;
}

}  // namespace outreach
