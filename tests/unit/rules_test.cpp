#include "outreach/rules.hpp"

#include <set>

#include <fmt/format.h>
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "outreach/error.hpp"
#include "outreach/plan.hpp"

using namespace outreach;

namespace {

// The built-in document with one value replaced, as a user's --rules file would be.
std::string builtin_with(const std::string& pointer, const nlohmann::json& value) {
  nlohmann::json doc = nlohmann::json::parse(Rules::builtin().source_text);
  doc[nlohmann::json::json_pointer(pointer)] = value;
  return doc.dump();
}

std::string error_of(const std::string& text) {
  try {
    Rules::parse(text, "my-rules.json");
  } catch (const InputError& e) {
    return e.what();
  }
  return "";
}

}  // namespace

TEST_CASE("the built-in rules hold the article's defaults", "[rules]") {
  const Rules& rules = Rules::builtin();
  CHECK(rules.channel("message").body_limit == 8000);
  CHECK(rules.channel("inmail").body_limit == 1900);
  CHECK(rules.channel("inmail").subject_limit == 200);
  CHECK(rules.channel("inmail").subject_required);
  CHECK(rules.channel("connect").body_limit == 300);
  CHECK_FALSE(rules.channel("connect").subject_allowed);
  CHECK(rules.plans.at("sales-navigator-core").monthly_credits == 50);
  CHECK(rules.plans.at("sales-navigator-core").cap == 150);
  CHECK(rules.plans.at("recruiter").cap == 450);
  CHECK(rules.refund_window_days == 90);
  CHECK(rules.plan.weekly_invite_limit == 100);
  CHECK(rules.plan.business_hours.days == std::vector<int>{2, 3, 4});
  CHECK(rules.plan.business_hours.start_minute == 9 * 60);
  CHECK(rules.lint.rules.size() == 14);
  CHECK(rules.lint.rules.back().id == "template-syntax");
  CHECK(rules.rates.short_inmail_multiplier == Approx(1.22));
}

TEST_CASE("every disputed value of SPEC §6 carries a note", "[rules]") {
  const Rules& rules = Rules::builtin();
  for (const char* key :
       {"channels.inmail.body_limit", "channels.message.body_limit", "plans.recruiter-lite.cap",
        "plans.recruiter.cap", "credits.declined_inmail_refunded", "channels.connect.body_limit",
        "plan.weekly_invite_limit", "channels.inmail.open_profile_credit_cost", "plans.grant_day"})
    CHECK(rules.notes.count(key) == 1);
}

TEST_CASE("rationales are filled in from the rules data", "[rules]") {
  const Rules rules = Rules::parse(builtin_with("/lint/long_inmail_chars", 500), "r.json");
  CHECK(rules.lint_rule("long-inmail")->rationale.find("500 characters") != std::string::npos);
  CHECK(rules.lint_rule("no-such-rule") == nullptr);
}

TEST_CASE("a rules file is validated with errors that name the key", "[rules]") {
  CHECK(error_of(builtin_with("/plans/free/cap", "x")) ==
        "my-rules.json: plans.free.cap: expected an integer, got \"x\"");
  CHECK(error_of(builtin_with("/channels/inmail/body_limit", -1)) ==
        "my-rules.json: channels.inmail.body_limit: expected an integer from 1 to 1000000000, got "
        "-1");
  CHECK(error_of(builtin_with("/plan/business_hours/days", nlohmann::json{"tue", "wednesday"})) ==
        "my-rules.json: plan.business_hours.days[1]: unknown weekday 'wednesday' (did you mean "
        "'wed'?)");
  CHECK(error_of(builtin_with("/lint_rules/long-inmail/severity", "fatal")) ==
        "my-rules.json: lint_rules.long-inmail.severity: expected \"error\" or \"warning\", got "
        "\"fatal\"");
  CHECK(error_of(
            builtin_with("/response_rates/inmail", nlohmann::json{{"low", 0.3}, {"high", 0.1}})) ==
        "my-rules.json: response_rates.inmail: low is greater than high");
  CHECK(error_of(builtin_with("/lint/generic_openers/2", " ")) ==
        "my-rules.json: lint.generic_openers[2]: expected a phrase, got an empty string");
  CHECK(error_of(builtin_with("/lint_rules/template-syntax", nullptr)) ==
        "my-rules.json: lint_rules.template-syntax: expected an object, got null");
  CHECK(error_of(builtin_with("/lint_rulez", 1)) ==
        "my-rules.json: lint_rulez: unknown key (did you mean 'lint_rules'?)");
  CHECK(error_of("{\"version\": 1") ==
        "my-rules.json:1:14: malformed JSON: unexpected end of input; expected '}'");
  CHECK(error_of(std::string("{\"version\"\0: 1}", 15)) ==
        "my-rules.json:1:11: NUL byte in JSON input");
}

