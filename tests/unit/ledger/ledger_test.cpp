// The ledger's NDJSON lines, torn last lines, and durable appends (SPEC §5).
#include "outreach/ledger.hpp"

#include "ledger/event.hpp"
#include "ledger/lines.hpp"

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include <catch2/catch.hpp>

#include "ledger_fixtures.hpp"
#include "outreach/error.hpp"

using namespace outreach;
using outreach::testing::day;
using outreach::testing::read_text;
using outreach::testing::ScratchDir;
using outreach::testing::write_text;

namespace {

const date::time_zone* new_york() { return find_time_zone("America/New_York", "test"); }

std::vector<LedgerEvent> parse(std::string_view text) {
  return parse_ledger(text, "ledger.ndjson", new_york());
}

std::string error_of(std::string_view text) {
  try {
    parse(text);
  } catch (const InputError& e) {
    return e.what();
  }
  return "(no error)";
}

}  // namespace

TEST_CASE("event types by name, with suggestions", "[ledger]") {
  CHECK(event_type_names().size() == 7);
  for (const std::string& name : event_type_names())
    CHECK(event_type_name(*parse_event_type(name)) == name);
  CHECK_FALSE(parse_event_type("InMail_sent"));
  CHECK_THROWS_WITH(event_type_named("inmail_send", "x"),
                    "x: unknown event type 'inmail_send' (did you mean 'inmail_sent'?)");
  CHECK_THROWS_WITH(event_type_named("bounce", "x"), "x: unknown event type 'bounce'");
  CHECK_THROWS_WITH(event_type_named("a\x1b[31mb", "x"), "x: unknown event type 'a\\x1B[31mb'");
}

TEST_CASE("a ledger line is parsed with every field checked", "[ledger]") {
  const auto events = parse(
      "{\"date\": \"2026-03-05\", \"type\": \"inmail_sent\", \"prospect\": \"p-17\", \"free\": "
      "true}\n"
      "{\"date\": \"2026-03-06\", \"type\": \"reply\", \"prospect\": \"p-17\"}\n");
  REQUIRE(events.size() == 2);
  CHECK(format_date(events[0].date) == "2026-03-05");
  CHECK(events[0].type == EventType::inmail_sent);
  CHECK(events[0].prospect == "p-17");
  CHECK(events[0].free);
  CHECK(events[0].line == 1);
  CHECK(events[1].type == EventType::reply);
  CHECK_FALSE(events[1].free);
  CHECK(events[1].line == 2);
}

TEST_CASE("timestamps with offsets become dates in the account's time zone", "[ledger]") {
  const auto events = parse(
      "{\"date\": \"2026-03-06T02:30:00+01:00\", \"type\": \"reply\", \"prospect\": \"p\"}\n"
      "{\"date\": \"2026-03-06T05:00:00Z\", \"type\": \"reply\", \"prospect\": \"p\"}\n");
  CHECK(format_date(events[0].date) == "2026-03-05");
  CHECK(format_date(events[1].date) == "2026-03-06");
  const auto tokyo = parse_ledger(
      "{\"date\": \"2026-03-05T20:00:00Z\", \"type\": \"reply\", \"prospect\": \"p\"}\n", "l",
      find_time_zone("Asia/Tokyo", "t"));
  CHECK(format_date(tokyo[0].date) == "2026-03-06");
}

TEST_CASE("blank lines are allowed and an empty ledger holds no events", "[ledger]") {
  CHECK(parse("").empty());
  CHECK(parse("\n\n").empty());
  CHECK(parse("\n{\"date\":\"2026-01-01\",\"type\":\"reply\",\"prospect\":\"p\"}\r\n  \n").size() ==
        1);
  CHECK(parse("{\"date\":\"2026-01-01\",\"type\":\"reply\",\"prospect\":\"p\"}\n").at(0).line == 1);
  CHECK(parse("\n\n{\"date\":\"2026-01-01\",\"type\":\"reply\",\"prospect\":\"p\"}\n").at(0).line ==
        3);
}

