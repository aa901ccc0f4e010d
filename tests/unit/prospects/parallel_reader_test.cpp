// The parallel prospects reader against the exact one: the same prospects from any valid input,
// a refusal (and then the exact reader's words) for anything else.
#include <random>
#include <sstream>

#include <fmt/format.h>
#include <catch2/catch.hpp>

#include "entry_points.hpp"
#include "outreach/error.hpp"
#include "outreach/limits.hpp"
#include "outreach/prospect.hpp"
#include "outreach/thread_pool.hpp"
#include "pipe_stream.hpp"
#include "prospects/elide.hpp"
#include "prospects/exact_reader.hpp"
#include "prospects/parallel_reader.hpp"

using namespace outreach;
using outreach::testing::read_prospects;

namespace {

struct Outcome {
  std::vector<Prospect> prospects;
  std::string error;  // the InputError's text; "" when the read succeeded
};

Outcome read_exact(const std::string& text, const FieldSelection& kept = {}) {
  Outcome out;
  std::istringstream in(text);
  try {
    detail::read_prospects_in_order(
        in, "p", 20, [&](Prospect&& p) { out.prospects.push_back(std::move(p)); }, kept);
  } catch (const InputError& e) {
    out.error = e.what();
  }
  return out;
}

struct Parallel {
  bool done = false;
  std::vector<Prospect> prospects;
};

Parallel read_parallel(const std::string& text, const FieldSelection& kept = {}) {
  Parallel out;
  std::istringstream in(text);
  out.done = detail::read_prospects_parallel(
      in, testing::pool(),
      [&](std::vector<Prospect>&& batch) {
        for (Prospect& p : batch) out.prospects.push_back(std::move(p));
      },
      kept);
  return out;
}

// Everything a prospect holds, as text, to compare two reads.
std::string show(const Prospect& p) {
  std::string fields;
  for (const auto& [name, value] : p.fields) fields += fmt::format("{}={};", name, value);
  return fmt::format("{}@{} d={} o={} a={} pi={} r={} dl={} g={} m={} z={} pr={} gr={} dnc={} [{}]",
                     p.id, p.position, p.degree.value_or(0), p.open_profile, p.accepts_inmail,
                     p.pending_invitations, p.rarely_accepts,
                     p.deadline ? format_date(*p.deadline) : "-", goal_name(p.goal),
                     p.mutual_connections, p.zone ? p.zone->name() : "-", p.priority, p.group,
                     p.do_not_contact, fields);
}

std::vector<std::string> shown(const std::vector<Prospect>& prospects) {
  std::vector<std::string> out;
  for (const Prospect& p : prospects) out.push_back(show(p));
  return out;
}

// The parallel reader accepts `text` and reads what the exact reader reads.
void same_as_exact(const std::string& text, const FieldSelection& kept = {}) {
  INFO(text.substr(0, 300));
  const Outcome exact = read_exact(text, kept);
  REQUIRE(exact.error.empty());
  const Parallel parallel = read_parallel(text, kept);
  CHECK(parallel.done);
  CHECK(shown(parallel.prospects) == shown(exact.prospects));
}

// The parallel reader refuses `text`, which the exact reader reports; what it handed on before
// refusing is a prefix of the exact reader's prospects.
void refused(const std::string& text) {
  INFO(text.substr(0, 300));
  const Parallel parallel = read_parallel(text);
  CHECK_FALSE(parallel.done);
  CHECK_FALSE(read_exact(text).error.empty());
}

std::string record(int i, const std::string& extra = "") {
  return fmt::format(R"({{"id": "p-{}", "degree": {}, "goal": "sales", "notes": "{}"{}}})", i,
                     i % 3 + 1, std::string(static_cast<std::size_t>(i % 50), 'n'), extra);
}

std::string ndjson(int count) {
  std::string text;
  for (int i = 0; i < count; ++i) text += record(i) + "\n";
  return text;
}

std::string array(int count) {
  std::string text = "[";
  for (int i = 0; i < count; ++i) text += (i > 0 ? ",\n  " : "\n  ") + record(i);
  return text + "\n]\n";
}

}  // namespace

