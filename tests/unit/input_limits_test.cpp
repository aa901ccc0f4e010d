// Input limits (include/outreach/limits.hpp) and the traps of hostile input: numbers beyond a
// double or an int64, far-future timestamps, over-long ledger lines, and the ledger read in
// chunks agreeing with the ledger read whole.
#include "outreach/limits.hpp"

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>

#include <catch2/catch.hpp>

#include "ledger/event.hpp"
#include "ledger/lines.hpp"
#include "outreach/error.hpp"
#include "outreach/ledger.hpp"
#include "support/json_input.hpp"

using namespace outreach;

namespace {

const date::time_zone* utc() { return find_time_zone("UTC", "test"); }

std::string error_of(const std::function<void()>& run) {
  try {
    run();
  } catch (const InputError& e) {
    return e.what();
  }
  return "(no error)";
}

const std::string event = R"({"date": "2026-03-05", "type": "reply", "prospect": "p-1")";

// A valid event line of exactly `size` bytes (without its newline), padded with spaces.
std::string event_of_size(std::size_t size) {
  return event + std::string(size - event.size() - 1, ' ') + "}";
}

std::int64_t int_field(const std::string& document, std::int64_t min, std::int64_t max) {
  const auto json = parse_json_document(document, "in.json");
  return JsonField(json, "in.json", "").at("n").as_int(min, max);
}

struct ScratchFile {
  std::filesystem::path path;
  explicit ScratchFile(const std::string& text) {
    std::string pattern =
        (std::filesystem::temp_directory_path() / "outreach-limits-XXXXXX").string();
    const int fd = ::mkstemp(pattern.data());
    REQUIRE(fd >= 0);
    ::close(fd);
    path = pattern;
    std::ofstream(path, std::ios::binary) << text;
  }
  ~ScratchFile() {
    std::filesystem::remove(path);
    std::filesystem::remove(path.string() + ".lock");
  }
};

// The events (as canonical lines) or the error, for comparing two ways of reading.
std::string outcome(const std::function<std::vector<LedgerEvent>()>& read) {
  try {
    std::string out;
    for (const auto& e : read())
      out += format_ledger_event(e) + '@' + std::to_string(e.line) + '\n';
    return out;
  } catch (const InputError& e) {
    return std::string("error: ") + e.what();
  }
}

}  // namespace

TEST_CASE("byte counts for messages", "[limits]") {
  CHECK(describe_byte_count(max_document_bytes) == "4 MiB");
  CHECK(describe_byte_count(max_ledger_line_bytes) == "64 KiB");
  CHECK(describe_byte_count(100) == "100 bytes");
  CHECK(describe_byte_count(1025) == "1025 bytes");
}

TEST_CASE("numbers beyond a double are malformed input with their position", "[limits]") {
  CHECK(error_of([] { parse_json_document("{\"a\":\n  1e400}", "in.json"); }) ==
        "in.json:2:3: number too large");
  // A string holding the same characters is skipped when looking for the position.
  CHECK(error_of([] { parse_json_document(R"({"s": "-1e999", "n": -1e999})", "in.json"); }) ==
        "in.json:1:22: number too large");
}

TEST_CASE("integers written as floats are checked before any conversion", "[limits]") {
  constexpr auto lowest = std::numeric_limits<std::int64_t>::min();
  constexpr auto highest = std::numeric_limits<std::int64_t>::max();
  CHECK(int_field(R"({"n": 100.0})", 0, 1000) == 100);
  CHECK(int_field(R"({"n": -9223372036854775808.0})", lowest, highest) == lowest);
  CHECK(int_field(R"({"n": 9223372036854775807})", lowest, highest) == highest);
  CHECK(int_field(R"({"n": 4611686018427387904.0})", lowest, highest) == 4611686018427387904);
  const std::string range = "expected an integer from 0 to 1000, got ";
  CHECK(error_of([] { int_field(R"({"n": 9223372036854775808.0})", lowest, highest); }) ==
        "in.json: n: expected an integer from -9223372036854775808 to 9223372036854775807, got "
        "9.223372036854776e+18");
  CHECK(error_of([] { int_field(R"({"n": 1e300})", 0, 1000); }) ==
        "in.json: n: " + range + "1e+300");
  CHECK(error_of([] { int_field(R"({"n": -1e300})", 0, 1000); }) ==
        "in.json: n: " + range + "-1e+300");
  CHECK(error_of([] { int_field(R"({"n": 18446744073709551615})", 0, 1000); }) ==
        "in.json: n: " + range + "18446744073709551615");
  CHECK(error_of([] { int_field(R"({"n": 1001})", 0, 1000); }) == "in.json: n: " + range + "1001");
  CHECK(error_of([] { int_field(R"({"n": 0.5})", 0, 1000); }) ==
        "in.json: n: expected an integer, got 0.5");
}

TEST_CASE("a JSON document over the size limit is refused unparsed", "[limits]") {
  const std::string at_limit = "[" + std::string(max_document_bytes - 2, ' ') + "]";
  CHECK(parse_json_document(at_limit, "in.json").empty());
  CHECK(error_of([&] { parse_json_document(at_limit + " ", "in.json"); }) ==
        "in.json: too large: more than 4 MiB");
}