TEST_CASE("bad fields are errors naming file, line and field", "[ledger]") {
  const std::string ok = "{\"date\":\"2026-01-01\",\"type\":\"reply\",\"prospect\":\"p\"}\n";
  CHECK(
      error_of(ok + "{\"date\":\"2026-01-01\",\"type\":\"inmail_decline\",\"prospect\":\"p\"}\n") ==
      "ledger.ndjson:2: type: unknown event type 'inmail_decline' (did you mean "
      "'inmail_declined'?)");
  CHECK(error_of(ok + "{\"date\":\"2026-02-30\",\"type\":\"reply\",\"prospect\":\"p\"}\n") ==
        "ledger.ndjson:2: date: expected a date YYYY-MM-DD or a timestamp with an offset such as "
        "2026-03-05T14:30:00-05:00, got \"2026-02-30\"");
  CHECK(error_of("{\"date\":\"2026-03-05T10:00:00\",\"type\":\"reply\",\"prospect\":\"p\"}\n") ==
        "ledger.ndjson:1: date: expected a date YYYY-MM-DD or a timestamp with an offset such as "
        "2026-03-05T14:30:00-05:00, got \"2026-03-05T10:00:00\"");
  CHECK(error_of("{\"date\":20260101,\"type\":\"reply\",\"prospect\":\"p\"}\n") ==
        "ledger.ndjson:1: date: expected a string, got 20260101");
  CHECK(error_of("{\"type\":\"reply\",\"prospect\":\"p\"}\n") ==
        "ledger.ndjson:1: date: missing key");
  CHECK(error_of("{\"date\":\"2026-01-01\",\"prospect\":\"p\"}\n") ==
        "ledger.ndjson:1: type: missing key");
  CHECK(error_of("{\"date\":\"2026-01-01\",\"type\":\"reply\"}\n") ==
        "ledger.ndjson:1: prospect: missing key");
  CHECK(error_of("{\"date\":\"2026-01-01\",\"type\":\"reply\",\"prospect\":\" \"}\n") ==
        "ledger.ndjson:1: prospect: expected a prospect id (non-blank UTF-8 text of at most 1 "
        "KiB), got \" \"");
  CHECK(error_of("{\"date\":\"2026-01-01\",\"type\":\"reply\",\"prospect\":17}\n") ==
        "ledger.ndjson:1: prospect: expected a string, got 17");
  CHECK(error_of("{\"date\":\"2026-01-01\",\"type\":\"inmail_sent\",\"prospect\":\"p\",\"free\":"
                 "\"yes\"}\n") == "ledger.ndjson:1: free: expected true or false, got \"yes\"");
  CHECK(
      error_of(
          "{\"date\":\"2026-01-01\",\"type\":\"inmail_sent\",\"prospect\":\"p\",\"fre\":true}\n") ==
      "ledger.ndjson:1: fre: unknown key (did you mean 'free'?)");
  CHECK(error_of("[1, 2]\n") == "ledger.ndjson:1: expected an object, got an array");
}

TEST_CASE("free belongs to inmail_sent only", "[ledger]") {
  CHECK(
      error_of("{\"date\":\"2026-01-01\",\"type\":\"reply\",\"prospect\":\"p\",\"free\":true}\n") ==
      "ledger.ndjson:1: free: only an inmail_sent event can be free, not reply");
  CHECK(error_of("{\"date\":\"2026-01-01\",\"type\":\"invite_sent\",\"prospect\":\"p\",\"free\":"
                 "false}\n") ==
        "ledger.ndjson:1: free: only an inmail_sent event can be free, not invite_sent");
  CHECK(parse("{\"date\":\"2026-01-01\",\"type\":\"reply\",\"prospect\":\"p\",\"free\":null}\n")
            .size() == 1);
}

TEST_CASE("an invitation without a note: \"note\": false, for invite_sent only", "[ledger]") {
  const auto events = parse(
      "{\"date\":\"2026-01-01\",\"type\":\"invite_sent\",\"prospect\":\"p\"}\n"
      "{\"date\":\"2026-01-01\",\"type\":\"invite_sent\",\"prospect\":\"q\",\"note\":"
      "false}\n");
  CHECK(events.at(0).note);  // absent: a note was sent
  CHECK_FALSE(events.at(1).note);
  CHECK(format_ledger_event(events.at(0)) ==
        R"({"date":"2026-01-01","type":"invite_sent","prospect":"p"})");
  CHECK(format_ledger_event(events.at(1)) ==
        R"({"date":"2026-01-01","type":"invite_sent","prospect":"q","note":false})");
  CHECK(error_of("{\"date\":\"2026-01-01\",\"type\":\"message_sent\",\"prospect\":\"p\","
                 "\"note\":false}\n") ==
        "ledger.ndjson:1: note: only an invite_sent event carries a note or none, not "
        "message_sent");
  CHECK(error_of("{\"date\":\"2026-01-01\",\"type\":\"invite_sent\",\"prospect\":\"p\","
                 "\"note\":\"no\"}\n") ==
        "ledger.ndjson:1: note: expected true or false, got \"no\"");
}

