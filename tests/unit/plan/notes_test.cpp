// SPEC §11: a free account's monthly budget of personalised connection notes, spent by rank.
#include <algorithm>

#include <fmt/format.h>
#include <catch2/catch.hpp>

#include "outreach/plan.hpp"

using namespace outreach;

namespace {

Date on(const char* text) { return *parse_iso_date(text); }

// A free account in New York; the rules' budget is 5 notes a month, the note limit 200.
struct FreeCampaign {
  PlanConfig config;
  std::vector<Prospect> prospects;

  explicit FreeCampaign(const char* start) {
    config.rules = &Rules::builtin();
    config.account.origin = "account.json";
    config.account.plan = "free";
    config.account.zone = date::locate_zone("America/New_York");
    config.account.weekly_invite_limit = 100;
    config.account.business_hours = Rules::builtin().plan.business_hours;
    config.account.sequence = Rules::builtin().sequence;
    config.start = on(start);
    config.connect_templates = {
        {"", std::get<Template>(Template::parse("Hi {{id}}, shall we connect?"))}};
    config.keep_drafts = true;
  }
  // `count` prospects on the free path, p-00 the most valuable (highest priority).
  void add(int count) {
    for (int i = 0; i < count; ++i) {
      Prospect p;
      p.id = fmt::format("p-{:02}", i);
      p.fields = {{"id", p.id}};
      p.degree = 2;
      p.priority = 100 - i;
      prospects.push_back(std::move(p));
    }
  }
  void ledger(const char* date, bool note) {
    LedgerEvent e;
    e.date = on(date);
    e.type = EventType::invite_sent;
    e.prospect = fmt::format("old-{}", config.ledger.size());
    e.note = note;
    config.ledger.push_back(e);
  }
  PlanResult run() const {
    Planner planner(config);
    std::vector<Prospect> copy = prospects;
    planner.add(copy);
    return planner.finish();
  }
};

std::vector<std::string> with_note(const PlanResult& plan) {
  std::vector<std::string> ids;
  for (const PlannedProspect& row : plan.prospects)
    if (row.channel == PlanChannel::connect && row.note) ids.push_back(row.id);
  return ids;
}

const PlannedProspect& row_of(const PlanResult& plan, const std::string& id) {
  for (const PlannedProspect& row : plan.prospects)
    if (row.id == id) return row;
  throw std::logic_error("no row " + id);
}

}  // namespace

TEST_CASE("the month's notes go to the most valuable invitations", "[plan][notes]") {
  FreeCampaign c("2026-03-02");
  c.add(8);
  const PlanResult plan = c.run();
  CHECK(with_note(plan) == std::vector<std::string>{"p-00", "p-01", "p-02", "p-03", "p-04"});
  CHECK(plan.summary.count_connect == 8);
  CHECK(plan.summary.count_connect_without_note == 3);
  CHECK(plan.summary.notes_per_month == 5);
  // Without a note nothing is rendered for it.
  const PlannedProspect& bare = row_of(plan, "p-07");
  CHECK_FALSE(bare.note);
  REQUIRE(bare.extras);
  CHECK_FALSE(bare.extras->body.has_value());
  CHECK(row_of(plan, "p-00").extras->body == "Hi p-00, shall we connect?");
}

TEST_CASE("rank decides who gets a note, not the input order", "[plan][notes]") {
  FreeCampaign c("2026-03-02");
  c.add(7);
  std::reverse(c.prospects.begin(), c.prospects.end());
  c.prospects[3].priority = 1000;  // p-03 first whatever its place
  const PlanResult plan = c.run();
  CHECK(with_note(plan) == std::vector<std::string>{"p-04", "p-03", "p-02", "p-01", "p-00"});
}

TEST_CASE("each calendar month has its own budget", "[plan][notes]") {
  // From March 30 a weekly limit of 5 (one a weekday) puts invitations in March and in April.
  FreeCampaign c("2026-03-30");
  c.config.account.weekly_invite_limit = 5;
  c.add(12);
  const PlanResult plan = c.run();
  int march = 0, april = 0, march_notes = 0, april_notes = 0;
  for (const PlannedProspect& row : plan.prospects) {
    REQUIRE(row.send_at);
    const bool in_march = local_date(*row.send_at, c.config.account.zone) < on("2026-04-01");
    (in_march ? march : april) += 1;
    if (row.note) (in_march ? march_notes : april_notes) += 1;
  }
  CHECK(march == 2);  // Mon 30, Tue 31
  CHECK(march_notes == 2);
  CHECK(april == 10);
  CHECK(april_notes == 5);
  CHECK(plan.summary.count_connect_without_note == 5);
}

TEST_CASE("the ledger's invitations with a note that month count against its budget",
          "[plan][notes]") {
  FreeCampaign c("2026-03-16");
  c.ledger("2026-03-02", true);
  c.ledger("2026-03-03", true);
  c.ledger("2026-03-04", false);  // no note: spends nothing
  c.ledger("2026-02-27", true);   // another month
  c.ledger("2026-03-20", true);   // after the start: ignored
  c.add(6);
  const PlanResult plan = c.run();
  CHECK(with_note(plan) == std::vector<std::string>{"p-00", "p-01", "p-02"});
  CHECK(plan.summary.count_connect_without_note == 3);
}

TEST_CASE("a budget already spent leaves every invitation of the month without a note",
          "[plan][notes]") {
  FreeCampaign c("2026-03-16");
  for (int i = 0; i < 5; ++i) c.ledger("2026-03-10", true);
  c.add(2);
  const PlanResult plan = c.run();
  CHECK(with_note(plan).empty());
  CHECK(plan.summary.count_connect_without_note == 2);
}

TEST_CASE("a note past the budget is not checked; a free account's note limit is 200",
          "[plan][notes]") {
  FreeCampaign c("2026-03-02");
  c.config.connect_templates = {
      {"", std::get<Template>(Template::parse(std::string(250, 'a') + " {{id}}?"))}};
  c.add(6);
  const PlanResult plan = c.run();
  for (const PlannedProspect& row : plan.prospects) {
    INFO(row.id);
    const bool too_long =
        std::any_of(row.findings.begin(), row.findings.end(),
                    [](const PlanFinding& f) { return f.rule == "body-too-long"; });
    CHECK(too_long == row.note);
  }
  CHECK(with_note(plan).size() == 5);
}

TEST_CASE("a plan without a note budget sends every note", "[plan][notes]") {
  FreeCampaign c("2026-03-02");
  c.config.account.plan = "premium-career";
  c.add(8);
  const PlanResult plan = c.run();
  CHECK(with_note(plan).size() == 8);
  CHECK(plan.summary.count_connect_without_note == 0);
  CHECK_FALSE(plan.summary.notes_per_month.has_value());
}