TEST_CASE("timestamps after 2262 keep their date", "[limits]") {
  CHECK(format_date(*parse_date_or_timestamp("4052-03-07T03:00:00Z", utc())) == "4052-03-07");
  CHECK(format_date(*parse_date_or_timestamp("9999-12-31T23:59:59Z", utc())) == "9999-12-31");
  // Out of YYYY-MM-DD once in the zone: such a date could be written but never read back.
  CHECK_FALSE(parse_date_or_timestamp("9999-12-31T23:59:59-05:00", utc()));
  CHECK_FALSE(parse_date_or_timestamp("0000-01-01T00:30:00+01:00", utc()));
  CHECK(format_date(*parse_date_or_timestamp("0000-01-01T00:30:00Z", utc())) == "0000-01-01");
}

TEST_CASE("ledger lines: at the limit read, over it refused unparsed", "[limits][ledger]") {
  const std::string ok = event_of_size(100) + "\n";
  CHECK(parse_ledger(ok + event_of_size(max_ledger_line_bytes) + "\n", "l", utc()).size() == 2);
  const std::string over = ok + event_of_size(max_ledger_line_bytes + 1) + "\n" + ok;
  const std::string too_long =
      "l:2: line too long: more than the 64 KiB a ledger line may hold (an event takes about 100 "
      "bytes); is this a ledger?";
  CHECK(error_of([&] { parse_ledger(over, "l", utc()); }) == too_long);
  CHECK(error_of([&] {
          parse_ledger_event(event_of_size(max_ledger_line_bytes + 1), "l", 2, utc());
        }) == too_long);
  // An over-long last line is too long, whether or not it ends with a newline; it is not torn.
  const std::string garbage(3 * max_ledger_line_bytes, '[');
  CHECK(error_of([&] { parse_ledger(ok + garbage + "\n", "l", utc()); }) == too_long);
  CHECK(error_of([&] { parse_ledger(ok + garbage, "l", utc()); }) == too_long);
  CHECK_FALSE(ledger_lines::find_torn_last_line(ok + garbage + "\n"));
  CHECK(ledger_lines::find_torn_last_line(ok + garbage).value().line == 2);  // an append cut short
}

TEST_CASE("lines split the same whatever the chunks", "[limits][ledger]") {
  const std::string text = "a\n\nbb\r\n" + std::string(40, 'x') + "\n" + std::string(9, 'y') +
                           "\n" + std::string(10, 'z') + "\n" + std::string(11, 'w') + "\ntail";
  const auto split = [&](const std::vector<std::size_t>& cuts) {
    std::string out;
    outreach::ledger_lines::LineSplitter lines(
        10, [&](std::string_view line, bool complete, bool overlong) {
          out += std::string(line) + (complete ? "|" : "|no-newline") + (overlong ? "|long" : "") +
                 "\n";
        });
    std::size_t at = 0;
    for (const std::size_t cut : cuts) {
      lines.feed(std::string_view(text).substr(at, cut - at));
      at = cut;
    }
    lines.feed(std::string_view(text).substr(at));
    lines.finish();
    return out;
  };
  const std::string whole = split({});
  CHECK(whole == "a|\n|\nbb\r|\n" + std::string(11, 'x') + "||long\n" + std::string(9, 'y') +
                     "|\n" + std::string(10, 'z') + "|\n" + std::string(11, 'w') +
                     "||long\ntail|no-newline\n");
  std::mt19937 random(6);
  for (int round = 0; round < 200; ++round) {
    std::vector<std::size_t> cuts;
    for (std::size_t at = 0; at < text.size();) {
      at += std::uniform_int_distribution<std::size_t>(0, 12)(random);
      if (at < text.size()) cuts.push_back(at);
    }
    CHECK(split(cuts) == whole);
  }
}

TEST_CASE("the ledger file read in chunks agrees with the text read whole", "[limits][ledger]") {
  const std::string ok = event_of_size(70) + "\n";
  const std::string big_block = [&] {
    std::string s;
    for (int i = 0; i < 400; ++i) s += event_of_size(199) + "\n";  // 80 KB: two chunks
    return s;
  }();
  for (const std::string& text :
       {std::string(), std::string("\n\n"), ok, ok + "  ", ok + ok.substr(0, 30),
        ok + ok.substr(0, 30) + "\n", ok + "{x\n" + ok, ok + "{x\n\n \n", big_block,
        big_block + "{\"date\"", big_block + event_of_size(max_ledger_line_bytes + 1) + "\n",
        ok + R"({"date": "2026-03-05", "type": "sent", "prospect": "p"})" + "\n{",
        ok + std::string("{\"a\":1}\0x\n", 10)}) {
    INFO(text.substr(0, 200));
    const ScratchFile file(text);
    const std::string path = file.path.string();
    CHECK(outcome([&] { return read_ledger_file(path, utc(), false); }) ==
          outcome([&] { return parse_ledger(text, path, utc()); }));
  }
}

TEST_CASE("an event too long for a ledger line is never appended", "[limits][ledger]") {
  const ScratchFile file(event_of_size(80) + "\n");
  const std::string path = file.path.string();
  LedgerEvent e;
  e.date = *parse_iso_date("2026-03-05");
  e.type = EventType::reply;
  e.prospect = std::string(max_ledger_line_bytes, 'p');
  CHECK(error_of([&] { append_ledger_events(path, {e}); }) ==
        path + ": the event for prospect 'pppppppppppppppppppp...' would take 65586 bytes, more " +
            "than the 64 KiB a ledger line may hold; nothing was appended");
  CHECK(read_ledger_file(path, utc(), false).size() == 1);
  e.prospect = "p-2";
  append_ledger_events(path, {e});
  CHECK(read_ledger_file(path, utc(), false).size() == 2);
}
