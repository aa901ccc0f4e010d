#include "progress.hpp"

#include <cstdlib>
#include <ostream>

#include <fmt/format.h>

namespace outreach::cli {
namespace {

std::chrono::seconds delay_from_environment() {
  const char* text = std::getenv("OUTREACH_PROGRESS_AFTER");
  if (text == nullptr || *text < '0' || *text > '9') return std::chrono::seconds(2);
  return std::chrono::seconds(std::strtol(text, nullptr, 10));
}

}  // namespace

Progress::Progress(const Context& ctx)
    : err_(ctx.err), enabled_(ctx.stderr_is_terminal), delay_(delay_from_environment()) {}

void Progress::read(std::size_t prospects) {
  const std::size_t before = count_;
  count_ += prospects;
  if (!enabled_ || before / report_every == count_ / report_every) return;
  if (!shown_ && std::chrono::steady_clock::now() - started_ < delay_) return;
  shown_ = true;
  err_ << fmt::format("\routreach: reading prospects: {}", count_) << std::flush;
}

void Progress::planning() {
  if (shown_) err_ << fmt::format("\routreach: planning {} prospects\x1b[K", count_) << std::flush;
}

void Progress::clear() {
  if (shown_) err_ << "\r\x1b[K" << std::flush;
  shown_ = false;
}

}  // namespace outreach::cli
