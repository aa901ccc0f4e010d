#include <set>

#include <fmt/format.h>
#include <catch2/catch.hpp>

#include "outreach/error.hpp"
#include "outreach/plan.hpp"
#include "outreach/thread_pool.hpp"

using namespace outreach;

namespace {

Date day(const char* text) { return *parse_iso_date(text); }

const date::time_zone* zone(const char* name) { return date::locate_zone(name); }

const Rules& rules() { return Rules::builtin(); }

const Date monday = day("2026-03-02");  // US clocks go forward on Sunday March 8

Account account(const char* plan = "premium-career") {
  Account a;
  a.origin = "account.json";
  a.plan = plan;
  a.plan_start = day("2026-01-10");  // grants on the 10th
  a.zone = zone("America/New_York");
  a.weekly_invite_limit = 100;
  a.business_hours = rules().plan.business_hours;
  a.sequence = rules().sequence;
  return a;
}

Account with_opening(int balance, Account a = account()) {
  a.opening = OpeningBalance{balance, day("2026-03-01")};
  return a;
}

Template parse(std::string_view text) { return std::get<Template>(Template::parse(text)); }
// A channel's one template, given as a path (no variants).
std::vector<NamedTemplate> one(std::string_view text) { return {{"", parse(text)}}; }

Prospect person(std::string id, std::optional<int> degree = 2) {
  Prospect p;
  p.fields = {{"id", id}};
  p.id = std::move(id);
  p.degree = degree;
  return p;
}

Prospect recruit(std::string id, double priority) {
  Prospect p = person(std::move(id));
  p.goal = Goal::recruiting;
  p.priority = priority;
  return p;
}

Prospect open_profile(std::string id) {
  Prospect p = person(std::move(id));
  p.open_profile = true;
  return p;
}

struct Campaign {
  PlanConfig config;
  std::vector<Prospect> prospects;

  explicit Campaign(Account a = account(), Date start = monday) {
    config.rules = &rules();
    config.account = std::move(a);
    config.start = start;
  }
  void add(Prospect p) { prospects.push_back(std::move(p)); }
  void add_free_path(int count) {
    for (int i = 0; i < count; ++i) add(person(fmt::format("f-{:03}", i)));
  }
  PlanResult run() const {
    Planner planner(config);
    for (Prospect p : prospects) planner.add(std::span<Prospect>(&p, 1));
    return planner.finish();
  }
};

const PlannedProspect& row(const PlanResult& plan, std::string_view id) {
  for (const auto& p : plan.prospects)
    if (p.id == id) return p;
  FAIL("no row " << id);
  throw std::logic_error("unreachable");
}

std::string when(const PlannedProspect& p) {
  return p.send_at ? format_instant(*p.send_at, p.zone) : "null";
}
std::string channel(const PlannedProspect& p) { return std::string(plan_channel_name(p.channel)); }
std::string reason(const PlannedProspect& p) { return std::string(plan_reason_name(p.reason)); }

}  // namespace

TEST_CASE("credits go to the best-ranked candidates: the balance, then a grant in the window",
          "[plan][planner]") {
  Campaign campaign(with_opening(2));
  campaign.config.until = day("2026-03-11");  // the window holds the March 10 grant, no more
  for (int i = 1; i <= 8; ++i) campaign.add(recruit(fmt::format("r-{}", i), i));  // worst first
  campaign.add_free_path(150);  // invitations until Wednesday March 11
  const PlanResult plan = campaign.run();
  REQUIRE(plan.prospects.size() == 158);

  CHECK(when(row(plan, "r-8")) == "2026-03-03T09:00:00-05:00");
  CHECK(when(row(plan, "r-7")) == "2026-03-03T09:15:00-05:00");
  CHECK(row(plan, "r-8").cost == 1);
  // Then the March 10 grant of 5, after the change to daylight saving time.
  CHECK(when(row(plan, "r-6")) == "2026-03-10T09:00:00-04:00");
  CHECK(when(row(plan, "r-2")) == "2026-03-10T10:00:00-04:00");
  CHECK(reason(row(plan, "r-2")) == "recruiting");
  // The last one finds no credit: a connection request, the first of them by rank.
  const PlannedProspect& last = row(plan, "r-1");
  CHECK(channel(last) == "connect");
  CHECK(reason(last) == "no-credits");
  CHECK(last.cost == 0);
  CHECK(when(last) == "2026-03-02T09:00:00-05:00");

  const PlanSummary& s = plan.summary;
  CHECK(s.count_inmail == 7);
  CHECK(s.count_connect == 151);
  CHECK(s.window_end == day("2026-03-11"));
  CHECK(s.credits_at_start == 2);
  CHECK(s.credits_granted_in_window == 5);
  CHECK(s.credits_used == 7);
  CHECK(s.credits_forfeited == 0);
  CHECK(s.credits_left == 0);
  REQUIRE(s.last_send);
  CHECK(*s.last_send == day("2026-03-11"));
}