TEST_CASE("a malformed line before the last is an error with line and column", "[ledger]") {
  CHECK(error_of("{\"date\":\"2026-01-01\",\"type\":\"reply\",\"prospect\":\"p\"}\n{\"date\": }\n"
                 "{\"date\":\"2026-01-01\",\"type\":\"reply\",\"prospect\":\"p\"}\n")
            .rfind("ledger.ndjson:2:10: malformed JSON", 0) == 0);
  CHECK(error_of(
            std::string("{\"date\":\"2026-01-01\",\"type\":\"reply\",\"prospect\":\"p\0\"}\n", 53) +
            "{\"date\":\"2026-01-01\",\"type\":\"reply\",\"prospect\":\"p\"}\n") ==
        "ledger.ndjson:1:50: NUL byte in JSON input");
  CHECK(error_of(std::string(100, '[') + "\n{}\n")
            .rfind("ledger.ndjson:1:65: JSON nested deeper than 64 levels", 0) == 0);
}

TEST_CASE("a torn last line is an error naming it", "[ledger]") {
  const std::string ok = "{\"date\":\"2026-01-01\",\"type\":\"reply\",\"prospect\":\"p\"}\n";
  CHECK(error_of(ok + "{\"date\":\"2026-01-01\",\"ty") ==
        "ledger.ndjson:2: torn last line (no newline at its end; an append was cut short?): delete "
        "that "
        "line, or end it with a newline if it holds a complete event");
  // Even a complete event without its newline: the append may have been cut just before it.
  CHECK(error_of(ok + ok.substr(0, ok.size() - 1))
            .rfind("ledger.ndjson:2: torn last line (no newline", 0) == 0);
  CHECK(error_of(ok + "{\"date\":\"2026-01-01\",\"ty\n") ==
        "ledger.ndjson:2: torn last line (not JSON: invalid string: missing closing quote at "
        "column 25): "
        "delete that line, or repair it into one complete JSON event");
  CHECK(error_of(ok + "{\"date\":\"2026-01-01\",\"ty\n\n  \n")
            .rfind("ledger.ndjson:2: torn last line (not JSON", 0) == 0);
  // Bytes that are not UTF-8 in the last line: not JSON either.
  CHECK(error_of(ok + "{\"date\":\"2026-01-01\",\"type\":\"reply\",\"prospect\":\"\xff\"}\n") ==
        "ledger.ndjson:2: torn last line (not JSON: invalid string: ill-formed UTF-8 byte at "
        "column 49): "
        "delete that line, or repair it into one complete JSON event");
  // White space after the last newline is not a line.
  CHECK(parse(ok + "  ").size() == 1);
}

TEST_CASE("find_torn_last_line", "[ledger]") {
  CHECK_FALSE(ledger_lines::find_torn_last_line(""));
  CHECK_FALSE(ledger_lines::find_torn_last_line("\n"));
  CHECK_FALSE(ledger_lines::find_torn_last_line("{}\n"));
  CHECK_FALSE(ledger_lines::find_torn_last_line("{x\n{}\n"));  // only the last line can be torn
  CHECK(ledger_lines::find_torn_last_line("{}").value().line == 1);
  CHECK(ledger_lines::find_torn_last_line("{}\n{").value().line == 2);
  CHECK(ledger_lines::find_torn_last_line("{}\n{\n").value().line == 2);
  CHECK(ledger_lines::find_torn_last_line("{\n\n").value().line == 1);
  CHECK(ledger_lines::find_torn_last_line("{}\n{\n").value().problem ==
        "not JSON: unexpected end of input; expected string literal at column 2");
  CHECK(ledger_lines::find_torn_last_line("{}\n{").value().problem ==
        "no newline at its end; an append was cut short?");
}

