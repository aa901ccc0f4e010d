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
