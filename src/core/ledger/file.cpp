// The ledger's file effects: reading it, and appending events durably and all or nothing
// under a lock on the file itself, so that concurrent runs neither lose nor interleave lines
// and a crash never leaves half an import (SPEC §5).
#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <climits>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <new>
#include <string>
#include <string_view>
#include <thread>
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
  FileDescriptor(FileDescriptor&& other) noexcept : fd_(std::exchange(other.fd_, -1)) {}
  FileDescriptor& operator=(FileDescriptor&&) = delete;
  ~FileDescriptor() {
    if (fd_ >= 0) ::close(fd_);
  }
  int get() const { return fd_; }
  bool valid() const { return fd_ >= 0; }

 private:
  int fd_;
};

std::string error_text(int error) { return std::strerror(error); }

const char* kind_of_file(mode_t mode) {
  if (S_ISFIFO(mode)) return "a FIFO";
  if (S_ISCHR(mode)) return "a character device";
  if (S_ISBLK(mode)) return "a block device";
  if (S_ISSOCK(mode)) return "a socket";
  return "not a regular file";
}

// Opens without blocking (a FIFO would wait for a writer for ever) and refuses anything but a
// regular file: a ledger or its journal read from /dev/zero or a FIFO would never end.
FileDescriptor open_regular(const std::string& path, int flags, const char* what) {
  FileDescriptor fd(::open(path.c_str(), flags | O_NONBLOCK | O_CLOEXEC, 0666));
  if (!fd.valid()) {
    if (errno == EISDIR) throw InputError(fmt::format("{}: is a directory, not a file", path));
    throw InputError(fmt::format("{}: cannot open: {}", path, error_text(errno)));
  }
  struct stat info {};
  if (::fstat(fd.get(), &info) != 0)
    throw IoError(fmt::format("{}: cannot stat: {}", path, error_text(errno)));
  if (S_ISDIR(info.st_mode)) throw InputError(fmt::format("{}: is a directory, not a file", path));
  if (!S_ISREG(info.st_mode))
    throw InputError(fmt::format("{}: {}, not a regular file; {} must be a file", path,
                                 kind_of_file(info.st_mode), what));
  return fd;
}

off_t size_of(const FileDescriptor& fd, const std::string& path) {
  struct stat info {};
  if (::fstat(fd.get(), &info) != 0)
    throw IoError(fmt::format("{}: cannot stat: {}", path, error_text(errno)));
  return info.st_size;
}

// What the ledger looks like now, to tell whether other writers are getting on with it.
std::pair<off_t, timespec> progress_of(const FileDescriptor& fd) {
  struct stat info {};
  if (::fstat(fd.get(), &info) != 0) return {};
  return {info.st_size, info.st_mtim};
}

bool same_progress(const std::pair<off_t, timespec>& a, const std::pair<off_t, timespec>& b) {
  return a.first == b.first && a.second.tv_sec == b.second.tv_sec &&
         a.second.tv_nsec == b.second.tv_nsec;
}

// Takes the flock, waiting for other processes to release it; the lock is on the open file,
// so every name of the ledger (a symlink, a hard link) shares it. It gives up once the lock
// has been held for wait.timeout with the ledger unchanged: a queue of appends, each changing
// the file, is waited through, a holder that is stuck is not.
void lock(const FileDescriptor& fd, int operation, const std::string& path,
          const LedgerLockWait& wait) {
  const auto try_lock = [&] {
    for (;;) {
      if (::flock(fd.get(), operation | LOCK_NB) == 0) return true;
      if (errno == EWOULDBLOCK) return false;
      if (errno != EINTR)
        throw IoError(fmt::format("{}: cannot lock: {}", path, error_text(errno)));
    }
  };
  if (try_lock()) return;
  if (wait.on_wait) wait.on_wait(path);
  // Counted sleeps rather than a clock: the library never reads one.
  constexpr std::chrono::milliseconds step{25};
  auto seen = progress_of(fd);
  for (auto waited = std::chrono::milliseconds{0}; waited < wait.timeout; waited += step) {
    std::this_thread::sleep_for(step);
    if (try_lock()) return;
    if (const auto now = progress_of(fd); !same_progress(now, seen)) {
      seen = now;
      waited = std::chrono::milliseconds{0};
    }
  }
  throw IoError(fmt::format(
      "{}: still locked by another process after {} seconds; nothing was read or written, try "
      "again when it has finished",
      path, std::chrono::duration_cast<std::chrono::seconds>(wait.timeout).count()));
}

