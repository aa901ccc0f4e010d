#include "outreach/prospect_reader.hpp"

#include <algorithm>
#include <new>
#include <sstream>

#include <fmt/format.h>
#include <catch2/catch.hpp>

#include "entry_points.hpp"
#include "outreach/error.hpp"
#include "outreach/limits.hpp"
#include "pipe_stream.hpp"

using namespace outreach;
using outreach::testing::read_prospects;

namespace {

std::vector<Prospect> read(const std::string& text, const std::string& origin = "p.json",
                           std::size_t max_problems = 50) {
  std::istringstream in(text);
  std::vector<Prospect> out;
  read_prospects(in, origin, max_problems, [&](Prospect&& p) { out.push_back(std::move(p)); });
  return out;
}

// The error text of a read that must fail ("" when it does not).
std::string error_of(const std::string& text, const std::string& origin = "p.json",
                     std::size_t max_problems = 50) {
  try {
    read(text, origin, max_problems);
  } catch (const InputError& e) {
    return e.what();
  }
  return "";
}

std::string one(const std::string& fields) { return "[{\"id\": \"a\", " + fields + "}]"; }

}  // namespace

TEST_CASE("goals have names", "[prospect]") {
  CHECK(parse_goal("recruiting") == Goal::recruiting);
  CHECK_FALSE(parse_goal("Sales"));
  for (const Goal goal : {Goal::sales, Goal::recruiting, Goal::nurture, Goal::marketing})
    CHECK(parse_goal(goal_name(goal)) == goal);
}

TEST_CASE("a prospect with every field is read", "[prospect]") {
  const auto prospects =
      read(R"([{"id": "p-1", "degree": 2, "open_profile": true, "accepts_inmail": false,
    "pending_invitations": 5000, "rarely_accepts": true, "deadline": "2026-12-10", "goal": "recruiting",
    "mutual_connections": 7, "timezone": "Asia/Kolkata", "priority": 2.5, "group": "ops",
    "do_not_contact": true, "first_name": "Asha", "employees": 250, "tags": ["a"], "extra": {"x": 1}}])");
  REQUIRE(prospects.size() == 1);
  const Prospect& p = prospects[0];
  CHECK(p.id == "p-1");
  CHECK(p.position == 0);
  CHECK(p.degree == 2);
  CHECK(p.open_profile);
  CHECK_FALSE(p.accepts_inmail);
  CHECK(p.pending_invitations == 5000);
  CHECK(p.rarely_accepts);
  CHECK(format_date(*p.deadline) == "2026-12-10");
  CHECK(p.goal == Goal::recruiting);
  CHECK(p.mutual_connections == 7);
  REQUIRE(p.zone != nullptr);
  CHECK(p.zone->name() == "Asia/Kolkata");
  CHECK(p.priority == 2.5);
  CHECK(p.group == "ops");
  CHECK(p.do_not_contact);
  // String fields are kept for templates, the known ones included; other types are ignored.
  CHECK(p.field("first_name") == "Asha");
  CHECK(p.field("id") == "p-1");
  CHECK(p.field("timezone") == "Asia/Kolkata");
  CHECK_FALSE(p.field("employees"));
  CHECK_FALSE(p.field("tags"));
  CHECK_FALSE(p.field("extra"));
}

TEST_CASE("absent and null fields take their defaults", "[prospect]") {
  const auto prospects = read(R"([{"id": "a"}, {"id": "b", "degree": null, "open_profile": null,
    "accepts_inmail": null, "deadline": null, "goal": null, "timezone": null, "priority": null,
    "group": null, "pending_invitations": null}])");
  REQUIRE(prospects.size() == 2);
  for (const Prospect& p : prospects) {
    CHECK_FALSE(p.degree);
    CHECK_FALSE(p.open_profile);
    CHECK(p.accepts_inmail);
    CHECK(p.pending_invitations == 0);
    CHECK_FALSE(p.rarely_accepts);
    CHECK_FALSE(p.deadline);
    CHECK(p.goal == Goal::sales);
    CHECK(p.mutual_connections == 0);
    CHECK(p.zone == nullptr);
    CHECK(p.priority == 0);
    CHECK(p.group.empty());
    CHECK_FALSE(p.do_not_contact);
  }
  CHECK(prospects[1].position == 1);
}

