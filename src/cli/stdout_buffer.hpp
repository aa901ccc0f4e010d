#pragma once
// Standard output as a stream whose failed writes are errors (SPEC §7): a full disk, a closed
// descriptor or a closed pipe with SIGPIPE ignored is IoError "stdout: REASON", exit 2,
// instead of a silent exit 0.

#include <cstddef>
#include <streambuf>
#include <string>
#include <vector>

namespace outreach::cli {

/// A buffered streambuf over a file descriptor that throws IoError "NAME: REASON" from the
/// write that fails (an ostream with exceptions(badbit) passes it on unchanged). It never
/// writes from its destructor: what was not flushed when a command failed is dropped, so that
/// nothing partial reaches stdout.
class FdOutputBuffer : public std::streambuf {
 public:
  FdOutputBuffer(int fd, std::string name, std::size_t capacity = std::size_t{1} << 16);

 protected:
  int_type overflow(int_type c) override;
  std::streamsize xsputn(const char* data, std::streamsize size) override;
  int sync() override;

 private:
  void drain();
  void write_all(const char* data, std::size_t size);

  int fd_;
  std::string name_;
  std::vector<char> buffer_;
};

}  // namespace outreach::cli
