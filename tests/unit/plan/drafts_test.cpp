#include <catch2/catch.hpp>

#include "outreach/limits.hpp"
#include "plan/drafts.hpp"
#include "support/fnv.hpp"

using namespace outreach;

namespace {

Template parse(std::string_view text) { return std::get<Template>(Template::parse(text)); }

Prospect prospect(std::vector<std::pair<std::string, std::string>> fields) {
  Prospect p;
  p.id = "p-1";
  p.fields = std::move(fields);
  return p;
}

PlanConfig config_with(std::optional<Template> inmail, std::optional<Template> connect,
                       std::optional<Template> message) {
  PlanConfig config;
  config.rules = &Rules::builtin();
  config.account.templates.connect = {{"", "t/connect.txt"}};
  if (inmail) config.inmail_templates = {{"", std::move(*inmail)}};
  if (connect) config.connect_templates = {{"", std::move(*connect)}};
  if (message) config.message_templates = {{"", std::move(*message)}};
  return config;
}

const char* const inmail_text =
    "Subject: Your talk on {{topic|outbound}}\n"
    "\n"
    "Hi {{first_name}}, your talk at {{company}} on {{topic|outbound}} was spot on. Worth a "
    "15-min chat this week?";

}  // namespace

TEST_CASE("templates render with the prospect's fields and fallbacks", "[plan][drafts]") {
  const PlanConfig config = config_with(parse(inmail_text), std::nullopt, std::nullopt);
  DraftChecker checker(Rules::builtin(), config);
  CHECK(checker.has_template(DraftKind::inmail));
  CHECK_FALSE(checker.has_template(DraftKind::connect));
  std::vector<PlanFinding> findings;
  const DraftCheck check = checker.check(
      DraftKind::inmail, prospect({{"first_name", "Ava"}, {"company", "Acme"}}), findings);
  CHECK(check.findings == 0);
  CHECK(findings.empty());
  CHECK(check.short_body);
  CHECK(check.masked_hash != 0);
  // No template: nothing rendered, nothing found.
  CHECK(checker.check(DraftKind::connect, prospect({}), findings).findings == 0);
}

TEST_CASE("a field missing without a fallback is an error finding", "[plan][drafts]") {
  const PlanConfig config = config_with(parse(inmail_text), std::nullopt, std::nullopt);
  DraftChecker checker(Rules::builtin(), config);
  std::vector<PlanFinding> findings;
  const DraftCheck check =
      checker.check(DraftKind::inmail, prospect({{"first_name", "Ava"}}), findings);
  REQUIRE(check.findings == 1);
  REQUIRE(findings.size() == 1);
  CHECK(findings[0].rule == "missing-field");
  CHECK(findings[0].severity == "error");
  CHECK(findings[0].message ==
        "inmail: the prospect has no field 'company' and the template gives no fallback");
  // Findings are appended: what was there stays.
  checker.check(DraftKind::inmail, prospect({}), findings);
  CHECK(findings.size() == 3);  // + first_name, company
  CHECK(findings[1].message.find("'first_name'") != std::string::npos);
}

TEST_CASE("each rendered draft is linted for its channel", "[plan][drafts]") {
  // A note that fits with a short company name goes over 300 characters with a long one.
  std::string note = "Hi {{first_name}}, I enjoyed your post about {{company}}'s growth. ";
  note += std::string(200, 'x');
  note += " Open to connect?";
  const PlanConfig config =
      config_with(std::nullopt, parse(note), parse("Thanks for connecting! Worth a chat?"));
  DraftChecker checker(Rules::builtin(), config);
  std::vector<PlanFinding> findings;
  CHECK(checker
            .check(DraftKind::connect, prospect({{"first_name", "Ava"}, {"company", "Acme"}}),
                   findings)
            .findings == 0);
  const std::string long_company(40, 'C');
  const DraftCheck check = checker.check(
      DraftKind::connect, prospect({{"first_name", "Ava"}, {"company", long_company}}), findings);
  REQUIRE(check.findings == 1);
  CHECK(findings[0].rule == "body-too-long");
  CHECK(findings[0].severity == "error");
  CHECK(findings[0].message.rfind("connect note 1:301: ", 0) == 0);
  // A subject on a message draft is not supported.
  const PlanConfig with_subject = config_with(
      std::nullopt, std::nullopt, parse("Subject: Your roadmap\n\nGreat to connect. Coffee?"));
  DraftChecker message_checker(Rules::builtin(), with_subject);
  findings.clear();
  message_checker.check(DraftKind::message, prospect({}), findings);
  REQUIRE_FALSE(findings.empty());
  CHECK(findings[0].rule == "subject-not-supported");
  CHECK(findings[0].message.rfind("message ", 0) == 0);
}

