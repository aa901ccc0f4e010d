#include "outreach/output.hpp"

#include <sstream>

#include <fmt/format.h>
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "plan_sample.hpp"

using namespace outreach;
using namespace outreach::testing;

TEST_CASE("plan formats have names", "[output]") {
  CHECK(parse_plan_format("table") == PlanFormat::table);
  CHECK(parse_plan_format("tsv") == PlanFormat::tsv);
  CHECK(parse_plan_format("csv") == PlanFormat::csv);
  CHECK(parse_plan_format("json") == PlanFormat::json);
  CHECK(parse_plan_format("ndjson") == PlanFormat::ndjson);
  CHECK_FALSE(parse_plan_format("TSV"));
  CHECK_FALSE(parse_plan_format("xml"));
}

TEST_CASE("TSV has a header, one line per prospect and ISO send times", "[output]") {
  CHECK(written(sample(), PlanFormat::tsv) ==
        "id\tchannel\treason\tcost\tsend_at\tgroup\tthen\tfindings\tstep\tvariant\tnote\tsend_at_"
        "utc\n"
        "p-1\tinmail\thard-to-connect\t1\t2026-12-01T09:00:00+05:30\t\t\tlong-inmail\tfirst\t\t\t"
        "2026-12-01T03:30:00Z\n"
        "p-2\tconnect\tfree-path\t0\t2026-12-02T10:30:00-05:00\t\tmessage\tbody-too-long,no-call-"
        "to-action\tfirst\t\ttrue\t2026-12-02T15:30:00Z\n"
        "p-3\tskip\tdo-not-contact\t0\t\t\t\t\t\t\t\t\n");
}

TEST_CASE("TSV never carries a raw tab, newline or control character", "[output]") {
  PlanResult plan;
  PlannedProspect p = row("a\tb\nc\\d\re\x1b[31m", PlanChannel::message, PlanReason::connected);
  p.group = SharedName("team\tone");
  plan.prospects.push_back(p);
  const auto lines = lines_of(written(plan, PlanFormat::tsv));
  REQUIRE(lines.size() == 2);
  CHECK(lines[1] ==
        "a\\tb\\nc\\\\d\\re\\x1b[31m\tmessage\tconnected\t0\t\tteam\\tone\t\t\tfirst\t\t\t");
}

TEST_CASE("TSV escapes every control and bidirectional character reversibly", "[output]") {
  PlanResult plan;
  plan.prospects.push_back(
      row("a\xc2\x9b"
          "b\u202ec\u2028d\x7f\\x1b",
          PlanChannel::message, PlanReason::connected));
  const auto lines = lines_of(written(plan, PlanFormat::tsv));
  REQUIRE(lines.size() == 2);
  CHECK(lines[1].substr(0, lines[1].find('\t')) == "a\\u009bb\\u202ec\\u2028d\\x7f\\\\x1b");
}

TEST_CASE("CSV shows control characters for people, keeping line breaks", "[output]") {
  PlanResult plan;
  plan.prospects.push_back(row(std::string("e\x1b[2Jn\0d\x7f\xc2\x9b\u202e", 14),
                               PlanChannel::message, PlanReason::connected));
  const auto lines = lines_of(written(plan, PlanFormat::csv), '\n');
  REQUIRE(lines.size() == 2);
  CHECK(lines[1] == "e\\x1B[2Jn\\x00d\\x7F\\u009B\\u202E,message,connected,0,,,,,first,,,\r");
}

TEST_CASE("CSV follows RFC 4180 and neutralises formulas", "[output]") {
  PlanResult plan;
  plan.prospects.push_back(
      row("=HYPERLINK(\"http://x\")", PlanChannel::message, PlanReason::connected));
  plan.prospects.push_back(row("+1", PlanChannel::message, PlanReason::connected));
  plan.prospects.push_back(row("-2", PlanChannel::message, PlanReason::connected));
  plan.prospects.push_back(row("@SUM(A1)", PlanChannel::message, PlanReason::connected));
  plan.prospects.push_back(row("\tx", PlanChannel::message, PlanReason::connected));
  plan.prospects.push_back(row("a,b", PlanChannel::message, PlanReason::connected));
  plan.prospects.push_back(row("line\nbreak", PlanChannel::message, PlanReason::connected));
  plan.prospects.push_back(row("plain", PlanChannel::message, PlanReason::connected));
  plan.prospects.back().group = SharedName("x=1");
  const auto lines = lines_of(written(plan, PlanFormat::csv), '\n');
  REQUIRE(lines.size() == 10);  // the quoted line break splits one record over two lines here
  CHECK(lines[0] ==
        "id,channel,reason,cost,send_at,group,then,findings,step,variant,note,"
        "send_at_utc\r");
  CHECK(lines[1] == "\"'=HYPERLINK(\"\"http://x\"\")\",message,connected,0,,,,,first,,,\r");
  CHECK(lines[2] == "'+1,message,connected,0,,,,,first,,,\r");
  CHECK(lines[3] == "'-2,message,connected,0,,,,,first,,,\r");
  CHECK(lines[4] == "'@SUM(A1),message,connected,0,,,,,first,,,\r");
  CHECK(lines[5] == "'\tx,message,connected,0,,,,,first,,,\r");
  CHECK(lines[6] == "\"a,b\",message,connected,0,,,,,first,,,\r");
  CHECK(lines[7] == "\"line");
  CHECK(lines[8] == "break\",message,connected,0,,,,,first,,,\r");
  CHECK(lines[9] == "plain,message,connected,0,,x=1,,,first,,,\r");
  // Findings of several rules are one quoted cell.
  CHECK(lines_of(written(sample(), PlanFormat::csv))[2] ==
        "p-2,connect,free-path,0,2026-12-02T10:30:00-05:00,,message,\"body-too-long,no-call-to-"
        "action\",first,,true,2026-12-02T15:30:00Z\r");
}