TEST_CASE("whole numbers written as floats are accepted where integers are expected",
          "[prospect]") {
  const auto prospects = read(one(R"("degree": 2.0, "pending_invitations": 1E3, "priority": 3)"));
  CHECK(prospects.at(0).degree == 2);
  CHECK(prospects.at(0).pending_invitations == 1000);
  CHECK(prospects.at(0).priority == 3.0);
}

TEST_CASE("every field's validation names the index and the field", "[prospect]") {
  CHECK(error_of(R"([{"degree": 1}])") == "p.json: [0].id: required field missing");
  CHECK(error_of(R"([{"id": 5}])") ==
        "p.json: [0].id: expected a prospect id (non-blank UTF-8 text of at most 1 KiB), got 5");
  CHECK(error_of(R"([{"id": ""}])") ==
        "p.json: [0].id: expected a prospect id (non-blank UTF-8 text of at most 1 KiB), got \"\"");
  CHECK(error_of(R"([{"id": null}])") ==
        "p.json: [0].id: expected a prospect id (non-blank UTF-8 text of at most 1 KiB), got null");
  CHECK(error_of(one(R"("degree": 4)")) == "p.json: [0].degree: expected 1, 2, 3 or null, got 4");
  CHECK(error_of(one(R"("degree": 0)")) == "p.json: [0].degree: expected 1, 2, 3 or null, got 0");
  CHECK(error_of(one(R"("degree": "2")")) ==
        "p.json: [0].degree: expected 1, 2, 3 or null, got \"2\"");
  CHECK(error_of(one(R"("degree": 1.5)")) ==
        "p.json: [0].degree: expected 1, 2, 3 or null, got 1.5");
  CHECK(error_of(one(R"("open_profile": "yes")")) ==
        "p.json: [0].open_profile: expected true or false, got \"yes\"");
  CHECK(error_of(one(R"("accepts_inmail": 1)")) ==
        "p.json: [0].accepts_inmail: expected true or false, got 1");
  CHECK(error_of(one(R"("rarely_accepts": [])")) ==
        "p.json: [0].rarely_accepts: expected true or false, got an array");
  CHECK(error_of(one(R"("do_not_contact": {})")) ==
        "p.json: [0].do_not_contact: expected true or false, got an object");
  CHECK(error_of(one(R"("pending_invitations": -1)")) ==
        "p.json: [0].pending_invitations: expected an integer from 0 to 1000000000, got -1");
  CHECK(error_of(one(R"("mutual_connections": 1000000001)")) ==
        "p.json: [0].mutual_connections: expected an integer from 0 to 1000000000, got 1000000001");
  CHECK(error_of(one(R"("mutual_connections": 2.5)")) ==
        "p.json: [0].mutual_connections: expected an integer from 0 to 1000000000, got 2.5");
  CHECK(error_of(one(R"("deadline": "2026-02-30")")) ==
        "p.json: [0].deadline: expected a date as YYYY-MM-DD, got \"2026-02-30\"");
  CHECK(error_of(one(R"("deadline": "2026-12-01T10:00:00Z")")) ==
        "p.json: [0].deadline: expected a date as YYYY-MM-DD, got \"2026-12-01T10:00:00Z\"");
  CHECK(error_of(one(R"("deadline": 20261201)")) ==
        "p.json: [0].deadline: expected a date as YYYY-MM-DD, got 20261201");
  CHECK(error_of(one(R"("goal": "sale")")) ==
        "p.json: [0].goal: unknown goal \"sale\" (did you mean 'sales'?)");
  CHECK(error_of(one(R"("goal": "Recruiting")")) ==
        "p.json: [0].goal: unknown goal \"Recruiting\" (did you mean 'recruiting'?)");
  CHECK(error_of(one(R"("goal": "world domination")")) ==
        "p.json: [0].goal: unknown goal \"world domination\" (expected sales, recruiting, nurture "
        "or marketing)");
  CHECK(error_of(one(R"("goal": 1)")) ==
        "p.json: [0].goal: expected sales, recruiting, nurture or marketing, got 1");
  CHECK(error_of(one(R"("timezone": "Europe/Londn")")) ==
        "p.json: [0].timezone: unknown time zone 'Europe/Londn' (did you mean 'Europe/London'?)");
  CHECK(error_of(one(R"("timezone": "Mars/Olympus_Mons")")) ==
        "p.json: [0].timezone: unknown time zone 'Mars/Olympus_Mons'");
  CHECK(error_of(one(R"("timezone": 5)")) ==
        "p.json: [0].timezone: expected an IANA time zone name such as \"Europe/London\", got 5");
  CHECK(error_of(one(R"("timezone": "Europe/London; rm -rf")")) ==
        "p.json: [0].timezone: expected an IANA time zone name such as \"Europe/London\", got "
        "\"Europe/London; rm -rf\"");
  CHECK(error_of(one(R"("priority": "high")")) ==
        "p.json: [0].priority: expected a number, got \"high\"");
  CHECK(error_of(one(R"("priority": true)")) ==
        "p.json: [0].priority: expected a number, got true");
  CHECK(error_of(one(R"("group": 3)")) == "p.json: [0].group: expected a string, got 3");
}

