#include "outreach/thread_pool.hpp"

#include <atomic>
#include <future>
#include <mutex>
#include <set>
#include <stdexcept>
#include <thread>
#include <vector>

#include <catch2/catch.hpp>

using outreach::ThreadPool;

TEST_CASE("thread pool: every item runs once, on one of the threads", "[thread-pool]") {
  for (const unsigned workers : {0U, 1U, 2U, 4U}) {
    ThreadPool pool(workers);
    CHECK(pool.workers() == workers);
    CHECK(pool.slots() == workers + 1);
    for (const std::size_t count : {0U, 1U, 7U, 8U, 9U, 1000U}) {
      std::vector<std::atomic<int>> runs(count);
      std::atomic<bool> slot_out_of_range = false;
      pool.parallel_for(count, [&](unsigned slot, std::size_t item) {
        if (slot >= pool.slots()) slot_out_of_range = true;
        ++runs[item];
      });
      for (std::size_t item = 0; item < count; ++item) CHECK(runs[item] == 1);
      CHECK_FALSE(slot_out_of_range);
    }
  }
}

TEST_CASE("thread pool: an item's exception reaches the caller; the pool goes on",
          "[thread-pool]") {
  ThreadPool pool(2);
  CHECK_THROWS_WITH(pool.parallel_for(500,
                                      [](unsigned, std::size_t item) {
                                        if (item == 300) throw std::runtime_error("item 300");
                                      }),
                    "item 300");
  std::atomic<std::size_t> sum = 0;
  pool.parallel_for(100, [&](unsigned, std::size_t item) { sum += item; });
  CHECK(sum == 4950);
}

TEST_CASE("thread pool: a slot is one thread's, never two at once", "[thread-pool]") {
  ThreadPool pool(3);
  std::mutex mutex;
  std::vector<std::set<std::thread::id>> threads_of(pool.slots());
  pool.parallel_for(
      4000,
      [&](unsigned slot, std::size_t) {
        std::lock_guard lock(mutex);
        threads_of[slot].insert(std::this_thread::get_id());
      },
      1);
  for (const auto& threads : threads_of) CHECK(threads.size() <= 1);
  // The caller is slot 0 whenever it takes items (it may find none left on a fast pool).
  CHECK(threads_of[0].size() + (threads_of[0].count(std::this_thread::get_id()) == 0) == 1);
  CHECK(pool.current_slot() == 0);
}

TEST_CASE("thread pool: tasks run in order; their futures carry what they threw", "[thread-pool]") {
  ThreadPool pool(1);
  std::vector<int> order;
  std::vector<std::future<void>> done;
  for (int i = 0; i < 20; ++i) done.push_back(pool.async([&order, i] { order.push_back(i); }));
  auto failed = pool.async([] { throw std::runtime_error("task failed"); });
  for (auto& task : done) task.get();
  CHECK_THROWS_WITH(failed.get(), "task failed");
  std::vector<int> expected(20);
  for (int i = 0; i < 20; ++i) expected[static_cast<std::size_t>(i)] = i;
  CHECK(order == expected);
  unsigned slot = 0;
  pool.async([&] { slot = pool.current_slot(); }).get();
  CHECK(slot == 1);
}

TEST_CASE("thread pool: without workers, a task runs at once on the caller", "[thread-pool]") {
  ThreadPool pool(0);
  bool ran = false;
  auto task = pool.async([&] { ran = true; });
  CHECK(ran);
  task.get();
}

TEST_CASE("thread pool: a task may run a parallel_for of its own on a busy pool", "[thread-pool]") {
  for (const unsigned workers : {1U, 2U}) {
    ThreadPool pool(workers);
    std::atomic<std::size_t> sum = 0;
    std::vector<std::future<void>> tasks;
    for (int t = 0; t < 4; ++t)
      tasks.push_back(pool.async(
          [&] { pool.parallel_for(1000, [&](unsigned, std::size_t item) { sum += item; }); }));
    for (auto& task : tasks) task.get();
    CHECK(sum == 4 * 499500);
  }
}

TEST_CASE("thread pool: what was handed over runs before the pool goes away", "[thread-pool]") {
  std::atomic<int> ran = 0;
  {
    ThreadPool pool(2);
    for (int i = 0; i < 100; ++i) (void)pool.async([&] { ++ran; });
  }
  CHECK(ran == 100);
}