TEST_CASE("the plan lookup suggests a close name", "[rules]") {
  CHECK_THROWS_WITH(Rules::builtin().plan_named("sales-navigator", "account.json: plan"),
                    "account.json: plan: unknown plan 'sales-navigator' (did you mean "
                    "'sales-navigator-advanced'?)");
}

TEST_CASE("deeply nested input is refused while parsing", "[rules]") {
  const std::string deep = std::string(100000, '[') + std::string(100000, ']');
  CHECK(error_of(deep) == "my-rules.json:1:65: JSON nested deeper than 64 levels");
}

TEST_CASE("the rules data's version and source", "[rules]") {
  CHECK(Rules::builtin().version == 1);
  CHECK(Rules::builtin().source.rfind("LinkedIn Messages vs InMail", 0) == 0);
  CHECK(error_of(builtin_with("/source", 1)) == "my-rules.json: source: expected a string, got 1");
}

TEST_CASE("the plan's codes are explained, with values of the rules filled in", "[rules]") {
  const Rules rules = Rules::parse(builtin_with("/plan/same_template_threshold", 7), "r.json");
  REQUIRE(rules.plan_finding("missing-field") != nullptr);
  CHECK(rules.plan_finding("missing-field")->severity == "error");
  CHECK(rules.plan_finding("same-template")->severity == "warning");
  CHECK(rules.plan_finding("same-template")->rationale.find("more than 7 prospects") !=
        std::string::npos);
  CHECK(rules.plan_reason("time-sensitive")->rationale.find("(14 days)") != std::string::npos);
  CHECK(rules.plan_reason("long-inmail") == nullptr);
  CHECK(rules.plan_finding("free-path") == nullptr);
  // explain's ids: the lint rules, then the findings, then the reasons, each once.
  const std::vector<std::string> ids = rules.explainable_ids();
  CHECK(ids.front() == "body-too-long");
  CHECK(std::set<std::string>(ids.begin(), ids.end()).size() == ids.size());
  CHECK(ids.size() ==
        rules.lint.rules.size() + rules.plan_findings.size() + rules.plan_reasons.size());
}

TEST_CASE("the plan's explanations are validated like the rest", "[rules]") {
  CHECK(error_of(builtin_with("/plan_reasons/free-path/rationale", "")) ==
        "my-rules.json: plan_reasons.free-path.rationale: expected an explanation, got an empty "
        "string");
  CHECK(error_of(builtin_with("/plan_findings/missing-field/severity", "info")) ==
        "my-rules.json: plan_findings.missing-field.severity: expected \"error\" or \"warning\", "
        "got \"info\"");
  CHECK(error_of(builtin_with("/plan_reasons/Free Path", {{"rationale", "x"}})) ==
        "my-rules.json: plan_reasons.Free Path: 'Free Path' is not a code: expected lower-case "
        "letters, digits and '-'");
  CHECK(error_of(builtin_with("/plan_findings/long-inmail",
                              {{"severity", "error"}, {"rationale", "x"}})) ==
        "my-rules.json: plan_findings.long-inmail: a lint rule already has this id");
  CHECK(error_of(builtin_with("/plan_reasons/missing-field", {{"rationale", "x"}})) ==
        "my-rules.json: plan_reasons.missing-field: a lint rule or a plan finding already has "
        "this id");
  CHECK(error_of(builtin_with("/plan_reasons/free-path/why", "x")) ==
        "my-rules.json: plan_reasons.free-path.why: unknown key");
}

TEST_CASE("every reason code of the planner has an explanation, and no other", "[rules]") {
  // The names of every value of PlanReason's underlying type: a value past the last one takes
  // the name function's fallback, so the set is exactly the names the planner can print.
  std::set<std::string> reasons;
  for (int value = 0; value <= 255; ++value)
    reasons.insert(std::string(plan_reason_name(static_cast<PlanReason>(value))));
  for (const std::string& reason : reasons) {
    INFO("reason " << reason);
    CHECK(Rules::builtin().plan_reason(reason) != nullptr);
  }
  CHECK(reasons.size() == Rules::builtin().plan_reasons.size());
}