TEST_CASE("NDJSON writes one object per prospect with the keys of SPEC §7", "[output]") {
  const auto lines = lines_of(written(sample(), PlanFormat::ndjson));
  REQUIRE(lines.size() == 3);
  const auto first = nlohmann::json::parse(lines[0]);
  for (const char* key :
       {"id", "channel", "reason", "cost", "send_at", "timezone", "group", "then", "findings"})
    CHECK(first.contains(key));
  CHECK(first["send_at"] == "2026-12-01T09:00:00+05:30");
  CHECK(first["timezone"] == "Asia/Kolkata");
  CHECK(first["group"].is_null());
  CHECK(first["findings"][0]["rule"] == "long-inmail");
  CHECK(first["findings"][0]["severity"] == "warning");
  const auto second = nlohmann::json::parse(lines[1]);
  CHECK(second["then"] ==
        nlohmann::json::parse(
            R"([{"channel": "message", "send_at": null, "note": "once accepted"}])"));
  const auto third = nlohmann::json::parse(lines[2]);
  CHECK(third["send_at"].is_null());
  CHECK(third["timezone"].is_null());
  CHECK(third["channel"] == "skip");
}

TEST_CASE("JSON wraps the rows and the summary", "[output]") {
  const auto document = nlohmann::json::parse(written(sample(), PlanFormat::json));
  REQUIRE(document["prospects"].size() == 3);
  CHECK(document["prospects"][1]["id"] == "p-2");
  const auto& s = document["summary"];
  CHECK(s["start"] == "2026-12-01");
  CHECK(s["plan"] == "premium-business");
  CHECK(s["channels"] ==
        nlohmann::json::parse(
            R"({"message": 0, "inmail": 1, "connect": 1, "message-ad": 0, "skip": 1})"));
  CHECK(s["credits"]["at_start"] == 10);
  CHECK(s["credits"]["granted"] == 15);
  CHECK(s["credits"]["used"] == 1);
  CHECK(s["credits"]["left"] == 24);
  CHECK(s["credits"]["window_end"] == "2026-12-31");
  CHECK(s["expected"]["replies"] == nlohmann::json::parse(R"({"low": 0.12, "high": 0.46})"));
  CHECK(s["invitations_per_week"] ==
        nlohmann::json::parse(R"([{"week": "2026-11-30", "invitations": 1}])"));
  CHECK(s["last_send"] == "2026-12-02");
  CHECK(s["prospects_with_errors"] == 1);
  CHECK(s["connect_without_note"] == 0);
  CHECK(s["warnings"].size() == 1);
  // An empty plan is still a valid document.
  PlanResult empty;
  empty.summary.start = date_of("2026-12-01");
  const auto none = nlohmann::json::parse(written(empty, PlanFormat::json));
  CHECK(none["prospects"].empty());
  CHECK(none["summary"]["last_send"].is_null());
}

TEST_CASE("JSON escapes control characters and replaces invalid UTF-8", "[output]") {
  PlanResult plan;
  plan.prospects.push_back(row("a\"b\\c\x01\x1b\n\xC2\x85 caf\xC3\xA9 \xFF", PlanChannel::message,
                               PlanReason::connected));
  const std::string text = written(plan, PlanFormat::ndjson);
  CHECK(text.find('\x1b') == std::string::npos);
  CHECK(text.find("\"id\":\"a\\\"b\\\\c\\u0001\\u001b\\n\\u0085 caf\xC3\xA9 \xEF\xBF\xBD\"") !=
        std::string::npos);
  CHECK(nlohmann::json::parse(text)["id"] == "a\"b\\c\x01\x1b\n\xC2\x85 caf\xC3\xA9 \xEF\xBF\xBD");
}

TEST_CASE("rows formatted on a pool's threads are the same bytes, in order", "[output]") {
  PlanResult plan;
  for (int i = 0; i < 10000; ++i) {
    PlannedProspect p = row(fmt::format("p-{:05}", i), PlanChannel::message, PlanReason::connected);
    if (i % 7 == 0) p.findings.push_back({"missing-field", "error", fmt::format("x{}", i)});
    plan.prospects.push_back(std::move(p));
  }
  ThreadPool pool(3);
  for (const PlanFormat format : {PlanFormat::tsv, PlanFormat::csv, PlanFormat::ndjson,
                                  PlanFormat::json, PlanFormat::table}) {
    std::ostringstream parallel;
    write_plan(plan, format, parallel, false, &pool);
    CHECK(parallel.str() == written(plan, format));
  }
}
