// Standard output whose failed writes are errors (SPEC §7): a full disk, a closed descriptor, a
// closed pipe with SIGPIPE ignored.
#include "stdout_buffer.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <csignal>
#include <ostream>
#include <string>

#include <catch2/catch.hpp>

#include "outreach/error.hpp"

using outreach::IoError;
using outreach::cli::FdOutputBuffer;

namespace {

// Writes `bytes` bytes through a stream over `fd` and flushes it, as a command does.
void write_through(int fd, std::size_t bytes) {
  FdOutputBuffer buffer(fd, "stdout", 4096);
  std::ostream out(&buffer);
  out.exceptions(std::ios::badbit);
  const std::string piece(1000, 'x');
  for (std::size_t written = 0; written < bytes; written += piece.size()) out << piece;
  out.flush();
}

}  // namespace

TEST_CASE("what is written reaches the descriptor, in order", "[cli]") {
  int ends[2];
  REQUIRE(::pipe(ends) == 0);
  {
    FdOutputBuffer buffer(ends[1], "stdout", 8);
    std::ostream out(&buffer);
    out.exceptions(std::ios::badbit);
    out << "hello, " << std::string(20, 'y') << '!';
    out.flush();
  }
  ::close(ends[1]);
  char text[64] = {};
  CHECK(::read(ends[0], text, sizeof text) == 28);
  CHECK(std::string(text) == "hello, " + std::string(20, 'y') + "!");
  ::close(ends[0]);
}

TEST_CASE("a full disk is an error naming stdout", "[cli]") {
  const int full = ::open("/dev/full", O_WRONLY | O_CLOEXEC);
  if (full < 0) {
    WARN("skipped: no /dev/full here");
    return;
  }
  CHECK_THROWS_WITH(write_through(full, 10), "stdout: No space left on device");      // on flush
  CHECK_THROWS_WITH(write_through(full, 100000), "stdout: No space left on device");  // on the way
  ::close(full);
}

TEST_CASE("a closed descriptor and a closed pipe are errors too", "[cli]") {
  int ends[2];
  REQUIRE(::pipe(ends) == 0);
  ::close(ends[0]);
  const auto saved = std::signal(SIGPIPE, SIG_IGN);
  CHECK_THROWS_WITH(write_through(ends[1], 10), "stdout: Broken pipe");
  std::signal(SIGPIPE, saved);
  ::close(ends[1]);
  CHECK_THROWS_WITH(write_through(ends[1], 10), "stdout: Bad file descriptor");
}

TEST_CASE("nothing is written when a command fails before flushing", "[cli]") {
  int ends[2];
  REQUIRE(::pipe(ends) == 0);
  {
    FdOutputBuffer buffer(ends[1], "stdout", 4096);
    std::ostream out(&buffer);
    out << "half a plan";
  }  // destroyed without a flush, as after an error
  ::close(ends[1]);
  char text[16];
  CHECK(::read(ends[0], text, sizeof text) == 0);
  ::close(ends[0]);
}