// Reads an open file from its start up to `limit` bytes in chunks, handing each to `chunk`, so
// that a ledger of any size is never held whole in memory; returns the number of bytes read.
template <typename OnChunk>
off_t read_chunks(const FileDescriptor& fd, const std::string& path, off_t limit, OnChunk&& chunk) {
  std::vector<char> buffer(std::size_t{1} << 16);
  off_t offset = 0;
  while (offset < limit) {
    const auto want = static_cast<std::size_t>(
        std::min<off_t>(static_cast<off_t>(buffer.size()), limit - offset));
    const ssize_t n = ::pread(fd.get(), buffer.data(), want, offset);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) throw IoError(fmt::format("{}: read error: {}", path, error_text(errno)));
    if (n == 0) break;
    chunk(std::string_view(buffer.data(), static_cast<std::size_t>(n)));
    offset += n;
  }
  return offset;
}

void sync_directory_of(const std::string& path) {
  const std::filesystem::path parent = std::filesystem::path(path).parent_path();
  const char* name = parent.empty() ? "." : parent.c_str();
  const FileDescriptor dir(::open(name, O_RDONLY | O_DIRECTORY | O_CLOEXEC));
  if (dir.valid()) (void)::fsync(dir.get());
}

// --- The rollback journal: the ledger's size before a batch, and after it, while the batch
// is written. ---

constexpr std::string_view journal_prefix = "outreach ledger rollback journal: size before append ";
constexpr std::string_view journal_middle = ", after ";

struct Journal {
  off_t before = 0;  ///< the committed size: what readers read, what a rollback cuts back to
  off_t after = 0;   ///< the size once the batch is written
  /// Whether it still describes the file: a file grown past `after` was appended to through
  /// another name (a hard link elsewhere does not see this journal), so the batch is kept.
  bool applies_to(off_t size) const { return size <= after; }
};

std::string journal_text(off_t before, off_t after) {
  return fmt::format("{}{}{}{}\n", journal_prefix, before, journal_middle, after);
}

// The journal at `journal`, or nullopt when there is none. A journal that does not read as
// one was being written when its writer stopped, before any event was appended (it is flushed
// first), so it records nothing.
std::optional<Journal> read_journal(const std::string& journal) {
  struct stat info {};
  if (::lstat(journal.c_str(), &info) != 0) {
    if (errno == ENOENT) return std::nullopt;
    throw IoError(fmt::format("{}: cannot stat: {}", journal, error_text(errno)));
  }
  const FileDescriptor fd = open_regular(journal, O_RDONLY | O_NOFOLLOW, "a ledger journal");
  char text[160] = {};
  ssize_t n = 0;
  do {
    n = ::pread(fd.get(), text, sizeof text - 1, 0);
  } while (n < 0 && errno == EINTR);
  if (n < 0) throw IoError(fmt::format("{}: read error: {}", journal, error_text(errno)));
  long long before = -1, after = -1;
  const std::string format = fmt::format("{}%lld{}%lld\n", journal_prefix, journal_middle);
  if (std::sscanf(text, format.c_str(), &before, &after) != 2 || before < 0 || after < before ||
      std::string_view(text, static_cast<std::size_t>(n)) !=
          journal_text(static_cast<off_t>(before), static_cast<off_t>(after)))
    return std::nullopt;
  return Journal{static_cast<off_t>(before), static_cast<off_t>(after)};
}

void remove_journal(const std::string& journal) {
  if (::unlink(journal.c_str()) != 0 && errno != ENOENT)
    throw IoError(
        fmt::format("{}: cannot remove the rollback journal: {}", journal, error_text(errno)));
  sync_directory_of(journal);
}

