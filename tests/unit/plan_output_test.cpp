#include "outreach/plan_output.hpp"

#include <sstream>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

using namespace outreach;

namespace {

Date day(const char* text) { return *parse_iso_date(text); }

PlannedProspect row(std::string id, PlanChannel channel, PlanReason reason) {
  PlannedProspect p;
  p.id = std::move(id);
  p.channel = channel;
  p.reason = reason;
  return p;
}

// Three rows: an InMail in Kolkata with a warning, a connection request with a follow-up and an
// error, a skip without a send time.
PlanResult sample() {
  const date::time_zone* kolkata = date::locate_zone("Asia/Kolkata");
  const date::time_zone* new_york = date::locate_zone("America/New_York");
  PlanResult plan;
  PlannedProspect inmail = row("p-1", PlanChannel::inmail, PlanReason::hard_to_connect);
  inmail.cost = 1;
  inmail.send_at = zoned_instant(day("2026-12-01"), 9 * 60, kolkata);
  inmail.zone = kolkata;
  inmail.findings.push_back({"long-inmail", "warning", "inmail: body is 420 characters"});
  PlannedProspect connect = row("p-2", PlanChannel::connect, PlanReason::free_path);
  connect.send_at = zoned_instant(day("2026-12-02"), 10 * 60 + 30, new_york);
  connect.zone = new_york;
  connect.followups.push_back({PlanChannel::message, std::nullopt, "once accepted"});
  connect.findings.push_back(
      {"body-too-long", "error", "connect note 1:301: body is 323 characters"});
  connect.findings.push_back({"no-call-to-action", "warning", "message: asks nothing"});
  plan.prospects = {inmail, connect, row("p-3", PlanChannel::skip, PlanReason::do_not_contact)};

  PlanSummary& s = plan.summary;
  s.start = day("2026-12-01");
  s.window_end = day("2026-12-31");
  s.plan = "premium-business";
  s.prospects = 3;
  s.count_inmail = 1;
  s.count_connect = 1;
  s.count_skip = 1;
  s.credits_at_start = 10;
  s.credits_granted_in_window = 15;
  s.credits_used = 1;
  s.credits_left = 24;
  s.expected_replies = {0.123, 0.456};
  s.expected_refunds = {0.1, 0.25};
  s.expected_acceptances = {0.2, 0.4};
  s.invitations_per_week = {{day("2026-11-30"), 1}};
  s.last_send = day("2026-12-02");
  s.prospects_with_errors = 1;
  s.warnings = {"same-template: 25 prospects would get the same InMail"};
  return plan;
}

std::string written(const PlanResult& plan, PlanFormat format, bool color = false) {
  std::ostringstream out;
  write_plan(plan, format, out, color);
  return out.str();
}

std::vector<std::string> lines_of(const std::string& text, char end = '\n') {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line, end);) lines.push_back(line);
  return lines;
}

}  // namespace

TEST_CASE("plan formats have names", "[plan-output]") {
  CHECK(parse_plan_format("table") == PlanFormat::table);
  CHECK(parse_plan_format("tsv") == PlanFormat::tsv);
  CHECK(parse_plan_format("csv") == PlanFormat::csv);
  CHECK(parse_plan_format("json") == PlanFormat::json);
  CHECK(parse_plan_format("ndjson") == PlanFormat::ndjson);
  CHECK_FALSE(parse_plan_format("TSV"));
  CHECK_FALSE(parse_plan_format("xml"));
}

TEST_CASE("TSV has a header, one line per prospect and ISO send times", "[plan-output]") {
  CHECK(written(sample(), PlanFormat::tsv) ==
        "id\tchannel\treason\tcost\tsend_at\tgroup\tthen\tfindings\n"
        "p-1\tinmail\thard-to-connect\t1\t2026-12-01T09:00:00+05:30\t\t\tlong-inmail\n"
        "p-2\tconnect\tfree-path\t0\t2026-12-02T10:30:00-05:00\t\tmessage\tbody-too-long,no-call-"
        "to-action\n"
        "p-3\tskip\tdo-not-contact\t0\t\t\t\t\n");
}

