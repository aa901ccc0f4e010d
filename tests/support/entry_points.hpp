#pragma once
// Entry points that only the tests and the fuzz targets use, built on the library's own: a
// prospect at a time instead of a batch, a draft linted by a fresh engine.

#include <cstddef>
#include <functional>
#include <iosfwd>
#include <span>
#include <string>
#include <string_view>

#include "outreach/lint.hpp"
#include "outreach/prospect_reader.hpp"
#include "outreach/rules.hpp"
#include "outreach/thread_pool.hpp"

namespace outreach::testing {

/// Two workers whatever the machine, so that the parallel reader runs wherever it can.
inline ThreadPool& pool() {
  static ThreadPool workers(2);
  return workers;
}

/// read_prospect_batches handing the prospects on one at a time, with the tests' pool.
inline void read_prospects(std::istream& in, const std::string& origin, std::size_t max_problems,
                           const std::function<void(Prospect&&)>& sink,
                           const FieldSelection& kept = {},
                           ProspectFormat format = ProspectFormat::json) {
  read_prospect_batches(
      in, origin, max_problems,
      [&sink](std::span<Prospect> batch) {
        for (Prospect& prospect : batch) sink(std::move(prospect));
      },
      kept, &pool(), nullptr, format);
}

/// Lints one draft file with an engine of its own.
inline LintResult lint_draft(std::string_view file_bytes, const std::string& origin,
                             const Rules& rules, const LintOptions& options) {
  return LintEngine(rules).lint_file(file_bytes, origin, options);
}

}  // namespace outreach::testing
