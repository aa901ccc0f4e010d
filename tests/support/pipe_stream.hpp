#pragma once
// An input stream that cannot seek, like a pipe: read_prospects then reads with the exact
// reader alone (a seekable one gets the parallel reader first).

#include <istream>
#include <streambuf>
#include <string>

class PipeStream : public std::istream {
 public:
  explicit PipeStream(std::string text) : std::istream(nullptr), buffer_(std::move(text)) {
    rdbuf(&buffer_);
  }

 private:
  class Buffer : public std::streambuf {
   public:
    explicit Buffer(std::string text) : text_(std::move(text)) {
      setg(text_.data(), text_.data(), text_.data() + text_.size());
    }

   private:
    std::string text_;
  };
  Buffer buffer_;
};
