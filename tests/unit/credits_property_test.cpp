// Randomised check of SPEC §2 over generated ledgers (fixed seeds, so every run is the same):
// the totals identity of §2.9 holds month by month, and the simulation agrees with a naive
// day-by-day reference model written straight from the spec's words — for grants on the plan's
// start day and on a fixed grant_day (SPEC §11) alike.
#include <algorithm>
#include <cstdint>
#include <map>
#include <random>

#include <catch2/catch.hpp>

#include "ledger_fixtures.hpp"
#include "outreach/credits.hpp"
#include "outreach/error.hpp"

using namespace outreach;

namespace {

// std::mt19937's output is specified by the standard; the distributions are not, so map the
// raw numbers ourselves to keep the generated ledgers identical everywhere.
struct Random {
  std::mt19937 engine;
  explicit Random(std::uint32_t seed) : engine(seed) {}
  int below(int n) { return static_cast<int>(engine() % static_cast<std::uint32_t>(n)); }
  bool chance(int percent) { return below(100) < percent; }
};

struct Reference {
  int balance = 0, granted = 0, forfeited = 0, spent = 0, refunded = 0;
  std::size_t pending = 0;
  std::optional<std::size_t> overdraft_line;
};

bool is_grant_day(Date plan_start, int grant_day, Date d) {
  const date::year_month_day a{plan_start}, b{d};
  // A fixed grant day (SPEC §11): that day of every month, from the plan's start on.
  if (grant_day != 0)
    return d >= plan_start && static_cast<unsigned>(b.day()) == unsigned(grant_day);
  const int months = (static_cast<int>(b.year()) - static_cast<int>(a.year())) * 12 +
                     static_cast<int>(static_cast<unsigned>(b.month())) -
                     static_cast<int>(static_cast<unsigned>(a.month()));
  return months >= 0 && add_months_clamped(plan_start, months) == d;
}

// SPEC §2 read literally, one day at a time. With `repair`, a paid InMail that would overdraw
// becomes free in `ledger` (so that the generator produces consistent ledgers).
Reference reference(const Account& account, std::vector<LedgerEvent>& ledger, Date as_of,
                    const Rules& rules, bool repair) {
  const PlanRules& plan = rules.plans.at(account.plan);
  const int window = rules.refund_window_days;
  Reference r;
  const bool has_opening = account.opening.has_value();
  const Date opening = has_opening ? account.opening->as_of : Date{};
  if (account.opening) r.balance = account.opening->balance;
  struct Sent {
    std::string prospect;
    Date sent;
    bool closed = false;
  };
  std::vector<Sent> sent;  // paid InMails in the order they were sent
  Date first = *account.plan_start;
  for (const LedgerEvent& e : ledger) first = std::min(first, e.date);
  for (Date d = first; d <= as_of; d += date::days{1}) {
    const bool counted = !has_opening || d >= opening;
    if (d >= *account.plan_start && is_grant_day(*account.plan_start, plan.grant_day, d) &&
        (!has_opening || d > opening)) {
      const int after = std::min(r.balance + plan.monthly_credits, plan.cap);
      r.granted += plan.monthly_credits;
      r.forfeited += r.balance + plan.monthly_credits - after;
      r.balance = after;
    }
    for (LedgerEvent& e : ledger) {
      if (e.date != d) continue;
      if (e.type == EventType::inmail_sent && !e.free) {
        if (counted && r.balance == 0) {
          if (!repair) {
            if (!r.overdraft_line) r.overdraft_line = e.line;
            return r;
          }
          e.free = true;
          continue;
        }
        if (counted) {
          --r.balance;
          ++r.spent;
        }
        sent.push_back({e.prospect, d});
      } else if (e.type == EventType::reply || e.type == EventType::inmail_declined) {
        for (Sent& s : sent) {
          if (s.prospect != e.prospect || s.closed) continue;
          if (e.type == EventType::reply && d > s.sent + date::days{window}) continue;
          s.closed = true;
          if (e.type == EventType::reply && counted) {
            ++r.balance;
            ++r.refunded;
          }
          break;
        }
      }
    }
  }
  for (const Sent& s : sent)
    if (!s.closed && as_of <= s.sent + date::days{window}) ++r.pending;
  return r;
}

struct Case {
  Rules rules = Rules::builtin();
  Account account;
  std::vector<LedgerEvent> ledger;
  Date as_of;
};

Case generate(Random& random) {
  static const std::vector<std::string> plans = {"premium-career", "premium-business",
                                                 "sales-navigator-core", "recruiter-lite", "free"};
  static const std::vector<EventType> types = {EventType::inmail_sent, EventType::inmail_sent,
                                               EventType::inmail_sent, EventType::reply,
                                               EventType::reply,       EventType::inmail_declined,
                                               EventType::invite_sent, EventType::message_sent};
  Case c;
  c.account = testing::account(
      plans[static_cast<std::size_t>(random.below(static_cast<int>(plans.size())))], "2027-01-01");
  // Start days near the month's end and leap years are where the calendar bites.
  const Date start = testing::day("2027-01-01") + date::days{random.below(2 * 366)};
  c.account.plan_start = random.chance(50)
                             ? add_months_clamped(testing::day("2027-01-29"), random.below(24)) +
                                   date::days{random.below(3)}
                             : start;
  const Date plan_start = *c.account.plan_start;
  // Half the plans grant on a fixed day of the month (SPEC §11's grant_day), the 1st most often.
  if (random.chance(50))
    c.rules.plans.at(c.account.plan).grant_day = random.chance(50) ? 1 : 1 + random.below(28);
  if (random.chance(35)) {
    const int cap = Rules::builtin().plans.at(c.account.plan).cap;
    c.account.opening =
        OpeningBalance{random.below(cap + 20), plan_start + date::days{random.below(200) - 30}};
  }
  const int count = random.below(120);
  const int prospects = 1 + random.below(10);
  for (int i = 0; i < count; ++i) {
    LedgerEvent e;
    e.date = plan_start + date::days{random.below(400) - 40};
    e.type = types[static_cast<std::size_t>(random.below(static_cast<int>(types.size())))];
    e.prospect = "p-" + std::to_string(random.below(prospects));
    e.free = e.type == EventType::inmail_sent && random.chance(20);
    e.line = static_cast<std::size_t>(i + 1);
    c.ledger.push_back(e);
  }
  const Date earliest = c.account.opening ? c.account.opening->as_of : plan_start - date::days{20};
  c.as_of = earliest + date::days{random.below(450)};
  return c;
}

}  // namespace

