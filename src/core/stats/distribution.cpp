// The statistics `outreach stats` reports with: the normal distribution, Wilson intervals, the
// pooled two-proportion z test and the median. Small enough to check by hand (the unit tests
// do), and no Debian library offers just these without a great deal more.
#include <algorithm>
#include <cmath>

#include "outreach/stats.hpp"

namespace outreach {

double normal_cdf(double x) { return 0.5 * std::erfc(-x / std::sqrt(2.0)); }

double two_sided_normal_quantile(double confidence) {
  // normal_cdf is increasing: bisect for the z with cdf(z) = 1 - (1 - confidence) / 2. Sixty
  // halvings of [0, 40] leave less than 1e-16 of doubt, far under what a rate is shown to.
  const double target = 1 - (1 - confidence) / 2;
  double low = 0, high = 40;
  for (int i = 0; i < 60; ++i) {
    const double middle = (low + high) / 2;
    (normal_cdf(middle) < target ? low : high) = middle;
  }
  return (low + high) / 2;
}

Range wilson_interval(std::int64_t successes, std::int64_t trials, double confidence) {
  if (trials <= 0) return {0, 0};
  const double n = static_cast<double>(trials);
  const double p = static_cast<double>(successes) / n;
  const double z = two_sided_normal_quantile(confidence);
  const double z2 = z * z;
  const double denominator = 1 + z2 / n;
  const double centre = (p + z2 / (2 * n)) / denominator;
  const double half = z * std::sqrt(p * (1 - p) / n + z2 / (4 * n * n)) / denominator;
  // At 0 and n successes the interval touches the bound exactly; rounding must not move it.
  const double low = successes == 0 ? 0.0 : std::max(0.0, centre - half);
  const double high = successes == trials ? 1.0 : std::min(1.0, centre + half);
  return {low, high};
}

double Rate::value() const {
  return trials > 0 ? static_cast<double>(successes) / static_cast<double>(trials) : 0.0;
}

Rate rate_of(std::int64_t successes, std::int64_t trials, double confidence) {
  return {successes, trials, wilson_interval(successes, trials, confidence)};
}

ProportionTest two_proportion_test(const Rate& a, const Rate& b) {
  if (a.trials <= 0 || b.trials <= 0) return {};
  const double n1 = static_cast<double>(a.trials), n2 = static_cast<double>(b.trials);
  const double pooled = static_cast<double>(a.successes + b.successes) / (n1 + n2);
  const double variance = pooled * (1 - pooled) * (1 / n1 + 1 / n2);
  if (variance <= 0) return {};  // all succeeded or none did: nothing tells them apart
  const double z = (a.value() - b.value()) / std::sqrt(variance);
  return {z, std::erfc(std::abs(z) / std::sqrt(2.0))};
}

std::optional<double> median_of(std::vector<int> values) {
  if (values.empty()) return std::nullopt;
  const std::size_t middle = values.size() / 2;
  std::nth_element(values.begin(), values.begin() + static_cast<std::ptrdiff_t>(middle),
                   values.end());
  const double upper = values[middle];
  if (values.size() % 2 == 1) return upper;
  const double lower =
      *std::max_element(values.begin(), values.begin() + static_cast<std::ptrdiff_t>(middle));
  return (lower + upper) / 2;
}

}  // namespace outreach
