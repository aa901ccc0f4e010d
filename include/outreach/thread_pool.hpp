#pragma once
/// The one set of worker threads of a run. A plan run owns it; the prospects reader parses
/// batches on it, the planner renders and checks drafts on it, the writers format rows on it.
/// Nothing else in the library starts a thread.

#include <cstddef>
#include <functional>
#include <future>
#include <memory>

namespace outreach {

/// How many workers a run's pool has: one per core, at most 8 (a machine that reports no
/// cores counts as one).
unsigned available_threads();

class ThreadPool {
 public:
  /// A pool of `workers` threads; with 0, every task runs on the thread that hands it over.
  explicit ThreadPool(unsigned workers = available_threads());
  /// Runs what is still queued, then joins the workers.
  ~ThreadPool();
  ThreadPool(const ThreadPool&) = delete;
  ThreadPool& operator=(const ThreadPool&) = delete;

  unsigned workers() const { return workers_; }
  /// How many threads may run one parallel_for at once: the workers and one other thread.
  unsigned slots() const { return workers() + 1; }
  /// The calling thread's slot: 1 … workers() for a worker of this pool, 0 for any other
  /// thread. Per-thread scratch (a draft checker, a record parser) is indexed by it.
  unsigned current_slot() const;

  /// Runs `task` on a worker; the future holds what it threw. Tasks start in the order they
  /// were handed over.
  std::future<void> async(std::function<void()> task);

  /// Calls `body(slot, item)` once for every item in [0, count), `grain` items at a time, on
  /// the calling thread and the workers; returns when all are done, and rethrows the first
  /// exception a call threw (the items not yet started are then skipped). May be called from
  /// a worker: that worker is one of the threads that run it.
  using Body = std::function<void(unsigned slot, std::size_t item)>;
  void parallel_for(std::size_t count, const Body& body, std::size_t grain = 8);

 private:
  struct State;
  unsigned workers_;
  std::unique_ptr<State> state_;
};

}  // namespace outreach
