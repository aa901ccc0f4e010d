#include <catch2/catch.hpp>

#include "plan/forecast.hpp"

using namespace outreach;

namespace {

const ResponseRates& rates() { return Rules::builtin().rates; }

Range rate(BodySharing sharing, bool short_body) {
  return inmail_reply_rate(rates(), sharing, 20, short_body);
}

}  // namespace

TEST_CASE("an InMail's reply rate follows the priors", "[plan][forecast]") {
  // No template: the plain InMail rate, 10-25%.
  CHECK(rate({}, false).low == Approx(0.10));
  CHECK(rate({}, false).high == Approx(0.25));
  // One body for more than the threshold: generic, 5-10%; at the threshold not yet.
  CHECK(rate({true, 21}, false).low == Approx(0.05));
  CHECK(rate({true, 21}, false).high == Approx(0.10));
  CHECK(rate({true, 20}, false).low == Approx(0.10));
  // A body no other InMail shares: personalised, 15-30%.
  CHECK(rate({true, 1}, false).low == Approx(0.15));
  CHECK(rate({true, 1}, false).high == Approx(0.30));
  // Shorter than 400 characters: x1.22.
  CHECK(rate({true, 1}, true).low == Approx(0.183));
  CHECK(rate({true, 1}, true).high == Approx(0.366));
  CHECK(rate({}, true).high == Approx(0.305));
  // Never more than certain.
  ResponseRates generous = rates();
  generous.inmail = {0.9, 0.95};
  CHECK(inmail_reply_rate(generous, {}, 20, true).high == Approx(1.0));
}

TEST_CASE("the forecast sums ranges per send", "[plan][forecast]") {
  ForecastSum sum(rates());
  for (int i = 0; i < 10; ++i) sum.add_inmail(rate({}, false), true);
  sum.add_inmail(rate({}, false), false);  // an Open Profile InMail: a reply, no refund
  CHECK(sum.replies().low == Approx(1.1));
  CHECK(sum.replies().high == Approx(2.75));
  CHECK(sum.refunds().low == Approx(1.0));
  CHECK(sum.refunds().high == Approx(2.5));
  sum.add_pending_refunds(4);
  CHECK(sum.refunds().low == Approx(1.4));
  CHECK(sum.refunds().high == Approx(3.5));

  ForecastSum connects(rates());
  connects.add_connection_requests(10);
  CHECK(connects.acceptances().low == Approx(2.0));
  CHECK(connects.acceptances().high == Approx(4.0));
  // Replies to the follow-up message once accepted: 2 x 15% to 4 x 30%.
  CHECK(connects.replies().low == Approx(0.3));
  CHECK(connects.replies().high == Approx(1.2));
  connects.add_messages(10);
  CHECK(connects.replies().low == Approx(1.8));
  CHECK(connects.replies().high == Approx(4.2));
  // Two decimals.
  ForecastSum thirds(rates());
  thirds.add_inmail({0.333333, 0.666666}, true);
  CHECK(thirds.replies().low == 0.33);
  CHECK(thirds.replies().high == 0.67);
}
