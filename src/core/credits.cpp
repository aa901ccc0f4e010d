#include "outreach/credits.hpp"

#include <algorithm>
#include <functional>
#include <limits>
#include <unordered_map>

#include <fmt/format.h>

#include "outreach/error.hpp"
#include "outreach/text.hpp"

namespace outreach {
namespace {

// Months since year 0, so that calendar months can index the report's rows.
int month_index(Date day) {
  const date::year_month_day ymd{day};
  return static_cast<int>(ymd.year()) * 12 + static_cast<int>(static_cast<unsigned>(ymd.month())) -
         1;
}

std::string month_name(int index) { return fmt::format("{:04}-{:02}", index / 12, index % 12 + 1); }

// Where an event comes from, for an error that names it ("ledger.ndjson:7").
using EventPlace = std::function<std::string(const LedgerEvent&)>;

// A sent InMail as the simulation tracks it, for refunds, declines and pending refunds.
struct SentInMail {
  const LedgerEvent* event = nullptr;
  int cost = 0;  // what it cost; only an InMail that cost something can be refunded
  bool refunded = false;
  bool declined = false;
};

// The state of SPEC §2's simulation. Before the opening balance's date (`counted_from`) events
// only change which InMails are refunded, declined or pending: their effect on the balance is
// already in the opening balance.
class Simulation {
 public:
  Simulation(const PlanRules& plan, const Rules& rules, CreditReport& report, int first_month,
             std::optional<Date> counted_from, const EventPlace& place)
      : plan_(plan),
        rules_(rules),
        report_(report),
        first_month_(first_month),
        counted_from_(counted_from),
        place_(place) {}

  void grant(Date day) {
    const int before = report_.balance;
    // A balance already over the cap (refunds are added without it) falls back to the cap too.
    report_.balance = std::min(before + plan_.monthly_credits, plan_.cap);
    const int forfeited = before + plan_.monthly_credits - report_.balance;
    report_.granted += plan_.monthly_credits;
    report_.forfeited += forfeited;
    row(day).granted += plan_.monthly_credits;
    row(day).forfeited += forfeited;
  }

  void apply(const LedgerEvent& event) {
    switch (event.type) {
      case EventType::inmail_sent:
        send(event);
        break;
      case EventType::reply:
        reply(event);
        break;
      case EventType::inmail_declined:
        decline(event);
        break;
      case EventType::invite_sent:
      case EventType::invite_accepted:
      case EventType::invite_withdrawn:
      case EventType::message_sent:
        break;
    }
  }

  std::vector<PendingRefund> pending(Date as_of) const {
    std::vector<PendingRefund> out;
    for (const SentInMail& inmail : sent_) {
      const Date expires = inmail.event->date + date::days{rules_.refund_window_days};
      if (inmail.cost > 0 && !inmail.refunded && !inmail.declined && as_of <= expires)
        out.push_back({inmail.event->prospect, inmail.event->date, expires, inmail.cost});
    }
    return out;
  }

 private:
  bool counted(const LedgerEvent& event) const {
    return !counted_from_ || event.date >= *counted_from_;
  }

  CreditMonth& row(Date day) {
    const int index = std::max(0, month_index(day) - first_month_);
    return report_.months[static_cast<std::size_t>(index)];
  }

  void send(const LedgerEvent& event) {
    const ChannelRules& inmail = rules_.channel("inmail");
    const int cost = event.free ? inmail.open_profile_credit_cost : inmail.credit_cost;
    if (counted(event)) {
      if (report_.balance < cost) {
        const std::string place = place_(event);
        throw InputError(fmt::format(
            "{}: inmail_sent to {} on {} needs a credit but the balance is {} (an InMail to an "
            "Open Profile is free: mark it \"free\": true)",
            place, quoted_printable(event.prospect, event.prospect.size()), format_date(event.date),
            report_.balance));
      }
      report_.balance -= cost;
      report_.spent += cost;
      row(event.date).spent += cost;
    }
    by_prospect_[event.prospect].push_back(sent_.size());
    sent_.push_back({&event, cost});
  }

