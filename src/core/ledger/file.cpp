// The ledger's file effects: reading it whole, and appending events durably under a lock so
// that concurrent runs neither lose nor interleave lines (SPEC §5).
#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <new>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <fmt/format.h>

#include "ledger/lines.hpp"
#include "outreach/error.hpp"
#include "outreach/io.hpp"
#include "outreach/ledger.hpp"
#include "outreach/limits.hpp"
#include "outreach/text.hpp"

namespace outreach {
namespace {

// A file descriptor closed when it goes out of scope (which also releases its flock).
class FileDescriptor {
 public:
  explicit FileDescriptor(int fd) : fd_(fd) {}
  FileDescriptor(const FileDescriptor&) = delete;
  FileDescriptor& operator=(const FileDescriptor&) = delete;
  ~FileDescriptor() {
    if (fd_ >= 0) ::close(fd_);
  }
  int get() const { return fd_; }
  bool valid() const { return fd_ >= 0; }

 private:
  int fd_;
};

std::string error_text(int error) { return std::strerror(error); }

std::string lock_path(const std::string& path) { return path + ".lock"; }

void lock(const FileDescriptor& fd, int operation, const std::string& path) {
  while (::flock(fd.get(), operation) != 0) {
    if (errno != EINTR) throw IoError(fmt::format("{}: cannot lock: {}", path, error_text(errno)));
  }
}

// Reads an open file from its start in chunks, handing each to `chunk`, so that a ledger of
// any size is never held whole in memory; returns the number of bytes read.
template <typename OnChunk>
off_t read_chunks(const FileDescriptor& fd, const std::string& path, OnChunk&& chunk) {
  std::vector<char> buffer(std::size_t{1} << 16);
  off_t offset = 0;
  for (;;) {
    const ssize_t n = ::pread(fd.get(), buffer.data(), buffer.size(), offset);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      if (errno == EISDIR) throw InputError(fmt::format("{}: is a directory, not a file", path));
      throw IoError(fmt::format("{}: read error: {}", path, error_text(errno)));
    }
    if (n == 0) return offset;
    chunk(std::string_view(buffer.data(), static_cast<std::size_t>(n)));
    offset += n;
  }
}

// Makes a newly created ledger's directory entry durable too; a failure here does not lose
// the events already flushed, so it is not reported.
void sync_parent_directory(const std::string& path) {
  const std::filesystem::path parent = std::filesystem::path(path).parent_path();
  const char* name = parent.empty() ? "." : parent.c_str();
  const FileDescriptor dir(::open(name, O_RDONLY | O_DIRECTORY | O_CLOEXEC));
  if (dir.valid()) (void)::fsync(dir.get());
}

}  // namespace

std::vector<LedgerEvent> read_ledger_file(const std::string& path, const date::time_zone* zone,
                                          bool missing_ok) try {
  if (!inspect_input(path, missing_ok)) return {};
  // A shared lock keeps a concurrent append from being seen half-written. Readers never
  // create the lock file: without one, no append has run.
  const FileDescriptor lock_fd(::open(lock_path(path).c_str(), O_RDONLY | O_CLOEXEC));
  if (lock_fd.valid()) lock(lock_fd, LOCK_SH, lock_path(path));
  const FileDescriptor fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC));
  if (!fd.valid()) throw InputError(fmt::format("{}: cannot open: {}", path, error_text(errno)));
  ledger_lines::LedgerParser parser(path, zone, LastLine::must_be_complete);
  ledger_lines::LineSplitter lines = ledger_lines::lines_into(parser);
  read_chunks(fd, path, [&](std::string_view chunk) { lines.feed(chunk); });
  lines.finish();
  return parser.finish();
} catch (const std::bad_alloc&) {
  throw IoError(fmt::format("{}: out of memory while reading it", path));
}

void append_ledger_events(const std::string& path, const std::vector<LedgerEvent>& events) {
  if (events.empty()) return;
  // Never write a line that the reader would refuse (a prospect id of many kilobytes).
  std::vector<std::string> lines_to_write;
  lines_to_write.reserve(events.size());
  for (const LedgerEvent& event : events) {
    std::string line = format_ledger_event(event);
    if (line.size() > max_ledger_line_bytes)
      throw InputError(fmt::format(
          "{}: the event for prospect {} would take {} bytes, more than the {} a ledger line may "
          "hold; nothing was appended",
          path, quoted_printable(event.prospect, 20), line.size(),
          describe_byte_count(max_ledger_line_bytes)));
    lines_to_write.push_back(std::move(line) + '\n');
  }
  const FileDescriptor lock_fd(::open(lock_path(path).c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0666));
  if (!lock_fd.valid())
    throw InputError(fmt::format("{}: cannot create the lock file {}: {}", path, lock_path(path),
                                 error_text(errno)));
  lock(lock_fd, LOCK_EX, lock_path(path));

  struct stat info {};
  const bool existed = ::stat(path.c_str(), &info) == 0;
  if (existed && S_ISDIR(info.st_mode))
    throw InputError(fmt::format("{}: is a directory, not a file", path));
  const FileDescriptor fd(::open(path.c_str(), O_RDWR | O_APPEND | O_CREAT | O_CLOEXEC, 0666));
  if (!fd.valid()) throw InputError(fmt::format("{}: cannot open: {}", path, error_text(errno)));

  ledger_lines::TornLineFinder finder;
  ledger_lines::LineSplitter lines = ledger_lines::lines_into(finder);
  // Under the lock nobody else appends, so on failure our own partial lines can be cut off
  // again, leaving the ledger exactly as it was.
  const off_t original_size =
      read_chunks(fd, path, [&](std::string_view chunk) { lines.feed(chunk); });
  lines.finish();
  if (const auto torn = finder.result())
    throw InputError(fmt::format("{}:{}: torn last line ({}), not appending after it: {}", path,
                                 torn->line, torn->problem, torn->repair));
  const auto fail = [&](const std::string& problem) {
    if (::ftruncate(fd.get(), original_size) == 0) (void)::fsync(fd.get());
    throw IoError(fmt::format("{}: {}; nothing was appended", path, problem));
  };
  for (const std::string& line : lines_to_write) {
    ssize_t written = 0;
    do {
      written = ::write(fd.get(), line.data(), line.size());
    } while (written < 0 && errno == EINTR);
    if (written < 0) fail("cannot write: " + error_text(errno));
    if (static_cast<std::size_t>(written) != line.size())
      fail("cannot write: the disk may be full");
  }
  if (::fsync(fd.get()) != 0) fail("cannot flush to disk: " + error_text(errno));
  if (!existed) sync_parent_directory(path);
}

}  // namespace outreach