TEST_CASE("NDJSON problems name the line and the field", "[prospect]") {
  const std::string text =
      "{\"id\": \"a\"}\n\n{\"id\": \"b\", \"degree\": 7}\n{\"id\": \"c\", \"goal\": \"nurtur\"}\n";
  CHECK(error_of(text, "leads.ndjson") ==
        "leads.ndjson:3: degree: expected 1, 2, 3 or null, got 7\n"
        "leads.ndjson:4: goal: unknown goal \"nurtur\" (did you mean 'nurture'?)");
}

TEST_CASE("NDJSON allows blank lines, CRLF, a missing last newline and leading white space",
          "[prospect]") {
  const auto prospects =
      read("\n  {\"id\": \"a\"}\r\n\r\n   \n{\"id\": \"b\"}\r\n{\"id\": \"c\"}", "l.ndjson");
  REQUIRE(prospects.size() == 3);
  CHECK(prospects[0].position == 2);
  CHECK(prospects[1].position == 5);
  CHECK(prospects[2].position == 6);
  CHECK(error_of("  {\"id\": \"a\", }\n", "l.ndjson") ==
        "l.ndjson:1:15: malformed JSON: unexpected '}'; expected string literal");
}

TEST_CASE("a leading byte-order mark is skipped", "[prospect]") {
  CHECK(read("\xEF\xBB\xBF[{\"id\": \"a\"}]").size() == 1);
  CHECK(read("\xEF\xBB\xBF{\"id\": \"a\"}\n", "l.ndjson").size() == 1);
  CHECK(error_of("\xEF\xBB\xBF") ==
        "p.json: no prospects: the input is empty (an empty list is [])");
  CHECK(error_of("\xEF\xBB[]") ==
        "p.json:1:3: expected a JSON array of prospect objects, or one object per line (NDJSON)");
}

TEST_CASE("an empty input is an error, an empty list is not", "[prospect]") {
  CHECK(error_of("") == "p.json: no prospects: the input is empty (an empty list is [])");
  CHECK(error_of(" \n\t\r\n") == "p.json: no prospects: the input is empty (an empty list is [])");
  CHECK(read("[]").empty());
  CHECK(read(" [ ]\n").empty());
}

TEST_CASE("anything but an array or NDJSON objects is refused", "[prospect]") {
  CHECK(error_of("\"asd\"") ==
        "p.json:1:1: expected a JSON array of prospect objects, or one object per line (NDJSON)");
  CHECK(error_of("\n\n  42") ==
        "p.json:3:3: expected a JSON array of prospect objects, or one object per line (NDJSON)");
  CHECK(error_of("[1, \"x\", null, [2], {\"id\": \"a\"}]") ==
        "p.json: [0]: expected a prospect object, got 1\n"
        "p.json: [1]: expected a prospect object, got \"x\"\n"
        "p.json: [2]: expected a prospect object, got null\n"
        "p.json: [3]: expected a prospect object, got an array");
  CHECK(error_of("{\"id\": \"a\"}\n[{\"id\": \"b\"}]\n7\n", "l.ndjson") ==
        "l.ndjson:2: expected a prospect object, got an array\n"
        "l.ndjson:3: expected a prospect object, got 7");
}