TEST_CASE("the parallel reader reads what the exact reader reads", "[prospect][parallel]") {
  same_as_exact(ndjson(1));
  same_as_exact(ndjson(1000));  // several batches
  same_as_exact(array(1));
  same_as_exact(array(1000));
  same_as_exact("[]");
  same_as_exact(" \n [ \r\n ] \n ");
  SECTION("layout: byte-order mark, blank lines, CRLF, no last newline") {
    same_as_exact("\xEF\xBB\xBF" + ndjson(3));
    same_as_exact("\xEF\xBB\xBF" + array(3));
    same_as_exact("\n\n  \n" + record(1) + "\r\n\r\n \t \n" + record(2) + "\r\n" + record(3));
    same_as_exact("[" + record(1) + "," + record(2) + "]");
    same_as_exact(std::string(200 * 1024, ' ') + "\n\n" + ndjson(3));  // more than one read
    same_as_exact(std::string(200 * 1024, '\n') + array(3));
  }
  SECTION("strings that hold brackets, quotes and backslashes") {
    for (const std::string value :
         {R"(}]{[)", R"(a \" b)", R"(a\\)", R"(\\\\)", R"(\\\")", R"(\u005c\" })", R"(é ü 日本)"}) {
      const std::string extra =
          fmt::format(R"(, "first_name": "{}", "nested": {{"a": ["{}"]}})", value, value);
      same_as_exact(record(1, extra) + "\n" + record(2) + "\n");
      same_as_exact("[" + record(1, extra) + ", " + record(2) + "]");
    }
  }
  SECTION("fields kept by name") {
    FieldSelection kept;
    kept.all = false;
    kept.names = {"first_name", "goal"};
    same_as_exact(ndjson(300), kept);
    same_as_exact(array(300), kept);
  }
}

TEST_CASE("the parallel reader refuses what is not plainly valid", "[prospect][parallel]") {
  refused("");
  refused("  \n ");
  refused("\xEF\xBB{}");  // a broken byte-order mark
  refused("x");
  refused("[");
  refused("[" + record(1));
  refused("[" + record(1) + "," + record(2));
  refused("[" + record(1) + " " + record(2) + "]");   // no comma
  refused("[" + record(1) + ",," + record(2) + "]");  // two
  refused("[" + record(1) + ",]");
  refused("[" + record(1) + "] x");
  refused("[" + record(1) + "][]");
  refused("[1, " + record(1) + "]");
  refused(R"([{"degree": 1}])");                     // no id
  refused(ndjson(600) + R"({"id": "p-1"})" + "\n");  // a duplicate in a later batch
  refused(array(600).substr(0, array(600).size() - 3) + R"(, {"id": "p-1"}])");
  refused(ndjson(10) + R"({"id": "x", "degree": 7})" + "\n");
  refused(ndjson(10) + R"({"id": "x"} {"id": "y"})" + "\n");
  refused(ndjson(10) + R"({"id": "x", "notes": "open)" + "\n" + R"(", "b": 1})" + "\n");
  refused(ndjson(10) + "[]\n");
  refused(ndjson(10) + std::string("{\"id\": \"x\"}\0\n", 13));
  refused(ndjson(10) + std::string("{\"id\": \"x\"}\0 \n", 14));  // nlohmann ends at a NUL
  // Long white space between elements is left to the exact reader, which accepts it.
  CHECK_FALSE(read_parallel("[" + std::string(100 * 1024, ' ') + record(1) + "]").done);
}

TEST_CASE("the parallel reader counts nesting as the exact reader does", "[prospect][parallel]") {
  // The limit counts the array around an element, and does not count the NDJSON line's none.
  for (int depth = max_json_depth - 3; depth <= max_json_depth + 1; ++depth) {
    const std::string nested = std::string(static_cast<std::size_t>(depth), '[') +
                               std::string(static_cast<std::size_t>(depth), ']');
    const std::string object = R"({"id": "a", "x": )" + nested + "}";
    for (const std::string& text : {object + "\n", "[" + object + "]"}) {
      INFO(depth << " " << text.substr(0, 1));
      const bool exact = read_exact(text).error.empty();
      const Parallel parallel = read_parallel(text);
      CHECK(parallel.done == exact);
    }
  }
}

TEST_CASE("read_prospects says what the exact reader says, seekable or not",
          "[prospect][parallel]") {
  const std::vector<std::string> inputs = {
      ndjson(700) + R"({"id": "p-3"})" + "\n" + R"({"id": "z", "goal": "sale"})" + "\n",
      array(700).substr(0, array(700).size() - 3) + R"(, {"id": "p-3", "degree": 9}])",
      ndjson(700) + "{\"id\": \"x\"\n" + ndjson(5),
      "[" + record(1) + "," + record(2) + ",]",
      ndjson(700),
      array(700),
      // Valid, but refused by the parallel reader after a few batches: the exact reader's run
      // must skip the prospects already handed on.
      [] {
        std::string text = array(700);
        return text.insert(text.find(",\n", 40000) + 1, 100 * 1024, ' ');
      }(),
  };
  for (const std::string& text : inputs) {
    INFO(text.substr(text.size() - 80));
    std::vector<std::string> seekable_ids, pipe_ids;
    std::string seekable_error, pipe_error;
    std::istringstream seekable(text);
    PipeStream pipe(text);
    try {
      read_prospects(seekable, "p", 20, [&](Prospect&& p) { seekable_ids.push_back(p.id); });
    } catch (const InputError& e) {
      seekable_error = e.what();
    }
    try {
      read_prospects(pipe, "p", 20, [&](Prospect&& p) { pipe_ids.push_back(p.id); });
    } catch (const InputError& e) {
      pipe_error = e.what();
    }
    CHECK(seekable_error == pipe_error);
    // The same prospects, each once and in order: the exact reader's run after a refusal skips
    // those the parallel one handed on.
    CHECK(seekable_ids == pipe_ids);
  }
}

