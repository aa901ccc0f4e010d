#include "../../src/core/parallel_for.hpp"

#include <atomic>
#include <stdexcept>
#include <vector>

#include <catch2/catch.hpp>

using outreach::detail::ParallelFor;

TEST_CASE("in parallel, every item runs once, on one of the threads", "[parallel]") {
  for (const unsigned threads : {1U, 2U, 4U}) {
    ParallelFor pool(threads);
    CHECK(pool.threads() == threads);
    for (const std::size_t count : {0U, 1U, 7U, 8U, 9U, 1000U}) {
      std::vector<std::atomic<int>> runs(count);
      std::atomic<bool> thread_out_of_range = false;
      pool.run(count, [&](unsigned thread, std::size_t item) {
        if (thread >= threads) thread_out_of_range = true;
        ++runs[item];
      });
      for (std::size_t item = 0; item < count; ++item) CHECK(runs[item] == 1);
      CHECK_FALSE(thread_out_of_range);
    }
  }
}

TEST_CASE("in parallel, an exception in one item reaches the caller, and the pool goes on",
          "[parallel]") {
  ParallelFor pool(2);
  CHECK_THROWS_WITH(pool.run(500,
                             [](unsigned, std::size_t item) {
                               if (item == 300) throw std::runtime_error("item 300");
                             }),
                    "item 300");
  std::atomic<std::size_t> sum = 0;
  pool.run(100, [&](unsigned, std::size_t item) { sum += item; });
  CHECK(sum == 4950);
}
