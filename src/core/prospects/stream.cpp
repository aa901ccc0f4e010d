#include "prospects/stream.hpp"

#include <algorithm>
#include <istream>

#include "prospects/sax_parse.hpp"

namespace outreach::detail {

ProspectStream::ProspectStream(std::istream& in, std::size_t chunk_size, std::size_t token_limit)
    : in_(in), token_limit_(token_limit), buffer_(chunk_size) {}

int ProspectStream::peek() {
  if (pos_ >= len_ && !refill()) return -1;
  return static_cast<unsigned char>(buffer_[pos_]);
}

void ProspectStream::advance() {
  if (buffer_[pos_] == '\n') {
    ++line_;
    previous_line_start_ = line_start_;
    line_start_ = base_ + pos_ + 1;
  }
  ++pos_;
}

std::pair<std::size_t, std::size_t> ProspectStream::line_and_column(std::size_t at) const {
  if (at >= line_start_ || line_ == 1) return {line_, at - std::min(at, line_start_) + 1};
  return {line_ - 1, at - std::min(at, previous_line_start_) + 1};
}

bool ProspectStream::refill() {
  base_ += len_;
  pos_ = 0;
  len_ = 0;
  if (in_.good()) {
    in_.read(buffer_.data(), static_cast<std::streamsize>(buffer_.size()));
    len_ = static_cast<std::size_t>(in_.gcount());
  }
  if (in_.bad()) read_failed_ = true;
  update_stop();
  return len_ > 0;
}

void ProspectStream::update_stop() {
  if (nul_at_ < pos_ || nul_at_ > len_ || pos_ == 0) {
    const void* nul = len_ > pos_ ? std::memchr(buffer_.data() + pos_, '\0', len_ - pos_) : nullptr;
    nul_at_ = nul != nullptr
                  ? static_cast<std::size_t>(static_cast<const char*>(nul) - buffer_.data())
                  : len_;
  }
  const std::size_t limit_end = mark_ + token_limit_;
  const std::size_t limit_at = limit_end > base_ ? limit_end - base_ : 0;
  stop_at_ = std::min({len_, nul_at_, limit_at});
}

bool ProspectStream::slow_has_more() {
  for (;;) {
    if (stop_ != Stop::none) return false;
    if (pos_ < len_) {
      if (pos_ == nul_at_) {
        stop_ = Stop::nul;
        return false;
      }
      if (offset() - mark_ >= token_limit_) {
        stop_ = Stop::too_long;
        return false;
      }
      update_stop();
      return pos_ < stop_at_;
    }
    if (!refill()) return false;
  }
}

bool ProspectStream::read_line(std::string& line, std::size_t limit, bool& truncated) {
  line.clear();
  truncated = false;
  if (pos_ >= len_ && !refill()) return false;
  for (;;) {
    const char* start = buffer_.data() + pos_;
    const std::size_t available = len_ - pos_;
    const void* newline = std::memchr(start, '\n', available);
    const std::size_t take =
        newline != nullptr ? static_cast<std::size_t>(static_cast<const char*>(newline) - start)
                           : available;
    const std::size_t room = limit - std::min(limit, line.size());
    line.append(start, std::min(take, room));
    if (take > room) truncated = true;
    pos_ += take;
    if (newline != nullptr) {
      advance();  // the '\n', counted as a line
      return true;
    }
    if (!refill()) return true;  // a last line without its newline
  }
}

// Declared in sax_parse.hpp, defined here next to the iterator it parses from: this small
// file gets the larger inlining budget too (CMakeLists.txt), so the lexer's per-byte calls
// are inlined for the stream as they are for bytes in memory.
bool sax_parse_stream(ProspectStream& stream, JsonSax& sax) {
  return nlohmann::json::sax_parse(stream.begin(), ProspectStream::end(), &sax);
}

}  // namespace outreach::detail