TEST_CASE("bodies are compared with the merge fields masked", "[plan][drafts]") {
  const PlanConfig config = config_with(parse(inmail_text), std::nullopt, std::nullopt);
  DraftChecker checker(Rules::builtin(), config);
  std::vector<PlanFinding> findings;
  const auto hash = [&](std::vector<std::pair<std::string, std::string>> fields) {
    return checker.check(DraftKind::inmail, prospect(std::move(fields)), findings).masked_hash;
  };
  const auto ava = hash({{"first_name", "Ava"}, {"last_name", "Chen"}, {"company", "Acme"}});
  CHECK(hash({{"first_name", "Benedict"}, {"company", "Acme"}}) == ava);
  CHECK(hash({{"company", "Acme"}}) == ava);  // even without the name
  // A merge of names and companies is still one template (SPEC §10).
  CHECK(hash({{"first_name", "Ava"}, {"company", "Globex"}}) == ava);
  // A field that is not masked makes a body of its own.
  CHECK(hash({{"first_name", "Ava"}, {"company", "Acme"}, {"topic", "pricing"}}) != ava);
  CHECK(hash({{"first_name", "Ava"}, {"company", "Acme"}, {"topic", "outbound"}}) == ava);
  CHECK(Rules::builtin().plan.same_template_masked_fields ==
        std::vector<std::string>{"first_name", "last_name", "name", "company", "title", "position",
                                 "location"});
  CHECK(fnv1a64("") == 14695981039346656037ULL);
  CHECK(fnv1a64("a") == 0xaf63dc4c8601ec8cULL);
  // Fed in parts, the hash of the parts joined (the variant assignment's id, newline, key).
  CHECK(Fnv1a64().add("p-001").add("\n").add("connect").value() == fnv1a64("p-001\nconnect"));
}

TEST_CASE("an InMail of 400 characters or more is not short", "[plan][drafts]") {
  const std::string body(399, 'a');
  const PlanConfig short_config =
      config_with(parse("Subject: Idea for {{company}}\n\n" + body), std::nullopt, std::nullopt);
  DraftChecker short_checker(Rules::builtin(), short_config);
  std::vector<PlanFinding> findings;
  CHECK(
      short_checker.check(DraftKind::inmail, prospect({{"company", "Acme"}}), findings).short_body);
  const PlanConfig long_config =
      config_with(parse("Subject: Idea\n\n" + body + "{{company}}"), std::nullopt, std::nullopt);
  DraftChecker long_checker(Rules::builtin(), long_config);
  CHECK_FALSE(
      long_checker.check(DraftKind::inmail, prospect({{"company", "A"}}), findings).short_body);
}

TEST_CASE("connection notes are hashed with the merge fields masked too", "[plan][drafts]") {
  const PlanConfig config = config_with(
      std::nullopt, parse("Hi {{first_name}}, I follow {{company}}'s {{topic}}."), std::nullopt);
  DraftChecker checker(Rules::builtin(), config);
  std::vector<PlanFinding> findings;
  const auto hash = [&](std::vector<std::pair<std::string, std::string>> fields) {
    return checker.check(DraftKind::connect, prospect(std::move(fields)), findings).masked_hash;
  };
  const auto a = hash({{"first_name", "Ava"}, {"company", "Acme"}, {"topic", "blog"}});
  CHECK(hash({{"first_name", "Bo"}, {"company", "Globex"}, {"topic", "blog"}}) == a);
  CHECK(hash({{"first_name", "Ava"}, {"company", "Acme"}, {"topic", "talk"}}) != a);
}

TEST_CASE("a rendered draft is kept when asked for, split into subject and body",
          "[plan][drafts]") {
  const PlanConfig config = config_with(parse(inmail_text), std::nullopt, std::nullopt);
  DraftChecker checker(Rules::builtin(), config);
  std::vector<PlanFinding> findings;
  RenderedDraft kept;
  checker.check(DraftKind::inmail, prospect({{"first_name", "Ava"}, {"company", "Acme"}}), findings,
                &kept);
  CHECK(kept.subject == "Your talk on outbound");
  CHECK(kept.body ==
        "Hi Ava, your talk at Acme on outbound was spot on. Worth a 15-min chat this week?");
}