TEST_CASE("a deadline before the next grant gets no credit; Open Profile costs none",
          "[plan][planner]") {
  Campaign campaign(with_opening(0));
  campaign.config.until = day("2026-03-11");
  Prospect early = person("early");
  early.deadline = day("2026-03-09");
  early.priority = 5;
  Prospect late = person("late");
  late.deadline = day("2026-03-12");
  campaign.add(early);
  campaign.add(late);
  campaign.add(open_profile("open"));
  campaign.add_free_path(150);
  const PlanResult plan = campaign.run();
  CHECK(channel(row(plan, "early")) == "connect");
  CHECK(reason(row(plan, "early")) == "no-credits");
  CHECK(channel(row(plan, "late")) == "inmail");
  CHECK(reason(row(plan, "late")) == "time-sensitive");
  CHECK(when(row(plan, "late")) == "2026-03-10T09:00:00-04:00");
  CHECK(row(plan, "late").cost == 1);
  CHECK(channel(row(plan, "open")) == "inmail");
  CHECK(reason(row(plan, "open")) == "open-profile");
  CHECK(row(plan, "open").cost == 0);
  // Sends are placed in rank order: "f-…" outranks "open" by id, so Tuesday's twenty
  // invitations (09:00-09:38) come first, then the InMail at the first minute after them.
  CHECK(when(row(plan, "open")) == "2026-03-03T09:40:00-05:00");
  CHECK(plan.summary.credits_used == 1);
  CHECK(plan.summary.credits_left == 4);
}

TEST_CASE("spending before a grant at the cap avoids its forfeit", "[plan][planner]") {
  Campaign campaign(with_opening(15));  // premium-career: cap 15, 5 a month on the 10th
  campaign.config.until = day("2026-03-11");
  for (int i = 0; i < 25; ++i) campaign.add(recruit(fmt::format("r-{:02}", i), 0));
  campaign.add_free_path(150);
  const PlanResult plan = campaign.run();
  CHECK(plan.summary.count_inmail == 20);
  // The invitations outrank the candidates by id ("f-…"): the InMails follow them, 15 minutes
  // apart, from 09:40.
  CHECK(when(row(plan, "r-14")) == "2026-03-03T13:10:00-05:00");
  CHECK(when(row(plan, "r-15")) == "2026-03-10T09:40:00-04:00");
  CHECK(reason(row(plan, "r-20")) == "no-credits");
  CHECK(plan.summary.credits_granted_in_window == 5);
  CHECK(plan.summary.credits_forfeited == 0);
  CHECK(plan.summary.credits_used == 20);
  CHECK(plan.summary.credits_left == 0);
}

TEST_CASE("a grant after the plan's last day is not spent", "[plan][planner]") {
  // Three candidates and a plan that ends on Sunday: the grant of March 10 lies beyond it.
  Campaign campaign(with_opening(0));
  campaign.config.until = day("2026-03-08");
  for (int i = 0; i < 3; ++i) campaign.add(recruit(fmt::format("r-{}", i), 1));
  const PlanResult plan = campaign.run();
  CHECK(plan.summary.window_end == day("2026-03-08"));
  for (const auto& p : plan.prospects) CHECK(reason(p) == "no-credits");
  CHECK(plan.summary.credits_used == 0);
  CHECK(plan.summary.credits_granted_in_window == 0);
  CHECK(*plan.summary.last_send == monday);
}

TEST_CASE("the rolling invitation limit counts the ledger's last days", "[plan][planner]") {
  Campaign campaign;
  for (const char* date : {"2026-02-27", "2026-02-28", "2026-03-01"})
    for (int i = 0; i < 20; ++i)
      campaign.config.ledger.push_back(LedgerEvent{day(date), EventType::invite_sent,
                                                   fmt::format("old-{}-{}", date, i), false, 0});
  campaign.add_free_path(50);
  const PlanResult plan = campaign.run();
  std::map<std::string, int> per_day;
  for (const auto& p : plan.prospects) ++per_day[when(p).substr(0, 10)];
  CHECK(per_day ==
        std::map<std::string, int>{{"2026-03-02", 20}, {"2026-03-03", 20}, {"2026-03-06", 10}});
  CHECK(when(row(plan, "f-040")) == "2026-03-06T09:00:00-05:00");
  CHECK(when(row(plan, "f-041")) == "2026-03-06T09:02:00-05:00");  // the earliest minute
  REQUIRE(plan.summary.invitations_per_week.size() == 1);
  CHECK(plan.summary.invitations_per_week[0] == std::pair{monday, 50});
  // Every request is followed by a message once accepted.
  const PlannedProspect& p = row(plan, "f-000");
  REQUIRE(p.followups.size() == 1);
  CHECK(p.followups[0].channel == PlanChannel::message);
  CHECK_FALSE(p.followups[0].at);
  CHECK(p.followups[0].note == "once accepted");
}

TEST_CASE("InMails keep 09:00 New York time across the daylight-saving change", "[plan][planner]") {
  Campaign campaign(account("free"));
  for (int i = 0; i < 100; ++i) {
    Prospect p = open_profile(fmt::format("p-{:03}", i));
    p.zone = zone("America/New_York");
    campaign.add(p);
  }
  const PlanResult plan = campaign.run();
  CHECK(when(row(plan, "p-000")) == "2026-03-03T09:00:00-05:00");
  CHECK(when(row(plan, "p-032")) == "2026-03-04T09:00:00-05:00");
  CHECK(when(row(plan, "p-095")) == "2026-03-05T16:45:00-05:00");
  CHECK(when(row(plan, "p-096")) == "2026-03-10T09:00:00-04:00");
  for (const auto& p : plan.prospects) {
    const std::string local = when(p);
    const int hour = std::stoi(local.substr(11, 2));
    CHECK(hour >= 9);
    CHECK(hour < 17);
    CHECK(weekday_of(day(local.substr(0, 10).c_str())) >= 2);
    CHECK(weekday_of(day(local.substr(0, 10).c_str())) <= 4);
  }
  CHECK(*plan.summary.last_send == day("2026-03-10"));
}