TEST_CASE("every finding code a plan prints has an explanation", "[rules]") {
  // A campaign that trips the plan's own findings: 25 recruits share one InMail once their
  // names are masked (same-template), and one of them has no first name (missing-field).
  const Rules& rules = Rules::builtin();
  PlanConfig config;
  config.rules = &rules;
  config.start = *parse_iso_date("2026-03-02");
  config.account.plan = "recruiter";
  config.account.plan_start = *parse_iso_date("2026-01-10");
  config.account.opening = OpeningBalance{100, *parse_iso_date("2026-03-01")};
  config.account.zone = date::locate_zone("America/New_York");
  config.account.weekly_invite_limit = 100;
  config.account.business_hours = rules.plan.business_hours;
  config.account.sequence = rules.sequence;
  config.inmail_templates = {
      {"", std::get<Template>(Template::parse("Subject: A role on our team\n\nHi {{first_name}}, "
                                              "would you be open to a short chat?"))}};
  Planner planner(config);
  for (int i = 0; i < 25; ++i) {
    Prospect p;
    p.id = fmt::format("r-{:02}", i);
    p.degree = 2;
    p.goal = Goal::recruiting;
    p.fields = {{"id", p.id}};
    if (i > 0) p.fields.emplace_back("first_name", fmt::format("Name{}", i));
    planner.add(std::span<Prospect>(&p, 1));
  }
  const PlanResult plan = planner.finish();

  std::set<std::string> codes;
  for (const PlannedProspect& row : plan.prospects)
    for (const PlanFinding& finding : row.findings) codes.insert(finding.rule);
  for (const std::string& warning : plan.summary.warnings)
    codes.insert(warning.substr(0, warning.find(':')));
  CHECK(codes.count("missing-field") == 1);
  CHECK(codes.count("same-template") == 1);
  for (const std::string& code : codes) {
    INFO("code " << code);
    CHECK((rules.lint_rule(code) != nullptr || rules.plan_finding(code) != nullptr));
  }
}

TEST_CASE("a key given twice in a rules file is refused", "[rules]") {
  std::string text = Rules::builtin().source_text;
  const auto at = text.find("\"version\"");
  text.insert(at, "\"version\": 1, ");
  CHECK(error_of(text) == "my-rules.json: version: duplicate key");
  std::string nested = Rules::builtin().source_text;
  const auto cap = nested.find("\"cap\"");
  nested.insert(cap, "\"cap\": 5, ");
  CHECK(error_of(nested).rfind("my-rules.json: plans.", 0) == 0);
  CHECK(error_of(nested).find(".cap: duplicate key") != std::string::npos);
}

TEST_CASE("text shown to people holds no control or bidirectional characters", "[rules]") {
  CHECK(error_of(builtin_with("/plans/free/name", "Free\x1b]0;owned\x07")) ==
        "my-rules.json: plans.free.name: expected text without control or bidirectional "
        "characters, got \"Free\\u001b]0;owned\\u0007\"");
  CHECK(error_of(builtin_with("/plans/free/name", "Free \u202e")).find("plans.free.name") !=
        std::string::npos);
  CHECK(error_of(builtin_with("/lint_rules/long-inmail/rationale", "a\u009bb"))
            .find("lint_rules.long-inmail.rationale: expected text without control") !=
        std::string::npos);
  nlohmann::json doc = nlohmann::json::parse(Rules::builtin().source_text);
  doc["plans"]["bad\x1b[2J"] = doc["plans"]["free"];
  CHECK(error_of(doc.dump()) ==
        "my-rules.json: plans: expected plan ids of printable text, got 'bad\\x1B[2J'");
}

TEST_CASE("values that cannot be true are refused", "[rules]") {
  CHECK(error_of(builtin_with("/response_rates/inmail/high", 1.5)) ==
        "my-rules.json: response_rates.inmail.high: expected a number from 0 to 1, got 1.5");
  CHECK(error_of(builtin_with("/plans/recruiter/monthly_credits", 1000000000))
            .rfind("my-rules.json: plans.recruiter.monthly_credits: expected an integer from 0 to "
                   "1000000",
                   0) == 0);
  CHECK(error_of(builtin_with("/plan/business_hours/start", "24:00"))
            .rfind("my-rules.json: plan.business_hours.start: expected a time HH:MM", 0) == 0);
}

TEST_CASE("the CSV header aliases of SPEC §9 are in the rules", "[rules][csv]") {
  const CsvRules& csv = Rules::builtin().csv;
  for (const char* header :
       {"URL", "Profile URL", "LinkedIn URL", "LinkedIn Profile", "Person Linkedin Url"})
    CHECK(csv.field_for(header) == "profile_url");
  CHECK(csv.field_for("Connection Degree") == "degree");
  CHECK(csv.field_for("connection") == "degree");
  CHECK(csv.field_for("Time Zone") == "timezone");
  CHECK(csv.field_for(" First Name ") == "first_name");
  CHECK(csv.field_for("Open-Profile") == "open_profile");
  CHECK(csv_column_key("  ") == "");
}