TEST_CASE("duplicate ids name both positions", "[prospect]") {
  CHECK(error_of(R"([{"id": "a"}, {"id": "b"}, {"id": "a"}, {"id": "a"}])") ==
        "p.json: [2].id: duplicate id \"a\", first at [0]\n"
        "p.json: [3].id: duplicate id \"a\", first at [0]");
  CHECK(error_of("{\"id\": \"x\"}\n{\"id\": \"y\"}\n\n{\"id\": \"x\"}\n", "l.ndjson") ==
        "l.ndjson:4: id: duplicate id \"x\", first on line 1");
  // Ids that differ only in case or white space are different ids.
  CHECK(read(R"([{"id": "a"}, {"id": "A"}, {"id": "a "}])").size() == 3);
}

TEST_CASE("many distinct ids are told apart exactly", "[prospect]") {
  std::string text = "[";
  for (int i = 0; i < 20000; ++i)
    text += (i ? ",{\"id\":\"p-" : "{\"id\":\"p-") + std::to_string(i) + "\"}";
  text += ",{\"id\":\"p-12345\"}]";
  CHECK(error_of(text) == "p.json: [20000].id: duplicate id \"p-12345\", first at [12345]");
}

TEST_CASE("duplicate keys inside one prospect are refused", "[prospect]") {
  CHECK(error_of(one(R"("degree": 1, "degree": 2)")) == "p.json: [0].degree: duplicate key");
  CHECK(error_of(one(R"("company": "A", "company": "B")")) == "p.json: [0].company: duplicate key");
  // Each repeated name once, in name order, however often and wherever it repeats.
  CHECK(error_of(one(R"("b": "1", "a": "1", "b": "2", "a": "2", "b": "3")")) ==
        "p.json: [0].a: duplicate key\np.json: [0].b: duplicate key");
}

TEST_CASE("a plan keeps only the fields its templates name, and still checks the others",
          "[prospect]") {
  FieldSelection kept;
  kept.all = false;
  kept.names = {"company", "goal"};
  CHECK(kept.keeps("company"));
  CHECK_FALSE(kept.keeps("notes"));
  CHECK(FieldSelection{}.keeps("notes"));
  const std::string text =
      R"([{"id": "a", "goal": "nurture", "company": "Acme", "notes": "long", "headline": "x"}])";
  std::istringstream seekable(text);
  PipeStream pipe(text);  // read by the exact reader alone
  for (std::istream* in :
       {static_cast<std::istream*>(&seekable), static_cast<std::istream*>(&pipe)}) {
    std::vector<Prospect> out;
    read_prospects(
        *in, "p.json", 50, [&](Prospect&& p) { out.push_back(std::move(p)); }, kept);
    REQUIRE(out.size() == 1);
    CHECK(out[0].goal == Goal::nurture);
    CHECK(out[0].field("company") == "Acme");
    CHECK(out[0].field("goal") == "nurture");
    CHECK_FALSE(out[0].field("notes"));
    CHECK_FALSE(out[0].field("id"));  // still out[0].id
    CHECK(out[0].id == "a");
  }
  std::istringstream twice(R"([{"id": "a", "notes": "1", "notes": "2"}])");
  CHECK_THROWS_WITH(read_prospects(
                        twice, "p.json", 50, [](Prospect&&) {}, kept),
                    "p.json: [0].notes: duplicate key");
}

TEST_CASE("the record's field names are SPEC §4's, id first", "[prospect]") {
  const auto names = prospect_field_names();
  REQUIRE(names.size() == 13);
  CHECK(names.front() == "id");
  CHECK(std::find(names.begin(), names.end(), "timezone") != names.end());
  CHECK(std::find(names.begin(), names.end(), "headline") == names.end());  // an extra field
}

TEST_CASE("a prospect with many distinct extra fields is not a duplicate", "[prospect]") {
  std::string fields;
  for (int i = 0; i < 40; ++i) fields += fmt::format(R"("extra_{}": "x", )", i);
  CHECK(read(one(fields + R"("note": "y")")).size() == 1);
  CHECK(error_of(one(fields + R"("extra_7": "again")")) == "p.json: [0].extra_7: duplicate key");
}

