// The statistics behind `outreach stats`, against values computed by hand and from tables.
#include <cmath>

#include <catch2/catch.hpp>

#include "outreach/stats.hpp"

using namespace outreach;
using Catch::Detail::Approx;

TEST_CASE("the normal quantile of a confidence level is the table's") {
  CHECK(two_sided_normal_quantile(0.95) == Approx(1.959964).epsilon(1e-6));
  CHECK(two_sided_normal_quantile(0.99) == Approx(2.575829).epsilon(1e-6));
  CHECK(two_sided_normal_quantile(0.90) == Approx(1.644854).epsilon(1e-6));
  CHECK(normal_cdf(0) == Approx(0.5));
  CHECK(normal_cdf(1.959964) == Approx(0.975).epsilon(1e-6));
}

TEST_CASE("the Wilson interval at 0, at n and in between") {
  // 0 of 10: [0, (z²/n) / (1 + z²/n)] = [0, 0.38415 / 1.38415].
  const Range none = wilson_interval(0, 10, 0.95);
  CHECK(none.low == 0.0);
  CHECK(none.high == Approx(0.277535).epsilon(1e-5));
  // 10 of 10 mirrors it, and touches 1 exactly.
  const Range all = wilson_interval(10, 10, 0.95);
  CHECK(all.low == Approx(1 - 0.277535).epsilon(1e-5));
  CHECK(all.high == 1.0);
  // 5 of 10: centred on 0.5, ± 0.263405.
  const Range half = wilson_interval(5, 10, 0.95);
  CHECK(half.low == Approx(0.236595).epsilon(1e-5));
  CHECK(half.high == Approx(0.763405).epsilon(1e-5));
  // 1 of 1: the interval of a single success is wide, not [1, 1].
  CHECK(wilson_interval(1, 1, 0.95).low == Approx(0.206549).epsilon(1e-5));
  // No trials: nothing to say.
  CHECK(wilson_interval(0, 0, 0.95).low == 0.0);
  CHECK(wilson_interval(0, 0, 0.95).high == 0.0);
}

TEST_CASE("a rate's value and interval") {
  const Rate rate = rate_of(31, 120, 0.95);
  CHECK(rate.value() == Approx(31.0 / 120));
  CHECK(rate.interval.low == Approx(0.188374).epsilon(1e-5));
  CHECK(rate.interval.high == Approx(0.343285).epsilon(1e-5));
  CHECK(rate_of(0, 0, 0.95).value() == 0.0);
}

TEST_CASE("the pooled two-proportion z test") {
  // 30 of 100 against 20 of 100: pooled 0.25, se = sqrt(0.25·0.75·0.02) = 0.0612372,
  // z = 1.632993, two-sided p = 0.102470.
  const ProportionTest test = two_proportion_test(rate_of(30, 100, 0.95), rate_of(20, 100, 0.95));
  CHECK(test.z == Approx(1.632993).epsilon(1e-6));
  CHECK(test.p_value == Approx(0.102470).epsilon(1e-4));
  // The other way round: z changes sign, p does not.
  const ProportionTest reversed =
      two_proportion_test(rate_of(20, 100, 0.95), rate_of(30, 100, 0.95));
  CHECK(reversed.z == Approx(-1.632993).epsilon(1e-6));
  CHECK(reversed.p_value == Approx(test.p_value));
  // The table's value: |z| = 1.96 is p = 0.05. 120 of 200 vs 100 of 200: pooled 0.55,
  // se = sqrt(0.55·0.45·0.01) = 0.049749, z = 0.1 / 0.049749 = 2.010076, p = 0.044423.
  const ProportionTest table =
      two_proportion_test(rate_of(120, 200, 0.95), rate_of(100, 200, 0.95));
  CHECK(table.z == Approx(2.010076).epsilon(1e-6));
  CHECK(table.p_value == Approx(0.044423).epsilon(1e-4));
  CHECK(std::erfc(1.959964 / std::sqrt(2.0)) == Approx(0.05).epsilon(1e-5));
}

TEST_CASE("a two-proportion test with nothing to tell apart says p = 1") {
  CHECK(two_proportion_test(rate_of(0, 10, 0.95), rate_of(0, 12, 0.95)).p_value == 1.0);
  CHECK(two_proportion_test(rate_of(10, 10, 0.95), rate_of(12, 12, 0.95)).p_value == 1.0);
  CHECK(two_proportion_test(rate_of(3, 10, 0.95), rate_of(0, 0, 0.95)).p_value == 1.0);
}

TEST_CASE("the median") {
  CHECK_FALSE(median_of({}).has_value());
  CHECK(*median_of({4}) == 4.0);
  CHECK(*median_of({3, 1, 2}) == 2.0);
  CHECK(*median_of({4, 1, 3, 2}) == 2.5);
  CHECK(*median_of({7, 7, 1, 9}) == 7.0);
}
