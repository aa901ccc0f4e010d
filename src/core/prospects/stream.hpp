#pragma once
// The byte source of the prospects reader: reads an istream in fixed chunks, tracks lines for
// error positions, and feeds nlohmann's SAX parser through an input iterator that stops at a
// NUL byte (which nlohmann would take for the end of input) and at a run of bytes without any
// parse event longer than a limit (which nlohmann would buffer whole as one token).

#include <cstddef>
#include <cstring>
#include <iosfwd>
#include <iterator>
#include <string>
#include <utility>
#include <vector>

namespace outreach::detail {

class ProspectStream {
 public:
  /// Why the iterator reported the end before the input's end.
  enum class Stop { none, nul, too_long };

  ProspectStream(std::istream& in, std::size_t chunk_size, std::size_t token_limit);

  /// The next byte without consuming it, or -1 at the end of input (reads a chunk if needed).
  int peek();
  /// Consumes one byte (peek() must have returned one).
  void advance();
  /// The 1-based line of the next byte.
  std::size_t line() const { return line_; }
  /// Bytes consumed so far.
  std::size_t offset() const { return base_ + pos_; }
  /// 1-based line and column (in bytes) of an already consumed byte at `at` (not before the
  /// previous line's start — enough for a parser that looks back at most one byte).
  std::pair<std::size_t, std::size_t> line_and_column(std::size_t at) const;
  /// Whether reading failed (not the end of input).
  bool read_failed() const { return read_failed_; }

  /// Reads the rest of the current line (without its '\n') into `line`, keeping at most
  /// `limit` bytes; returns false at the end of input. `truncated` tells whether it was longer.
  bool read_line(std::string& line, std::size_t limit, bool& truncated);

  /// Called on every parse event: a token may run `token_limit` bytes from here.
  void mark() {
    mark_ = offset();
    update_stop();
  }
  Stop stop_reason() const { return stop_; }

  /// An input iterator over the bytes for nlohmann::json::sax_parse(first, last, …).
  class Iterator {
   public:
    using iterator_category = std::input_iterator_tag;
    using value_type = char;
    using difference_type = std::ptrdiff_t;
    using pointer = const char*;
    using reference = const char&;

    explicit Iterator(ProspectStream* stream) : stream_(stream) {}
    const char& operator*() const { return stream_->buffer_[stream_->pos_]; }
    Iterator& operator++() {
      stream_->advance();
      return *this;
    }
    // Only ever compared with the end sentinel (stream_ == nullptr).
    bool operator==(const Iterator& other) const {
      const ProspectStream* s = stream_ != nullptr ? stream_ : other.stream_;
      if (s == nullptr) return true;
      return !const_cast<ProspectStream*>(s)->has_more();
    }
    bool operator!=(const Iterator& other) const { return !(*this == other); }

   private:
    ProspectStream* stream_;
  };
  Iterator begin() { return Iterator(this); }
  static Iterator end() { return Iterator(nullptr); }

 private:
  bool has_more() { return pos_ < stop_at_ || slow_has_more(); }
  bool slow_has_more();
  bool refill();
  void update_stop();

  std::istream& in_;
  std::size_t token_limit_;
  std::vector<char> buffer_;
  std::size_t len_ = 0;      // valid bytes in buffer_
  std::size_t pos_ = 0;      // next byte to hand out
  std::size_t base_ = 0;     // offset of buffer_[0] in the input
  std::size_t nul_at_ = 0;   // index of the first NUL in the chunk at or after pos_, or len_
  std::size_t stop_at_ = 0;  // the iterator's fast path runs while pos_ < stop_at_
  std::size_t mark_ = 0;
  Stop stop_ = Stop::none;
  bool read_failed_ = false;
  std::size_t line_ = 1, line_start_ = 0, previous_line_start_ = 0;
};

}  // namespace outreach::detail