TEST_CASE("an import file may lack its final newline", "[ledger]") {
  const std::string line = "{\"date\":\"2026-01-01\",\"type\":\"reply\",\"prospect\":\"p\"}";
  CHECK(parse_ledger(line, "in", new_york(), LastLine::may_lack_newline).size() == 1);
  CHECK_THROWS_WITH(parse_ledger("{\"date\"", "in", new_york(), LastLine::may_lack_newline),
                    Catch::StartsWith("in:1:8: malformed JSON"));
}

TEST_CASE("events are written in one canonical line", "[ledger]") {
  LedgerEvent event;
  event.date = day("2026-03-05");
  event.type = EventType::inmail_sent;
  event.prospect = "p-17";
  CHECK(format_ledger_event(event) ==
        R"({"date":"2026-03-05","type":"inmail_sent","prospect":"p-17","free":false})");
  event.free = true;
  CHECK(format_ledger_event(event) ==
        R"({"date":"2026-03-05","type":"inmail_sent","prospect":"p-17","free":true})");
  event.type = EventType::invite_withdrawn;
  event.prospect = "Zoë \"Z\"\n";
  CHECK(format_ledger_event(event) ==
        R"({"date":"2026-03-05","type":"invite_withdrawn","prospect":"Zoë \"Z\"\n"})");
  // And read back the same.
  const auto back = parse(format_ledger_event(event) + "\n");
  CHECK(back.at(0).prospect == event.prospect);
  CHECK(back.at(0).type == event.type);
}

TEST_CASE("an event's identity is its date, type, prospect and free", "[ledger]") {
  const auto events = parse(
      "{\"date\": \"2026-03-05\", \"type\": \"inmail_sent\", \"prospect\": \"p-1\"}\n"
      "{\"date\": \"2026-03-05T09:00:00-05:00\", \"type\": \"inmail_sent\", \"prospect\": "
      "\"p-1\"}\n"
      "{\"date\": \"2026-03-05\", \"type\": \"inmail_sent\", \"prospect\": \"p-1\", \"free\": "
      "true}\n"
      "{\"date\": \"2026-03-05\", \"type\": \"reply\", \"prospect\": \"p-1\"}\n"
      "{\"date\": \"2026-03-06\", \"type\": \"inmail_sent\", \"prospect\": \"p-1\"}\n"
      "{\"date\": \"2026-03-05\", \"type\": \"inmail_sent\", \"prospect\": \"p-2\"}\n");
  REQUIRE(events.size() == 6);
  CHECK(same_event(events[0], events[1]));  // another line, a timestamp of the same day
  for (std::size_t i = 2; i < events.size(); ++i) CHECK_FALSE(same_event(events[0], events[i]));

  const std::vector<LedgerEvent> existing = {events[0], events[3]};
  const std::vector<bool> present = events_present_in(existing, events);
  CHECK(present == std::vector<bool>{true, true, false, true, false, false});
  CHECK(events_present_in({}, events) == std::vector<bool>(6, false));
  CHECK(events_present_in(existing, {}).empty());
}

TEST_CASE("events dated after today are refused, naming the first", "[ledger]") {
  const auto events = parse(
      "{\"date\": \"2026-03-05\", \"type\": \"reply\", \"prospect\": \"p-1\"}\n"
      "{\"date\": \"2026-03-07\", \"type\": \"reply\", \"prospect\": \"p-2\"}\n"
      "{\"date\": \"2026-03-08\", \"type\": \"reply\", \"prospect\": \"p-3\"}\n");
  CHECK_NOTHROW(refuse_events_after(events, day("2026-03-08"), "import.ndjson"));
  CHECK_THROWS_WITH(refuse_events_after(events, day("2026-03-06"), "import.ndjson"),
                    "import.ndjson:2: date: 2026-03-07 is after today, 2026-03-06: the ledger "
                    "records what happened, so nothing was appended");
  LedgerEvent added = events[2];
  added.line = 0;
  CHECK_THROWS_WITH(refuse_events_after({added}, day("2026-03-06"), "ledger add: --date"),
                    "ledger add: --date: date: 2026-03-08 is after today, 2026-03-06: the ledger "
                    "records what happened, so nothing was appended");
}