// Under the exclusive lock: undo an append that a crash interrupted, then forget its journal.
void roll_back(const FileDescriptor& ledger, const std::string& path, const std::string& journal) {
  const auto found = read_journal(journal);
  if (!found && ::access(journal.c_str(), F_OK) != 0) return;
  const off_t size = size_of(ledger, path);
  if (found && found->applies_to(size) && size > found->before) {
    if (::ftruncate(ledger.get(), found->before) != 0 || ::fsync(ledger.get()) != 0)
      throw IoError(fmt::format("{}: cannot roll back the interrupted append that {} records: {}",
                                path, journal, error_text(errno)));
  }
  remove_journal(journal);
}

void write_all(const FileDescriptor& fd, std::string_view bytes, const std::string& path) {
  while (!bytes.empty()) {
    const ssize_t written = ::write(fd.get(), bytes.data(), bytes.size());
    if (written < 0 && errno == EINTR) continue;
    if (written < 0)
      throw IoError(
          fmt::format("{}: cannot write: {}", path,
                      errno == EFBIG ? "file too large (a file-size limit?)" : error_text(errno)));
    if (written == 0) throw IoError(fmt::format("{}: cannot write: the disk may be full", path));
    bytes.remove_prefix(static_cast<std::size_t>(written));
  }
}

void write_journal(const std::string& journal, off_t before, off_t after) {
  const FileDescriptor fd =
      open_regular(journal, O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW, "a ledger journal");
  write_all(fd, journal_text(before, after), journal);
  if (::fsync(fd.get()) != 0)
    throw IoError(fmt::format("{}: cannot flush to disk: {}", journal, error_text(errno)));
  sync_directory_of(journal);
}

// Beside the file itself, whatever symlink it was reached through, and named by its inode, so
// that every name of the ledger in its folder (a hard link too) finds the same journal.
std::string journal_path(const std::string& path, ino_t inode) {
  char resolved[PATH_MAX];
  const std::filesystem::path real = std::filesystem::path(
      ::realpath(path.c_str(), resolved) != nullptr ? resolved : path.c_str());
  return (real.parent_path() / fmt::format(".outreach-ledger-{}.journal", inode)).string();
}

ino_t inode_of(const FileDescriptor& fd, const std::string& path) {
  struct stat info {};
  if (::fstat(fd.get(), &info) != 0)
    throw IoError(fmt::format("{}: cannot stat: {}", path, error_text(errno)));
  return info.st_ino;
}

std::vector<std::string> lines_of(const std::string& path, const std::vector<LedgerEvent>& events) {
  // Never write a line that the reader would refuse (a prospect id of many kilobytes).
  std::vector<std::string> lines;
  lines.reserve(events.size());
  for (const LedgerEvent& event : events) {
    std::string line = format_ledger_event(event);
    if (line.size() > max_ledger_line_bytes)
      throw InputError(fmt::format(
          "{}: the event for prospect {} would take {} bytes, more than the {} a ledger line may "
          "hold; nothing was appended",
          path, quoted_printable(event.prospect, 20), line.size(),
          describe_byte_count(max_ledger_line_bytes)));
    lines.push_back(std::move(line) + '\n');
  }
  return lines;
}

}  // namespace

std::string ledger_journal_path(const std::string& path) {
  struct stat info {};
  if (::stat(path.c_str(), &info) != 0) return {};
  return journal_path(path, info.st_ino);
}

