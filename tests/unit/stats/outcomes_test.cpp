// The attribution rule of SPEC §12 and what `outreach stats` counts with it.
#include <catch2/catch.hpp>

#include "outreach/stats.hpp"

using namespace outreach;

namespace {

Date day(const char* text) { return *parse_iso_date(text); }

struct LedgerBuilder {
  std::vector<LedgerEvent> events;
  LedgerBuilder& add(const char* date, EventType type, const char* prospect,
                     std::string template_name = "", bool free = false) {
    LedgerEvent event{day(date), type, prospect, free, events.size() + 1};
    event.template_name = std::move(template_name);
    events.push_back(std::move(event));
    return *this;
  }
};

const OutcomeGroup& group(const OutcomeStats& stats, const std::string& key) {
  for (const OutcomeGroup& g : stats.groups)
    if (g.key == key) return g;
  FAIL("no group " << key);
  throw;
}

OutcomeStats by(const LedgerBuilder& ledger, StatsGrouping grouping = StatsGrouping::channel,
                StatsWindow window = {}) {
  return outcome_stats(ledger.events, grouping, window, Rules::builtin());
}

}  // namespace

TEST_CASE("a reply counts for the latest send to the prospect before it") {
  LedgerBuilder ledger;
  ledger.add("2026-03-02", EventType::invite_sent, "a")
      .add("2026-03-04", EventType::invite_accepted, "a")
      .add("2026-03-05", EventType::message_sent, "a")
      .add("2026-03-07", EventType::reply, "a");
  const OutcomeStats stats = by(ledger);
  const ChannelOutcomes& connect = group(stats, "connect").of(SendChannel::connect);
  CHECK(connect.sent == 1);
  CHECK(connect.accepted == 1);
  CHECK(connect.days_to_accept == std::vector<int>{2});
  CHECK(connect.replies == 0);
  const ChannelOutcomes& message = group(stats, "message").of(SendChannel::message);
  CHECK(message.sent == 1);
  CHECK(message.replies == 1);
  CHECK(message.days_to_reply == std::vector<int>{2});
  CHECK(stats.unattributed_replies == 0);
}

TEST_CASE("a reply counts only within the attribution window, and once") {
  const int window = Rules::builtin().outcomes.attribution_days;
  REQUIRE(window == 90);
  LedgerBuilder ledger;
  ledger.add("2026-01-01", EventType::message_sent, "in-time")
      .add("2026-04-01", EventType::reply, "in-time")  // 90 days later
      .add("2026-04-02", EventType::reply, "in-time")  // the same conversation
      .add("2026-01-01", EventType::message_sent, "late")
      .add("2026-04-02", EventType::reply, "late")  // 91 days later
      .add("2026-01-05", EventType::reply, "never-written");
  const OutcomeStats stats = by(ledger);
  const ChannelOutcomes& message = group(stats, "message").of(SendChannel::message);
  CHECK(message.sent == 2);
  CHECK(message.replies == 1);
  CHECK(message.days_to_reply == std::vector<int>{90});
  CHECK(stats.unattributed_replies == 2);
}

TEST_CASE("a follow-up is a message after an unanswered one") {
  LedgerBuilder ledger;
  ledger.add("2026-03-02", EventType::message_sent, "a")
      .add("2026-03-09", EventType::message_sent, "a")
      .add("2026-03-10", EventType::reply, "a")
      .add("2026-03-20", EventType::message_sent, "a");  // after a reply: a new message
  const OutcomeStats stats = by(ledger);                 // kept: the groups live in it
  const ChannelOutcomes& message = group(stats, "message").of(SendChannel::message);
  CHECK(message.sent == 3);
  CHECK(message.follow_ups == 1);
  CHECK(message.replies == 1);
}

TEST_CASE("InMails: paid and free, declines, and the credits that came back") {
  LedgerBuilder ledger;
  ledger.add("2026-01-01", EventType::inmail_sent, "replied")
      .add("2026-01-11", EventType::reply, "replied")
      .add("2026-01-01", EventType::inmail_sent, "declined")
      .add("2026-01-02", EventType::inmail_declined, "declined")
      .add("2026-01-01", EventType::inmail_sent, "open", "", /*free=*/true)
      .add("2026-01-03", EventType::reply, "open")
      .add("2026-01-01", EventType::inmail_sent, "silent");
  const OutcomeStats stats = by(ledger);  // kept: the groups live in it
  const ChannelOutcomes& inmail = group(stats, "inmail").of(SendChannel::inmail);
  CHECK(inmail.sent == 4);
  CHECK(inmail.paid == 3);
  CHECK(inmail.free == 1);
  CHECK(inmail.replies == 2);
  CHECK(inmail.declined == 1);
  // Only the paid InMail that was answered gives a credit back: the free one spent none, and
  // the article says a decline returns nothing.
  CHECK(inmail.refunded == 1);
}

