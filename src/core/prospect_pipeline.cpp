// read_prospects with the parsing off the caller's thread: a reading thread runs the parallel
// reader (prospect_parallel.cpp) or the exact one, and the caller's thread hands each batch to
// the sink (the planner renders and checks its drafts there). Prospects cross over in batches
// through a short queue: memory stays bounded and the order is the input's.
#include <algorithm>
#include <condition_variable>
#include <deque>
#include <exception>
#include <istream>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

#include <fmt/format.h>

#include "outreach/error.hpp"
#include "outreach/prospect.hpp"
#include "parallel_for.hpp"
#include "prospect_reader.hpp"

namespace outreach {
namespace {

constexpr std::size_t batch_size = 256;
constexpr std::size_t queued_batches = 4;

using Batch = std::vector<Prospect>;

class BatchQueue {
 public:
  /// Waits for room; false when the consumer has given up.
  bool push(Batch&& batch) {
    std::unique_lock lock(mutex_);
    room_.wait(lock, [&] { return batches_.size() < queued_batches || cancelled_; });
    if (cancelled_) return false;
    batches_.push_back(std::move(batch));
    ready_.notify_one();
    return true;
  }
  /// Waits for a batch; nullopt once the producer has closed the queue and it is empty.
  std::optional<Batch> pop() {
    std::unique_lock lock(mutex_);
    ready_.wait(lock, [&] { return !batches_.empty() || closed_; });
    if (batches_.empty()) return std::nullopt;
    Batch batch = std::move(batches_.front());
    batches_.pop_front();
    room_.notify_one();
    return batch;
  }
  void close() {
    std::lock_guard lock(mutex_);
    closed_ = true;
    ready_.notify_all();
  }
  void cancel() {
    std::lock_guard lock(mutex_);
    cancelled_ = true;
    batches_.clear();
    room_.notify_all();
  }

 private:
  std::mutex mutex_;
  std::condition_variable ready_, room_;
  std::deque<Batch> batches_;
  bool closed_ = false;
  bool cancelled_ = false;
};

struct Cancelled {};  // the consumer gave up: unwinds the reading thread

}  // namespace

void read_prospects(std::istream& in, const std::string& origin, std::size_t max_problems,
                    const std::function<void(Prospect&&)>& sink, const FieldSelection& kept) {
  read_prospect_batches(
      in, origin, max_problems,
      [&sink](std::span<Prospect> batch) {
        for (Prospect& prospect : batch) sink(std::move(prospect));
      },
      kept);
}

void read_prospect_batches(std::istream& in, const std::string& origin, std::size_t max_problems,
                           const std::function<void(std::span<Prospect>)>& sink,
                           const FieldSelection& kept) {
  const unsigned parse_workers = detail::available_threads();
  BatchQueue queue;
  std::exception_ptr reader_error;
  std::thread reader([&] {
    try {
      Batch batch;
      batch.reserve(batch_size);
      const auto hand_on = [&](Prospect&& prospect) {
        batch.push_back(std::move(prospect));
        if (batch.size() < batch_size) return;
        if (!queue.push(std::move(batch))) throw Cancelled{};
        batch = Batch();
        batch.reserve(batch_size);
      };
      // The parallel reader first, where the input can be read again from the start: if it
      // stops early, the exact reader goes over the input again to report what it found, and
      // hands on only the prospects after those already handed on.
      std::size_t handed_on = 0;
      bool parallel_done = false;
      if (parse_workers >= 2) {
        const auto start = in.tellg();
        if (start != std::istream::pos_type(-1)) {
          parallel_done = detail::read_prospects_parallel(
              in, parse_workers,
              [&](Prospect&& prospect) {
                ++handed_on;
                hand_on(std::move(prospect));
              },
              kept);
          if (!parallel_done) {
            in.clear();
            if (!in.seekg(start))
              throw InputError(fmt::format("{}: read error (cannot read it again)", origin));
          }
        }
      }
      if (!parallel_done)
        detail::read_prospects_in_order(
            in, origin, max_problems,
            [&](Prospect&& prospect) {
              if (handed_on > 0)
                --handed_on;
              else
                hand_on(std::move(prospect));
            },
            kept);
      if (!batch.empty()) queue.push(std::move(batch));
    } catch (const Cancelled&) {
    } catch (...) {
      reader_error = std::current_exception();
    }
    queue.close();
  });
  try {
    while (auto batch = queue.pop()) sink(*batch);
  } catch (...) {
    queue.cancel();
    reader.join();
    throw;
  }
  reader.join();
  if (reader_error) std::rethrow_exception(reader_error);
}

}  // namespace outreach