std::vector<LedgerEvent> read_ledger_file(const std::string& path, const date::time_zone* zone,
                                          bool missing_ok, const LedgerLockWait& wait) try {
  if (!inspect_input(path, missing_ok)) return {};
  const FileDescriptor fd = open_regular(path, O_RDONLY, "a ledger");
  // A shared lock keeps a concurrent append from being seen half-written.
  lock(fd, LOCK_SH, path, wait);
  // An append that a crash interrupted is not part of the ledger: read what came before it.
  // (The next writer rolls it back; a reader only has a shared lock, so it leaves it.)
  const off_t size = size_of(fd, path);
  const auto journal = read_journal(journal_path(path, inode_of(fd, path)));
  const off_t limit = journal && journal->applies_to(size) ? journal->before : size;
  ledger_lines::LedgerParser parser(path, zone, LastLine::must_be_complete);
  ledger_lines::LineSplitter lines = ledger_lines::lines_into(parser);
  read_chunks(fd, path, limit, [&](std::string_view chunk) { lines.feed(chunk); });
  lines.finish();
  return parser.finish();
} catch (const std::bad_alloc&) {
  throw IoError(fmt::format("{}: out of memory while reading it", path));
}

namespace {

// A ledger open for appending under its exclusive lock, an interrupted append rolled back.
struct LockedLedger {
  FileDescriptor fd;
  std::string journal;
  bool existed = false;  ///< before this append: a new file's folder is synced too
};

LockedLedger lock_for_append(const std::string& path, const LedgerLockWait& wait) {
  struct stat info {};
  const bool existed = ::stat(path.c_str(), &info) == 0;
  FileDescriptor fd = open_regular(path, O_RDWR | O_APPEND | O_CREAT, "a ledger");
  lock(fd, LOCK_EX, path, wait);
  std::string journal = journal_path(path, inode_of(fd, path));
  roll_back(fd, path, journal);
  return {std::move(fd), std::move(journal), existed};
}

// Reads the whole ledger under the lock into `consumer` (a parser or a torn-line finder);
// returns its size.
template <typename Consumer>
off_t read_locked(const LockedLedger& ledger, const std::string& path, Consumer& consumer) {
  ledger_lines::LineSplitter lines = ledger_lines::lines_into(consumer);
  const off_t size = read_chunks(ledger.fd, path, size_of(ledger.fd, path),
                                 [&](std::string_view chunk) { lines.feed(chunk); });
  lines.finish();
  return size;
}

// Appends whole lines after `original_size`, all or nothing: the journal says how to undo
// them until it is gone.
void write_batch(const LockedLedger& ledger, const std::string& path, off_t original_size,
                 const std::vector<std::string>& lines_to_write) {
  try {
    off_t batch_size = 0;
    for (const std::string& line : lines_to_write) batch_size += static_cast<off_t>(line.size());
    write_journal(ledger.journal, original_size, original_size + batch_size);
    // Whole lines, in writes of about 64 KiB: readers wait for the lock, so they never see a
    // batch half-written, and a crash mid-batch is rolled back.
    std::string batch;
    for (std::size_t i = 0; i < lines_to_write.size(); ++i) {
      batch += lines_to_write[i];
      if (batch.size() >= (std::size_t{1} << 16) || i + 1 == lines_to_write.size()) {
        write_all(ledger.fd, batch, path);
        batch.clear();
      }
    }
    if (::fsync(ledger.fd.get()) != 0)
      throw IoError(fmt::format("{}: cannot flush to disk: {}", path, error_text(errno)));
    if (!ledger.existed) sync_directory_of(path);
    // The commit: once the journal is gone, the batch is part of the ledger.
    remove_journal(ledger.journal);
  } catch (const IoError& e) {
    // Under the lock nobody else appends: cut back to our own first byte, never further.
    if (::ftruncate(ledger.fd.get(), original_size) == 0 && ::fsync(ledger.fd.get()) == 0) {
      (void)::unlink(ledger.journal.c_str());
      sync_directory_of(ledger.journal);
    }
    throw IoError(fmt::format("{}; nothing was appended", e.what()));
  }
}

// The writer's words for a void that cannot be appended (the reader has its own, naming the
// void's line).
[[noreturn]] void refuse_void(VoidProblem problem, const std::string& path, std::size_t target,
                              const ledger_lines::LedgerParser& parser) {
  const LedgerCorrections& corrections = parser.corrections();
  const std::string line = fmt::format("line {} of {}", target, path);
  switch (problem) {
    case VoidProblem::none:
      break;
    case VoidProblem::no_such_line:
      throw InputError(fmt::format(
          "{} has no line {} (it has {}): `outreach ledger show` lists each event's line", path,
          target, corrections.lines == 1 ? "1 line" : fmt::format("{} lines", corrections.lines)));
    case VoidProblem::blank:
      throw InputError(fmt::format("{} is blank: it holds no event to void", line));
    case VoidProblem::is_void:
      throw InputError(fmt::format(
          "{} is a void itself: a void is not voided; to restore the event it voided, add it "
          "again",
          line));
    case VoidProblem::already_voided:
      throw InputError(
          fmt::format("{} is voided already, by line {}", line, corrections.voided.at(target)));
  }
  throw InputError(line + ": cannot be voided");
}

}  // namespace

