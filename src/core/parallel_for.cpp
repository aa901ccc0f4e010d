#include "parallel_for.hpp"

#include <algorithm>

namespace outreach::detail {

unsigned available_threads() {
  constexpr unsigned most = 8;
  return std::clamp(std::thread::hardware_concurrency(), 1U, most);
}
ParallelFor::ParallelFor(unsigned threads) {
  for (unsigned thread = 1; thread < std::max(threads, 1U); ++thread)
    helpers_.emplace_back([this, thread] { help(thread); });
}

ParallelFor::~ParallelFor() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  start_.notify_all();
  for (std::thread& helper : helpers_) helper.join();
}

void ParallelFor::run(std::size_t count, const Body& body, std::size_t grain) {
  grain = std::max<std::size_t>(grain, 1);
  if (helpers_.empty() || count <= grain) {
    for (std::size_t item = 0; item < count; ++item) body(0, item);
    return;
  }
  {
    std::lock_guard lock(mutex_);
    body_ = &body;
    count_ = count;
    grain_ = grain;
    next_ = 0;
    error_ = nullptr;
    busy_ = static_cast<unsigned>(helpers_.size());
    ++generation_;
  }
  start_.notify_all();
  work(0);
  std::unique_lock lock(mutex_);
  finished_.wait(lock, [&] { return busy_ == 0; });
  body_ = nullptr;
  if (error_) std::rethrow_exception(error_);
}

void ParallelFor::help(unsigned thread) {
  std::size_t seen = 0;
  for (;;) {
    {
      std::unique_lock lock(mutex_);
      start_.wait(lock, [&] { return stopping_ || generation_ != seen; });
      if (stopping_) return;
      seen = generation_;
    }
    work(thread);
    {
      std::lock_guard lock(mutex_);
      --busy_;
    }
    finished_.notify_one();
  }
}

void ParallelFor::work(unsigned thread) {
  for (;;) {
    std::size_t begin = 0;
    std::size_t end = 0;
    {
      std::lock_guard lock(mutex_);
      if (next_ >= count_ || error_) return;
      begin = next_;
      end = std::min(count_, begin + grain_);
      next_ = end;
    }
    try {
      for (std::size_t item = begin; item < end; ++item) (*body_)(thread, item);
    } catch (...) {
      std::lock_guard lock(mutex_);
      if (!error_) error_ = std::current_exception();
      return;
    }
  }
}

}  // namespace outreach::detail