TEST_CASE("a follow-up uses the follow_up template, else the message one", "[plan][drafts]") {
  PlanConfig config = config_with(std::nullopt, std::nullopt, parse("Thanks {{first_name}}!"));
  std::vector<PlanFinding> findings;
  RenderedDraft kept;
  DraftChecker without(Rules::builtin(), config);
  CHECK(without.has_template(DraftKind::follow_up));
  without.check(DraftKind::follow_up, prospect({{"first_name", "Ava"}}), findings, &kept);
  CHECK(kept.body == "Thanks Ava!");
  config.follow_up_templates = {{"", parse("Any thoughts, {{first_name}}?")}};
  DraftChecker with(Rules::builtin(), config);
  with.check(DraftKind::follow_up, prospect({}), findings, &kept);
  CHECK(kept.body == "Any thoughts, ?");
  REQUIRE_FALSE(findings.empty());
  CHECK(findings.back().message.rfind("follow-up: the prospect has no field 'first_name'", 0) == 0);
}

TEST_CASE("a draft keeps at most 100 findings and says how many were left out", "[plan][drafts]") {
  const PlanConfig config =
      config_with(std::nullopt, std::nullopt, parse("Hi {{first_name}}, worth a chat?"));
  DraftChecker checker(Rules::builtin(), config);
  std::string name;
  for (int i = 0; i < 150000; ++i) name += "{{x}}";
  std::vector<PlanFinding> findings;
  const DraftCheck check =
      checker.check(DraftKind::message, prospect({{"first_name", name}}), findings);
  REQUIRE(findings.size() == max_findings_per_draft + 1);
  CHECK(check.findings == findings.size());
  CHECK(findings[0].rule == "unfilled-placeholder");  // 150,000, and the body is too long
  CHECK(findings.back().rule == "findings-left-out");
  CHECK(findings.back().severity == "error");
  CHECK(findings.back().message ==
        "message: 149901 more findings left out (a draft lists at most 100)");
}

TEST_CASE("a plan keeps at most 10,000 findings, in row order", "[plan][drafts]") {
  std::vector<PlannedProspect> rows(120);
  for (PlannedProspect& row : rows)
    for (int i = 0; i < 100; ++i) row.findings.push_back({"long-inmail", "warning", "w"});
  rows[119].findings.push_back({"body-too-long", "error", "e"});
  CHECK(cap_plan_findings(rows) == 120 * 100 + 1 - max_findings_per_plan);
  CHECK(rows[99].findings.size() == 100);
  REQUIRE(rows[100].findings.size() == 1);
  CHECK(rows[100].findings[0].rule == "findings-left-out");
  CHECK(rows[100].findings[0].severity == "warning");
  CHECK(rows[100].findings[0].message == "100 findings left out (a plan lists at most 10000)");
  CHECK(rows[119].findings[0].severity == "error");  // the exit status stays the same
  std::vector<PlannedProspect> few(3);
  few[0].findings.push_back({"long-inmail", "warning", "w"});
  CHECK(cap_plan_findings(few) == 0);
  CHECK(few[0].findings.size() == 1);
}

TEST_CASE("a channel with variants renders the one the prospect's id hashes to",
          "[plan][drafts][variants]") {
  PlanConfig config = config_with(std::nullopt, std::nullopt, std::nullopt);
  config.account.templates.connect = {{"a", "t/a.txt"}, {"b", "t/b.txt"}};
  config.connect_templates = {{"a", parse("A, {{first_name}}?")},
                              {"b", parse("B, {{first_name}}?")}};
  DraftChecker checker(Rules::builtin(), config);
  std::vector<PlanFinding> findings;
  RenderedDraft kept;
  // FNV-1a 64 of "p-001\nconnect" is odd, of "p-002\nconnect" even (account_test).
  Prospect first = prospect({{"first_name", "Ava"}});
  first.id = "p-001";
  CHECK(checker.check(DraftKind::connect, first, findings, &kept).variant == "b");
  CHECK(kept.body == "B, Ava?");
  Prospect second = prospect({{"first_name", "Bo"}});
  second.id = "p-002";
  CHECK(checker.check(DraftKind::connect, second, findings, &kept).variant == "a");
  CHECK(kept.body == "A, Bo?");
  // One template: no variant.
  config.connect_templates = {{"", parse("Hi {{first_name}}")}};
  DraftChecker single(Rules::builtin(), config);
  CHECK(single.check(DraftKind::connect, first, findings, &kept).variant.empty());
}
