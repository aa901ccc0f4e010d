// The ledger file under faults: the lock on the file itself (symlinks, hard links), the
// rollback journal of an interrupted append, a file-size limit, files that are not files, and
// a lock held by another process (SPEC §5, §7).
#include <fcntl.h>
#include <sys/file.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include <csignal>
#include <filesystem>
#include <sstream>

#include <catch2/catch.hpp>

#include "ledger_fixtures.hpp"
#include "outreach/error.hpp"
#include "outreach/ledger.hpp"

using namespace outreach;
using outreach::testing::day;
using outreach::testing::read_text;
using outreach::testing::ScratchDir;
using outreach::testing::write_text;

namespace {

const date::time_zone* utc() { return find_time_zone("UTC", "test"); }

LedgerEvent event_for(const std::string& prospect) {
  LedgerEvent event;
  event.date = day("2026-03-05");
  event.type = EventType::message_sent;
  event.prospect = prospect;
  return event;
}

std::string line_for(const std::string& prospect) {
  return "{\"date\":\"2026-03-05\",\"type\":\"message_sent\",\"prospect\":\"" + prospect + "\"}\n";
}

// Another holder of the ledger's lock: a second open file description conflicts with ours
// even inside one process, as another process would.
struct LockHolder {
  int fd;
  explicit LockHolder(const std::string& path, int operation = LOCK_EX)
      : fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC)) {
    REQUIRE(fd >= 0);
    REQUIRE(::flock(fd, operation) == 0);
  }
  LockHolder(const LockHolder&) = delete;
  LockHolder& operator=(const LockHolder&) = delete;
  ~LockHolder() { ::close(fd); }
};

LedgerLockWait short_wait(std::vector<std::string>& waited_for) {
  LedgerLockWait wait;
  wait.timeout = std::chrono::milliseconds(100);
  wait.on_wait = [&waited_for](const std::string& path) { waited_for.push_back(path); };
  return wait;
}

// A file-size limit on this process while it lives, with SIGXFSZ ignored as main() does.
struct FileSizeLimit {
  rlimit saved{};
  void (*saved_handler)(int);
  explicit FileSizeLimit(rlim_t bytes) {
    REQUIRE(::getrlimit(RLIMIT_FSIZE, &saved) == 0);
    saved_handler = std::signal(SIGXFSZ, SIG_IGN);
    rlimit limited = saved;
    limited.rlim_cur = bytes;
    REQUIRE(::setrlimit(RLIMIT_FSIZE, &limited) == 0);
  }
  FileSizeLimit(const FileSizeLimit&) = delete;
  FileSizeLimit& operator=(const FileSizeLimit&) = delete;
  ~FileSizeLimit() {
    ::setrlimit(RLIMIT_FSIZE, &saved);
    std::signal(SIGXFSZ, saved_handler);
  }
};

}  // namespace

TEST_CASE("a symlink and a hard link to the ledger share its lock", "[ledger][file]") {
  ScratchDir dir;
  const std::string path = dir.file("ledger.ndjson");
  append_ledger_events(path, {event_for("p-1")});
  std::filesystem::create_symlink(path, dir.file("link.ndjson"));
  std::filesystem::create_hard_link(path, dir.file("hard.ndjson"));

  const LockHolder holder(path);
  for (const std::string name : {"link.ndjson", "hard.ndjson"}) {
    std::vector<std::string> waited_for;
    LedgerAppendOptions options;
    options.wait = short_wait(waited_for);
    CHECK_THROWS_WITH(append_ledger_events(dir.file(name), {event_for("p-2")}, options),
                      dir.file(name) +
                          ": still locked by another process after 0 seconds; nothing was read "
                          "or written, try again when it has finished");
    CHECK(waited_for == std::vector<std::string>{dir.file(name)});
    CHECK_THROWS_WITH(read_ledger_file(dir.file(name), utc(), false, options.wait),
                      Catch::Contains("still locked by another process"));
  }
  CHECK(read_text(path) == line_for("p-1"));
}

TEST_CASE("a shared lock lets readers in together but keeps writers waiting", "[ledger][file]") {
  ScratchDir dir;
  const std::string path = dir.file("ledger.ndjson");
  append_ledger_events(path, {event_for("p-1")});
  const LockHolder reader(path, LOCK_SH);
  std::vector<std::string> waited_for;
  CHECK(read_ledger_file(path, utc(), false, short_wait(waited_for)).size() == 1);
  CHECK(waited_for.empty());
  LedgerAppendOptions options;
  options.wait = short_wait(waited_for);
  CHECK_THROWS_AS(append_ledger_events(path, {event_for("p-2")}, options), IoError);
  CHECK(waited_for.size() == 1);
}

