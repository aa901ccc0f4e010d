// Forecasts that learn (SPEC §12): the switch from the priors to the account's own rate at
// rules.outcomes.learn_after_outcomes settled sends of a channel.
#include <catch2/catch.hpp>

#include "outreach/stats.hpp"

using namespace outreach;

namespace {

Date day(const char* text) { return *parse_iso_date(text); }

const Date start = day("2026-06-01");

// `settled` invitations sent long enough before the start to have settled, `accepted` of them
// accepted; plus one sent yesterday, still waiting.
std::vector<LedgerEvent> invitations(int settled, int accepted) {
  std::vector<LedgerEvent> events;
  for (int i = 0; i < settled; ++i) {
    const std::string id = std::string("p-").append(std::to_string(i));
    events.push_back({start - date::days{40}, EventType::invite_sent, id, false, 0});
    if (i < accepted)
      events.push_back({start - date::days{38}, EventType::invite_accepted, id, false, 0});
  }
  events.push_back({start - date::days{1}, EventType::invite_sent, "waiting", false, 0});
  return events;
}

LearnedRates learned(const std::vector<LedgerEvent>& events) {
  return learned_rates(events, start, Rules::builtin(), Rules::builtin().sequence);
}

}  // namespace

TEST_CASE("29 settled invitations keep the prior; the 30th switches to the account's rate") {
  REQUIRE(Rules::builtin().outcomes.learn_after_outcomes == 30);
  const Range prior = Rules::builtin().rates.connect_acceptance_personalised;

  const LearnedRates before = learned(invitations(29, 15));
  const RateSource& connect29 = before.of(SendChannel::connect);
  CHECK_FALSE(connect29.learned);
  CHECK(connect29.outcomes == 29);
  CHECK(before.rates.connect_acceptance_personalised.low == prior.low);
  CHECK(before.rates.connect_acceptance_personalised.high == prior.high);

  const LearnedRates after = learned(invitations(30, 15));
  const RateSource& connect30 = after.of(SendChannel::connect);
  CHECK(connect30.learned);
  CHECK(connect30.outcomes == 30);  // the one sent yesterday has not settled
  const Range own = wilson_interval(15, 30, Rules::builtin().outcomes.confidence);
  CHECK(after.rates.connect_acceptance_personalised.low == own.low);
  CHECK(after.rates.connect_acceptance_personalised.high == own.high);
  // The other channels keep their priors.
  CHECK_FALSE(after.of(SendChannel::message).learned);
  CHECK(after.rates.message.low == Rules::builtin().rates.message.low);
}

TEST_CASE("a send settles when it is answered, refused or old enough") {
  const SequenceRules& sequence = Rules::builtin().sequence;
  std::vector<LedgerEvent> events;
  // Messages a day old: only the answered one has settled.
  events.push_back({start - date::days{1}, EventType::message_sent, "answered", false, 0});
  events.push_back({start, EventType::reply, "answered", false, 0});
  events.push_back({start - date::days{1}, EventType::message_sent, "fresh", false, 0});
  // A message exactly followup_after_days old has settled unanswered.
  events.push_back(
      {start - date::days{sequence.followup_after_days}, EventType::message_sent, "old", false, 0});
  // A declined InMail has settled; one sent last week has not.
  events.push_back({start - date::days{3}, EventType::inmail_sent, "declined", false, 0});
  events.push_back({start - date::days{2}, EventType::inmail_declined, "declined", false, 0});
  events.push_back({start - date::days{7}, EventType::inmail_sent, "pending", false, 0});
  // What happens after the start is unknown to a plan that starts then.
  events.push_back({start - date::days{1}, EventType::message_sent, "tomorrow", false, 0});
  events.push_back({start + date::days{1}, EventType::reply, "tomorrow", false, 0});
  const LearnedRates rates = learned(events);
  CHECK(rates.of(SendChannel::message).outcomes == 2);
  CHECK(rates.of(SendChannel::inmail).outcomes == 1);
}

TEST_CASE("a learned InMail rate replaces every InMail prior") {
  std::vector<LedgerEvent> events;
  for (int i = 0; i < 30; ++i) {
    const std::string id = std::string("p-").append(std::to_string(i));
    events.push_back({start - date::days{100}, EventType::inmail_sent, id, false, 0});
    if (i < 6) events.push_back({start - date::days{95}, EventType::reply, id, false, 0});
  }
  const LearnedRates rates = learned(events);
  REQUIRE(rates.of(SendChannel::inmail).learned);
  const Range own = wilson_interval(6, 30, Rules::builtin().outcomes.confidence);
  CHECK(rates.rates.inmail.low == own.low);
  CHECK(rates.rates.inmail_generic.high == own.high);
  CHECK(rates.rates.inmail_personalised.high == own.high);
  CHECK(rates.rates.short_inmail_multiplier == 1.0);
}