TEST_CASE("acceptances and withdrawals answer the pending invitation") {
  LedgerBuilder ledger;
  ledger.add("2026-03-02", EventType::invite_sent, "a")
      .add("2026-03-23", EventType::invite_withdrawn, "a")
      .add("2026-05-01", EventType::invite_sent, "a")
      .add("2026-05-03", EventType::invite_accepted, "a")
      .add("2026-05-04", EventType::invite_accepted, "a");  // nothing pending: counts for nothing
  const OutcomeStats stats = by(ledger);                    // kept: the groups live in it
  const ChannelOutcomes& connect = group(stats, "connect").of(SendChannel::connect);
  CHECK(connect.sent == 2);
  CHECK(connect.withdrawn == 1);
  CHECK(connect.accepted == 1);
  CHECK(connect.days_to_accept == std::vector<int>{2});
}

TEST_CASE("the window picks the sends; what came back to them counts whenever it came") {
  LedgerBuilder ledger;
  ledger.add("2026-02-27", EventType::message_sent, "before")
      .add("2026-03-02", EventType::message_sent, "inside")
      .add("2026-04-10", EventType::reply, "inside")
      // A reply inside the window to a send before it answers that send, not a later one.
      .add("2026-03-03", EventType::reply, "before");
  const OutcomeStats stats =
      by(ledger, StatsGrouping::channel, StatsWindow{day("2026-03-01"), day("2026-03-31")});
  const ChannelOutcomes& message = group(stats, "message").of(SendChannel::message);
  CHECK(message.sent == 1);
  CHECK(message.replies == 1);
  CHECK(stats.unattributed_replies == 0);
}

TEST_CASE("groups by variant, week and reason") {
  LedgerBuilder ledger;
  ledger.add("2025-12-29", EventType::invite_sent, "a", "short")
      .add("2026-01-04", EventType::invite_sent, "b", "question")
      .add("2026-01-05", EventType::invite_sent, "c")
      .add("2026-01-05", EventType::message_sent, "d", "direct");
  ledger.events[0].reason = "free-path";

  const OutcomeStats variants = by(ledger, StatsGrouping::variant);
  std::vector<std::string> keys;
  for (const OutcomeGroup& g : variants.groups) keys.push_back(g.key);
  CHECK(keys ==
        std::vector<std::string>{"connect", "connect/question", "connect/short", "message/direct"});

  // ISO weeks: Monday 2025-12-29 to Sunday 2026-01-04 is 2026's first (it holds 1 January).
  const OutcomeStats weeks = by(ledger, StatsGrouping::week);
  REQUIRE(weeks.groups.size() == 2);
  CHECK(weeks.groups[0].key == "2026-W01");
  CHECK(weeks.groups[0].of(SendChannel::connect).sent == 2);
  CHECK(weeks.groups[1].key == "2026-W02");
  CHECK(weeks.groups[1].of(SendChannel::message).sent == 1);

  const OutcomeStats reasons = by(ledger, StatsGrouping::reason);
  REQUIRE(reasons.groups.size() == 2);
  CHECK(reasons.groups[0].key.empty());
  CHECK(reasons.groups[1].key == "free-path");
}

TEST_CASE("two variants of a channel are compared, the better first") {
  LedgerBuilder ledger;
  // question: 6 of 10 accepted; short: 1 of 10.
  for (int i = 0; i < 10; ++i) {
    const std::string q = std::string("q").append(std::to_string(i));
    const std::string s = std::string("s").append(std::to_string(i));
    ledger.add("2026-03-02", EventType::invite_sent, s.c_str(), "short");
    ledger.add("2026-03-02", EventType::invite_sent, q.c_str(), "question");
    if (i < 6) ledger.add("2026-03-04", EventType::invite_accepted, q.c_str());
    if (i < 1) ledger.add("2026-03-04", EventType::invite_accepted, s.c_str());
  }
  const OutcomeStats stats = by(ledger, StatsGrouping::variant);
  REQUIRE(stats.comparisons.size() == 1);
  const VariantComparison& c = stats.comparisons[0];
  CHECK(c.channel == SendChannel::connect);
  CHECK(c.first == "question");
  CHECK(c.second == "short");
  CHECK(c.first_rate.successes == 6);
  CHECK(c.second_rate.successes == 1);
  // pooled 0.35: z = 0.5 / sqrt(0.35·0.65·0.2) = 2.344036, p = 0.019076.
  CHECK(c.test.z == Catch::Detail::Approx(2.344036).epsilon(1e-5));
  CHECK(c.test.p_value == Catch::Detail::Approx(0.019076).epsilon(1e-3));
  CHECK(c.significant);
}

TEST_CASE("a variant comparison is not made with the grouping by channel") {
  LedgerBuilder ledger;
  ledger.add("2026-03-02", EventType::invite_sent, "a", "short")
      .add("2026-03-02", EventType::invite_sent, "b", "question");
  CHECK(by(ledger).comparisons.empty());
  CHECK(by(ledger, StatsGrouping::variant).comparisons.size() == 1);
}
