// Corrections (SPEC §12): a void line leaves an earlier event out for every reader, and
// `ledger void` appends one only where it can stand.
#include <string>

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

const std::string invite = R"({"date":"2026-03-02","type":"invite_sent","prospect":"p-1"})"
                           "\n";
const std::string accept = R"({"date":"2026-03-04","type":"invite_accepted","prospect":"p-1"})"
                           "\n";
const std::string reply = R"({"date":"2026-03-05","type":"reply","prospect":"p-2"})"
                          "\n";

std::string void_of(int line, const std::string& why = "") {
  return R"({"date":"2026-03-06","type":"void","line":)" + std::to_string(line) +
         (why.empty() ? std::string() : std::string(R"(,"why":")").append(why).append("\"")) +
         "}\n";
}

std::string error_of(const std::string& text) {
  try {
    parse_ledger(text, "ledger.ndjson", utc());
  } catch (const InputError& e) {
    return e.what();
  }
  return "(no error)";
}

std::string void_error(const std::string& path, std::size_t target) {
  try {
    append_ledger_void(path, LedgerVoid{day("2026-03-06"), target, "", 0}, utc());
  } catch (const InputError& e) {
    return e.what();
  }
  return "(no error)";
}

}  // namespace

TEST_CASE("a voided line is left out, the void itself is no event", "[ledger][void]") {
  const auto events =
      parse_ledger(invite + accept + void_of(2, "wrong person") + reply, "ledger.ndjson", utc());
  REQUIRE(events.size() == 2);
  CHECK(events[0].line == 1);
  CHECK(events[1].line == 4);  // the lines keep their numbers
  CHECK(events[1].type == EventType::reply);
}

TEST_CASE("a void must name an earlier line holding an event not voided yet", "[ledger][void]") {
  CHECK(error_of(invite + void_of(2)) ==
        "ledger.ndjson:2: line: 2 is not a line before this void: a void names an earlier event");
  CHECK(error_of(invite + void_of(5)) ==
        "ledger.ndjson:2: line: 5 is not a line before this void: a void names an earlier event");
  CHECK(error_of(invite + "\n" + void_of(2)) ==
        "ledger.ndjson:3: line: line 2 is blank: it holds no event to void");
  CHECK(error_of(invite + void_of(1) + void_of(2)) ==
        "ledger.ndjson:3: line: line 2 is a void itself: a void is not voided");
  CHECK(error_of(invite + void_of(1) + void_of(1)) ==
        "ledger.ndjson:3: line: line 1 is voided already, by line 2");
  CHECK(error_of(invite + R"({"date":"2026-03-06","type":"void","line":0})"
                          "\n") ==
        "ledger.ndjson:2: line: expected the number of the line it voids (1, 2, …), got 0");
  CHECK(error_of(invite + R"({"date":"2026-03-06","type":"void","line":1,"prospect":"p-1"})"
                          "\n") == "ledger.ndjson:2: prospect: unknown key");
  CHECK(error_of(invite + R"({"date":"2026-03-06","type":"void"})"
                          "\n") == "ledger.ndjson:2: line: missing key");
}

TEST_CASE("an import's voids void lines of the import itself", "[ledger][void]") {
  std::istringstream in(invite + accept + void_of(1));
  const auto events = parse_ledger_stream(in, "import.ndjson", utc(), LastLine::may_lack_newline);
  REQUIRE(events.size() == 1);
  CHECK(events[0].type == EventType::invite_accepted);
}

TEST_CASE("ledger void appends one line and says what it voided", "[ledger][void][file]") {
  ScratchDir dir;
  const std::string path = dir.file("ledger.ndjson");
  write_text(path, invite + "\n" + accept);
  const LedgerVoidResult result =
      append_ledger_void(path, LedgerVoid{day("2026-03-06"), 3, "sent by hand twice", 0}, utc());
  CHECK(result.line == 4);
  CHECK(result.voided.type == EventType::invite_accepted);
  CHECK(result.voided.line == 3);
  CHECK(read_text(path) ==
        invite + "\n" + accept +
            R"({"date":"2026-03-06","type":"void","line":3,"why":"sent by hand twice"})"
            "\n");
  const auto events = read_ledger_file(path, utc(), false);
  REQUIRE(events.size() == 1);
  CHECK(events[0].line == 1);
}

TEST_CASE("ledger void refuses a line that holds no event, and writes nothing",
          "[ledger][void][file]") {
  ScratchDir dir;
  const std::string path = dir.file("ledger.ndjson");
  CHECK(void_error(path, 1) == path + " does not exist yet: it has no line 1 to void");
  CHECK_FALSE(std::filesystem::exists(path));

  write_text(path, invite + "\n" + accept + void_of(3));
  const std::string before = read_text(path);
  CHECK(void_error(path, 9) ==
        path + " has no line 9 (it has 4 lines): `outreach ledger show` lists each event's line");
  CHECK(void_error(path, 5) ==
        path + " has no line 5 (it has 4 lines): `outreach ledger show` lists each event's line");
  CHECK(void_error(path, 2) == "line 2 of " + path + " is blank: it holds no event to void");
  CHECK(void_error(path, 4) == "line 4 of " + path +
                                   " is a void itself: a void is not voided; to restore the "
                                   "event it voided, add it again");
  CHECK(void_error(path, 3) == "line 3 of " + path + " is voided already, by line 4");
  CHECK(read_text(path) == before);

  // A torn last line is never appended onto.
  write_text(path, invite + R"({"date":)");
  CHECK_THAT(void_error(path, 1), Catch::Contains("torn last line"));
}

TEST_CASE("a voided event is no longer present: importing it again appends it",
          "[ledger][void][file]") {
  ScratchDir dir;
  const std::string path = dir.file("ledger.ndjson");
  write_text(path, invite + void_of(1));
  LedgerEvent event;
  event.date = day("2026-03-02");
  event.type = EventType::invite_sent;
  event.prospect = "p-1";
  LedgerAppendOptions options;
  options.skip_present = true;
  options.zone = utc();
  CHECK(append_ledger_events(path, {event}, options).appended == 1);
  CHECK(read_ledger_file(path, utc(), false).size() == 1);
}