  // The earliest InMail to the prospect that cost a credit, is still open, was sent on or
  // before `day` and, when `within_window`, is still inside its refund window on `day`.
  SentInMail* earliest_open(const LedgerEvent& event, bool within_window) {
    const auto found = by_prospect_.find(event.prospect);
    if (found == by_prospect_.end()) return nullptr;
    for (const std::size_t index : found->second) {
      SentInMail& inmail = sent_[index];
      if (inmail.cost == 0 || inmail.refunded || inmail.declined || inmail.event->date > event.date)
        continue;
      if (within_window && event.date > inmail.event->date + date::days{rules_.refund_window_days})
        continue;
      return &inmail;
    }
    return nullptr;
  }

  void refund(const LedgerEvent& event, const SentInMail& inmail) {
    if (!counted(event)) return;
    report_.balance += inmail.cost;
    report_.refunded += inmail.cost;
    row(event.date).refunded += inmail.cost;
  }

  void reply(const LedgerEvent& event) {
    if (SentInMail* inmail = earliest_open(event, true)) {
      inmail->refunded = true;
      refund(event, *inmail);
    }
  }

  void decline(const LedgerEvent& event) {
    SentInMail* inmail = earliest_open(event, false);
    if (inmail == nullptr) return;
    inmail->declined = true;
    // One LinkedIn help page says a declined InMail is refunded; the rules data decides. Even
    // then only inside the refund window, like a reply.
    if (rules_.declined_inmail_refunded &&
        event.date <= inmail->event->date + date::days{rules_.refund_window_days})
      refund(event, *inmail);
  }