TEST_CASE("sends go out in the prospect's zone and never before the start", "[plan][planner]") {
  Campaign campaign(account("free"));
  Prospect berlin = open_profile("berlin");
  berlin.zone = zone("Europe/Berlin");
  Prospect tokyo = person("tokyo", 1);
  tokyo.zone = zone("Asia/Tokyo");
  Prospect sydney = open_profile("sydney");
  sydney.zone = zone("Australia/Sydney");
  campaign.add(berlin);
  campaign.add(tokyo);
  campaign.add(sydney);
  campaign.add(person("local", 1));
  campaign.add_free_path(3);
  const PlanResult plan = campaign.run();
  CHECK(when(row(plan, "berlin")) == "2026-03-03T09:00:00+01:00");
  // New York's Monday midnight is 14:00 in Tokyo: inside business hours, so then.
  CHECK(when(row(plan, "tokyo")) == "2026-03-02T14:00:00+09:00");
  CHECK(when(row(plan, "sydney")) == "2026-03-03T09:00:00+11:00");
  // After the three invitations that outrank it by id (09:00, 09:02, 09:04).
  CHECK(when(row(plan, "local")) == "2026-03-02T09:06:00-05:00");
  const auto start = zoned_instant(monday, 0, zone("America/New_York"));
  for (const auto& p : plan.prospects) {
    REQUIRE(p.send_at);
    CHECK(*p.send_at >= start);
  }
}

TEST_CASE("group conversations need every remaining member connected", "[plan][planner]") {
  Campaign campaign;
  campaign.config.ledger.push_back(
      LedgerEvent{day("2026-02-10"), EventType::invite_accepted, "e2", false, 0});
  const auto member = [&](const char* id, std::optional<int> degree, const char* group) {
    Prospect p = person(id, degree);
    p.group = group;
    return p;
  };
  campaign.add(member("a1", 1, "all"));
  Prospect a2 = member("a2", 1, "all");
  a2.zone = zone("Asia/Tokyo");
  campaign.add(a2);
  campaign.add(member("b1", 1, "mixed"));
  campaign.add(member("b2", 2, "mixed"));
  campaign.add(member("c1", 1, "skip"));
  campaign.add(member("c2", 1, "skip"));
  Prospect c3 = member("c3", 3, "skip");
  c3.do_not_contact = true;
  campaign.add(c3);
  campaign.add(member("d1", 1, "alone"));
  campaign.add(member("e1", 1, "ledger"));
  campaign.add(member("e2", 2, "ledger"));
  const PlanResult plan = campaign.run();

  CHECK(row(plan, "a1").group == "all");
  CHECK(row(plan, "a2").group == "all");
  // One conversation: one send time, in the account's zone.
  CHECK(when(row(plan, "a2")) == "2026-03-02T09:00:00-05:00");
  CHECK(row(plan, "a1").send_at == row(plan, "a2").send_at);
  CHECK(row(plan, "b1").group.empty());
  CHECK(channel(row(plan, "b1")) == "message");
  CHECK(channel(row(plan, "b2")) == "connect");
  CHECK(row(plan, "c1").group == "skip");
  CHECK(row(plan, "c2").group == "skip");
  CHECK(channel(row(plan, "c3")) == "skip");
  CHECK(row(plan, "c3").group.empty());
  CHECK(row(plan, "d1").group.empty());
  CHECK(row(plan, "e2").group == "ledger");
  CHECK(reason(row(plan, "e2")) == "connected");
  CHECK(plan.summary.group_messages == 3);
  CHECK(plan.summary.count_message == 8);
}

TEST_CASE("drafts are rendered per prospect and their findings kept on the prospect",
          "[plan][planner]") {
  Campaign campaign(with_opening(1));
  campaign.config.until = day("2026-03-08");  // one credit, no grant
  campaign.config.inmail_templates = one(
      "Subject: Idea for {{company}}\n\nHi {{first_name|there}}, saw {{company}}'s launch. Worth a "
      "chat?");
  std::string note = "Hi {{first_name|there}}, I follow {{company|your team}}'s work. ";
  note += std::string(220, '.');
  note += " Connect?";
  campaign.config.connect_templates = one(note);
  campaign.config.message_templates =
      one("Thanks for connecting, {{first_name|there}}! Worth a chat?");
  Prospect no_company = open_profile("no-company");
  no_company.fields.emplace_back("first_name", "Ava");
  campaign.add(no_company);
  Prospect long_company = person("long-company");
  long_company.fields.emplace_back("company", std::string(60, 'L'));
  campaign.add(long_company);
  Prospect fine = person("fine");
  fine.fields.emplace_back("company", "Acme");
  campaign.add(fine);
  // Two candidates without a company: the InMail lacks it, the note has a fallback. The better
  // one gets the one credit and keeps its InMail findings; the other keeps its note's.
  Prospect winner = recruit("winner", 2);
  Prospect loser = recruit("loser", 1);
  campaign.add(winner);
  campaign.add(loser);
  const PlanResult plan = campaign.run();

  const PlannedProspect& a = row(plan, "no-company");
  REQUIRE(a.findings.size() == 1);  // once, though the subject and the body both lack it
  CHECK(a.findings[0].rule == "missing-field");
  CHECK(a.findings[0].message ==
        "inmail: the prospect has no field 'company' and the template gives no fallback");
  CHECK(a.has_errors());
  const PlannedProspect& b = row(plan, "long-company");
  REQUIRE(b.findings.size() == 1);
  CHECK(b.findings[0].rule == "body-too-long");
  CHECK(b.findings[0].message.rfind("connect note 1:301:", 0) == 0);
  CHECK(row(plan, "fine").findings.empty());
  CHECK(channel(row(plan, "winner")) == "inmail");
  REQUIRE(row(plan, "winner").findings.size() == 1);
  CHECK(row(plan, "winner").findings[0].message.rfind("inmail", 0) == 0);
  CHECK(channel(row(plan, "loser")) == "connect");
  CHECK(row(plan, "loser").findings.empty());
  CHECK(plan.summary.prospects_with_errors == 3);
}

