#include <sstream>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "ledger_fixtures.hpp"
#include "outreach/output.hpp"

using namespace outreach;
using outreach::testing::day;

namespace {

std::vector<LedgerEvent> sample() {
  return {{day("2026-11-03"), EventType::invite_sent, "p-001", false, 1},
          {day("2026-11-04"), EventType::inmail_sent, "p-a-much-longer-id", false, 2},
          {day("2026-11-05"), EventType::inmail_sent, "p-\x1b[2J", true, 4}};
}

std::string written(const std::vector<LedgerEvent>& events, ReportFormat format) {
  std::ostringstream out;
  write_ledger_events(events, "ledger.ndjson", format, out);
  return out.str();
}

}  // namespace

TEST_CASE("ledger show as text: one row an event, then what they span", "[output]") {
  CHECK(written(sample(), ReportFormat::text) ==
        " LINE  DATE        TYPE              PROSPECT\n"
        "    1  2026-11-03  invite_sent       p-001\n"
        "    2  2026-11-04  inmail_sent       p-a-much-longer-id  paid\n"
        "    4  2026-11-05  inmail_sent       p-\\x1B[2J           free (Open Profile)\n"
        "3 events from 2026-11-03 to 2026-11-05 in ledger.ndjson\n");
  CHECK(written({}, ReportFormat::text) == "No events in ledger.ndjson\n");
}

TEST_CASE("ledger show as JSON and as NDJSON", "[output]") {
  const auto document = nlohmann::json::parse(written(sample(), ReportFormat::json));
  CHECK(document["ledger"] == "ledger.ndjson");
  REQUIRE(document["events"].size() == 3);
  CHECK(document["events"][0] ==
        nlohmann::json::parse(
            R"({"line":1,"date":"2026-11-03","type":"invite_sent","prospect":"p-001"})"));
  CHECK(document["events"][2]["free"] == true);
  CHECK(document["events"][2]["prospect"] == "p-\x1b[2J");
  CHECK(written(sample(), ReportFormat::ndjson) ==
        "{\"date\":\"2026-11-03\",\"type\":\"invite_sent\",\"prospect\":\"p-001\"}\n"
        "{\"date\":\"2026-11-04\",\"type\":\"inmail_sent\",\"prospect\":\"p-a-much-longer-id\","
        "\"free\":false}\n"
        "{\"date\":\"2026-11-05\",\"type\":\"inmail_sent\",\"prospect\":\"p-\\u001b[2J\","
        "\"free\":true}\n");
  CHECK(written({}, ReportFormat::ndjson).empty());
}

namespace {

std::string thread_written(const ThreadState& thread, ReportFormat format) {
  std::ostringstream out;
  write_prospect_thread(thread, "ledger.ndjson", format, out);
  return out.str();
}

ThreadState follow_up_due() {
  ThreadState thread;
  thread.prospect = "p-014";
  thread.day = day("2026-06-12");
  thread.events = {{day("2026-06-02"), EventType::invite_accepted, "p-014", false, 28},
                   {day("2026-06-03"), EventType::message_sent, "p-014", false, 29}};
  thread.kind = ThreadState::Kind::message;
  thread.reason = PlanReason::follow_up;
  thread.followup = 1;
  thread.not_before = day("2026-06-10");
  thread.connected = true;
  return thread;
}

}  // namespace

TEST_CASE("ledger show --prospect: the thread's events, then its state in the plan's words",
          "[output]") {
  CHECK(thread_written(follow_up_due(), ReportFormat::text) ==
        " LINE  DATE        TYPE              PROSPECT\n"
        "   28  2026-06-02  invite_accepted   p-014\n"
        "   29  2026-06-03  message_sent      p-014\n"
        "2 events from 2026-06-02 to 2026-06-03 in ledger.ndjson\n"
        "p-014 on 2026-06-12: message, follow-up: the follow-up-1 message, on or after "
        "2026-06-10\n");

  ThreadState replied;
  replied.prospect = "p-9";
  replied.day = day("2026-06-12");
  replied.kind = ThreadState::Kind::skip;
  replied.reason = PlanReason::replied;
  replied.inmail_blocked = true;
  CHECK(thread_written(replied, ReportFormat::text) ==
        "No events for p-9 in ledger.ndjson\n"
        "p-9 on 2026-06-12: skip, replied; no second InMail without a reply\n");

  ThreadState withdrawn;
  withdrawn.prospect = "p-5";
  withdrawn.day = day("2026-06-12");
  withdrawn.events = {{day("2026-06-01"), EventType::invite_withdrawn, "p-5", false, 3}};
  withdrawn.connect_not_before = day("2026-06-22");
  CHECK(thread_written(withdrawn, ReportFormat::text)
            .ends_with("p-5 on 2026-06-12: open, the plan's table decides; no new invitation "
                       "before 2026-06-22 "
                       "(withdrawn)\n"));
  withdrawn.connect_not_before.reset();
  withdrawn.starts_over = true;
  CHECK(thread_written(withdrawn, ReportFormat::text)
            .ends_with("p-5 on 2026-06-12: open, the thread is older than recontact_after_days: "
                       "a new campaign, the plan's table decides\n"));
}

TEST_CASE("ledger show --prospect as JSON and NDJSON", "[output]") {
  const auto document = nlohmann::json::parse(thread_written(follow_up_due(), ReportFormat::json));
  CHECK(document["ledger"] == "ledger.ndjson");
  CHECK(document["prospect"] == "p-014");
  CHECK(document["date"] == "2026-06-12");
  CHECK(document["events"].size() == 2);
  CHECK(document["events"][1]["line"] == 29);
  CHECK(document["state"] == nlohmann::json::parse(R"({"action": "message", "reason":
        "follow-up", "step": "follow-up-1", "not_before": "2026-06-10", "connected": true,
        "inmail_blocked": false, "starts_over": false})"));
  CHECK(thread_written(follow_up_due(), ReportFormat::ndjson) ==
        "{\"date\":\"2026-06-02\",\"type\":\"invite_accepted\",\"prospect\":\"p-014\"}\n"
        "{\"date\":\"2026-06-03\",\"type\":\"message_sent\",\"prospect\":\"p-014\"}\n");
}