  const PlanRules& plan_;
  const Rules& rules_;
  CreditReport& report_;
  int first_month_;
  std::optional<Date> counted_from_;
  const EventPlace& place_;
  std::vector<SentInMail> sent_;
  std::unordered_map<std::string, std::vector<std::size_t>> by_prospect_;
};

// The grant of month `k` after the plan start's month (k = 0: that month), or none when a fixed
// grant day falls before the plan's start in that month.
std::optional<Date> grant_in_month(Date plan_start, int k, int grant_day) {
  if (grant_day == 0) return add_months_clamped(plan_start, k);
  const date::year_month_day start{plan_start};
  const date::year_month month = start.year() / start.month() + date::months{k};
  const Date grant{month / date::day{static_cast<unsigned>(grant_day)}};
  if (grant < plan_start) return std::nullopt;
  return grant;
}

}  // namespace

std::vector<Date> grant_dates_between(Date plan_start, Date after, Date until, int grant_day) {
  std::vector<Date> dates;
  // Grants in months before `after`'s are all on or before it: start one month earlier.
  for (int k = std::max(0, month_index(after) - month_index(plan_start) - 1);; ++k) {
    const std::optional<Date> grant = grant_in_month(plan_start, k, grant_day);
    if (!grant) continue;
    if (*grant > until) break;
    if (*grant > after) dates.push_back(*grant);
  }
  return dates;
}

std::string forfeits_ahead_message(int credits, Date grant) {
  return fmt::format("{} credit{} will be forfeited on {} unless spent", credits,
                     credits == 1 ? "" : "s", format_date(grant));
}

Date next_grant_after(Date plan_start, Date day, int grant_day) {
  for (int k = std::max(0, month_index(day) - month_index(plan_start));; ++k) {
    const std::optional<Date> grant = grant_in_month(plan_start, k, grant_day);
    if (grant && *grant > day) return *grant;
  }
}

namespace {

CreditReport simulate(const Account& account, const std::vector<LedgerEvent>& events, Date as_of,
                      const Rules& rules, const EventPlace& place) {
  if (!account.plan_start)
    throw InputError(fmt::format(
        "{}: plan_start: missing key; credits need the date the plan started", account.origin));
  const Date plan_start = *account.plan_start;
  const PlanRules& plan = rules.plan_named(account.plan, account.origin + ": plan");
  if (account.opening && as_of < account.opening->as_of)
    throw InputError(
        fmt::format("as-of date {} is before the opening balance's date {} ({}: credits.as_of): "
                    "nothing is known then",
                    format_date(as_of), format_date(account.opening->as_of), account.origin));

  CreditReport report;
  report.plan = plan.id;
  report.as_of = as_of;
  report.cap = plan.cap;
  report.monthly = plan.monthly_credits;
  if (account.opening) report.opening = report.balance = account.opening->balance;

  const Date start = account.opening ? account.opening->as_of : plan_start;
  const int first_month = month_index(std::min(start, as_of));
  for (int month = first_month; month <= month_index(as_of); ++month)
    report.months.push_back(CreditMonth{month_name(month)});

  // Events by date, a date's events in file order; later ones do not count yet.
  std::vector<const LedgerEvent*> ordered;
  for (const LedgerEvent& event : events)
    if (event.date <= as_of) ordered.push_back(&event);
  std::stable_sort(ordered.begin(), ordered.end(),
                   [](const LedgerEvent* a, const LedgerEvent* b) { return a->date < b->date; });

  // With an opening balance only grants strictly after its date apply; without one, every
  // grant from the plan's start date on.
  const Date grants_after = account.opening ? account.opening->as_of : plan_start - date::days{1};
  const std::vector<Date> grants =
      grant_dates_between(plan_start, grants_after, as_of, plan.grant_day);

  // Rules data may set a plan's credits as high as a billion: make sure no total can leave int.
  const ChannelRules& inmail = rules.channel("inmail");
  const long double largest = static_cast<long double>(report.opening) +
                              static_cast<long double>(grants.size()) * plan.monthly_credits +
                              static_cast<long double>(events.size()) *
                                  std::max(inmail.credit_cost, inmail.open_profile_credit_cost);
  if (largest > static_cast<long double>(std::numeric_limits<int>::max()))
    throw InputError(fmt::format(
        "{}: plan: {} credits a month from {} to {} are more than can be counted", account.origin,
        plan.monthly_credits, format_date(plan_start), format_date(as_of)));

  Simulation simulation(
      plan, rules, report, first_month,
      account.opening ? std::optional<Date>(account.opening->as_of) : std::nullopt, place);
  std::size_t next_grant = 0;
  for (const LedgerEvent* event : ordered) {
    // A date's grant comes before that date's events.
    while (next_grant < grants.size() && grants[next_grant] <= event->date)
      simulation.grant(grants[next_grant++]);
    simulation.apply(*event);
  }
  while (next_grant < grants.size()) simulation.grant(grants[next_grant++]);

  int balance = report.opening;
  for (CreditMonth& month : report.months) {
    balance += month.granted - month.forfeited - month.spent + month.refunded;
    month.end_balance = balance;
  }
  report.pending = simulation.pending(as_of);
  report.next_grant_date = next_grant_after(plan_start, as_of, plan.grant_day);
  report.next_grant_credits =
      std::max(0, std::min(report.balance + plan.monthly_credits, plan.cap) - report.balance);
  // The grant sets the balance to min(balance + monthly, cap): what is over the cap is lost.
  report.next_grant_forfeits = std::max(0, report.balance + plan.monthly_credits - plan.cap);
  return report;
}

}  // namespace

CreditReport simulate_credits(const Account& account, const std::vector<LedgerEvent>& events,
                              Date as_of, const Rules& rules, const std::string& ledger_origin) {
  return simulate(account, events, as_of, rules, [&](const LedgerEvent& event) {
    return event.line > 0 ? fmt::format("{}:{}", ledger_origin, event.line) : ledger_origin;
  });
}

void check_events_against_account(const Account& account, const Rules& rules,
                                  const std::vector<LedgerEvent>& ledger,
                                  const std::string& ledger_origin,
                                  const std::vector<LedgerEvent>& additions,
                                  const std::string& additions_origin) {
  // Without a plan start there is no simulation to keep consistent (`credits` needs one).
  if (!account.plan_start || additions.empty()) return;
  std::vector<LedgerEvent> all;
  all.reserve(ledger.size() + additions.size());
  all.insert(all.end(), ledger.begin(), ledger.end());
  all.insert(all.end(), additions.begin(), additions.end());
  const LedgerEvent* first_addition = all.data() + ledger.size();
  Date last = all.front().date;
  for (const LedgerEvent& event : all) last = std::max(last, event.date);
  if (account.opening) last = std::max(last, account.opening->as_of);
  try {
    (void)simulate(account, all, last, rules, [&](const LedgerEvent& event) {
      const bool added = &event >= first_addition;
      const std::string& origin = added ? additions_origin : ledger_origin;
      return event.line > 0 ? fmt::format("{}:{}", origin, event.line) : origin;
    });
  } catch (const InputError& e) {
    throw InputError(fmt::format("{}; nothing was appended", e.what()));
  }
}

}  // namespace outreach