TEST_CASE("CSV aliases are validated", "[rules][csv]") {
  CHECK(error_of(builtin_with("/csv/aliases/degre", {"Deg"})) ==
        "my-rules.json: csv.aliases.degre: unknown field 'degre' (did you mean 'degree'?)");
  CHECK(error_of(builtin_with("/csv/aliases/goal", {"Time Zone"})) ==
        "my-rules.json: csv.aliases.goal[0]: 'time_zone' is already an alias of 'timezone'");
  CHECK(error_of(builtin_with("/csv/aliases/goal", {"Degree"})) ==
        "my-rules.json: csv.aliases.goal[0]: 'degree' is already the name of the field 'degree'");
  CHECK(error_of(builtin_with("/csv/aliases/goal", {" "})) ==
        "my-rules.json: csv.aliases.goal[0]: expected a header name, got an empty string");
}

TEST_CASE("Sales Navigator's three tiers", "[rules]") {
  const Rules& rules = Rules::builtin();
  for (const char* id :
       {"sales-navigator-core", "sales-navigator-advanced", "sales-navigator-advanced-plus"}) {
    INFO(id);
    CHECK(rules.plans.at(id).monthly_credits == 50);
    CHECK(rules.plans.at(id).cap == 150);
    CHECK(rules.plans.at(id).grant_day == 0);
  }
}

TEST_CASE("a plan's grant_day is \"start\" or a day every month has", "[rules]") {
  CHECK(Rules::parse(builtin_with("/plans/recruiter/grant_day", 28), "r.json")
            .plans.at("recruiter")
            .grant_day == 28);
  CHECK(Rules::parse(builtin_with("/plans/recruiter/grant_day", "start"), "r.json")
            .plans.at("recruiter")
            .grant_day == 0);
  nlohmann::json without = nlohmann::json::parse(Rules::builtin().source_text);
  without["plans"]["recruiter"].erase("grant_day");
  CHECK(Rules::parse(without.dump(), "r.json").plans.at("recruiter").grant_day == 0);
  CHECK(error_of(builtin_with("/plans/recruiter/grant_day", 29)) ==
        "my-rules.json: plans.recruiter.grant_day: expected an integer from 1 to 28, got 29");
  CHECK(error_of(builtin_with("/plans/recruiter/grant_day", 0)) ==
        "my-rules.json: plans.recruiter.grant_day: expected an integer from 1 to 28, got 0");
  CHECK(error_of(builtin_with("/plans/recruiter/grant_day", "first")) ==
        "my-rules.json: plans.recruiter.grant_day: expected \"start\" or a day of the month from "
        "1 to 28, got \"first\"");
}

TEST_CASE("the built-in profiles: article is the default, linkedin-help LinkedIn's values",
          "[rules]") {
  CHECK(Rules::profile_names() == std::vector<std::string>{"article", "linkedin-help"});
  CHECK(Rules::builtin_profile("article") == &Rules::builtin());
  CHECK(Rules::builtin_profile("Article") == nullptr);
  CHECK(Rules::builtin_profile("rules.json") == nullptr);
  const Rules* help = Rules::builtin_profile("linkedin-help");
  REQUIRE(help != nullptr);
  CHECK(help->source.find("LinkedIn's own help pages") != std::string::npos);
  CHECK(help->channel("inmail").body_limit == 2000);
  CHECK(help->plans.at("recruiter-lite").cap == 120);
  CHECK(help->plans.at("recruiter").cap == 600);
  CHECK(help->declined_inmail_refunded);
  for (const char* id :
       {"sales-navigator-core", "sales-navigator-advanced", "sales-navigator-advanced-plus"})
    CHECK(help->plans.at(id).grant_day == 1);
  CHECK(help->plans.at("premium-career").grant_day == 0);
  // What the profile does not change is the article's.
  CHECK(help->channel("message").body_limit == 8000);
  CHECK(help->plans.at("recruiter").monthly_credits == 150);
  // Every value the profile changes says what it rests on, and explain follows the values.
  for (const char* key :
       {"channels.inmail.body_limit", "plans.recruiter-lite.cap", "plans.recruiter.cap",
        "credits.declined_inmail_refunded", "plans.sales-navigator-core.grant_day",
        "plans.sales-navigator-advanced.grant_day",
        "plans.sales-navigator-advanced-plus.grant_day"})
    CHECK(help->notes.at(key).find("LinkedIn Help") != std::string::npos);
  CHECK(help->lint_rule("body-too-long")->rationale.find("2000 for an InMail") !=
        std::string::npos);
  CHECK(help->plan_reason("declined")->rationale.find("return the credit") != std::string::npos);
}
