#pragma once
// Progress on a terminal for a long plan: a line on stderr that counts the prospects read,
// shown once the run has taken a few seconds and erased before the output starts. It only
// measures elapsed time to decide whether to show itself (a steady clock, never a date), so
// the output stays the same bytes for the same input. Never on stdout, never when stderr is
// not a terminal. OUTREACH_PROGRESS_AFTER (seconds, default 2) lets the tests show it on a
// short run.

#include <chrono>
#include <cstddef>
#include <iosfwd>

#include "context.hpp"

namespace outreach::cli {

class Progress {
 public:
  explicit Progress(const Context& ctx);
  ~Progress() { clear(); }
  Progress(const Progress&) = delete;
  Progress& operator=(const Progress&) = delete;

  /// `prospects` more were read (called from whichever thread hands them on, one at a time).
  void read(std::size_t prospects);
  /// Reading is over; the plan is being made.
  void planning();
  /// Erases the line, if it was shown.
  void clear();

 private:
  static constexpr std::size_t report_every = 16384;
  std::ostream& err_;
  bool enabled_;
  std::chrono::seconds delay_;
  bool shown_ = false;
  std::size_t count_ = 0;
  std::chrono::steady_clock::time_point started_ = std::chrono::steady_clock::now();
};

}  // namespace outreach::cli
