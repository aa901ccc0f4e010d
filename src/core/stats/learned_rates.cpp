// Forecasts that learn (SPEC §12): with enough settled sends of a channel in the ledger, the
// plan's expected ranges use the account's own rate instead of the rules' priors.
#include "outreach/stats.hpp"
#include "stats/attribution.hpp"

namespace outreach {
namespace {

// How long a send may go unanswered before it no longer counts as waiting.
int settle_days(SendChannel channel, const Rules& rules, const SequenceRules& sequence) {
  switch (channel) {
    case SendChannel::connect:
      return sequence.withdraw_after_days;
    case SendChannel::message:
      return sequence.followup_after_days;
    case SendChannel::inmail:
      return rules.refund_window_days;
  }
  return rules.refund_window_days;
}

}  // namespace

LearnedRates learned_rates(const std::vector<LedgerEvent>& events, Date start, const Rules& rules,
                           const SequenceRules& sequence) {
  std::int64_t settled[3] = {}, succeeded[3] = {};
  const stats::Attribution attribution = stats::attribute(events, rules.outcomes.attribution_days);
  for (const stats::AttributedSend& send : attribution.sends) {
    if (send.event->date > start) continue;
    const auto c = static_cast<std::size_t>(send.channel);
    // What came back after the start has not happened yet, as far as the plan knows.
    const std::optional<int> answered =
        send.channel == SendChannel::connect ? send.accepted_after : send.replied_after;
    const bool success = answered && (start - send.event->date).count() >= *answered;
    const bool failed = send.withdrawn || send.declined;
    const bool old =
        (start - send.event->date).count() >= settle_days(send.channel, rules, sequence);
    if (success) ++succeeded[c];
    if (success || failed || old) ++settled[c];
  }

  LearnedRates learned;
  learned.rates = rules.rates;
  Range* prior[3] = {&learned.rates.connect_acceptance_personalised, &learned.rates.message,
                     &learned.rates.inmail};
  for (std::size_t c = 0; c < 3; ++c) {
    RateSource& source = learned.sources[c];
    source.outcomes = settled[c];
    source.rate = *prior[c];
    if (settled[c] < rules.outcomes.learn_after_outcomes) continue;
    source.learned = true;
    source.rate = wilson_interval(succeeded[c], settled[c], rules.outcomes.confidence);
    *prior[c] = source.rate;
  }
  // The account's own InMail rate already holds how personal and how long its InMails are.
  if (learned.sources[static_cast<int>(SendChannel::inmail)].learned) {
    learned.rates.inmail_generic = learned.rates.inmail;
    learned.rates.inmail_personalised = learned.rates.inmail;
    learned.rates.short_inmail_multiplier = 1;
  }
  return learned;
}

}  // namespace outreach
