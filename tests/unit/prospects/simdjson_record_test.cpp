// The record parser's simdjson fast path against its nlohmann path: for every record, the same
// verdict and the same prospect field by field; records the fast path is unsure of go to
// nlohmann. Over hand-written records of every kind and over the benchmark's generated exports.
#include "prospects/simdjson_record.hpp"

#include <bit>
#include <cstdio>
#include <memory>
#include <random>
#include <string>
#include <vector>

#include <fmt/format.h>
#include <catch2/catch.hpp>

#include "outreach/calendar.hpp"
#include "outreach/prospect.hpp"
#include "prospects/json_scan.hpp"
#include "prospects/record_parser.hpp"

using namespace outreach;
using outreach::detail::RecordParser;
using outreach::detail::SimdjsonRecord;

namespace {

// Everything a prospect holds, as text (the priority by its bits).
std::string show(const Prospect& p) {
  std::string fields;
  for (const auto& [name, value] : p.fields) fields += fmt::format("{}={};", name, value);
  return fmt::format(
      "{}@{} d={} o={} a={} pi={} r={} dl={} g={} m={} z={} pr={:x} gr={} dnc={} url={} [{}]", p.id,
      p.position, p.degree.value_or(0), p.open_profile, p.accepts_inmail, p.pending_invitations,
      p.rarely_accepts, p.deadline ? format_date(*p.deadline) : "-", goal_name(p.goal),
      p.mutual_connections, p.zone ? p.zone->name() : "-", std::bit_cast<std::uint64_t>(p.priority),
      p.group, p.do_not_contact, p.profile_url, fields);
}

FieldSelection plan_selection() { return FieldSelection{false, {"first_name", "company"}}; }

// Both paths over one record, each with a parser of its own; the verdicts and prospects must
// agree. Returns whether the fast path read it.
bool same_both_ways(const std::string& record, bool array_elements = false,
                    const FieldSelection& kept = {}) {
  INFO(record);
  std::vector<std::string> fast_names;
  std::vector<std::string> exact_names;
  RecordParser fast(array_elements, kept, &fast_names);
  RecordParser exact(array_elements, kept, &exact_names, RecordParser::Paths::nlohmann_only);
  std::string fast_text = record;  // the nlohmann path shortens its text in place
  std::string exact_text = record;
  Prospect from_fast;
  Prospect from_exact;
  const bool fast_ok =
      fast.parse(fast_text.data(), fast_text.data() + fast_text.size(), 7, from_fast);
  const bool exact_ok =
      exact.parse(exact_text.data(), exact_text.data() + exact_text.size(), 7, from_exact);
  CHECK(fast_ok == exact_ok);
  if (fast_ok && exact_ok) CHECK(show(from_fast) == show(from_exact));
  CHECK(fast_names == exact_names);
  CHECK_FALSE(exact.last_read_by_simdjson());
  return fast.last_read_by_simdjson();
}

void read_fast(const std::string& record) {
  INFO(record);
  CHECK(same_both_ways(record));
  CHECK(same_both_ways(record, true));
  CHECK(same_both_ways(record, false, plan_selection()));
}

void falls_back(const std::string& record) {
  INFO(record);
  CHECK_FALSE(same_both_ways(record));
  CHECK_FALSE(same_both_ways(record, true));
  CHECK_FALSE(same_both_ways(record, false, plan_selection()));
}

std::string with(const std::string& fields) { return R"({"id": "a", )" + fields + "}"; }

}  // namespace