TEST_CASE("the journal beside the ledger is found through a symlink and a hard link",
          "[ledger][file]") {
  ScratchDir dir;
  const std::string path = dir.file("ledger.ndjson");
  write_text(path, "");
  std::filesystem::create_symlink(path, dir.file("link.ndjson"));
  std::filesystem::create_directory(dir.file("other"));
  std::filesystem::create_hard_link(path, dir.file("other/hard.ndjson"));
  struct stat info {};
  REQUIRE(::stat(path.c_str(), &info) == 0);
  const std::string journal = (std::filesystem::canonical(dir.path) /
                               (".outreach-ledger-" + std::to_string(info.st_ino) + ".journal"))
                                  .string();
  CHECK(ledger_journal_path(path) == journal);
  CHECK(ledger_journal_path(dir.file("link.ndjson")) == journal);
  CHECK(ledger_journal_path(dir.file("other/hard.ndjson")) != journal);  // another folder
  CHECK(ledger_journal_path(dir.file("missing.ndjson")).empty());
}

TEST_CASE("an append interrupted by a crash is not read, then rolled back by the next writer",
          "[ledger][file]") {
  ScratchDir dir;
  const std::string path = dir.file("ledger.ndjson");
  const std::string committed = line_for("p-1") + line_for("p-2");
  // What a writer killed mid-import leaves: the journal with the size before its batch, and
  // complete lines of half its batch after it.
  write_text(path, committed + line_for("k-1") + line_for("k-2"));
  const std::size_t intended = committed.size() + 4 * line_for("k-1").size();
  write_text(ledger_journal_path(path), "outreach ledger rollback journal: size before append " +
                                            std::to_string(committed.size()) + ", after " +
                                            std::to_string(intended) + "\n");
  const std::string journal = ledger_journal_path(path);
  std::filesystem::create_symlink(path, dir.file("link.ndjson"));
  std::filesystem::create_hard_link(path, dir.file("hard.ndjson"));

  for (const std::string name : {"ledger.ndjson", "link.ndjson", "hard.ndjson"}) {
    const auto events = read_ledger_file(dir.file(name), utc(), false);
    REQUIRE(events.size() == 2);
    CHECK(events[1].prospect == "p-2");
  }
  // Readers leave it alone: only a writer, under the exclusive lock, rolls back.
  CHECK(std::filesystem::exists(journal));

  append_ledger_events(dir.file("hard.ndjson"), {event_for("p-3")});
  CHECK(read_text(path) == committed + line_for("p-3"));
  CHECK_FALSE(std::filesystem::exists(journal));
}

TEST_CASE("a journal that no longer describes the file is dropped, never cut past",
          "[ledger][file]") {
  // The ledger grew past the batch the journal describes: someone appended through a name
  // that does not see this journal (a hard link in another folder). Nothing is cut.
  ScratchDir dir;
  const std::string path = dir.file("ledger.ndjson");
  const std::string text = line_for("p-1") + line_for("k-1") + line_for("p-2");
  write_text(path, text);
  write_text(ledger_journal_path(path), "outreach ledger rollback journal: size before append " +
                                            std::to_string(line_for("p-1").size()) + ", after " +
                                            std::to_string(2 * line_for("p-1").size()) + "\n");
  CHECK(read_ledger_file(path, utc(), false).size() == 3);
  append_ledger_events(path, {event_for("p-3")});
  CHECK(read_text(path) == text + line_for("p-3"));
  CHECK_FALSE(std::filesystem::exists(ledger_journal_path(path)));
}

TEST_CASE("a journal that was never completed records nothing", "[ledger][file]") {
  ScratchDir dir;
  const std::string path = dir.file("ledger.ndjson");
  write_text(path, line_for("p-1"));
  const std::string journal = ledger_journal_path(path);
  write_text(journal, "outreach ledger rollback jou");  // cut while being written
  CHECK(read_ledger_file(path, utc(), false).size() == 1);
  append_ledger_events(path, {event_for("p-2")});
  CHECK(read_text(path) == line_for("p-1") + line_for("p-2"));
  CHECK_FALSE(std::filesystem::exists(journal));
}

TEST_CASE("a file-size limit fails the append and leaves the ledger as it was", "[ledger][file]") {
  ScratchDir dir;
  const std::string path = dir.file("ledger.ndjson");
  append_ledger_events(path, {event_for("p-1")});
  const std::string before = read_text(path);
  std::vector<LedgerEvent> batch;
  for (int i = 0; i < 50; ++i) batch.push_back(event_for("k-" + std::to_string(i)));
  {
    const FileSizeLimit limit(before.size() + 200);  // room for the journal and 3 events
    CHECK_THROWS_WITH(append_ledger_events(path, batch),
                      path +
                          ": cannot write: file too large (a file-size limit?); nothing was "
                          "appended");
  }
  CHECK(read_text(path) == before);
  CHECK_FALSE(std::filesystem::exists(ledger_journal_path(path)));
  append_ledger_events(path, {event_for("p-2")});
  CHECK(read_text(path) == before + line_for("p-2"));
}

