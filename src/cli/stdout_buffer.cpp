#include "stdout_buffer.hpp"

#include <unistd.h>

#include <cerrno>
#include <cstring>

#include <fmt/format.h>

#include "outreach/error.hpp"

namespace outreach::cli {

FdOutputBuffer::FdOutputBuffer(int fd, std::string name, std::size_t capacity)
    : fd_(fd), name_(std::move(name)), buffer_(capacity) {
  setp(buffer_.data(), buffer_.data() + buffer_.size());
}

void FdOutputBuffer::write_all(const char* data, std::size_t size) {
  while (size > 0) {
    const ssize_t written = ::write(fd_, data, size);
    if (written < 0 && errno == EINTR) continue;
    if (written <= 0) {
      const int error = written < 0 ? errno : ENOSPC;
      // Drop what is buffered: the stream is dead, and a later flush must not write it again.
      setp(buffer_.data(), buffer_.data() + buffer_.size());
      throw IoError(fmt::format("{}: {}", name_, std::strerror(error)));
    }
    data += written;
    size -= static_cast<std::size_t>(written);
  }
}

void FdOutputBuffer::drain() {
  const auto pending = static_cast<std::size_t>(pptr() - pbase());
  setp(buffer_.data(), buffer_.data() + buffer_.size());
  write_all(buffer_.data(), pending);
}

FdOutputBuffer::int_type FdOutputBuffer::overflow(int_type c) {
  drain();
  if (!traits_type::eq_int_type(c, traits_type::eof())) {
    *pptr() = traits_type::to_char_type(c);
    pbump(1);
  }
  return traits_type::not_eof(c);
}

std::streamsize FdOutputBuffer::xsputn(const char* data, std::streamsize size) {
  const auto count = static_cast<std::size_t>(size);
  if (count <= static_cast<std::size_t>(epptr() - pptr())) {
    std::memcpy(pptr(), data, count);
    pbump(static_cast<int>(count));
    return size;
  }
  // Larger than the room left: write what is buffered, then the piece itself (plan rows come
  // in pieces of many kilobytes, not worth copying).
  drain();
  if (count < buffer_.size()) {
    std::memcpy(pptr(), data, count);
    pbump(static_cast<int>(count));
  } else {
    write_all(data, count);
  }
  return size;
}

int FdOutputBuffer::sync() {
  drain();
  return 0;
}

}  // namespace outreach::cli