TEST_CASE("simdjson record: plain records are read fast, as nlohmann reads them") {
  read_fast(R"({"id": "p-1"})");
  read_fast(R"(  {"id":"p-1","first_name":"Ann"}  )");
  read_fast("{\"id\": \"p-1\"}\r");
  read_fast("{\n\t\"id\": \"p-1\",\n\t\"notes\": \"x\"\n}");
  read_fast(
      R"({"id": "p-0000000", "first_name": "Grace", "last_name": "Eriksen", "company": "Brightline Robotics", "title": "Head of Growth", "degree": 2, "open_profile": false, "accepts_inmail": true, "pending_invitations": 28, "rarely_accepts": false, "deadline": "2027-01-15", "goal": "sales", "mutual_connections": 18, "timezone": "America/New_York", "priority": 9, "group": "g1", "do_not_contact": false, "headline": "security keynote expansion webinar onboarding hiring platform", "email": "Grace.Eriksen@example.com"})");
  read_fast(R"({"profile_url": "https://www.linkedin.com/in/ann-lee/"})");
  read_fast(R"({"id": "https://linkedin.com/in/ann-lee"})");
  read_fast(with(R"("degree": null, "goal": null, "timezone": null, "deadline": null)"));
  read_fast(with(R"("first_name": "Zoë", "company": "Ελληνικά 日本語 Кириллица 🎉")"));
  read_fast(with(R"("notes": "")"));
}

TEST_CASE("simdjson record: numbers take nlohmann's kinds") {
  read_fast(with(R"("priority": 0)"));
  read_fast(with(R"("priority": -0)"));
  read_fast(with(R"("priority": -0.0)"));
  read_fast(with(R"("priority": -12)"));
  read_fast(with(R"("priority": 1.5, "degree": 2.0, "mutual_connections": 3e0)"));
  read_fast(with(R"("priority": 1E3, "pending_invitations": 4.0E+1)"));
  read_fast(with(R"("priority": 2.5e-3)"));
  read_fast(with(R"("priority": 0.1000000000000000055511151231257827)"));
  read_fast(with(R"("priority": 18446744073709551615)"));
  read_fast(with(R"("priority": 18446744073709551616)"));  // past uint64: a double
  read_fast(with(R"("priority": 9223372036854775807, "mutual_connections": 9223372036854775808)"));
  read_fast(with(R"("priority": -9223372036854775808)"));
  read_fast(with(R"("priority": -9223372036854775809)"));  // past int64: a double
  read_fast(with(R"("priority": 123456789012345678901234567890)"));
  read_fast(with(R"("priority": 1.7976931348623157e308)"));
  // Refused by the builder, the same way on both paths.
  read_fast(with(R"("degree": 4)"));
  read_fast(with(R"("degree": 1.5)"));
  read_fast(with(R"("mutual_connections": -1)"));
  read_fast(with(R"("pending_invitations": 1e300)"));
  read_fast(with(R"("priority": "high")"));
  read_fast(with(R"("open_profle": 3)"));
}

TEST_CASE("simdjson record: every field kind, nested values and duplicate keys") {
  read_fast(with(R"("open_profile": true, "accepts_inmail": false, "rarely_accepts": true)"));
  read_fast(with(R"("do_not_contact": true, "group": "enterprise")"));
  read_fast(with(R"("tags": ["a", "b"], "meta": {"x": [1, {"y": null}], "z": true})"));
  read_fast(with(R"("tags": [], "meta": {})"));
  read_fast(with(R"("notes": [1, 2.5, -3, true, false, null, "s", [[[]]]])"));
  read_fast(with(R"("degree": [1], "goal": {"a": 1})"));  // the builder's problems
  read_fast(with(R"("group": 5)"));
  read_fast(with(R"("deadline": "2027-02-30")"));
  read_fast(with(R"("goal": "sails")"));
  read_fast(with(R"("timezone": "Mars/Olympus")"));
  read_fast(with(R"("timezone": "Europe/Paris", "deadline": "2027-02-28", "goal": "recruiting")"));
  read_fast(with(R"("degree": 1, "degree": 2)"));
  read_fast(R"({"id": "a", "id": "b"})");
  read_fast(with(R"("notes": "x", "notes": "y")"));
  read_fast(with(R"("notes": "x", "notes": 1)"));
  read_fast(R"({"first_name": "no id"})");
  read_fast(R"({})");
  read_fast(with(R"("id2": "x", "Id": "y")"));
  read_fast(with(R"("a": [1, [2, [3, [4, [5, [6, [7]]]]]]])"));  // 8 levels: still fast
}

TEST_CASE("simdjson record: anything unusual goes to nlohmann") {
  // Escapes, anywhere.
  falls_back(with(R"("first_name": "A\"B")"));
  falls_back(with(R"("first_name": "Zo\u00eb")"));
  falls_back(with(R"("first_name": "\ud83c\udf89")"));
  falls_back(with(R"("first_name": "\ud83c")"));
  falls_back(with(R"("first_name": "\x")"));
  falls_back(R"({"i\u0064": "a"})");
  // Numbers nlohmann refuses or that leave double's range.
  falls_back(with(R"("priority": 1e400)"));
  falls_back(with(R"("priority": -1e400)"));
  falls_back(with(R"("priority": 1e-400)"));
  falls_back(with(R"("priority": 01)"));
  falls_back(with(R"("priority": 1.)"));
  falls_back(with(R"("priority": .5)"));
  falls_back(with(R"("priority": +1)"));
  falls_back(with(R"("priority": -)"));
  falls_back(with(R"("priority": 1e)"));
  falls_back(with(R"("priority": 1x)"));
  falls_back(with(R"("priority": 0x10)"));
  falls_back(with(R"("priority": NaN)"));
  falls_back(with(R"("tags": [1e999])"));
  // Literals and syntax.
  falls_back(with(R"("open_profile": tru)"));
  falls_back(with(R"("open_profile": truex)"));
  falls_back(with(R"("open_profile": nul)"));
  falls_back(with(R"("open_profile": True)"));
  falls_back(R"({"id": "a",})");
  falls_back(R"({"id": "a" "b": 1})");
  falls_back(R"({"id" "a"})");
  falls_back(R"({"id": })");
  falls_back(R"({"id": "a")");
  falls_back(R"({"id": "a"]})");
  falls_back(R"({"id": "a)");
  falls_back(R"({id: "a"})");
  falls_back(R"({'id': 'a'})");
  falls_back(with(R"("tags": [1, 2,])"));
  falls_back(with(R"("tags": [1 2])"));
  falls_back(with(R"("tags": [1, 2})"));
  falls_back(with(R"("meta": {"a": 1,}})"));
  falls_back(with(R"("meta": {"a"}})"));
  falls_back(with(R"("meta": {"a": 01}})"));
  falls_back(with(R"("meta": {"a": "x")"));
  falls_back(with(R"("meta": {a: 1}})"));
  falls_back(with(R"("meta": {1: 1}})"));
  falls_back(with(R"("meta": {"a" 1}})"));
  falls_back(with(R"("meta": {"a": 1 "b": 2}})"));
  falls_back(with(R"("meta": {"a": 1}, })"));
  // Text after the object, or no object.
  falls_back(R"({"id": "a"} x)");
  falls_back(R"({"id": "a"}})");
  falls_back(R"({"id": "a"},)");
  falls_back(R"({"id": "a"} {"id": "b"})");
  falls_back(R"({"id": "a"} 1)");
  falls_back(R"([{"id": "a"}])");
  falls_back(R"("a")");
  falls_back("1");
  falls_back("null");
  falls_back("");
  falls_back("   ");
  // Bytes: invalid UTF-8, control characters, a NUL.
  falls_back(with("\"first_name\": \"\xff\""));
  falls_back(with("\"first_name\": \"\xc0\xaf\""));          // overlong
  falls_back(with("\"first_name\": \"\xed\xa0\x80\""));      // a surrogate
  falls_back(with("\"first_name\": \"\xf4\x90\x80\x80\""));  // past U+10FFFF
  falls_back(with("\"first_name\": \"\xe2\x82\""));          // cut short
  falls_back("{\"id\": \"a\xff\"}");
  falls_back(with("\"first_name\": \"a\tb\""));
  falls_back(with("\"first_name\": \"a\nb\""));
  falls_back(with("\"first_name\": \"a\rb\""));
  falls_back(
      with("\"first_name\": \"a\x01"
           "b\""));
  falls_back(
      with("\"first_name\": \"a\x1f"
           "b\""));
  falls_back(with(std::string("\"first_name\": \"a\0b\"", 18)));
  falls_back(std::string("{\"id\": \"a\"}\0", 12));
  // Nesting past the fast path's depth.
  falls_back(with(R"("a": [1, [2, [3, [4, [5, [6, [7, [8]]]]]]]])"));
  falls_back(with(std::string(70, '[') + std::string(70, ']')));
}

TEST_CASE("simdjson record: a byte-order mark is read as nlohmann reads it") {
  same_both_ways("\xef\xbb\xbf{\"id\": \"a\"}");
  same_both_ways("\xef\xbb\xbf{\"id\": \"a\"}", true);
}

TEST_CASE("simdjson record: the fast path's verdict on its own") {
  SimdjsonRecord record;
  const auto read = [&](const std::string& text) {
    return record.read(text.data(), text.data() + text.size());
  };
  CHECK(read(R"({"id": "a", "priority": -1.5e2, "tags": ["x"]})") ==
        SimdjsonRecord::Outcome::parsed);
  REQUIRE(record.fields().size() == 3);
  CHECK(record.fields()[0].key == "id");
  CHECK(record.fields()[0].value.kind == detail::JsonValue::Kind::string);
  CHECK(record.fields()[0].value.text == "a");
  CHECK(record.fields()[1].value.kind == detail::JsonValue::Kind::floating);
  CHECK(record.fields()[1].value.floating == -150.0);
  CHECK(record.fields()[1].value.text == "-1.5e2");
  CHECK(record.fields()[2].value.kind == detail::JsonValue::Kind::array);
  CHECK(read(R"({"n": 18446744073709551615, "m": -9223372036854775808})") ==
        SimdjsonRecord::Outcome::parsed);
  CHECK(record.fields()[0].value.kind == detail::JsonValue::Kind::unsigned_integer);
  CHECK(record.fields()[1].value.kind == detail::JsonValue::Kind::integer);
  CHECK(read(R"({"id": "a\"b"})") == SimdjsonRecord::Outcome::fall_back);
  CHECK(read(R"({"id": "a"} x)") == SimdjsonRecord::Outcome::fall_back);
}

namespace {

// The benchmark's generator's output (bench/gen_prospects.cpp).
std::string generated(int count, const char* format, const char* shape) {
  const std::string command =
      fmt::format("'{}' {} 42 {} {}", OUTREACH_GEN_PROSPECTS, count, format, shape);
  std::unique_ptr<FILE, int (*)(FILE*)> pipe(popen(command.c_str(), "r"), pclose);
  REQUIRE(pipe != nullptr);
  std::string out;
  char chunk[65536];
  for (std::size_t n; (n = std::fread(chunk, 1, sizeof chunk, pipe.get())) > 0;)
    out.append(chunk, n);
  return out;
}

// The records of an NDJSON text (its lines) or of a JSON array (its elements), as the parallel
// reader cuts them.
std::vector<std::string> records_of(const std::string& text, bool array) {
  std::vector<std::string> out;
  if (!array) {
    for (std::size_t at = 0; at < text.size();) {
      std::size_t end = text.find('\n', at);
      if (end == std::string::npos) end = text.size();
      if (!detail::blank_line(std::string_view(text).substr(at, end - at)))
        out.push_back(text.substr(at, end - at));
      at = end + 1;
    }
    return out;
  }
  std::size_t depth = 0;
  std::size_t begin = 0;
  for (std::size_t at = text.find('[') + 1; at < text.size();) {
    const char c = text[at];
    if (c == '"') {
      at = detail::json_string_end(text.data(), at, text.size());
      REQUIRE(at != detail::no_string_end);
      continue;
    }
    if (c == '{' && depth++ == 0) begin = at;
    if (c == '}' && --depth == 0) out.push_back(text.substr(begin, at + 1 - begin));
    ++at;
  }
  return out;
}

}  // namespace

TEST_CASE("simdjson record: the generated exports read the same both ways, all of them fast") {
  for (const char* shape : {"short", "long", "utf8"}) {
    for (const bool array : {false, true}) {
      for (const bool all_fields : {true, false}) {
        INFO(shape << (array ? " json" : " ndjson") << (all_fields ? " all" : " plan fields"));
        const std::vector<std::string> records =
            records_of(generated(2000, array ? "json" : "ndjson", shape), array);
        REQUIRE(records.size() == 2000);
        const FieldSelection kept = all_fields ? FieldSelection{} : plan_selection();
        // One parser each for the whole file, as a worker thread has.
        std::vector<std::string> fast_names;
        std::vector<std::string> exact_names;
        RecordParser fast(array, kept, &fast_names);
        RecordParser exact(array, kept, &exact_names, RecordParser::Paths::nlohmann_only);
        std::size_t fell_back = 0;
        std::size_t differ = 0;
        for (std::size_t i = 0; i < records.size(); ++i) {
          std::string fast_text = records[i];
          std::string exact_text = records[i];
          Prospect from_fast;
          Prospect from_exact;
          const bool fast_ok =
              fast.parse(fast_text.data(), fast_text.data() + fast_text.size(), i, from_fast);
          const bool exact_ok =
              exact.parse(exact_text.data(), exact_text.data() + exact_text.size(), i, from_exact);
          REQUIRE(fast_ok);
          REQUIRE(exact_ok);
          if (!fast.last_read_by_simdjson()) ++fell_back;
          if (show(from_fast) != show(from_exact)) {
            ++differ;
            CHECK(show(from_fast) == show(from_exact));
          }
        }
        CHECK(differ == 0);
        CHECK(fell_back == 0);
        CHECK(fast_names == exact_names);
      }
    }
  }
}

TEST_CASE("simdjson record: mutated records get the same verdict and prospect both ways") {
  // Records with a few bytes replaced, inserted or deleted: JSON's structural bytes, digits,
  // signs, quotes, escapes, white space, control and non-ASCII bytes.
  std::vector<std::string> records = records_of(generated(300, "ndjson", "short"), false);
  REQUIRE(records.size() == 300);
  for (int copies = 0; copies < 30; ++copies) {  // numbers, nesting and escapes too
    records.push_back(
        R"({"id": "p-1", "priority": -1.25e-3, "degree": 2.0, "mutual_connections": 18446744073709551616, "tags": ["a", {"b": [1, -0, 2.5E+10]}, null, true], "meta": {}, "profile_url": "https://linkedin.com/in/x-y"})");
    records.push_back(
        R"({"id": "p-2", "notes": "say \"hi\" \u00e9\ud83c\udf89", "deadline": "2027-01-31", "timezone": "Europe/Paris", "group": "g", "goal": "nurture", "pending_invitations": 0})");
  }
  const std::string alphabet = std::string("{}[]:,\"\\/-+.eE0123456789 \t\r\ntruefalsnu") +
                               std::string("\x00\x01\x1f\x7f\x80\xbf\xc3\xa9\xed\xf4\xff", 11);
  std::mt19937 random(19);
  std::size_t fast = 0;
  for (int round = 0; round < 5000; ++round) {
    std::string record = records[random() % records.size()];
    const int edits = 1 + static_cast<int>(random() % 3);
    for (int e = 0; e < edits && !record.empty(); ++e) {
      const std::size_t at = random() % record.size();
      const char c = alphabet[random() % alphabet.size()];
      switch (random() % 3) {
        case 0:
          record[at] = c;
          break;
        case 1:
          record.insert(at, 1, c);
          break;
        default:
          record.erase(at, 1);
      }
    }
    if (same_both_ways(record, round % 2 == 1,
                       round % 3 == 0 ? plan_selection() : FieldSelection{}))
      ++fast;
  }
  CHECK(fast > 0);
}
