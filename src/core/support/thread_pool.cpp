// A fixed set of workers taking tasks from one queue in order. parallel_for shares a call's
// items between the calling thread and helper tasks on the queue: the caller works too, so a
// call never waits for a worker to become free, and a helper that starts after every item was
// taken finds nothing left and returns.
#include "outreach/thread_pool.hpp"

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <deque>
#include <exception>
#include <mutex>
#include <thread>
#include <vector>

namespace outreach {
namespace {

// Which pool the current thread works for, and as which slot.
thread_local const void* current_pool = nullptr;
thread_local unsigned current_pool_slot = 0;

// One parallel_for call, shared with its helper tasks (which may outlive the call).
struct Job {
  Job(std::size_t items, std::size_t chunk, const ThreadPool::Body& work)
      : count(items), grain(chunk), body(&work) {}

  const std::size_t count;
  const std::size_t grain;
  const ThreadPool::Body* body;  // only called for items taken before the call returns
  std::atomic<std::size_t> next{0};
  std::mutex mutex;
  std::condition_variable all_done;
  std::size_t finished = 0;  // items run or skipped; guarded by mutex
  std::exception_ptr error;  // guarded by mutex
  std::atomic<bool> failed{false};

  void work(unsigned slot) {
    for (;;) {
      const std::size_t begin = next.fetch_add(grain);
      if (begin >= count) return;
      const std::size_t end = std::min(count, begin + grain);
      if (!failed.load()) {
        try {
          for (std::size_t item = begin; item < end; ++item) (*body)(slot, item);
        } catch (...) {
          std::lock_guard lock(mutex);
          if (!error) error = std::current_exception();
          failed = true;
        }
      }
      std::lock_guard lock(mutex);
      finished += end - begin;
      if (finished == count) all_done.notify_all();
    }
  }
};

}  // namespace

struct ThreadPool::State {
  std::mutex mutex;
  std::condition_variable wake;
  std::deque<std::packaged_task<void()>> queue;
  bool stopping = false;
  std::vector<std::thread> threads;

  void run(const ThreadPool* pool, unsigned slot) {
    current_pool = pool;
    current_pool_slot = slot;
    for (;;) {
      std::packaged_task<void()> task;
      {
        std::unique_lock lock(mutex);
        wake.wait(lock, [&] { return stopping || !queue.empty(); });
        if (queue.empty()) return;  // stopping, with nothing left to run
        task = std::move(queue.front());
        queue.pop_front();
      }
      task();  // what it throws goes to its future
    }
  }
};

unsigned available_threads() {
  constexpr unsigned most = 8;
  return std::clamp(std::thread::hardware_concurrency(), 1U, most);
}

ThreadPool::ThreadPool(unsigned workers) : workers_(workers), state_(std::make_unique<State>()) {
  state_->threads.reserve(workers);
  for (unsigned slot = 1; slot <= workers; ++slot)
    state_->threads.emplace_back([this, slot] { state_->run(this, slot); });
}

ThreadPool::~ThreadPool() {
  {
    std::lock_guard lock(state_->mutex);
    state_->stopping = true;
  }
  state_->wake.notify_all();
  for (std::thread& thread : state_->threads) thread.join();
}

unsigned ThreadPool::current_slot() const { return current_pool == this ? current_pool_slot : 0; }

std::future<void> ThreadPool::async(std::function<void()> task) {
  std::packaged_task<void()> packaged(std::move(task));
  std::future<void> result = packaged.get_future();
  if (workers_ == 0) {
    packaged();
    return result;
  }
  {
    std::lock_guard lock(state_->mutex);
    state_->queue.push_back(std::move(packaged));
  }
  state_->wake.notify_one();
  return result;
}

void ThreadPool::parallel_for(std::size_t count, const Body& body, std::size_t grain) {
  grain = std::max<std::size_t>(grain, 1);
  const unsigned slot = current_slot();
  if (workers_ == 0 || count <= grain) {
    for (std::size_t item = 0; item < count; ++item) body(slot, item);
    return;
  }
  const auto job = std::make_shared<Job>(count, grain, body);
  const std::size_t chunks = (count + grain - 1) / grain;
  const auto helpers = static_cast<unsigned>(std::min<std::size_t>(workers_, chunks - 1));
  {
    std::lock_guard lock(state_->mutex);
    for (unsigned i = 0; i < helpers; ++i)
      state_->queue.emplace_back([this, job] { job->work(current_slot()); });
  }
  state_->wake.notify_all();
  job->work(slot);
  std::unique_lock lock(job->mutex);
  job->all_done.wait(lock, [&] { return job->finished == job->count; });
  if (job->error) std::rethrow_exception(job->error);
}

}  // namespace outreach
