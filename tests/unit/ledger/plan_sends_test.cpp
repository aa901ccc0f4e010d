// A plan's rows read back as the events of what was sent (SPEC §12, `ledger import --from-plan`).
#include <sstream>

#include <catch2/catch.hpp>

#include "ledger_fixtures.hpp"
#include "outreach/error.hpp"
#include "outreach/ledger.hpp"

using namespace outreach;
using outreach::testing::day;

namespace {

const date::time_zone* berlin() { return find_time_zone("Europe/Berlin", "test"); }

PlanSends sends_of(const std::string& text, const std::string& through = "2026-03-06") {
  std::istringstream in(text);
  return read_plan_sends(in, "plan.ndjson", berlin(), day(through));
}

std::string error_of(const std::string& text) {
  try {
    sends_of(text);
  } catch (const InputError& e) {
    return e.what();
  }
  return "(no error)";
}

// A plan row as `plan --format ndjson` writes it, with the keys the import reads.
std::string row(const std::string& id, const std::string& channel, int cost,
                const std::string& send_at, const std::string& step = "first") {
  return R"({"id":")" + id + R"(","channel":")" + channel + R"(","reason":"x","cost":)" +
         std::to_string(cost) + R"(,"send_at":)" + send_at +
         R"(,"timezone":null,"group":null,"then":[],"findings":[],"step":")" + step +
         R"(","variant":null,"note":true,"draft":null})" + "\n";
}

}  // namespace

TEST_CASE("a plan's sends become events by channel, dated in the account's zone",
          "[ledger][plan_sends]") {
  const PlanSends sends =
      sends_of(row("p-1", "connect", 0, R"("2026-03-02T09:00:00-05:00")") +
               row("p-2", "inmail", 1, R"("2026-03-02T10:00:00-05:00")") +
               row("p-3", "inmail", 0, R"("2026-03-03T11:00:00+01:00")") + "\n" +
               row("p-4", "message", 0, R"("2026-03-05T23:30:00-05:00")", "follow-up-1") +
               row("p-5", "skip", 0, "null") + row("p-6", "message-ad", 0, "null") +
               row("p-7", "connect", 0, "null") +
               row("p-8", "message", 0, R"("2026-03-07T09:00:00+01:00")"));
  CHECK(sends.rows == 8);
  CHECK(sends.not_sent == 3);
  CHECK(sends.later == 1);
  REQUIRE(sends.events.size() == 4);
  CHECK(sends.events[0].type == EventType::invite_sent);
  CHECK(sends.events[0].line == 1);
  CHECK(sends.events[1].type == EventType::inmail_sent);
  CHECK_FALSE(sends.events[1].free);
  CHECK(sends.events[2].type == EventType::inmail_sent);
  CHECK(sends.events[2].free);
  CHECK(sends.events[3].type == EventType::message_sent);
  CHECK(sends.events[3].prospect == "p-4");
  CHECK(sends.events[3].line == 5);
  // 23:30 in New York is 05:30 the next day in Berlin, the account's zone.
  CHECK(format_date(sends.events[3].date) == "2026-03-06");
}

TEST_CASE("an agenda's rows become events by action", "[ledger][plan_sends]") {
  const PlanSends sends = sends_of(
      R"({"date":"2026-03-05","at":null,"action":"follow-up","prospect":"p-1","cost":0})"
      "\n"
      R"({"date":"2026-03-05","at":null,"action":"withdraw","prospect":"p-2","cost":0})"
      "\n"
      R"({"date":"2026-03-06","at":"2026-03-06T09:00:00+01:00","action":"inmail","prospect":"p-3","cost":1})"
      "\n"
      R"({"date":"2026-03-09","at":null,"action":"message","prospect":"p-4","cost":0})");
  REQUIRE(sends.events.size() == 3);
  CHECK(sends.events[0].type == EventType::message_sent);
  CHECK(sends.events[1].type == EventType::invite_withdrawn);
  CHECK(sends.events[2].type == EventType::inmail_sent);
  CHECK_FALSE(sends.events[2].free);
  CHECK(sends.later == 1);
}

TEST_CASE("a bad plan row is an error naming file, line and key", "[ledger][plan_sends]") {
  CHECK(error_of(row("p-1", "conect", 0, R"("2026-03-02T09:00:00-05:00")")) ==
        "plan.ndjson:1: channel: expected one of connect, message, inmail, message-ad, skip, got "
        "'conect' (did you mean 'connect'?)");
  // append, not "\n" + row(…): GCC 12's -Wrestrict misfires on the latter at -O3.
  CHECK(error_of(std::string("\n").append(row("p-1", "inmail", 0, R"("tomorrow")"))) ==
        "plan.ndjson:2: send_at: expected a timestamp with an offset such as "
        "2026-03-05T14:30:00-05:00 or a date YYYY-MM-DD, got \"tomorrow\"");
  CHECK(error_of(row("p-1", "inmail", -1, R"("2026-03-02")")).rfind("plan.ndjson:1: cost:", 0) ==
        0);
  CHECK(error_of(row(" ", "inmail", 0, R"("2026-03-02")"))
            .rfind("plan.ndjson:1: id: expected a "
                   "prospect id",
                   0) == 0);
  CHECK(error_of(R"({"id":"p-1","channel":"inmail","cost":0})") ==
        "plan.ndjson:1: send_at: missing key");
  CHECK(error_of(R"({"date":"2026-03-02","type":"reply","prospect":"p-1"})")
            .rfind("plan.ndjson:1: a ledger event, not a plan row", 0) == 0);
  CHECK(error_of(R"({"prospects":[],"summary":{}})")
            .rfind("plan.ndjson:1: the plan of `--format json`", 0) == 0);
  CHECK(error_of("[1]").rfind("plan.ndjson:1: expected a row of `outreach plan", 0) == 0);
  CHECK(error_of(R"({"id":"p-1","channel":"inmail",)").rfind("plan.ndjson:1:", 0) == 0);
}

TEST_CASE("a plan row longer than the limit is refused as soon as it is seen",
          "[ledger][plan_sends]") {
  const std::string huge(max_plan_row_bytes + 10, ' ');
  CHECK(error_of(huge) == "plan.ndjson:1: line too long: more than the 4 MiB a plan row may hold");
}