TEST_CASE("same-template fires above 20 InMails sharing one masked body", "[plan][planner]") {
  // `topics` prospects per topic, in turns: p-00 on topic 0, p-01 on topic 1, … A topic is not
  // a masked field: each makes a body of its own.
  const auto run = [](std::vector<int> companies) {
    Campaign campaign(account("free"));
    campaign.config.inmail_templates = one(
        "Subject: Idea for {{company}}\n\nHi {{first_name}}, saw your {{topic}} launch. Worth a "
        "chat?");
    int n = 0;
    for (bool more = true; more;) {
      more = false;
      for (std::size_t c = 0; c < companies.size(); ++c) {
        if (companies[c] == 0) continue;
        --companies[c];
        more = true;
        Prospect p = open_profile(fmt::format("p-{:02}", n));
        p.fields.emplace_back("first_name", fmt::format("Name{}", n++));
        p.fields.emplace_back("company", fmt::format("Company {}", n));
        p.fields.emplace_back("topic", fmt::format("topic {}", c));
        campaign.add(p);
      }
    }
    const PlanResult plan = campaign.run();
    return std::pair{plan.summary.warnings, plan.summary.expected_replies};
  };
  CHECK(run({20}).first.empty());
  const auto [warnings, replies] = run({21});
  REQUIRE(warnings.size() == 1);
  CHECK(warnings[0] ==
        "same-template: 21 InMails share one body once company and first_name are masked (p-00, "
        "p-01, p-02, …); sending one template to dozens gets an account flagged, so personalise "
        "them (threshold: 20)");
  // They are generic InMails: 21 x 5-10%, x1.22 for short bodies.
  CHECK(replies.low == Approx(21 * 0.05 * 1.22).epsilon(0.01));
  CHECK(replies.high == Approx(21 * 0.10 * 1.22).epsilon(0.01));
  // Twenty at each of two companies: no warning; one warning for all bodies over the threshold.
  CHECK(run({20, 20}).first.empty());
  const auto several = run({22, 25, 5}).first;
  REQUIRE(several.size() == 1);
  CHECK(several[0].rfind(
            "same-template: 47 InMails share 2 bodies once company and first_name are masked, "
            "each sent to more than 20 (the largest, 25 InMails: p-01, p-04, p-07, …)",
            0) == 0);
  // One InMail per body: personalised, 15-30% x1.22.
  const auto unique = run(std::vector<int>(3, 1)).second;
  CHECK(unique.low == Approx(3 * 0.15 * 1.22).epsilon(0.01));
}

TEST_CASE("the summary counts, forecasts and dates the campaign", "[plan][planner]") {
  Campaign campaign(account("free"));
  for (int i = 0; i < 4; ++i) campaign.add(open_profile(fmt::format("o-{}", i)));
  for (int i = 0; i < 10; ++i) campaign.add(person(fmt::format("m-{}", i), 1));
  for (int i = 0; i < 5; ++i) campaign.add(person(fmt::format("c-{}", i)));
  Prospect ad = person("ad");
  ad.goal = Goal::marketing;
  campaign.add(ad);
  Prospect skip = person("skip");
  skip.do_not_contact = true;
  campaign.add(skip);
  const PlanResult plan = campaign.run();
  const PlanSummary& s = plan.summary;
  CHECK(s.start == monday);
  CHECK(s.plan == "free");
  CHECK(s.prospects == 21);
  CHECK(s.count_inmail == 4);
  CHECK(s.count_message == 10);
  CHECK(s.count_connect == 5);
  CHECK(s.count_message_ad == 1);
  CHECK(s.count_skip == 1);
  CHECK(s.credits_used == 0);
  CHECK(s.warnings.empty());  // the free plan has no credits to count
  // 4 InMails at 10-25%, 10 messages at 15-30%, 5 requests accepted at 20-40% then answered at
  // 15-30%.
  CHECK(s.expected_replies.low == Approx(0.4 + 1.5 + 0.15));
  CHECK(s.expected_replies.high == Approx(1.0 + 3.0 + 0.6));
  CHECK(s.expected_refunds.low == 0);  // Open Profile InMails cost nothing to refund
  CHECK(s.expected_acceptances.low == Approx(1.0));
  CHECK(s.expected_acceptances.high == Approx(2.0));
  CHECK(*s.last_send == day("2026-03-03"));
  CHECK_FALSE(row(plan, "ad").send_at);
  CHECK_FALSE(row(plan, "skip").send_at);
  CHECK(row(plan, "ad").followups.empty());
  CHECK(row(plan, "o-0").followups.empty());
}