TEST_CASE("only strings nobody reads are taken out before parsing", "[prospect][parallel]") {
  FieldSelection kept;
  kept.all = false;
  kept.names = {"company"};
  const auto elided = [&](std::string text) {
    text.resize(detail::elide_unused_strings(text.data(), text.size(), kept));
    return text;
  };
  const std::string long_text(20, 'x');
  CHECK(elided(R"({"notes": ")" + long_text + R"(", "id": "a"})") == R"({"notes": "", "id": "a"})");
  CHECK(elided(R"({"notes" :  ")" + long_text + R"("})") == R"({"notes" :  ""})");
  // Kept: a field the plan reads, a SPEC field, a short string, escapes, non-ASCII, control
  // characters, a nested object's strings, a key with an escape, a value that is no string.
  for (const std::string& text : std::vector<std::string>{
           R"({"company": ")" + long_text + R"("})", R"({"timezone": ")" + long_text + R"("})",
           R"({"notes": "short"})", R"({"notes": ")" + long_text + R"(\n"})",
           R"({"notes": ")" + long_text + R"(é"})", "{\"notes\": \"" + long_text + "\t\"}",
           R"({"x": {"notes": ")" + long_text + R"("}})",
           R"({"no\u0074es": ")" + long_text + R"("})", R"({"notes": [")" + long_text + R"("]})"}) {
    CHECK(elided(text) == text);
  }
  FieldSelection all;
  const std::string text = R"({"notes": ")" + long_text + R"("})";
  std::string copy = text;
  CHECK(detail::elide_unused_strings(copy.data(), copy.size(), all) == text.size());
}

TEST_CASE("taking strings out never changes what a record means", "[prospect][parallel]") {
  // Random records of valid fields with broken pieces among them: the parallel reader (which
  // elides) may refuse more than the exact reader, never less, and when it accepts, it reads the
  // same.
  const std::vector<std::string> keys = {"\"notes\"",    "\"company\"",   "\"goal\"",
                                         "\"headline\"", "\"no\\\"tes\"", "\"degree\""};
  const std::vector<std::string> values = {"\"" + std::string(24, 'a') + "\"",
                                           "\"sales\"",
                                           "2",
                                           "\"a\\\"" + std::string(20, 'b') + "\"",
                                           "{\"k\": \"" + std::string(20, 'd') + "\"}",
                                           "\"\\\\\"",
                                           "[\"" + std::string(20, 'g') + "\"]",
                                           "\"" + std::string(20, 'h') + "\\u00e9\""};
  const std::vector<std::string> broken = {"\"" + std::string(20, 'c'),
                                           "[",
                                           "]",
                                           "}",
                                           "{",
                                           "\"" + std::string(20, 'e') + "\":",
                                           ":",
                                           ",",
                                           "\"" + std::string(18, 'f') + "\\\"",
                                           "notes",
                                           "\"\t\"",
                                           "\n",
                                           " \"x\": "};
  FieldSelection kept;
  kept.all = false;
  kept.names = {"company"};
  std::mt19937 random(20261126);
  const auto pick = [&](const std::vector<std::string>& from) {
    return from[std::uniform_int_distribution<std::size_t>(0, from.size() - 1)(random)];
  };
  int accepted = 0;
  int refused_by_both = 0;
  for (int round = 0; round < 3000; ++round) {
    std::string text = "{\"id\": \"r\"";
    const int pieces = std::uniform_int_distribution<int>(1, 6)(random);
    for (int i = 0; i < pieces; ++i) {
      text += ", " + pick(keys) + ": " + pick(values);
      if (std::uniform_int_distribution<int>(0, 5)(random) == 0) text += pick(broken);
    }
    text += round % 7 == 0 ? "" : "}";
    for (const std::string& input : {text + "\n", "[" + text + "]"}) {
      INFO(input);
      const Outcome exact = read_exact(input, kept);
      const Parallel parallel = read_parallel(input, kept);
      if (parallel.done) {
        ++accepted;
        CHECK(exact.error.empty());
        CHECK(shown(parallel.prospects) == shown(exact.prospects));
      }
      if (!exact.error.empty()) {
        ++refused_by_both;
        CHECK_FALSE(parallel.done);
      }
    }
  }
  // Both kinds are common enough for the test to mean something.
  CHECK(accepted > 500);
  CHECK(refused_by_both > 1000);
}