TEST_CASE("a non-string near miss of a known field is refused; string extras are kept",
          "[prospect]") {
  CHECK(error_of(one(R"("open_profle": true)")) ==
        "p.json: [0].open_profle: unknown field (did you mean 'open_profile'?)");
  CHECK(error_of(one(R"("Degree": 1)")) ==
        "p.json: [0].Degree: unknown field (did you mean 'degree'?)");
  CHECK(error_of(one(R"("priorty": 3.5)")) ==
        "p.json: [0].priorty: unknown field (did you mean 'priority'?)");
  CHECK(error_of(one(R"("groups": ["a"])")) ==
        "p.json: [0].groups: unknown field (did you mean 'group'?)");
  const auto prospects = read(one(
      R"("uid": 7, "headline": "CTO at Acme", "deadlne": "soon", "grade": "A", "employees": 20)"));
  CHECK(prospects.at(0).field("headline") == "CTO at Acme");
  CHECK(prospects.at(0).field("deadlne") == "soon");
  CHECK(prospects.at(0).field("grade") == "A");
  CHECK_FALSE(prospects.at(0).field("uid"));
}

TEST_CASE("untrusted text in messages is quoted and escaped", "[prospect]") {
  CHECK(error_of(one(R"("goal": "\u001b[31msale")")) ==
        "p.json: [0].goal: unknown goal \"\\u001b[31msale\" (expected sales, recruiting, nurture "
        "or marketing)");
  CHECK(error_of(one(R"("\u001b[2J": 5, "degree": 9)")) ==
        "p.json: [0].degree: expected 1, 2, 3 or null, got 9");
  CHECK(error_of(R"([{"id": "a"}, {"id": "a", "group": 1, "x\ny": "z", "x\ny": "w"}])") ==
        "p.json: [1].group: expected a string, got 1\n"
        "p.json: [1].\"x\\ny\": duplicate key\n"
        "p.json: [1].id: duplicate id \"a\", first at [0]");
  const std::string long_value(100, 'x');
  CHECK(error_of(one("\"goal\": \"" + long_value + "\"")) ==
        "p.json: [0].goal: unknown goal \"" + std::string(37, 'x') +
            "...\" (expected sales, recruiting, nurture or marketing)");
}

TEST_CASE("malformed JSON gives the line and column", "[prospect]") {
  CHECK(error_of("[\n  {\"id\": \"a\"},\n  {\"id\": \"b\",}\n]") ==
        "p.json:3:14: malformed JSON: unexpected '}'; expected string literal");
  CHECK(error_of("[{\"id\": \"a\"}") ==
        "p.json:1:13: malformed JSON: unexpected end of input; expected ']'");
  CHECK(error_of("[{\"id\": \"a\"}] [") ==
        "p.json:1:15: malformed JSON: unexpected '['; expected end of input");
  CHECK(error_of("[{\"id\": \"a\xFF\"}]") ==
        "p.json:1:11: malformed JSON: invalid string: ill-formed UTF-8 byte");
  CHECK(error_of("[{\"id\": \"a\nb\"}]") ==
        "p.json:1:11: malformed JSON: invalid string: control character U+000A (LF) must be "
        "escaped to \\u000A or \\n");
  CHECK(error_of("[{\"id\": \"a\", \"priority\": 1e999}]") ==
        "p.json:1:30: malformed JSON: number out of range");
  CHECK(error_of("{\"id\": \"a\",\n\"degree\": 1}\n", "l.ndjson") ==
        "l.ndjson:1:12: malformed JSON: unexpected end of input; expected string literal (each "
        "NDJSON line holds one whole prospect object)\n"
        "l.ndjson:2:9: malformed JSON: unexpected ':'; expected end of input");
}

TEST_CASE("positions stay right across chunk boundaries", "[prospect]") {
  std::string text = "[\n";
  for (int i = 0; i < 7000; ++i)
    text += "  {\"id\": \"p-" + std::to_string(i) + "\", \"company\": \"Acme\"},\n";
  text += "  {\"id\": \"x\" \"degree\": 1}\n]\n";
  REQUIRE(text.size() > 3 * 64 * 1024);
  CHECK(error_of(text) ==
        "p.json:7002:14: malformed JSON: unexpected string literal; expected '}'");
}

TEST_CASE("NUL bytes are refused wherever they are", "[prospect]") {
  using namespace std::string_literals;
  CHECK(error_of("[{\"id\": \"a\"}]\0garbage"s) == "p.json:1:14: NUL byte in the input");
  CHECK(error_of("[{\"id\": \"a\0\"}]"s) == "p.json:1:11: NUL byte in the input");
  CHECK(error_of("\0[]"s) == "p.json:1:1: NUL byte in the input");
  CHECK(error_of("{\"id\": \"a\"}\n{\"id\": \"b\0\"}\n{\"id\": 3}\n"s, "l.ndjson") ==
        "l.ndjson:2:10: NUL byte in the input\nl.ndjson:3: id: expected a prospect id (non-blank "
        "UTF-8 text of at most 1 KiB), got 3");
}

TEST_CASE("nesting is limited while parsing", "[prospect]") {
  // The list and the prospect are two levels; an extra field may nest up to the limit.
  const auto nested = [](int levels) {
    return "[{\"id\": \"a\", \"x\": " + std::string(static_cast<std::size_t>(levels), '[') +
           std::string(static_cast<std::size_t>(levels), ']') + "}]";
  };
  CHECK(read(nested(max_json_depth - 2)).size() == 1);
  CHECK(error_of(nested(max_json_depth - 1)) == "p.json:1:81: JSON nested deeper than 64 levels");
  CHECK(error_of(std::string(100000, '[')) == "p.json:1:65: JSON nested deeper than 64 levels");
  CHECK(error_of("{\"id\": \"a\", \"x\": " + std::string(100000, '[') + "\n{\"id\": 1}\n",
                 "l.ndjson") ==
        "l.ndjson:1: JSON nested deeper than 64 levels\nl.ndjson:2: id: expected a prospect id "
        "(non-blank UTF-8 text of at most 1 KiB), got 1");
}

TEST_CASE("oversized tokens, prospects and lines are refused without reading them whole",
          "[prospect]") {
  const std::string huge(max_prospect_bytes + 10, 'a');
  CHECK(error_of("[\"" + huge + "\"]") ==
        "p.json:1:1048578: a JSON value longer than 1048576 bytes (the largest accepted)");
  std::string many_fields = "[{\"id\": \"a\"";
  for (int i = 0; many_fields.size() < max_prospect_bytes + 100; ++i)
    many_fields += ", \"f" + std::to_string(i) + "\": \"" + std::string(100, 'v') + "\"";
  many_fields += "}]";
  CHECK(error_of(many_fields) ==
        "p.json: [0]: prospect larger than 1048576 bytes (the largest accepted)");
  CHECK(error_of("{\"id\": \"" + huge + "\"}\n{\"id\": 2}\n", "l.ndjson") ==
        "l.ndjson:1: line longer than 1048576 bytes (the largest prospect accepted)\n"
        "l.ndjson:2: id: expected a prospect id (non-blank UTF-8 text of at most 1 KiB), got 2");
}

TEST_CASE("problems are collected up to the cap", "[prospect]") {
  std::string text = "[";
  for (int i = 0; i < 30; ++i) {
    if (i > 0) text += ',';
    text += "{\"degree\": 9}";
  }
  text += "]";
  const std::string error = error_of(text, "p.json", 5);
  CHECK(error ==
        "p.json: [0].degree: expected 1, 2, 3 or null, got 9\n"
        "p.json: [0].id: required field missing\n"
        "p.json: [1].degree: expected 1, 2, 3 or null, got 9\n"
        "p.json: [1].id: required field missing\n"
        "p.json: [2].degree: expected 1, 2, 3 or null, got 9\n"
        "p.json: stopped after 5 problems");
}

TEST_CASE("prospects reach the sink in input order, none after a problem", "[prospect]") {
  std::string text = "[";
  for (int i = 0; i < 1000; ++i) text += "{\"id\": \"p-" + std::to_string(i) + "\"},";
  text += "{\"id\": 3}, {\"id\": \"after\"}]";
  std::istringstream in(text);
  std::vector<std::string> seen;
  CHECK_THROWS_AS(read_prospects(in, "p.json", 50, [&](Prospect&& p) { seen.push_back(p.id); }),
                  InputError);
  // Batches handed over before the problem may arrive; nothing from after it does.
  REQUIRE(seen.size() <= 1000);
  for (std::size_t i = 0; i < seen.size(); ++i) CHECK(seen[i] == "p-" + std::to_string(i));
  const auto prospects = read("{\"id\": \"z\"}\n{\"id\": \"y\"}\n", "l.ndjson");
  REQUIRE(prospects.size() == 2);
  CHECK(prospects[0].id == "z");
  CHECK(prospects[1].id == "y");
}

TEST_CASE("many prospects cross over to the calling thread in order", "[prospect]") {
  std::string text;
  for (int i = 0; i < 5000; ++i) text += "{\"id\": \"n-" + std::to_string(i) + "\"}\n";
  const auto prospects = read(text, "l.ndjson");
  REQUIRE(prospects.size() == 5000);
  for (std::size_t i = 0; i < prospects.size(); ++i) {
    CHECK(prospects[i].id == "n-" + std::to_string(i));
    CHECK(prospects[i].position == i + 1);
  }
}

TEST_CASE("an exception from the sink stops the reading and propagates", "[prospect]") {
  std::string text = "[";
  for (int i = 0; i < 20000; ++i)
    text += (i > 0 ? ",{\"id\": \"p-" : "{\"id\": \"p-") + std::to_string(i) + "\"}";
  text += "]";
  std::istringstream in(text);
  int calls = 0;
  CHECK_THROWS_WITH(read_prospects(in, "p.json", 50,
                                   [&](Prospect&&) {
                                     if (++calls == 300) throw InputError("planner gave up");
                                   }),
                    "planner gave up");
  CHECK(calls == 300);
}

TEST_CASE("running out of memory while reading names the input", "[prospect]") {
  std::istringstream in(R"([{"id": "a"}, {"id": "b"}])");
  CHECK_THROWS_MATCHES(read_prospect_batches(in, "big.json", 50,
                                             [](std::span<Prospect>) { throw std::bad_alloc(); }),
                       IoError, Catch::Message("big.json: out of memory while reading it"));
}

TEST_CASE("JSON prospects: profile_url is normalised and gives an id-less prospect its id",
          "[prospect][profile-url]") {
  const auto prospects = read(
      R"([{"profile_url": "https://www.linkedin.com/in/Jane-Doe/details/"},
          {"id": "p-2", "profile_url": "m.linkedin.com/in/li"}])");
  REQUIRE(prospects.size() == 2);
  CHECK(prospects[0].id == "linkedin.com/in/jane-doe");
  CHECK(prospects[0].field("profile_url") == "linkedin.com/in/jane-doe");
  CHECK(prospects[1].id == "p-2");
  CHECK(prospects[1].profile_url == "linkedin.com/in/li");
  CHECK(error_of(R"([{"id": "a", "profile_url": "https://example.com/jane"}])") ==
        "p.json: [0].profile_url: expected a LinkedIn profile URL such as "
        "https://www.linkedin.com/in/jane-doe or a Sales Navigator lead URL, got "
        "\"https://example.com/jane\"");
  CHECK(error_of("{\"profile_url\": \"linkedin.com/in/a\"}\n{\"profile_url\": "
                 "\"https://www.linkedin.com/in/A/\"}\n",
                 "p.ndjson") ==
        "p.ndjson:2: profile_url: duplicate id \"linkedin.com/in/a\", first on line 1");
  CHECK(error_of(R"([{"profile_url": 3}])") ==
        "p.json: [0].profile_url: expected a LinkedIn profile URL such as "
        "https://www.linkedin.com/in/jane-doe or a Sales Navigator lead URL, got 3");
}

TEST_CASE("JSON prospects: profile_url gives the id even when templates do not keep it",
          "[prospect][profile-url]") {
  std::string text = "[";
  for (int i = 0; i < 3000; ++i)
    text += fmt::format("{}{{\"profile_url\": \"https://www.linkedin.com/in/person-{}-abcdefgh\"}}",
                        i ? "," : "", i);
  text += "]";
  std::istringstream in(text);
  std::vector<Prospect> out;
  read_prospects(
      in, "p.json", 50, [&](Prospect&& p) { out.push_back(std::move(p)); },
      FieldSelection{false, {"first_name"}});
  REQUIRE(out.size() == 3000);
  CHECK(out[2999].id == "linkedin.com/in/person-2999-abcdefgh");
  CHECK_FALSE(out[0].field("profile_url"));
}