TEST_CASE("every prospect appears once, in input order, the same every time", "[plan][planner]") {
  Campaign campaign(with_opening(3));
  for (int i = 0; i < 40; ++i) {
    Prospect p = person(fmt::format("p-{:02}", 39 - i),
                        i % 4 == 0 ? std::optional<int>(1) : std::optional<int>(2));
    p.goal = i % 3 == 0 ? Goal::recruiting : Goal::sales;
    p.open_profile = i % 7 == 0;
    p.priority = i % 5;
    campaign.add(p);
  }
  const PlanResult first = campaign.run();
  const PlanResult second = campaign.run();
  REQUIRE(first.prospects.size() == 40);
  for (std::size_t i = 0; i < 40; ++i) {
    CHECK(first.prospects[i].id == campaign.prospects[i].id);
    CHECK(first.prospects[i].id == second.prospects[i].id);
    CHECK(when(first.prospects[i]) == when(second.prospects[i]));
    CHECK(first.prospects[i].reason == second.prospects[i].reason);
  }
}

TEST_CASE("a batch plans as the same prospects added one at a time", "[plan][planner]") {
  Campaign campaign(with_opening(5));
  campaign.config.inmail_templates =
      one("Subject: Idea for {{company}}\n\nHi {{first_name|there}}, worth a chat?");
  campaign.config.connect_templates = one("Hi {{first_name}}, I follow {{company}}. Connect?");
  campaign.config.message_templates = one("Thanks {{first_name|there}}! {{city}}?");
  for (int i = 0; i < 700; ++i) {
    Prospect p = person(fmt::format("p-{:03}", i),
                        i % 4 == 0 ? std::optional<int>(1) : std::optional<int>(i % 3 + 1));
    p.goal = i % 3 == 0 ? Goal::recruiting : Goal::sales;
    p.open_profile = i % 7 == 0;
    p.priority = i % 5;
    if (i % 2 == 0) p.fields.emplace_back("first_name", fmt::format("Name{}", i));
    if (i % 5 != 0)
      p.fields.emplace_back("company", std::string(static_cast<std::size_t>(i % 90), 'c'));
    if (i % 11 == 0) p.group = fmt::format("g{}", i % 3);
    campaign.add(p);
  }
  const PlanResult one_by_one = campaign.run();
  ThreadPool pool(3);
  Planner planner(campaign.config, &pool);
  std::vector<Prospect> batch = campaign.prospects;
  planner.add(std::span<Prospect>(batch).first(300));
  planner.add(std::span<Prospect>(batch).subspan(300));
  const PlanResult batched = planner.finish();
  REQUIRE(batched.prospects.size() == one_by_one.prospects.size());
  for (std::size_t i = 0; i < batched.prospects.size(); ++i) {
    const PlannedProspect& a = batched.prospects[i];
    const PlannedProspect& b = one_by_one.prospects[i];
    CHECK(a.id == b.id);
    CHECK(channel(a) == channel(b));
    CHECK(reason(a) == reason(b));
    CHECK(when(a) == when(b));
    CHECK(a.group == b.group);
    REQUIRE(a.findings.size() == b.findings.size());
    for (std::size_t f = 0; f < a.findings.size(); ++f)
      CHECK(a.findings[f].message == b.findings[f].message);
  }
  CHECK(batched.summary.prospects_with_errors == one_by_one.summary.prospects_with_errors);
  CHECK(batched.summary.prospects_with_errors > 0);
  CHECK(batched.summary.warnings == one_by_one.summary.warnings);
}

TEST_CASE("the planner asks for the fields its templates name", "[plan][planner]") {
  Campaign campaign;
  CHECK(fields_used(campaign.config).names.empty());
  CHECK_FALSE(fields_used(campaign.config).all);
  campaign.config.connect_templates = one("Hi {{first_name|there}} at {{company}}");
  campaign.config.message_templates = one("{{company}}: {{city}}");
  const FieldSelection used = fields_used(campaign.config);
  CHECK(used.names == std::vector<std::string>{"first_name", "company", "city"});
}

TEST_CASE("what the planner cannot count is said", "[plan][planner]") {
  Account no_start = account("sales-navigator-core");
  no_start.plan_start.reset();
  Campaign unknown(no_start);
  unknown.add(recruit("r", 1));
  const PlanResult plan = unknown.run();
  CHECK(reason(row(plan, "r")) == "no-credits");
  REQUIRE(plan.summary.warnings.size() == 1);
  CHECK(plan.summary.warnings[0].rfind("no-plan-start: account.json has no plan_start", 0) == 0);

  Account no_invitations = account();
  no_invitations.weekly_invite_limit = 0;
  Campaign stuck(no_invitations);
  stuck.add(person("a"));
  const PlanResult stuck_plan = stuck.run();
  CHECK_FALSE(row(stuck_plan, "a").send_at);
  REQUIRE(stuck_plan.summary.warnings.size() == 1);
  CHECK(stuck_plan.summary.warnings[0] ==
        "invitations-not-scheduled: the weekly invitation limit is 0, so 1 connection request has "
        "no send time");
}