TEST_CASE("TSV never carries a raw tab, newline or control character", "[plan-output]") {
  PlanResult plan;
  PlannedProspect p = row("a\tb\nc\\d\re\x1b[31m", PlanChannel::message, PlanReason::connected);
  p.group = "team\tone";
  plan.prospects.push_back(p);
  const auto lines = lines_of(written(plan, PlanFormat::tsv));
  REQUIRE(lines.size() == 2);
  CHECK(lines[1] == "a\\tb\\nc\\\\d\\re\\x1b[31m\tmessage\tconnected\t0\t\tteam\\tone\t\t");
}

TEST_CASE("CSV follows RFC 4180 and neutralises formulas", "[plan-output]") {
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
  plan.prospects.back().group = "x=1";
  const auto lines = lines_of(written(plan, PlanFormat::csv), '\n');
  REQUIRE(lines.size() == 10);  // the quoted line break splits one record over two lines here
  CHECK(lines[0] == "id,channel,reason,cost,send_at,group,then,findings\r");
  CHECK(lines[1] == "\"'=HYPERLINK(\"\"http://x\"\")\",message,connected,0,,,,\r");
  CHECK(lines[2] == "'+1,message,connected,0,,,,\r");
  CHECK(lines[3] == "'-2,message,connected,0,,,,\r");
  CHECK(lines[4] == "'@SUM(A1),message,connected,0,,,,\r");
  CHECK(lines[5] == "'\tx,message,connected,0,,,,\r");
  CHECK(lines[6] == "\"a,b\",message,connected,0,,,,\r");
  CHECK(lines[7] == "\"line");
  CHECK(lines[8] == "break\",message,connected,0,,,,\r");
  CHECK(lines[9] == "plain,message,connected,0,,x=1,,\r");
  // Findings of several rules are one quoted cell.
  CHECK(lines_of(written(sample(), PlanFormat::csv))[2] ==
        "p-2,connect,free-path,0,2026-12-02T10:30:00-05:00,,message,\"body-too-long,no-call-to-"
        "action\"\r");
}

