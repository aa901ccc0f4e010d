#pragma once
/// What the ledger says worked (SPEC §12): sends and what came back to each, per channel,
/// template variant, week or reason, as counts and rates with honest intervals; and the
/// statistics behind them, small functions of their own.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "outreach/calendar.hpp"
#include "outreach/ledger.hpp"
#include "outreach/rules.hpp"

namespace outreach {

// --- Statistics --------------------------------------------------------------------------

/// The standard normal distribution's cumulative probability at x.
double normal_cdf(double x);
/// z such that a standard normal value lies in [-z, z] with probability `confidence`
/// (1.959964 for 0.95).
double two_sided_normal_quantile(double confidence);

/// The Wilson score interval of `successes` out of `trials` at `confidence`: never outside
/// [0, 1], honest at 0 and at n successes, where the plain p ± z·se is not. {0, 0} when there
/// are no trials.
Range wilson_interval(std::int64_t successes, std::int64_t trials, double confidence);

/// A share with its interval.
struct Rate {
  std::int64_t successes = 0;
  std::int64_t trials = 0;
  Range interval;  ///< Wilson, at the rules' confidence

  /// successes / trials; 0 without trials.
  double value() const;
};
Rate rate_of(std::int64_t successes, std::int64_t trials, double confidence);

/// A two-sided pooled two-proportion z test of a = b.
struct ProportionTest {
  double z = 0;
  double p_value = 1;  ///< 1 when either side has no trials or the pooled share is 0 or 1
};
ProportionTest two_proportion_test(const Rate& a, const Rate& b);

/// The median of `values` (the mean of the middle two for an even count); none for no values.
std::optional<double> median_of(std::vector<int> values);

// --- Outcomes ----------------------------------------------------------------------------

/// The channel a send went by: "connect", "message", "inmail".
enum class SendChannel : std::uint8_t { connect, message, inmail };
std::string_view send_channel_name(SendChannel channel);
/// The channel of a send event (is_send); message for anything else.
SendChannel channel_of(EventType type);

/// What came back to the sends of one channel in one group.
struct ChannelOutcomes {
  std::int64_t sent = 0;
  std::int64_t follow_ups = 0;  ///< message: sends after an unanswered message (part of `sent`)
  std::int64_t paid = 0;        ///< inmail: spent a credit
  std::int64_t free = 0;        ///< inmail: to an Open Profile
  std::int64_t accepted = 0;    ///< connect
  std::int64_t withdrawn = 0;   ///< connect
  std::int64_t replies = 0;     ///< replies counted for these sends (the attribution rule)
  std::int64_t declined = 0;    ///< inmail
  std::int64_t refunded = 0;    ///< inmail: credits that came back (a reply inside the window)
  std::vector<int> days_to_accept;
  std::vector<int> days_to_reply;

  /// The share that succeeded: accepted for connect, replies for the others.
  std::int64_t successes(SendChannel channel) const;
};

/// The sends of one group and what came back to them.
struct OutcomeGroup {
  std::string key;  ///< "connect", "connect/short", "2026-W36", "free-path"; "" for none
  ChannelOutcomes channels[3];  ///< by SendChannel

  ChannelOutcomes& of(SendChannel channel) { return channels[static_cast<int>(channel)]; }
  const ChannelOutcomes& of(SendChannel channel) const {
    return channels[static_cast<int>(channel)];
  }
};

enum class StatsGrouping : std::uint8_t { channel, variant, week, reason };
std::string_view stats_grouping_name(StatsGrouping grouping);
std::optional<StatsGrouping> parse_stats_grouping(std::string_view name);
const std::vector<std::string>& stats_grouping_names();

/// "2026-W36": the ISO week (Monday to Sunday; week 1 holds the first Thursday) a day falls in,
/// as the week grouping names it.
std::string iso_week_name(Date day);
/// The Monday of a week named as iso_week_name names it; none for any other text.
std::optional<Date> iso_week_monday(std::string_view name);

/// Which sends count: those dated from `from` to `to` (either open), with whatever came back
/// to them, whenever it came.
struct StatsWindow {
  std::optional<Date> from;
  std::optional<Date> to;
};

/// Two variants of one channel compared by their success rates.
struct VariantComparison {
  SendChannel channel = SendChannel::connect;
  std::string first, second;  ///< the variant with the higher rate first
  Rate first_rate, second_rate;
  ProportionTest test;
  bool significant = false;  ///< p below the rules' significance
};

struct OutcomeStats {
  StatsGrouping grouping = StatsGrouping::channel;
  StatsWindow window;
  std::int64_t events = 0;                ///< ledger events read
  std::int64_t unattributed_replies = 0;  ///< replies with no send before them in the window
  /// By key. For channel, one group a channel that was sent; for variant, "channel/variant" (or
  /// "channel" for the sends without one); for week, ISO weeks "2026-W36" of the send.
  std::vector<OutcomeGroup> groups;
  std::vector<VariantComparison> comparisons;  ///< variant grouping only: each pair of a channel
  OutcomeRules rules;
};

/// Reads the ledger's outcomes (SPEC §12). A reply counts for the latest send to that prospect
/// before it, within rules.outcomes.attribution_days, once; an acceptance or a withdrawal for the
/// latest invitation, a decline for the latest InMail. A paid InMail's credit comes back with a
/// reply inside rules.refund_window_days (and with a decline when the rules say so). Events on
/// one day are taken in file order.
OutcomeStats outcome_stats(const std::vector<LedgerEvent>& events, StatsGrouping grouping,
                           const StatsWindow& window, const Rules& rules);

// --- Learned rates -----------------------------------------------------------------------

/// Where a forecast's rate came from.
struct RateSource {
  bool learned = false;       ///< the account's own history, not the rules' prior
  std::int64_t outcomes = 0;  ///< the channel's settled sends in the ledger
  Range rate;                 ///< the rate used
};

/// What the forecast of each channel uses.
struct LearnedRates {
  ResponseRates rates;    ///< the priors, with a learned channel's rates replaced
  RateSource sources[3];  ///< by SendChannel

  const RateSource& of(SendChannel channel) const { return sources[static_cast<int>(channel)]; }
};

/// The rates a plan starting on `start` forecasts with. A send's outcome is settled once it
/// succeeded (accepted; replied), failed (withdrawn; declined) or is old enough that it no
/// longer will: an invitation past sequence.withdraw_after_days, a message past
/// sequence.followup_after_days, an InMail past the refund window. With at least
/// rules.outcomes.learn_after_outcomes settled sends, a channel's range is the Wilson interval
/// of its own successes among them; the priors otherwise.
LearnedRates learned_rates(const std::vector<LedgerEvent>& events, Date start, const Rules& rules,
                           const SequenceRules& sequence);

}  // namespace outreach
