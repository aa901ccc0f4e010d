// What the campaign can expect back, as ranges from the rules' response-rate priors.
#include <algorithm>
#include <cmath>

#include "plan/forecast.hpp"

namespace outreach {
namespace {

Range scaled(Range rate, double factor) { return {rate.low * factor, rate.high * factor}; }

// Sums of many rates carry binary noise (2.4000000000000004): two decimals are all a forecast has.
Range rounded(Range range) {
  return {std::round(range.low * 100) / 100, std::round(range.high * 100) / 100};
}

void add(Range& sum, Range value) {
  sum.low += value.low;
  sum.high += value.high;
}

}  // namespace

Range inmail_reply_rate(const ResponseRates& rates, BodySharing sharing, std::size_t threshold,
                        bool short_body) {
  Range rate = rates.inmail;
  if (sharing.known && sharing.shared_by > threshold)
    rate = rates.inmail_generic;
  else if (sharing.known && sharing.shared_by == 1)
    rate = rates.inmail_personalised;
  if (short_body) rate = scaled(rate, rates.short_inmail_multiplier);
  return {std::min(rate.low, 1.0), std::min(rate.high, 1.0)};
}

void ForecastSum::add_inmail(Range reply_rate, bool paid) {
  add(replies_, reply_rate);
  if (paid) add(refunds_, reply_rate);
}

void ForecastSum::add_messages(std::int64_t recipients) {
  add(replies_, scaled(rates_.message, static_cast<double>(recipients)));
}

void ForecastSum::add_connection_requests(std::int64_t requests) {
  const Range accepted =
      scaled(rates_.connect_acceptance_personalised, static_cast<double>(requests));
  add(acceptances_, accepted);
  // Each accepted request is followed by a message, which gets the message reply rate.
  add(replies_, {accepted.low * rates_.message.low, accepted.high * rates_.message.high});
}

void ForecastSum::add_pending_refunds(std::int64_t inmails) {
  add(refunds_, scaled(rates_.inmail, static_cast<double>(inmails)));
}

Range ForecastSum::replies() const { return rounded(replies_); }
Range ForecastSum::refunds() const { return rounded(refunds_); }
Range ForecastSum::acceptances() const { return rounded(acceptances_); }

}  // namespace outreach
