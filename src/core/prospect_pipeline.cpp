// read_prospects on two threads: one parses and validates, the caller's thread hands each
// prospect to the sink (the planner renders and checks its drafts there). Parsing is about half
// the work of a plan, so on two cores it mostly disappears behind the planner. Prospects cross
// over in batches through a short queue: memory stays bounded and the order is the input's.
#include <condition_variable>
#include <deque>
#include <exception>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

#include "outreach/prospect.hpp"
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
                    const std::function<void(Prospect&&)>& sink) {
  BatchQueue queue;
  std::exception_ptr reader_error;
  std::thread reader([&] {
    try {
      Batch batch;
      batch.reserve(batch_size);
      detail::read_prospects_in_order(in, origin, max_problems, [&](Prospect&& prospect) {
        batch.push_back(std::move(prospect));
        if (batch.size() < batch_size) return;
        if (!queue.push(std::move(batch))) throw Cancelled{};
        batch = Batch();
        batch.reserve(batch_size);
      });
      if (!batch.empty()) queue.push(std::move(batch));
    } catch (const Cancelled&) {
    } catch (...) {
      reader_error = std::current_exception();
    }
    queue.close();
  });
  try {
    while (auto batch = queue.pop())
      for (Prospect& prospect : *batch) sink(std::move(prospect));
  } catch (...) {
    queue.cancel();
    reader.join();
    throw;
  }
  reader.join();
  if (reader_error) std::rethrow_exception(reader_error);
}

}  // namespace outreach