TEST_CASE("bad settings are input errors", "[plan][planner]") {
  Campaign before_opening(with_opening(3), day("2026-02-20"));
  CHECK_THROWS_WITH(before_opening.run(),
                    "--start 2026-02-20 is before the date of the opening balance, 2026-03-01 "
                    "(account.json: credits.as_of): nothing is known about the credits then");
  Account short_hours = account();
  short_hours.business_hours.end_minute = short_hours.business_hours.start_minute + 10;
  Campaign too_short(short_hours);
  CHECK_THROWS_AS(too_short.run(), InputError);
  CHECK_THROWS_WITH(too_short.run(),
                    Catch::Contains("business_hours: 09:00-09:10 is shorter than the 15 minutes"));
}

TEST_CASE("ledger skips and an empty list", "[plan][planner]") {
  Campaign campaign;
  campaign.config.ledger.push_back(
      LedgerEvent{day("2026-02-20"), EventType::inmail_sent, "waiting", false, 0});
  campaign.add(person("waiting"));
  const PlanResult plan = campaign.run();
  CHECK(channel(row(plan, "waiting")) == "skip");
  CHECK(reason(row(plan, "waiting")) == "in-progress");
  CHECK(plan.summary.pending_refunds_at_start == 1);
  CHECK(plan.summary.expected_refunds.low == Approx(0.1));
  CHECK_FALSE(plan.summary.last_send);

  const PlanResult empty = Campaign().run();
  CHECK(empty.prospects.empty());
  CHECK(empty.summary.prospects == 0);
  CHECK_FALSE(empty.summary.last_send);
}

TEST_CASE("a list longer than a storage chunk keeps every prospect once, in order",
          "[plan][planner]") {
  Campaign campaign(with_opening(40));
  const int count = 20000;  // the rows are stored in chunks of 8192
  for (int i = 0; i < count; ++i) {
    Prospect p = person(fmt::format("id-{:05}", (i * 7919) % count),
                        i % 5 == 0 ? std::optional<int>(1) : std::optional<int>(2));
    p.goal = i % 11 == 0 ? Goal::recruiting : i % 13 == 0 ? Goal::marketing : Goal::sales;
    p.open_profile = i % 17 == 0;
    p.do_not_contact = i % 101 == 0;
    campaign.add(p);
  }
  const PlanResult plan = campaign.run();
  REQUIRE(plan.prospects.size() == static_cast<std::size_t>(count));
  std::set<std::string> seen;
  for (int i = 0; i < count; ++i) {
    CHECK(plan.prospects[static_cast<std::size_t>(i)].id ==
          campaign.prospects[static_cast<std::size_t>(i)].id);
    seen.insert(plan.prospects[static_cast<std::size_t>(i)].id);
  }
  CHECK(seen.size() == static_cast<std::size_t>(count));
  const PlanSummary& s = plan.summary;
  CHECK(s.count_message + s.count_inmail + s.count_connect + s.count_message_ad + s.count_skip ==
        count);
  CHECK(s.credits_used ==
        s.credits_at_start + s.credits_granted_in_window - s.credits_forfeited - s.credits_left);
  int paid = 0;
  for (const auto& p : plan.prospects) paid += p.cost;
  CHECK(paid == s.credits_used);
}

TEST_CASE("a plan that starts now schedules nothing in the past", "[plan][planner]") {
  // Wednesday 20:01 in New York: today's business hours are over everywhere west of it.
  Campaign campaign(account("free"), day("2026-03-04"));
  campaign.config.start_at =
      zoned_instant(day("2026-03-04"), 20 * 60 + 1, zone("America/New_York"));
  campaign.add(person("local", 1));
  Prospect la = person("la", 1);
  la.zone = zone("America/Los_Angeles");  // 17:01 there: closed too
  campaign.add(la);
  Prospect kolkata = person("kolkata");
  kolkata.zone = zone("Asia/Kolkata");  // Thursday 06:31 there: opens at 09:00
  campaign.add(kolkata);
  const PlanResult plan = campaign.run();
  CHECK(when(row(plan, "local")) == "2026-03-05T09:00:00-05:00");
  CHECK(when(row(plan, "la")) == "2026-03-05T09:00:00-08:00");
  CHECK(when(row(plan, "kolkata")) == "2026-03-05T09:00:00+05:30");
  for (const auto& p : plan.prospects) CHECK(*p.send_at > *campaign.config.start_at);
  CHECK(plan.summary.starts_now);
  CHECK(plan.summary.start_at == *campaign.config.start_at);
  // 10:30 in the morning: the same minute is the first.
  Campaign morning(account("free"), day("2026-03-04"));
  morning.config.start_at =
      zoned_instant(day("2026-03-04"), 10 * 60 + 30, zone("America/New_York"));
  morning.add(person("local", 1));
  CHECK(when(row(morning.run(), "local")) == "2026-03-04T10:30:00-05:00");
}