TEST_CASE("a FIFO or a device is not a ledger", "[ledger][file]") {
  ScratchDir dir;
  const std::string fifo = dir.file("fifo.ndjson");
  REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
  CHECK_THROWS_WITH(read_ledger_file(fifo, utc(), false),
                    fifo + ": a FIFO, not a regular file; a ledger must be a file");
  CHECK_THROWS_WITH(append_ledger_events(fifo, {event_for("p")}),
                    fifo + ": a FIFO, not a regular file; a ledger must be a file");
  CHECK_THROWS_WITH(read_ledger_file("/dev/zero", utc(), false),
                    "/dev/zero: a character device, not a regular file; a ledger must be a file");
  CHECK_THROWS_WITH(append_ledger_events("/dev/zero", {event_for("p")}),
                    "/dev/zero: a character device, not a regular file; a ledger must be a file");
  // Nor is a FIFO where the journal goes: refused, never waited on.
  const std::string path = dir.file("ledger.ndjson");
  write_text(path, "");
  const std::string journal = ledger_journal_path(path);
  REQUIRE(::mkfifo(journal.c_str(), 0600) == 0);
  CHECK_THROWS_WITH(read_ledger_file(path, utc(), false),
                    journal + ": a FIFO, not a regular file; a ledger journal must be a file");
}

TEST_CASE("an import is read as a stream, line by line", "[ledger][file]") {
  std::istringstream two(line_for("p-1") + "\n" + line_for("p-2").substr(0, 40));
  CHECK_THROWS_WITH(parse_ledger_stream(two, "in", utc(), LastLine::may_lack_newline),
                    Catch::StartsWith("in:3:"));
  std::istringstream fine(line_for("p-1") + line_for("p-2"));
  CHECK(parse_ledger_stream(fine, "in", utc(), LastLine::may_lack_newline).size() == 2);
  // A line with no end is refused once it passes the line limit, not read for ever.
  struct Zeros : std::streambuf {
    char zeros[4096] = {};
    std::size_t served = 0;
    int_type underflow() override {
      if (served > (std::size_t{256} << 20)) return traits_type::eof();  // a guard for the test
      served += sizeof zeros;
      setg(zeros, zeros, zeros + sizeof zeros);
      return 0;
    }
  } zeros;
  std::istream endless(&zeros);
  CHECK_THROWS_WITH(parse_ledger_stream(endless, "/dev/zero", utc(), LastLine::may_lack_newline),
                    Catch::StartsWith("/dev/zero:1: line too long"));
  CHECK(zeros.served < (std::size_t{1} << 20));
}

TEST_CASE("an import leaves out the events already in the ledger, under its lock",
          "[ledger][file]") {
  ScratchDir dir;
  const std::string path = dir.file("ledger.ndjson");
  write_text(path, line_for("p-1") + "\n" + line_for("p-2"));
  LedgerAppendOptions options;
  options.zone = utc();
  options.skip_present = true;
  std::vector<std::string> checked;
  std::vector<std::size_t> existing_sizes;
  options.check = [&](const std::vector<LedgerEvent>& existing,
                      const std::vector<LedgerEvent>& appending) {
    existing_sizes.push_back(existing.size());
    for (const LedgerEvent& event : appending) checked.push_back(event.prospect);
  };
  const LedgerAppendResult result =
      append_ledger_events(path, {event_for("p-2"), event_for("p-3"), event_for("p-1")}, options);
  CHECK(result.appended == 1);
  CHECK(result.skipped == 2);
  CHECK(checked == std::vector<std::string>{"p-3"});
  CHECK(existing_sizes == std::vector<std::size_t>{2});
  CHECK(read_text(path) == line_for("p-1") + "\n" + line_for("p-2") + line_for("p-3"));

  // Run again, it appends nothing and leaves the file as it is.
  const LedgerAppendResult again = append_ledger_events(path, {event_for("p-3")}, options);
  CHECK(again.appended == 0);
  CHECK(again.skipped == 1);
  CHECK(read_text(path) == line_for("p-1") + "\n" + line_for("p-2") + line_for("p-3"));

  // Without skip_present (`ledger add`) the same event is appended again.
  CHECK(append_ledger_events(path, {event_for("p-3")}).appended == 1);
  CHECK(read_text(path) ==
        line_for("p-1") + "\n" + line_for("p-2") + line_for("p-3") + line_for("p-3"));
}