LedgerVoidResult append_ledger_void(const std::string& path, const LedgerVoid& correction,
                                    const date::time_zone* zone, const LedgerLockWait& wait) {
  // A ledger that does not exist has no line to void: refused without creating it.
  struct stat info {};
  if (::stat(path.c_str(), &info) != 0 && errno == ENOENT)
    throw InputError(
        fmt::format("{} does not exist yet: it has no line {} to void", path, correction.target));
  const LockedLedger ledger = lock_for_append(path, wait);
  ledger_lines::LedgerParser parser(path, zone, LastLine::must_be_complete);
  const off_t original_size = read_locked(ledger, path, parser);
  const std::vector<LedgerEvent> events = parser.finish();
  LedgerVoidResult result;
  result.line = parser.corrections().lines + 1;
  const VoidProblem problem =
      void_problem(events, parser.corrections(), correction.target, result.line);
  if (problem != VoidProblem::none) refuse_void(problem, path, correction.target, parser);
  result.voided = *std::lower_bound(
      events.begin(), events.end(), correction.target,
      [](const LedgerEvent& event, std::size_t line) { return event.line < line; });
  std::string line = format_ledger_void(correction);
  if (line.size() > max_ledger_line_bytes)
    throw InputError(
        fmt::format("{}: the void would take {} bytes, more than the {} a ledger "
                    "line may hold (a shorter --why?); nothing was appended",
                    path, line.size(), describe_byte_count(max_ledger_line_bytes)));
  write_batch(ledger, path, original_size, {line + '\n'});
  return result;
}

LedgerAppendResult append_ledger_events(const std::string& path,
                                        const std::vector<LedgerEvent>& events,
                                        const LedgerAppendOptions& options) {
  LedgerAppendResult result;
  if (events.empty()) return result;
  std::vector<std::string> lines_to_write = lines_of(path, events);
  const LockedLedger ledger = lock_for_append(path, options.wait);

  // Read what is there: a torn last line is never appended onto, and the caller may check the
  // events against the account (credits) under the same lock.
  off_t original_size = 0;
  std::vector<LedgerEvent> appending;
  if (options.check || options.skip_present) {
    ledger_lines::LedgerParser parser(path, options.zone, LastLine::must_be_complete);
    original_size = read_locked(ledger, path, parser);
    const std::vector<LedgerEvent> existing = parser.finish();
    if (options.skip_present) {
      // Only the events not yet in the ledger, and their lines.
      const std::vector<bool> present = events_present_in(existing, events);
      std::vector<std::string> kept;
      for (std::size_t i = 0; i < events.size(); ++i) {
        if (present[i]) continue;
        appending.push_back(events[i]);
        kept.push_back(std::move(lines_to_write[i]));
      }
      lines_to_write = std::move(kept);
    } else {
      appending = events;
    }
    result.skipped = events.size() - appending.size();
    if (options.check) options.check(existing, appending);
  } else {
    ledger_lines::TornLineFinder finder;
    original_size = read_locked(ledger, path, finder);
    if (const auto torn = finder.result())
      throw InputError(fmt::format("{}:{}: torn last line ({}), not appending after it: {}", path,
                                   torn->line, torn->problem, torn->repair));
  }
  result.appended = lines_to_write.size();
  if (lines_to_write.empty()) return result;
  write_batch(ledger, path, original_size, lines_to_write);
  return result;
}

}  // namespace outreach