TEST_CASE("property: the totals identity holds and the simulation matches a day-by-day model",
          "[credits][property]") {
  int overdrafts_seen = 0;
  int fixed_grant_days_seen = 0;
  for (std::uint32_t seed = 1; seed <= 400; ++seed) {
    Random random(seed);
    Case c = generate(random);
    INFO("seed " << seed);
    if (c.rules.plans.at(c.account.plan).grant_day != 0) ++fixed_grant_days_seen;

    // The raw ledger: an overdraft is an InputError naming the same line as the reference.
    std::vector<LedgerEvent> raw = c.ledger;
    const Reference raw_reference = reference(c.account, raw, c.as_of, c.rules, false);
    if (raw_reference.overdraft_line) {
      ++overdrafts_seen;
      CHECK_THROWS_WITH(simulate_credits(c.account, c.ledger, c.as_of, c.rules, "L"),
                        Catch::StartsWith("L:" + std::to_string(*raw_reference.overdraft_line) +
                                          ": inmail_sent"));
    }

    // repairs c.ledger
    const Reference expected = reference(c.account, c.ledger, c.as_of, c.rules, true);
    const CreditReport r = simulate_credits(c.account, c.ledger, c.as_of, c.rules, "L");
    CHECK(r.balance == expected.balance);
    CHECK(r.granted == expected.granted);
    CHECK(r.forfeited == expected.forfeited);
    CHECK(r.spent == expected.spent);
    CHECK(r.refunded == expected.refunded);
    CHECK(r.pending.size() == expected.pending);
    CHECK(r.balance >= 0);
    CHECK(r.balance == r.opening + r.granted - r.forfeited - r.spent + r.refunded);
    int balance = r.opening;
    for (const CreditMonth& m : r.months) {
      balance += m.granted - m.forfeited - m.spent + m.refunded;
      CHECK(m.end_balance == balance);
    }
    REQUIRE_FALSE(r.months.empty());
    CHECK(r.months.back().end_balance == r.balance);
  }
  CHECK(overdrafts_seen > 20);  // the generator does reach the overdraft path
  CHECK(fixed_grant_days_seen > 100);
}