TEST_CASE("prospect ids are non-blank UTF-8", "[ledger]") {
  CHECK(is_valid_prospect_id("p-001"));
  CHECK(is_valid_prospect_id("José"));
  CHECK_FALSE(is_valid_prospect_id(""));
  CHECK_FALSE(is_valid_prospect_id(" \t"));
  CHECK_FALSE(is_valid_prospect_id("p\xff"));
}

TEST_CASE("appends create the ledger and add complete lines", "[ledger][file]") {
  ScratchDir dir;
  const std::string path = dir.file("ledger.ndjson");
  CHECK(read_ledger_file(path, new_york(), true).empty());
  CHECK_THROWS_WITH(read_ledger_file(path, new_york(), false),
                    Catch::EndsWith("cannot open: No such file or directory"));

  LedgerEvent first;
  first.date = day("2026-03-05");
  first.type = EventType::inmail_sent;
  first.prospect = "p-1";
  LedgerEvent second = first;
  second.type = EventType::reply;
  append_ledger_events(path, {first});
  append_ledger_events(path, {second, second});
  append_ledger_events(path, {});
  CHECK(read_text(path) ==
        "{\"date\":\"2026-03-05\",\"type\":\"inmail_sent\",\"prospect\":\"p-1\",\"free\":false}\n"
        "{\"date\":\"2026-03-05\",\"type\":\"reply\",\"prospect\":\"p-1\"}\n"
        "{\"date\":\"2026-03-05\",\"type\":\"reply\",\"prospect\":\"p-1\"}\n");
  // The lock is on the ledger itself, and no journal is left once an append is done.
  CHECK_FALSE(std::filesystem::exists(path + ".lock"));
  CHECK_FALSE(std::filesystem::exists(ledger_journal_path(path)));
  const auto events = read_ledger_file(path, new_york(), false);
  REQUIRE(events.size() == 3);
  CHECK(events[2].line == 3);
}

TEST_CASE("appends never go onto a torn last line, and leave the file untouched",
          "[ledger][file]") {
  ScratchDir dir;
  const std::string path = dir.file("ledger.ndjson");
  const std::string torn =
      "{\"date\":\"2026-01-01\",\"type\":\"reply\",\"prospect\":\"p\"}\n{\"date\":\"20";
  write_text(path, torn);
  LedgerEvent event;
  event.date = day("2026-03-05");
  event.prospect = "p";
  CHECK_THROWS_WITH(
      append_ledger_events(path, {event}),
      path +
          ":2: torn last line (no newline at its end; an append was cut short?), not appending "
          "after "
          "it: delete that line, or end it with a newline if it holds a complete event");
  CHECK(read_text(path) == torn);
  write_text(path, torn + "\n");
  CHECK_THROWS_WITH(append_ledger_events(path, {event}),
                    Catch::StartsWith(path + ":2: torn last line (not JSON: invalid string"));
  CHECK_THROWS_WITH(read_ledger_file(path, new_york(), false),
                    Catch::StartsWith(path + ":2: torn last line (not JSON: invalid string"));
}

TEST_CASE("an empty ledger file is valid and can be appended to", "[ledger][file]") {
  ScratchDir dir;
  const std::string path = dir.file("empty.ndjson");
  write_text(path, "");
  CHECK(read_ledger_file(path, new_york(), false).empty());
  LedgerEvent event;
  event.date = day("2026-03-05");
  event.prospect = "p";
  append_ledger_events(path, {event});
  CHECK(read_ledger_file(path, new_york(), false).size() == 1);
}

TEST_CASE("a directory is not a ledger", "[ledger][file]") {
  ScratchDir dir;
  CHECK_THROWS_WITH(read_ledger_file(dir.path.string(), new_york(), true),
                    dir.path.string() + ": is a directory, not a file");
  LedgerEvent event;
  event.date = day("2026-03-05");
  event.prospect = "p";
  CHECK_THROWS_WITH(append_ledger_events(dir.path.string(), {event}),
                    dir.path.string() + ": is a directory, not a file");
  CHECK_THROWS_WITH(append_ledger_events(dir.file("missing/ledger.ndjson"), {event}),
                    Catch::Contains("cannot open: No such file or directory"));
}
