// The report page: its figures, its escaping, and that it fetches nothing.
#include <sstream>

#include <catch2/catch.hpp>

#include "ledger_fixtures.hpp"
#include "outreach/output.hpp"

using namespace outreach;
using outreach::testing::account;
using outreach::testing::day;
using outreach::testing::events;

namespace {

// Two variants of connect, one with a name that needs escaping, and a paid InMail whose refund
// is pending to a prospect whose id needs it too.
std::vector<LedgerEvent> sample_ledger() {
  std::vector<LedgerEvent> ledger = events({
      "2026-11-02 invite_sent p-1",
      "2026-11-02 invite_sent p-2",
      "2026-11-03 invite_sent p-3",
      "2026-11-03 invite_sent p-4",
      "2026-11-04 invite_sent p-5",
      "2026-11-06 invite_accepted p-1",
      "2026-11-07 invite_accepted p-3",
      "2026-11-09 invite_accepted p-4",
      "2026-11-10 inmail_sent <script>alert(1)</script>",
  });
  for (LedgerEvent& event : ledger) {
    if (event.type != EventType::invite_sent) continue;
    event.template_name =
        event.prospect == "p-1" || event.prospect == "p-3" ? "<b>&\"bold'" : "short";
  }
  return ledger;
}

std::string page(const ReportInput& input) {
  std::ostringstream out;
  write_report_html(build_report(input), out);
  return out.str();
}

struct Sample {
  Account account_ = account("premium-career", "2026-10-15");
  std::vector<LedgerEvent> ledger = sample_ledger();
  ReportInput input;
  Sample() {
    account_.origin = "acc<ount>.json";
    input.account = &account_;
    input.rules = &Rules::builtin();
    input.events = &ledger;
    input.ledger = "ledger.ndjson";
    input.as_of = day("2026-11-20");
  }
};

bool has(const std::string& text, const std::string& what) {
  return text.find(what) != std::string::npos;
}

}  // namespace

TEST_CASE("report page: one self-contained HTML document", "[report][html]") {
  Sample s;
  const std::string html = page(s.input);
  CHECK(html.rfind("<!DOCTYPE html>\n<html lang=\"en\">", 0) == 0);
  CHECK(has(html, "<meta charset=\"utf-8\">"));
  CHECK(has(html, "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"));
  CHECK(has(html, "@media print"));
  CHECK(has(html, "@media (max-width:760px)"));
  CHECK(has(html, "width=\"100%\""));
  CHECK(has(html, "viewBox="));
  CHECK(html.substr(html.size() - 8) == "</html>\n");
  // Nothing fetched, nothing run.
  for (const char* banned :
       {"http", "<script", "<link", "<img", "<iframe", "url(", "@import", "src=", "href="})
    CHECK_FALSE(has(html, banned));
}

TEST_CASE("report page: the figures stand next to the charts", "[report][html]") {
  Sample s;
  const std::string html = page(s.input);
  const double confidence = Rules::builtin().outcomes.confidence;
  // 5 invitations, 3 accepted.
  CHECK(has(html, "<b>5</b><span>invitations sent</span>"));
  CHECK(has(html, rate_text(rate_of(3, 5, confidence))));
  CHECK(has(html, "<b>60%</b><span>acceptance rate"));
  // The variants with their intervals, and the test's sentence.
  CHECK(has(html, rate_text(rate_of(2, 2, confidence))));
  CHECK(has(html, rate_text(rate_of(1, 3, confidence))));
  CHECK(has(html, "the difference"));
  // The weeks of invitations against the limit.
  CHECK(has(html, "<td>2026-W45</td><td>2026-11-02</td><td>5</td>"));
  CHECK(has(html, "limit 100"));
  // Credits: 5 on 2026-10-15 and 2026-11-15, 1 spent; the forecast's months.
  CHECK(has(html, "Balance <b>9</b> of a cap of 15"));
  CHECK(has(html, "<td>2026-12*</td>"));
  CHECK(has(html, "Pending refunds"));
  // No plan: no plan section.
  CHECK_FALSE(has(html, "id=\"plan\""));
}

TEST_CASE("report page: every input text is escaped", "[report][html]") {
  Sample s;
  const std::string html = page(s.input);
  CHECK(has(html, "&lt;script&gt;alert(1)&lt;/script&gt;"));
  CHECK(has(html, "&lt;b&gt;&amp;&quot;bold&#39;"));
  CHECK(has(html, "acc&lt;ount&gt;.json"));
  CHECK_FALSE(has(html, "<b>&"));
  CHECK_FALSE(has(html, "alert(1)</script>"));
}

TEST_CASE("report page: with a plan, its sends a day", "[report][html]") {
  Sample s;
  PlanResult plan;
  PlannedProspect row;
  row.id = "p-9";
  row.channel = PlanChannel::connect;
  row.send_at = zoned_instant(day("2026-11-24"), 10 * 60, utc_time_zone());
  plan.prospects.push_back(row);
  plan.summary.prospects = 1;
  plan.summary.count_connect = 1;
  plan.summary.start = day("2026-11-20");
  plan.summary.until = day("2027-02-19");
  plan.summary.invitations_per_week = {{day("2026-11-23"), 1}};
  s.input.plan = &plan;
  const std::string html = page(s.input);
  CHECK(has(html, "id=\"plan\""));
  CHECK(has(html, "<td>2026-11-24</td><td>1</td><td>0</td><td>0</td><td>1</td>"));
  CHECK(has(html, "A plan of 1 prospect from"));
  CHECK(has(html, "<th>Planned</th>"));
  CHECK(has(html, "Rates forecast with: connect"));
}

TEST_CASE("report page: an empty ledger and no plan_start still make a page", "[report][html]") {
  Sample s;
  s.account_.plan_start.reset();
  s.ledger.clear();
  const std::string html = page(s.input);
  CHECK(has(html, "credits are not simulated"));
  CHECK(has(html, "No invitations in the ledger"));
  CHECK(has(html, "No sends in the ledger"));
  CHECK(has(html, "</html>"));
}