TEST_CASE("the horizon: what would be sent after it is beyond-horizon", "[plan][planner]") {
  Campaign campaign;
  campaign.config.until = day("2026-03-06");  // one working week: 100 invitations at most
  campaign.add_free_path(130);
  const PlanResult plan = campaign.run();
  int sent = 0, beyond = 0;
  for (const auto& p : plan.prospects) {
    if (reason(p) == "beyond-horizon") {
      ++beyond;
      CHECK(channel(p) == "skip");
      CHECK_FALSE(p.send_at);
      CHECK(p.followups.empty());
    } else {
      ++sent;
      CHECK(local_date(*p.send_at, zone("America/New_York")) <= day("2026-03-06"));
    }
  }
  CHECK(sent == 100);
  CHECK(beyond == 30);
  CHECK(plan.summary.count_beyond_horizon == 30);
  CHECK(plan.summary.until == day("2026-03-06"));
  // By default the horizon is the rules' horizon_days after the start.
  Campaign plain;
  plain.add_free_path(1);
  CHECK(plain.run().summary.until == monday + date::days{91});
}

TEST_CASE("connection requests go out in the prospect's hours, far from the account's",
          "[plan][planner]") {
  Campaign campaign;
  for (const char* name : {"Asia/Kolkata", "Australia/Sydney", "Pacific/Honolulu"}) {
    Prospect p = person(name);
    p.zone = zone(name);
    campaign.add(p);
  }
  const PlanResult plan = campaign.run();
  // Kolkata's Monday 09:00 is before the start (New York's midnight is 10:30 there): 10:30.
  CHECK(when(row(plan, "Asia/Kolkata")) == "2026-03-02T10:30:00+05:30");
  // New York's midnight is 16:00 in Sydney, inside its hours — but Kolkata took that instant:
  // two minutes later.
  CHECK(when(row(plan, "Australia/Sydney")) == "2026-03-02T16:02:00+11:00");
  CHECK(when(row(plan, "Pacific/Honolulu")) == "2026-03-02T09:00:00-10:00");
}

TEST_CASE("the daily message limit and the gap hold across the plan", "[plan][planner]") {
  Account a = account("free");
  a.sequence.daily_message_limit = 30;
  a.sequence.min_send_gap_minutes = 5;
  Campaign campaign(a);
  for (int i = 0; i < 70; ++i) campaign.add(person(fmt::format("m-{:02}", i), 1));
  const PlanResult plan = campaign.run();
  std::map<Date, int> per_day;
  std::vector<date::sys_seconds> times;
  for (const auto& p : plan.prospects) {
    ++per_day[local_date(*p.send_at, zone("America/New_York"))];
    times.push_back(*p.send_at);
  }
  CHECK(per_day == std::map<Date, int>{
                       {monday, 30}, {monday + date::days{1}, 30}, {monday + date::days{2}, 10}});
  std::sort(times.begin(), times.end());
  for (std::size_t i = 1; i < times.size(); ++i)
    if (local_date(times[i], a.zone) == local_date(times[i - 1], a.zone))
      CHECK(times[i] - times[i - 1] >= std::chrono::minutes(5));
}

TEST_CASE("the ledger's messages of the start day count against its limit", "[plan][planner]") {
  Account a = account("free");
  a.sequence.daily_message_limit = 3;
  Campaign campaign(a);
  for (int i = 0; i < 2; ++i)
    campaign.config.ledger.push_back(
        LedgerEvent{monday, EventType::message_sent, fmt::format("old-{}", i), false, 0});
  for (int i = 0; i < 3; ++i) campaign.add(person(fmt::format("m-{}", i), 1));
  const PlanResult plan = campaign.run();
  CHECK(when(row(plan, "m-0")).substr(0, 10) == "2026-03-02");
  CHECK(when(row(plan, "m-1")).substr(0, 10) == "2026-03-03");
  CHECK(when(row(plan, "m-2")).substr(0, 10) == "2026-03-03");
}

TEST_CASE("blackout dates of the account get no sends", "[plan][planner]") {
  Account a = account("free");
  a.blackout.ranges = {{monday, monday + date::days{1}}};
  Campaign campaign(a);
  campaign.add(person("m", 1));
  campaign.add(open_profile("o"));
  campaign.add(person("c"));
  const PlanResult plan = campaign.run();
  // In rank order (by id here): c, m, o, from Wednesday 09:00.
  CHECK(when(row(plan, "c")) == "2026-03-04T09:00:00-05:00");
  CHECK(when(row(plan, "m")) == "2026-03-04T09:02:00-05:00");
  CHECK(when(row(plan, "o")) == "2026-03-04T09:04:00-05:00");
}

