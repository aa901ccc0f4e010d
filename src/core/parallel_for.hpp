#pragma once
// A fixed set of helper threads that share out the items of one call at a time with the calling
// thread. The planner uses it to render and check a batch of prospects' drafts on every core
// while the prospects reader parses the next batches.

#include <condition_variable>
#include <cstddef>
#include <exception>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace outreach::detail {

/// How many threads the plan's parallel steps use: one per core, at most 8 (0 cores reported
/// counts as one).
unsigned available_threads();

class ParallelFor {
 public:
  /// `threads` in all, the caller's included (1: everything runs on the caller's thread).
  explicit ParallelFor(unsigned threads);
  ~ParallelFor();
  ParallelFor(const ParallelFor&) = delete;
  ParallelFor& operator=(const ParallelFor&) = delete;

  unsigned threads() const { return static_cast<unsigned>(helpers_.size()) + 1; }

  /// Calls `body(thread, item)` once for every item in [0, count), `thread` telling which of
  /// threads() runs it (0: the caller), `grain` items at a time taken in turn; returns when all
  /// are done, and rethrows the first exception a call threw.
  using Body = std::function<void(unsigned thread, std::size_t item)>;
  void run(std::size_t count, const Body& body, std::size_t grain = 8);

 private:
  void help(unsigned thread);
  void work(unsigned thread);

  std::mutex mutex_;
  std::condition_variable start_, finished_;
  std::vector<std::thread> helpers_;
  const Body* body_ = nullptr;
  std::size_t count_ = 0;
  std::size_t grain_ = 1;
  std::size_t next_ = 0;        // the first item not yet taken
  std::size_t generation_ = 0;  // one per run, for the helpers to tell a new one
  unsigned busy_ = 0;           // helpers inside the current run
  std::exception_ptr error_;
  bool stopping_ = false;
};

}  // namespace outreach::detail
