#pragma once
// What a campaign can expect back, as ranges from the rules' response-rate priors.

#include <cstddef>
#include <cstdint>

#include "outreach/rules.hpp"

namespace outreach {

/// How many of the campaign's InMails share one masked body.
struct BodySharing {
  bool known = false;         ///< false without an InMail template
  std::size_t shared_by = 0;  ///< InMails with this body, itself included
};

/// The reply rate of one InMail from the priors: generic when more than `threshold` InMails
/// share its masked body, personalised when it shares it with none, the plain InMail rate
/// otherwise (and without a template); × the short-InMail multiplier for a body shorter than
/// lint.long_inmail_chars; never over 1.
Range inmail_reply_rate(const ResponseRates& rates, BodySharing sharing, std::size_t threshold,
                        bool short_body);

/// The campaign's expected outcomes, summed as ranges.
class ForecastSum {
 public:
  explicit ForecastSum(const ResponseRates& rates) : rates_(rates) {}
  void add_inmail(Range reply_rate, bool paid);
  void add_messages(std::int64_t recipients);
  /// Connection requests: acceptances, and replies to the follow-up message once accepted.
  void add_connection_requests(std::int64_t requests);
  /// Paid InMails sent before the start whose credit may still come back.
  void add_pending_refunds(std::int64_t inmails);
  /// The sums, rounded to two decimals.
  Range replies() const;
  Range refunds() const;
  Range acceptances() const;

 private:
  const ResponseRates& rates_;
  Range replies_, refunds_, acceptances_;
};

}  // namespace outreach