TEST_CASE("a thread's follow-up waits its days and uses the follow-up template",
          "[plan][planner]") {
  Campaign campaign;
  campaign.config.message_templates = one("Thanks for connecting, {{first_name|there}}!");
  campaign.config.follow_up_templates = one("Any thoughts, {{first_name|there}}?");
  campaign.config.keep_drafts = true;
  const auto at = [](const char* date, EventType type, const char* who) {
    return LedgerEvent{day(date), type, who, false, 0};
  };
  campaign.config.ledger = {at("2026-02-20", EventType::invite_sent, "f"),
                            at("2026-02-23", EventType::invite_accepted, "f"),
                            at("2026-02-27", EventType::message_sent, "f"),
                            at("2026-02-27", EventType::invite_sent, "n"),
                            at("2026-03-01", EventType::invite_accepted, "n"),
                            at("2026-02-20", EventType::invite_sent, "w"),
                            at("2026-02-24", EventType::invite_withdrawn, "w")};
  campaign.add(person("f"));
  campaign.add(person("n"));
  campaign.add(person("w"));
  const PlanResult plan = campaign.run();
  const PlannedProspect& f = row(plan, "f");
  CHECK(reason(f) == "follow-up");
  CHECK(f.step() == "follow-up-1");
  CHECK(when(f) == "2026-03-06T09:00:00-05:00");  // 7 days after the message of Feb 27
  REQUIRE(f.extras);
  CHECK(f.extras->body == "Any thoughts, there?");
  const PlannedProspect& n = row(plan, "n");
  CHECK(reason(n) == "connected");
  CHECK(when(n) == "2026-03-02T09:00:00-05:00");  // a day after the acceptance of March 1
  CHECK(n.extras->body == "Thanks for connecting, there!");
  const PlannedProspect& w = row(plan, "w");
  CHECK(channel(w) == "connect");
  CHECK(when(w) == "2026-03-17T09:00:00-04:00");  // withdrawn Feb 24, locked for 21 days
  CHECK(plan.summary.count_followups == 1);
}

TEST_CASE("kept drafts follow the channel a candidate is finally sent", "[plan][planner]") {
  Campaign campaign(with_opening(1));
  campaign.config.until = day("2026-03-08");
  campaign.config.keep_drafts = true;
  campaign.config.inmail_templates = one("Subject: For {{company|you}}\n\nHi there, a chat?");
  campaign.config.connect_templates = one("Hi, I follow {{company|your work}}. Connect?");
  campaign.config.with_fields = {"company", "city"};
  Prospect winner = recruit("winner", 2);
  winner.fields.emplace_back("company", "Acme");
  campaign.add(winner);
  campaign.add(recruit("loser", 1));
  const PlanResult plan = campaign.run();
  const PlannedProspect& w = row(plan, "winner");
  REQUIRE(w.extras);
  CHECK(channel(w) == "inmail");
  CHECK(w.extras->subject == "For Acme");
  CHECK(w.extras->body == "Hi there, a chat?");
  CHECK(w.extras->fields == std::vector<std::pair<std::string, std::string>>{{"company", "Acme"}});
  const PlannedProspect& l = row(plan, "loser");
  CHECK(reason(l) == "no-credits");
  CHECK_FALSE(l.extras->subject);
  CHECK(l.extras->body == "Hi, I follow your work. Connect?");
  CHECK(plan.with_fields == std::vector<std::string>{"company", "city"});
}

TEST_CASE("same-template holds for connection notes too", "[plan][planner]") {
  Campaign campaign;
  campaign.config.connect_templates = one("Hi {{first_name}}, I follow {{company}}. Connect?");
  for (int i = 0; i < 21; ++i) {
    Prospect p = person(fmt::format("c-{:02}", i));
    p.fields.emplace_back("first_name", fmt::format("N{}", i));
    p.fields.emplace_back("company", fmt::format("Company {}", i));
    campaign.add(p);
  }
  const PlanResult plan = campaign.run();
  REQUIRE(plan.summary.warnings.size() == 1);
  CHECK(plan.summary.warnings[0] ==
        "same-template: 21 connection notes share one body once first_name and company are "
        "masked (c-00, c-01, c-02, …); sending one template to dozens gets an account flagged, "
        "so personalise them (threshold: 20)");
}

TEST_CASE("a template field no prospect carries is unknown-field, with did you mean",
          "[plan][planner]") {
  Campaign campaign;
  campaign.config.connect_templates = one("Hi {{firstname|there}}, {{company}} looks great!");
  Prospect p = person("a");
  p.fields.emplace_back("company", "Acme");
  campaign.add(p);
  Planner planner(campaign.config);
  planner.add(std::span<Prospect>(campaign.prospects));
  planner.fields_in_list({"id", "first_name", "company", "notes"});
  const PlanResult plan = planner.finish();
  REQUIRE(plan.summary.warnings.size() == 1);
  CHECK(plan.summary.warnings[0] ==
        "unknown-field: no prospect carries the field 'firstname' that a template uses (did you "
        "mean 'first_name'?)");
}

TEST_CASE("the connections list makes prospects 1st-degree and an exclusion list skips them",
          "[plan][planner]") {
  Campaign c;
  Prospect by_url = person("crm-1", 3);
  by_url.profile_url = "linkedin.com/in/ana";
  c.add(by_url);
  c.add(person("linkedin.com/in/bo", std::nullopt));
  c.add(person("crm-3", 2));
  Prospect excluded = person("crm-4", 1);
  excluded.profile_url = "linkedin.com/in/dee";
  c.add(excluded);
  c.config.connections = {"linkedin.com/in/ana", "linkedin.com/in/bo"};
  c.config.excluded = {"crm-3", "linkedin.com/in/dee"};
  const PlanResult plan = c.run();
  CHECK(reason(row(plan, "crm-1")) == "connected");
  CHECK(reason(row(plan, "linkedin.com/in/bo")) == "connected");
  CHECK(reason(row(plan, "crm-3")) == "excluded");
  CHECK(reason(row(plan, "crm-4")) == "excluded");
  CHECK(plan.summary.connections_matched == 2);
  CHECK(plan.summary.count_excluded == 2);
}