TEST_CASE("NDJSON writes one object per prospect with the keys of SPEC §7", "[plan-output]") {
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

TEST_CASE("JSON wraps the rows and the summary", "[plan-output]") {
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
  CHECK(s["warnings"].size() == 1);
  // An empty plan is still a valid document.
  PlanResult empty;
  empty.summary.start = day("2026-12-01");
  const auto none = nlohmann::json::parse(written(empty, PlanFormat::json));
  CHECK(none["prospects"].empty());
  CHECK(none["summary"]["last_send"].is_null());
}

TEST_CASE("JSON escapes control characters and replaces invalid UTF-8", "[plan-output]") {
  PlanResult plan;
  plan.prospects.push_back(row("a\"b\\c\x01\x1b\n\xC2\x85 caf\xC3\xA9 \xFF", PlanChannel::message,
                               PlanReason::connected));
  const std::string text = written(plan, PlanFormat::ndjson);
  CHECK(text.find('\x1b') == std::string::npos);
  CHECK(text.find("\"id\":\"a\\\"b\\\\c\\u0001\\u001b\\n\\u0085 caf\xC3\xA9 \xEF\xBF\xBD\"") !=
        std::string::npos);
  CHECK(nlohmann::json::parse(text)["id"] == "a\"b\\c\x01\x1b\n\xC2\x85 caf\xC3\xA9 \xEF\xBF\xBD");
}

TEST_CASE("the table aligns its columns and shows local send times", "[plan-output]") {
  const auto lines = lines_of(written(sample(), PlanFormat::table));
  REQUIRE(lines.size() >= 4);
  CHECK(lines[0] ==
        "ID   CHANNEL  REASON           COST  SEND AT                   THEN                   "
        "FINDINGS");
  CHECK(lines[1] ==
        "p-1  inmail   hard-to-connect     1  Tue 2026-12-01 09:00 IST  -                      "
        "long-inmail");
  CHECK(lines[2] ==
        "p-2  connect  free-path           0  Wed 2026-12-02 10:30 EST  message once accepted  "
        "body-too-long,no-call-to-action");
  CHECK(lines[3] ==
        "p-3  skip     do-not-contact      0  -                         -                      -");
  CHECK(lines[4] == "");
  CHECK(lines[5] == "Findings:");
  CHECK(lines[6] == "  p-1  warning  long-inmail: inmail: body is 420 characters");
  CHECK(lines[7] == "  p-2  error  body-too-long: connect note 1:301: body is 323 characters");
}

TEST_CASE("the table passes no control character or escape sequence from the input",
          "[plan-output]") {
  PlanResult plan;
  PlannedProspect p = row("\x1b]0;pwned\x07\x1b[2J", PlanChannel::message, PlanReason::connected);
  p.group =
      "g\x9b"
      "31m";
  p.findings.push_back({"missing-field", "error", "message: no field '\x1b[31m'"});
  plan.prospects.push_back(p);
  for (const bool color : {false, true}) {
    const std::string text = written(plan, PlanFormat::table, color);
    CHECK(text.find("\x1b]") == std::string::npos);
    CHECK(text.find("\x1b[2J") == std::string::npos);
    CHECK(text.find("\x07") == std::string::npos);
    CHECK(text.find("\xC2\x9B") == std::string::npos);
    CHECK(text.find("'\x1b[31m'") == std::string::npos);
  }
  CHECK(written(plan, PlanFormat::table).find('\x1b') == std::string::npos);
  // Colour adds only the writer's own sequences: bold header, red error rule.
  const std::string coloured = written(plan, PlanFormat::table, true);
  CHECK(coloured.rfind("\x1b[1mID", 0) == 0);
  CHECK(coloured.find("\x1b[31mmissing-field\x1b[0m") != std::string::npos);
}

TEST_CASE("the table cuts long ids and shows groups only when there are any", "[plan-output]") {
  PlanResult plan;
  plan.prospects.push_back(row(std::string(40, 'x'), PlanChannel::message, PlanReason::connected));
  plan.prospects.back().group = "design-partners";
  const auto lines = lines_of(written(plan, PlanFormat::table));
  CHECK(lines[0].find("GROUP") != std::string::npos);
  CHECK(lines[1].rfind(std::string(31, 'x') + "\xE2\x80\xA6  message", 0) == 0);
  CHECK(lines[1].find("design-partners") != std::string::npos);
  CHECK(lines_of(written(sample(), PlanFormat::table))[0].find("GROUP") == std::string::npos);
}

TEST_CASE("the summary says the start, the counts, the credits, the ranges and the warnings",
          "[plan-output]") {
  std::ostringstream out;
  write_plan_summary(sample().summary, out);
  CHECK(out.str() ==
        "Plan of 3 prospects from 2026-12-01 (plan premium-business)\n"
        "  channels: 0 message, 1 inmail, 1 connect, 0 message-ad, 1 skip\n"
        "  credits: 10 at the start, 15 granted, 0 forfeited, 1 used, 24 left on 2026-12-02\n"
        "  expected: 0.1-0.5 replies, 0.1-0.2 credits refunded, 0.2-0.4 invitations accepted\n"
        "  invitations per week: 2026-11-30 1\n"
        "  last send: 2026-12-02\n"
        "  1 prospect with error-level findings\n"
        "outreach: warning: same-template: 25 prospects would get the same InMail\n");
}

TEST_CASE("the summary folds three or more weeks with the same count into one run",
          "[plan-output]") {
  PlanSummary s = sample().summary;
  s.invitations_per_week = {{day("2026-11-30"), 80},  {day("2026-12-07"), 100},
                            {day("2026-12-14"), 100}, {day("2026-12-21"), 100},
                            {day("2026-12-28"), 100}, {day("2027-01-04"), 50},
                            {day("2027-01-11"), 50},  {day("2027-01-25"), 50},
                            {day("2027-02-01"), 50},  {day("2027-02-08"), 50}};
  std::ostringstream out;
  write_plan_summary(s, out);
  // Two weeks are not a run; a gap of a week (2027-01-18) ends one.
  CHECK_THAT(out.str(), Catch::Contains("  invitations per week: 2026-11-30 80, 2026-12-07 to "
                                        "2026-12-28 100 each (4 weeks), 2027-01-04 50, "
                                        "2027-01-11 50, 2027-01-25 to 2027-02-08 50 each "
                                        "(3 weeks)\n"));
}
