// read_prospect_batches: the parallel reader where the input can be read twice, the exact one
// otherwise (or to report what the parallel one found unusual), and the batches handed to the
// sink in order — each on a worker while the next are read, so that reading overlaps what the
// caller does with the prospects (the planner renders and checks their drafts).
#include <exception>
#include <future>
#include <istream>
#include <new>
#include <utility>
#include <vector>

#include <fmt/format.h>

#include "outreach/error.hpp"
#include "outreach/prospect_reader.hpp"
#include "prospects/csv_reader.hpp"
#include "prospects/exact_reader.hpp"
#include "prospects/parallel_reader.hpp"

namespace outreach {
namespace {

constexpr std::size_t batch_size = 256;

// Runs the sink on one batch at a time, in order: a batch goes to the pool once the sink is
// done with the one before (whose exception, if any, then stops the reading).
class OrderedHandOff {
 public:
  OrderedHandOff(const std::function<void(std::span<Prospect>)>& sink, ThreadPool* pool)
      : sink_(sink), pool_(pool) {}
  ~OrderedHandOff() {
    if (previous_.valid()) previous_.wait();  // never leave a task on freed prospects
  }
  OrderedHandOff(const OrderedHandOff&) = delete;
  OrderedHandOff& operator=(const OrderedHandOff&) = delete;

  void push(std::vector<Prospect>&& batch) {
    wait();
    current_ = std::move(batch);
    if (pool_ == nullptr) {
      sink_(current_);
      return;
    }
    previous_ = pool_->async([this] { sink_(current_); });
  }

  /// Waits for the sink to finish the last batch; rethrows what it threw.
  void wait() {
    if (previous_.valid()) previous_.get();
  }

 private:
  const std::function<void(std::span<Prospect>)>& sink_;
  ThreadPool* pool_;
  std::vector<Prospect> current_;
  std::future<void> previous_;
};

}  // namespace

namespace {

void read_batches(std::istream& in, const std::string& origin, std::size_t max_problems,
                  const std::function<void(std::span<Prospect>)>& sink, const FieldSelection& kept,
                  ThreadPool* pool, std::vector<std::string>* field_names, ProspectFormat format,
                  const CsvRules& csv) {
  OrderedHandOff hand_off(sink, pool);
  // The parallel reader first, where the input can be read again from the start: if it stops
  // early, the exact reader goes over the input again to report what it found, and hands on
  // only the prospects after those already handed on.
  std::size_t handed_on = 0;
  bool parallel_done = false;
  const bool json = format == ProspectFormat::json || format == ProspectFormat::ndjson;
  if (json && pool != nullptr && pool->workers() >= 2) {
    const auto start = in.tellg();
    if (start != std::istream::pos_type(-1)) {
      parallel_done = detail::read_prospects_parallel(
          in, *pool,
          [&](std::vector<Prospect>&& batch) {
            handed_on += batch.size();
            hand_off.push(std::move(batch));
          },
          kept, field_names);
      if (!parallel_done) {
        in.clear();
        if (!in.seekg(start))
          throw InputError(fmt::format("{}: read error (cannot read it again)", origin));
      }
    }
  }
  if (!parallel_done) {
    std::vector<Prospect> batch;
    batch.reserve(batch_size);
    const auto collect = [&](Prospect&& prospect) {
      if (handed_on > 0) {
        --handed_on;
        return;
      }
      batch.push_back(std::move(prospect));
      if (batch.size() < batch_size) return;
      hand_off.push(std::move(batch));
      batch = std::vector<Prospect>();
      batch.reserve(batch_size);
    };
    if (format == ProspectFormat::csv || format == ProspectFormat::tsv)
      detail::read_csv_prospects(in, origin, format == ProspectFormat::tsv ? '\t' : '\0', csv,
                                 max_problems, collect, kept, field_names);
    else
      detail::read_prospects_in_order(in, origin, max_problems, collect, kept, field_names);
    if (!batch.empty()) hand_off.push(std::move(batch));
  }
  hand_off.wait();
}

}  // namespace

void read_prospect_batches(std::istream& in, const std::string& origin, std::size_t max_problems,
                           const std::function<void(std::span<Prospect>)>& sink,
                           const FieldSelection& kept, ThreadPool* pool,
                           std::vector<std::string>* field_names, ProspectFormat format,
                           const CsvRules& csv) {
  try {
    read_batches(in, origin, max_problems, sink, kept, pool, field_names, format, csv);
  } catch (const std::bad_alloc&) {
    throw IoError(fmt::format("{}: out of memory while reading it", origin));
  }
}

}  // namespace outreach
