#include "outreach/output.hpp"

#include <sstream>

#include <catch2/catch.hpp>

#include "plan_sample.hpp"

using namespace outreach;
using namespace outreach::testing;

TEST_CASE("the table aligns its columns and shows local send times", "[output]") {
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

TEST_CASE("the table passes no control character or escape sequence from the input", "[output]") {
  PlanResult plan;
  PlannedProspect p = row("\x1b]0;pwned\x07\x1b[2J", PlanChannel::message, PlanReason::connected);
  p.group = SharedName(
      "g\x9b"
      "31m");
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

TEST_CASE("the table cuts long ids and shows groups only when there are any", "[output]") {
  PlanResult plan;
  plan.prospects.push_back(row(std::string(40, 'x'), PlanChannel::message, PlanReason::connected));
  plan.prospects.back().group = SharedName("design-partners");
  const auto lines = lines_of(written(plan, PlanFormat::table));
  CHECK(lines[0].find("GROUP") != std::string::npos);
  CHECK(lines[1].rfind(std::string(31, 'x') + "\xE2\x80\xA6  message", 0) == 0);
  CHECK(lines[1].find("design-partners") != std::string::npos);
  CHECK(lines_of(written(sample(), PlanFormat::table))[0].find("GROUP") == std::string::npos);
}

namespace {

// The widest line of a table, in terminal columns (the findings under it are prose: they wrap).
std::size_t widest_row(const std::string& table) {
  std::size_t widest = 0;
  for (const std::string& line : lines_of(table)) {
    if (line.empty()) break;
    std::size_t width = 0;
    for (const char c : line) width += (static_cast<unsigned char>(c) & 0xC0) != 0x80 ? 1 : 0;
    widest = std::max(widest, width);
  }
  return widest;
}

}  // namespace

TEST_CASE("the table fits the terminal: long cells cut, then the least needed columns dropped",
          "[output]") {
  // Unlimited, and wide enough: the natural table (117 columns).
  CHECK(written(sample(), PlanFormat::table, false, 200) == written(sample(), PlanFormat::table));
  CHECK(widest_row(written(sample(), PlanFormat::table)) == 117);

  // 80 columns: THEN goes, FINDINGS is cut with "…"; the findings are listed in full below.
  const std::string at_80 = written(sample(), PlanFormat::table, false, 80);
  CHECK(widest_row(at_80) <= 80);
  const auto lines = lines_of(at_80);
  CHECK(lines[0] == "ID   CHANNEL  REASON           COST  SEND AT                   FINDINGS");
  CHECK(lines[2] ==
        "p-2  connect  free-path           0  Wed 2026-12-02 10:30 EST  "
        "body-too-long,no\xE2\x80\xA6");
  CHECK(at_80.find("  p-2  warning  no-call-to-action: message: asks nothing") !=
        std::string::npos);

  // 50 columns: FINDINGS and COST go too, and the send time loses its year.
  const std::string at_50 = written(sample(), PlanFormat::table, false, 50);
  CHECK(widest_row(at_50) <= 50);
  CHECK(lines_of(at_50)[0] == "ID   CHANNEL  REASON           SEND AT");
  CHECK(lines_of(at_50)[1] == "p-1  inmail   hard-to-connect  Tue 12-01 09:00 IST");
  // The findings wrap between words, under their first line.
  CHECK(at_50.find("  p-2  error  body-too-long: connect note 1:301:\n"
                   "              body is 323 characters\n") != std::string::npos);

  // Narrower than ID, CHANNEL and REASON: those stay, and the terminal wraps them.
  CHECK(lines_of(written(sample(), PlanFormat::table, false, 20))[0] == "ID   CHANNEL  REASON");
}
